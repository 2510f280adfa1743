"""The content itself: complete, sourced, dated, without placeholders, with working links."""

import re

import pytest

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
    assert median.amount == 102950 and median.occupation_code == "11-1021" and median.verified
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
