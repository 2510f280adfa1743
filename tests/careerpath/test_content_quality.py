"""The content itself: complete, sourced, dated, without placeholders, with working links."""

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from careerpath.audit import is_primary_source
from careerpath.content import read_content
from guides.markdown import word_count
from tests.careerpath.test_content_loading import LADDER_ROLE_SLUGS


@pytest.fixture(scope="module")
def content(django_db_blocker):
    from django.conf import settings

    with django_db_blocker.unblock():
        return read_content(settings.CONTENT_DIR)


def records(content, kind):
    return content.records[kind]


PLACEHOLDER = re.compile(r"\b(lorem|ipsum|TODO|TBD|FIXME|XXX)\b|\?\?\?", re.IGNORECASE)
LINK = re.compile(r"\]\((/[^)\s]*)\)")


def all_text(content):
    for kind, items in content.records.items():
        for record in items:
            for value in record.model_dump(mode="json").values():
                yield kind, getattr(record, "slug", getattr(record, "key", "")), str(value)


def test_there_is_enough_of_every_kind(content):
    assert {r.slug for r in records(content, "roles")} == LADDER_ROLE_SLUGS
    assert len(records(content, "skills")) >= 30
    assert len(records(content, "certifications")) >= 8
    assert len(records(content, "faqs")) >= 20
    assert len({f.category for f in records(content, "faqs")}) >= 5
    assert len(records(content, "guides")) >= 7
    assert len(records(content, "organizations")) >= 6


def test_the_required_skills_are_present(content):
    names = " ".join(s.name.lower() for s in records(content, "skills"))
    for word in (
        "lean",
        "value stream",
        "5s",
        "dmaic",
        "erp",
        "mrp",
        "capacity",
        "forecast",
        "budget",
        "logistics",
        "inventory",
        "quality",
        "kpi",
        "prescriptive",
        "project management",
        "leadership",
        "change management",
        "communication",
        "executive reporting",
        "decision",
        "negotiation",
    ):
        assert word in names, word


def test_every_role_is_complete(content):
    for role in records(content, "roles"):
        assert len(role.skills) >= 8, role.slug
        assert 6 <= len(role.responsibilities) <= 10, role.slug
        assert 4 <= len(role.kpis) <= 8, role.slug
        assert role.entry_points or role.tier == "entry", role.slug


def test_every_salary_figure_has_a_source_and_a_year(content):
    by_role = {}
    for figure in records(content, "salaries"):
        assert figure.source_name and figure.reference_year >= 2015, figure.key
        assert figure.code_match == "exact" or figure.code_note, figure.key
        by_role.setdefault(figure.role, set()).add(figure.statistic)
    assert set(by_role) == LADDER_ROLE_SLUGS
    assert all("median" in stats for stats in by_role.values())


def test_the_seed_median_and_outlook_carry_the_may_2024_source(content):
    median = next(
        f
        for f in records(content, "salaries")
        if f.role == "operations-manager" and f.statistic == "median" and f.reference_year == 2024
    )
    assert median.amount == 102950 and median.occupation_code == "11-1021"
    assert median.edition == "May 2024" and "/oes/2024/may/" in median.source_url
    outlook = next(
        p
        for p in records(content, "projections")
        if p.occupation_code == "11-1021" and p.start_year == 2024
    )
    assert outlook.end_year == 2034 and round(outlook.growth_percent) == 4


def test_the_unsourced_seed_ranges_are_left_out(content):
    amounts = {f.amount for f in records(content, "salaries")}
    assert not amounts & {59600, 82600, 132000}


def test_every_certification_fills_every_field_with_a_dated_source(content):
    for cert in records(content, "certifications"):
        assert cert.eligibility and cert.audience and cert.renewal, cert.slug
        assert cert.sources and all(s.date for s in cert.sources), cert.slug
        if cert.verified_on.year < 2020:  # old facts must say so on the page
            assert cert.unverified, f"{cert.slug}: facts from {cert.verified_on} need a warning"
        assert cert.roles and cert.tiers, cert.slug
        assert cert.exam.questions or cert.unverified, cert.slug
        missing_cost = cert.cost.member is None or cert.cost.nonmember is None
        assert not missing_cost or cert.cost.note, f"{cert.slug}: say why a cost is missing"


def test_no_placeholder_text_anywhere(content):
    for kind, key, text in all_text(content):
        assert not PLACEHOLDER.search(text), f"{kind}: {key}: {PLACEHOLDER.search(text)}"


def test_every_internal_link_points_at_an_existing_page(content):
    slugs = {
        kind: {r.slug for r in records(content, kind)}
        for kind in ("roles", "certifications", "guides", "faqs")
    }
    texts = [(f.slug, f.answer) for f in records(content, "faqs")]
    texts += [(g.slug, g.body) for g in records(content, "guides")]
    for owner, text in texts:
        for link in LINK.findall(text):
            path, _, fragment = link.partition("#")
            path = path.split("?")[0]
            parts = [p for p in path.split("/") if p]
            if parts[:1] == ["roles"] and len(parts) == 2:
                assert parts[1] in slugs["roles"], (owner, link)
            elif parts[:1] == ["certifications"] and len(parts) == 2 and parts[1] != "compare":
                assert parts[1] in slugs["certifications"], (owner, link)
            elif parts[:1] == ["guides"] and len(parts) == 2:
                assert parts[1] in slugs["guides"], (owner, link)
            elif parts == ["faq"] and fragment:
                assert fragment in slugs["faqs"], (owner, link)
            else:
                assert parts[:1] in (
                    [],
                    ["roles"],
                    ["ladder"],
                    ["certifications"],
                    ["faq"],
                    ["guides"],
                    ["search"],
                    ["about"],
                ), (owner, link)


def test_faq_answers_and_guides_are_within_their_lengths(content):
    for faq in records(content, "faqs"):
        assert 40 <= word_count(faq.answer) <= 150, faq.slug
    for guide in records(content, "guides"):
        assert 600 <= word_count(guide.body) <= 1500, guide.slug


def test_the_five_seed_questions_are_answered(content):
    questions = " ".join(f.question.lower() for f in records(content, "faqs"))
    for phrase in ("communicate", "expect", "how often", "depart", "certification"):
        assert phrase in questions, phrase


# --- true today, and saying how sure it is ------------------------------------------------------


def test_no_fact_is_marked_verified_without_its_primary_source(content):
    for figure in records(content, "salaries") + records(content, "projections"):
        if figure.verified:
            assert is_primary_source(figure.source_url), f"{figure.key}: verified, not on bls.gov"
    issuers = {o.slug: o.url for o in records(content, "organizations")}
    for cert in records(content, "certifications"):
        if not cert.unverified:  # everything confirmed: the issuer's own page must be a source
            assert any(
                is_primary_source(s.url, issuers[cert.issuer]) for s in cert.sources if s.url
            ), f"{cert.slug}: nothing unconfirmed, yet no source on the issuer's site"


def test_the_primary_source_rule_refuses_copies_and_accepts_the_issuer():
    assert is_primary_source("https://www.bls.gov/oes/2024/may/oes111021.htm")
    assert not is_primary_source("https://github.com/someone/bls-copy/data.json")
    assert not is_primary_source("https://www.beckersasc.com/article")
    assert is_primary_source("https://asq.org/cert/faq", "https://asq.org/")
    assert not is_primary_source("https://open-exam-prep.com/cscp", "https://www.ascm.org/")


def shown_figure(figures):
    """The figure a role shows on cards: its headline, else its newest median (as the site does)."""
    headline = [f for f in figures if f.headline]
    if headline:
        return headline[0]
    medians = sorted(
        (f for f in figures if f.statistic == "median"), key=lambda f: -f.reference_year
    )
    return medians[0] if medians else None


def test_every_role_shows_exactly_one_figure_with_an_edition(content):
    by_role = {}
    for figure in records(content, "salaries"):
        by_role.setdefault(figure.role, []).append(figure)
    for role, figures in by_role.items():
        assert sum(f.headline for f in figures) == 1, f"{role}: mark exactly one figure headline"


def test_no_two_rungs_show_the_same_figure_unless_explained(content):
    by_role = {}
    for figure in records(content, "salaries"):
        by_role.setdefault(figure.role, []).append(figure)
    shown = {role: shown_figure(figures) for role, figures in by_role.items()}
    roles_by_amount, roles_by_code = {}, {}
    for role, figure in shown.items():
        roles_by_amount.setdefault(figure.amount, []).append(role)
        roles_by_code.setdefault(figure.occupation_code, []).append(role)
    for group in [*roles_by_amount.values(), *roles_by_code.values()]:
        if len(group) > 1:
            for role in group:
                assert shown[role].rung_note, (
                    f"{role} shows the same figure or occupation as {group}: say why in rung_note"
                )


def test_a_director_and_an_operations_manager_do_not_show_the_same_pay(content):
    shown = {}
    for figure in records(content, "salaries"):
        shown.setdefault(figure.role, []).append(figure)
    manager = shown_figure(shown["operations-manager"])
    senior = shown_figure(shown["senior-operations-manager"])
    director = shown_figure(shown["director-of-operations"])
    assert manager.amount < senior.amount < director.amount
    for estimate in (senior, director):
        assert estimate.statistic != "median" and "estimate" in estimate.rung_note.lower()


def test_every_pay_figure_names_its_edition_and_when_it_was_checked(content):
    for figure in records(content, "salaries"):
        assert figure.edition, f"{figure.key}: which release is it from?"
        assert figure.checked_on, f"{figure.key}: when was it last checked?"
    for projection in records(content, "projections"):
        assert projection.checked_on, projection.key


def test_one_outlook_per_occupation_from_one_edition(content):
    projections = records(content, "projections")
    assert len({p.occupation_code for p in projections}) == len(projections)
    assert {(p.start_year, p.end_year) for p in projections} == {(2024, 2034)}


def test_logisticians_use_the_bls_figure_for_the_edition_cited(content):
    for figure in records(content, "salaries"):
        if figure.occupation_code == "13-1081":
            assert figure.amount == 80880 and figure.edition == "May 2024"
            assert "bls.gov" in figure.source_url
            assert "Becker" not in figure.source_name


def test_every_certification_gives_a_total_cost_or_the_reason_it_cannot(content):
    for cert in records(content, "certifications"):
        assert cert.cost.total is not None or cert.cost.total_note, cert.slug
        assert cert.study_hours and cert.pass_rate, cert.slug


def test_every_certification_was_checked_within_the_last_twelve_months(content):
    year_ago = date.today() - timedelta(days=365)
    for cert in records(content, "certifications"):
        assert cert.verified_on >= year_ago, f"{cert.slug}: last checked {cert.verified_on}"


def test_the_corrected_certification_facts_stay_corrected(content):
    certs = {c.slug: c for c in records(content, "certifications")}
    capm = certs["capm"]
    assert capm.validity_years == 3 and "15 professional development units" in capm.renewal
    assert "23 hours" in capm.eligibility
    pmp = certs["pmp"]
    assert pmp.exam.minutes != 230 and "33%" in pmp.exam.format and "26%" in pmp.exam.format
    assert "three years of related business experience" in certs["cscp"].eligibility
    faqs = {f.slug: f for f in records(content, "faqs")}
    faq = faqs["how-do-i-get-an-entry-level-operations-job"]
    assert "no-prerequisite" not in faq.answer and "23 hours" in faq.answer


def test_renamed_bodies_and_products_use_their_current_names(content):
    for kind, key, text in all_text(content):
        if kind == "skills":
            assert "Kronos" not in text or "UKG" in text, key
    asq = next(o for o in records(content, "organizations") if o.slug == "asq")
    assert "ASQE" in asq.description


def test_the_hr_and_marketing_guide_is_there_and_linked_from_the_roles_that_need_it(content):
    guide = next(g for g in records(content, "guides") if g.slug == "operations-hr-and-marketing")
    assert 800 <= word_count(guide.body) <= 1500
    assert {"operations-manager", "director-of-operations"} <= set(guide.roles)
    body = guide.body.lower()
    assert "human resources" in body and "marketing" in body


def _git(*args) -> str:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def last_revised(path: Path) -> str:
    """The date of the last commit that changed the guide beyond its own `updated:` line."""
    log = _git("log", "--follow", "-p", "--format=@@@%ad", "--date=short", "--", str(path))
    for commit in log.split("@@@")[1:]:
        day, _, diff = commit.partition("\n")
        changed = [
            line
            for line in diff.splitlines()
            if line[:1] in ("+", "-") and not line.startswith(("+++", "---"))
        ]
        if any(not line[1:].startswith("updated:") for line in changed):
            return day.strip()
    return ""


def test_guides_updated_dates_are_the_dates_they_were_last_revised(content, content_dir):
    if not _git("rev-parse", "--is-inside-work-tree"):
        # Outside a git checkout there is no history: the dates must at least not be copies.
        assert len({g.updated for g in records(content, "guides")}) > 1
        return
    for guide in records(content, "guides"):
        path = content_dir / "guides" / f"{guide.slug}.md"
        last = last_revised(path)
        if _git("status", "--porcelain", "--", str(path)) or not last:
            # Being revised now: dated between its last revision and today.
            assert not last or guide.updated >= date.fromisoformat(last), guide.slug
            assert guide.updated <= date.today(), guide.slug
        else:
            assert guide.updated == date.fromisoformat(last), (
                f"{guide.slug}: updated {guide.updated}, last revised {last}"
            )
