"""The fit finder ranks certifications for a person's tier and where they want to grow, with a
one-line reason made of each certification's own facts."""

import re

import pytest

from certifications import selectors
from certifications.facts import summary_line
from certifications.fit import DECIDED_BY, Growth, rank_for
from certifications.models import Certification, Focus
from common.pagination import PICKER_LIMIT
from roles.models import Role, Tier

from .conftest import assert_valid_html, between

pytestmark = pytest.mark.django_db

URL = "/certifications/"
SIX_SIGMA_BELTS = {
    "lean-six-sigma-green-belt",
    "lean-six-sigma-black-belt",
    "asq-six-sigma-yellow-belt",
    "asq-six-sigma-green-belt",
    "asq-six-sigma-black-belt",
}


def ranked(tier, grow):
    return [
        fit.certification.slug
        for fit in rank_for(
            selectors.catalogue(), tier=tier, grow=grow, tier_years=selectors.typical_experience()
        )
    ]


def shown_fits(html):
    results = between(html, 'id="fit-results"', "</ol>")
    return re.findall(r'<li class="fit-list__item">\s*<a href="/certifications/([^/]+)/">', results)


# The ranking -----------------------------------------------------------------------------------


@pytest.mark.parametrize("tier", ["entry", "mid"])
def test_growing_on_the_production_floor_puts_cpim_first(tier):
    assert ranked(tier, Growth.PRODUCTION_FLOOR)[0] == "cpim"


@pytest.mark.parametrize("tier", ["mid", "senior", "executive"])
def test_growing_across_the_supply_chain_puts_cscp_among_the_best_scores(tier):
    # CSCP, CPSM and (at mid level) CLTD share a focus and suit the tier: they tie at the top,
    # and a tie is shown in a stable order rather than decided by a guess.
    fits = rank_for(
        selectors.catalogue(),
        tier=tier,
        grow=Growth.SUPPLY_CHAIN,
        tier_years=selectors.typical_experience(),
    )
    best = [f.certification.slug for f in fits if f.score == fits[0].score]
    assert "cscp" in best
    assert all(Certification.objects.get(slug=s).focus == Focus.SUPPLY_CHAIN for s in best)


def test_a_newcomer_to_the_supply_chain_gets_cltd_which_asks_for_no_experience_first():
    assert ranked("entry", Growth.SUPPLY_CHAIN)[0] == "cltd"


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        ("entry", "asq-six-sigma-yellow-belt"),
        ("mid", "asq-six-sigma-green-belt"),
        ("senior", "asq-six-sigma-black-belt"),
    ],
)
def test_leading_improvement_projects_puts_a_six_sigma_belt_first(tier, expected):
    order = ranked(tier, Growth.IMPROVEMENT_PROJECTS)
    assert order[0] in SIX_SIGMA_BELTS
    assert order[0] == expected


@pytest.mark.parametrize(
    ("tier", "expected"),
    [("entry", "capm"), ("mid", "pmp"), ("senior", "pmp"), ("executive", "pmp")],
)
def test_running_projects_puts_capm_or_pmp_first_by_tier(tier, expected):
    assert ranked(tier, Growth.RUNNING_PROJECTS)[0] == expected


def test_a_credential_that_asks_for_more_experience_than_the_tier_has_drops():
    entry = ranked("entry", Growth.IMPROVEMENT_PROJECTS)
    mid = ranked("mid", Growth.IMPROVEMENT_PROJECTS)
    # ASQ's Green Belt asks for three years' experience: out of reach at entry level.
    assert entry.index("asq-six-sigma-green-belt") > entry.index("lean-six-sigma-green-belt")
    assert mid.index("asq-six-sigma-green-belt") < mid.index("lean-six-sigma-green-belt")


def test_the_ranking_is_deterministic_and_covers_every_certification():
    first = ranked("mid", Growth.SUPPLY_CHAIN)
    assert first == ranked("mid", Growth.SUPPLY_CHAIN)
    assert sorted(first) == sorted(Certification.objects.values_list("slug", flat=True))


def test_ties_go_to_the_closer_focus_then_the_acronym():
    planning = Certification(
        acronym="ZZZ",
        slug="zzz",
        focus=Focus.PLANNING_INVENTORY,
        eligibility="No formal prerequisite.",
        min_experience_years=0,
        no_prerequisite=True,
        tiers=["senior"],
        renewal="Every three years.",
        exam_parts=1,
    )
    lean = Certification(
        acronym="AAA",
        slug="aaa",
        focus=Focus.PROCESS_IMPROVEMENT,
        eligibility="No formal prerequisite.",
        min_experience_years=0,
        no_prerequisite=True,
        tiers=["senior"],
        renewal="Lifetime certification; no recertification is required.",
        lifetime=True,
        exam_parts=1,
    )
    # Planning (3 x 3) + senior (3) + one exam (1) = 13; lean (3 x 2) + 3 + 1 + lifetime 1 = 11.
    fits = rank_for(
        [lean, planning], tier="senior", grow=Growth.PRODUCTION_FLOOR, tier_years={"senior": 8}
    )
    assert [f.certification.acronym for f in fits] == ["ZZZ", "AAA"]
    assert [f.score for f in fits] == [13, 11]


# The facts behind the reasons ------------------------------------------------------------------


def test_the_experience_each_certification_asks_is_data_the_database_filters_on():
    asks_three_or_more = Certification.objects.filter(min_experience_years__gte=3)
    assert set(asks_three_or_more.values_list("slug", flat=True)) == {
        "asq-six-sigma-green-belt",
        "asq-six-sigma-black-belt",
        "pmp",
        "cpsm",
    }
    # CSCP: three years of experience, or a degree alone, so none is required of everyone.
    assert Certification.objects.get(slug="cscp").min_experience_years == 0
    # Rules that cannot be reduced to a number stay unknown, not "none asked".
    assert Certification.objects.get(slug="sme-lean-certification").min_experience_years is None


def test_reasons_are_made_of_the_certifications_facts():
    reasons = {c.slug: summary_line(c) for c in selectors.catalogue()}
    assert reasons["cscp"] == (
        "Supply chain and logistics; suits mid-level and senior roles; one 150-question exam; "
        "no experience needed; renew every 5 years"
    )
    assert reasons["lean-six-sigma-green-belt"] == (
        "Process improvement; suits entry and mid-level roles; one 100-question exam; "
        "no formal prerequisite; renew every 3 years"
    )
    assert reasons["asq-six-sigma-green-belt"].endswith(
        "asks for experience (from 3 years); lifetime credential"
    )
    assert reasons["capm"].startswith("Project management; suits entry roles;")
    assert "no experience needed" in reasons["capm"]
    assert "three exams" in reasons["cpsm"]
    # Unknown validity is not called lifetime.
    assert "lifetime" not in reasons["sme-lean-certification"]


# The page --------------------------------------------------------------------------------------


def test_the_fit_finder_is_a_short_get_form_on_the_catalogue(client):
    html = client.get(URL).content.decode()
    form = between(html, '<form id="fit-form"', "</form>")
    assert 'method="get"' in form
    assert 'hx-get="/certifications/"' in form and 'hx-target="#fit-results"' in form
    assert 'hx-push-url="true"' in form
    assert '<label for="fit-tier">Your tier now</label>' in form
    assert '<label for="fit-grow">Where you want to grow</label>' in form
    for value in ("production-floor", "supply-chain", "improvement-projects", "running-projects"):
        assert f'<option value="{value}">' in form
    assert "<legend>" in form
    assert "Choose your tier and where you want to grow" in html


def test_answers_rank_certifications_on_the_plain_page(client):
    response = client.get(URL, {"tier": "mid", "grow": "supply-chain"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "cscp" in shown_fits(html)[:3]
    assert len(shown_fits(html)) == 5
    heading = "Best fits for mid-level people who want to grow into the end-to-end supply chain"
    assert heading in html
    assert "one 150-question exam; no experience needed; renew every 5 years" in html
    assert 'href="/certifications/compare/?c=' in html and "c=cscp" in html


def test_answers_with_htmx_return_only_the_ranked_results(client, htmx):
    response = client.get(
        URL, {"tier": "entry", "grow": "running-projects"}, HTTP_HX_TARGET="fit-results", **htmx
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="fit-results" class="fit-results" aria-live="polite">')
    assert shown_fits(html)[0] == "capm"
    assert "HX-Request" in response["Vary"]
    kept = between(html, 'id="kept-answers"', "</div>")
    assert 'hx-swap-oob="true"' in kept and 'name="grow" value="running-projects"' in kept
    assert_valid_html(html)


def test_the_fit_finder_keeps_the_catalogue_filters(client):
    html = client.get(
        URL, {"tier": "mid", "grow": "supply-chain", "issuer": "ascm"}
    ).content.decode()
    # The catalogue is filtered; the ranking still considers every certification.
    assert "cpsm" in shown_fits(html)
    fit_form = between(html, '<form id="fit-form"', "</form>")
    assert '<input type="hidden" name="issuer" value="ascm">' in fit_form


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"tier": "mid", "grow": "astronaut"}, "“astronaut” is not one of the growth areas"),
        ({"tier": "boss", "grow": "supply-chain"}, "“boss” is not one of the tiers we list"),
        ({"tier": "mid"}, "Where you want to grow: Choose one of the growth areas."),
    ],
)
def test_an_answer_that_cannot_be_used_is_a_400_with_a_message(client, query, message):
    response = client.get(URL, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not rank certifications for that answer" in html
    assert message in html
    assert shown_fits(html + "</ol>") == []


# Years, the role aimed at, and when the others become possible ---------------------------------


def fit_items(html):
    """(slug, text of the item) for every ranked certification, now and later."""
    results = between(html, 'id="fit-results"', 'id="kept-answers"')
    items = re.findall(r'<li class="fit-list__item">(.*?)</li>(?=\s*(?:<li|</ol>))', results, re.S)
    return [
        (re.search(r'href="/certifications/([^/]+)/"', item).group(1), re.sub(r"\s+", " ", item))
        for item in items
    ]


def test_the_fit_finder_also_asks_the_role_aimed_at_and_the_years_of_experience(client):
    form = between(client.get(URL).content.decode(), '<form id="fit-form"', "</form>")
    assert '<label for="fit-target">The role you aim at</label>' in form
    assert '<option value="operations-manager">Operations Manager</option>' in form
    assert '<label for="fit-years">Your years of experience</label>' in form
    assert 'type="number" name="years"' in form and 'min="0"' in form


def test_a_newcomer_sees_what_they_can_sit_now_first_and_when_pmp_becomes_possible(client):
    html = client.get(URL, {"tier": "entry", "grow": "running-projects", "years": "0"}).content
    html = html.decode()
    items = dict(fit_items(html))
    order = [slug for slug, _ in fit_items(html)]
    assert order[0] == "capm"
    assert "You can sit it now." in items["capm"]
    assert "Possible later" in html
    assert order.index("pmp") > order.index("capm")
    assert "Possible in 3 more years: it asks for 3 years of experience." in items["pmp"]
    later = between(html, "Possible later", 'id="kept-answers"')
    assert 'href="/certifications/pmp/"' in later and 'href="/certifications/capm/"' not in later


def test_a_black_belt_is_a_later_step_for_a_newcomer(client):
    html = client.get(URL, {"tier": "entry", "grow": "improvement-projects", "years": "0"})
    items = dict(fit_items(html.content.decode()))
    assert (
        "A later step: it suits mid-level and senior roles." in items["lean-six-sigma-black-belt"]
    )
    assert "You can sit it now." in items["lean-six-sigma-green-belt"]


def test_with_enough_years_pmp_can_be_sat_now(client):
    html = client.get(URL, {"tier": "mid", "grow": "running-projects", "years": "4"})
    items = dict(fit_items(html.content.decode()))
    assert "You can sit it now." in items["pmp"]


def test_each_result_shows_its_cost_and_time_beside_its_reason(client):
    html = client.get(URL, {"tier": "mid", "grow": "supply-chain"}).content.decode()
    cscp = Certification.objects.get(slug="cscp")
    item = dict(fit_items(html))["cscp"]
    assert '<p class="fit-list__reason">' in item
    assert f"<dt>Cost</dt><dd>${cscp.cost_nonmember:,.0f}" in item
    assert "<dt>Time</dt><dd>" in item and f"{cscp.exam_minutes} minutes" in item


def test_the_role_aimed_at_is_named_and_lifts_what_suits_its_tier(client):
    html = client.get(
        URL,
        {"tier": "entry", "grow": "supply-chain", "years": "1", "target": "operations-manager"},
    ).content.decode()
    assert "aiming at Operations Manager" in html
    items = dict(fit_items(html))
    assert "It suits the tier of Operations Manager." in items["cscp"]  # mid and senior
    kept = between(html, 'id="kept-answers"', "</div>")
    assert 'name="target" value="operations-manager"' in kept and 'name="years" value="1"' in kept


@pytest.mark.parametrize(
    ("years", "message"),
    [("many", "Give a whole number of years"), ("-1", "greater than or equal to 0")],
)
def test_years_that_are_not_a_number_of_years_are_a_400(client, years, message):
    response = client.get(URL, {"tier": "mid", "grow": "supply-chain", "years": years})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_unknown_role_aimed_at_is_a_400(client):
    response = client.get(URL, {"tier": "mid", "grow": "supply-chain", "target": "astronaut"})
    assert response.status_code == 400
    assert "“astronaut” is not one of the roles we list" in response.content.decode()


def test_the_fit_finder_asks_the_industry_and_ranks_inventory_credentials_lower_in_services(
    client,
):
    query = {"tier": "mid", "grow": "production-floor"}
    general = shown_fits(client.get(URL, query).content.decode())
    services_page = client.get(URL, {**query, "industry": "services"}).content.decode()
    services = shown_fits(services_page)
    assert general[0] == "cpim"
    assert services.index("cpim") > general.index("cpim")
    assert "in services, planning and inventory credentials rank lower" in services_page
    assert "less used in services, where there is little stock" in services_page


def test_an_unknown_industry_in_the_fit_finder_is_refused_with_a_message(client):
    response = client.get(URL, {"tier": "mid", "grow": "supply-chain", "industry": "mining"})
    assert response.status_code == 400
    assert "“mining” is not one of the industries we list" in response.content.decode()


def test_todays_roles_are_offered_as_a_list_of_targets(client):
    html = client.get(URL).content.decode()
    assert '<select name="target" id="fit-target">' in html
    assert '<option value="operations-manager">Operations Manager</option>' in html
    assert 'id="fit-target-hint"' not in html


def test_with_more_roles_than_a_list_holds_the_target_is_typed_by_name(client, tenfold_content):
    assert Role.objects.count() > PICKER_LIMIT
    html = client.get(URL).content.decode()
    assert '<input type="text" name="target"' in html and 'id="fit-target-hint"' in html
    assert '<option value="operations-manager"' not in html
    assert_valid_html(html)


def test_a_typed_title_aims_at_that_role_in_any_case(client, tenfold_content):
    query = {"tier": "entry", "grow": "supply-chain", "years": "1"}
    response = client.get(URL, {**query, "target": "operations MANAGER"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "aiming at Operations Manager" in html
    assert 'name="target" value="Operations Manager"' in html  # shows the role it understood
    kept = between(html, 'id="kept-answers"', "</div>")
    assert 'name="target" value="operations-manager"' in kept
    # The same ranking as a target chosen from the list on today's ladder.
    by_slug = client.get(URL, {**query, "target": "operations-manager"}).content.decode()
    assert shown_fits(html) == shown_fits(by_slug)
    assert "It suits the tier of Operations Manager." in dict(fit_items(html))["cscp"]


def test_a_typed_name_that_names_no_role_is_a_400_that_says_so(client, tenfold_content):
    response = client.get(URL, {"tier": "mid", "grow": "supply-chain", "target": "astronaut"})
    assert response.status_code == 400
    assert "We have no role called “astronaut”" in response.content.decode()


# Read bounded: the first of each kind -------------------------------------------------------


def test_the_fit_finder_ranks_from_the_first_of_each_kind_as_it_would_from_every_one(
    tenfold_content,
):
    # Ten copies of each certification are alike in everything the ranking reads but their
    # acronyms: the page reads the first five of each kind, and ranks them as it ranks all.
    everyone = selectors.catalogue()
    read = selectors.catalogue_read(per_page=24, fit_candidates=5)
    kinds = {tuple(getattr(c, name) for name in DECIDED_BY) for c in everyone}
    assert len(read.fit_candidates) == 5 * len(kinds) < len(everyone)
    tier_years = selectors.typical_experience()
    for tier in Tier.values:
        for grow in Growth.values:
            for years in (None, 0, 3, 12):
                for industry in ("", "services"):
                    for target_tier in ("", "senior"):
                        answers = dict(
                            tier=tier, grow=grow, tier_years=tier_years, years=years,
                            target_tier=target_tier, industry=industry,
                        )  # fmt: skip
                        from_every = rank_for(everyone, **answers)
                        from_first = rank_for(read.fit_candidates, **answers)
                        for now, shown in ((True, 5), (False, 3)):
                            expected = [f for f in from_every if f.now is now][:shown]
                            got = [f for f in from_first if f.now is now][:shown]
                            assert [(f.certification.slug, f.score, f.reason) for f in got] == [
                                (f.certification.slug, f.score, f.reason) for f in expected
                            ], answers


def test_the_catalogue_reads_a_page_with_the_counts_and_every_issuer_at_ten_times(
    tenfold_content,
):
    everyone = selectors.catalogue()
    senior = [c for c in everyone if "senior" in c.tiers]
    read = selectors.catalogue_read(suits="senior", page=2, per_page=24)
    assert [c.slug for c in read.page[24:48]] == [c.slug for c in senior[24:48]]
    assert (len(read.page), read.everyone) == (len(senior), len(everyone))
    awarding = {c.issuer.slug for c in everyone}
    assert [org.slug for org in read.issuers] == sorted(
        awarding,
        key=lambda slug: next(c.issuer.abbreviation for c in everyone if c.issuer.slug == slug),
    )
    assert read.fit_candidates == []
