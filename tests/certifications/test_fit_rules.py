"""The fit finder's scoring and the facts line, on unsaved certifications worked out by hand."""

from certifications.compare import comparison_rows
from certifications.facts import summary_line, validity
from certifications.fit import (
    EXPERIENCE_MET,
    EXPERIENCE_SHORT,
    TOWARD_TARGET,
    Growth,
    experience_points,
    fit_score,
    rank_for,
    readiness,
    tier_points,
    typical_years,
)
from certifications.models import Certification, Focus, Organization
from tests.rules import FakeRole

TIER_YEARS = {"entry": 0, "mid": 3, "senior": 8, "executive": 12}


def cert(**facts) -> Certification:
    values = {
        "acronym": "X",
        "slug": "x",
        "focus": Focus.SUPPLY_CHAIN,
        "tiers": ["mid"],
        "eligibility": "…",
        "renewal": "…",
    }
    return Certification(**{**values, **facts})


def test_a_certification_for_the_tier_scores_more_than_one_for_the_next_tier():
    assert tier_points("mid", ["mid"]) == 3
    assert tier_points("mid", ["senior"]) == 1
    assert tier_points("mid", ["entry"]) == 1
    assert tier_points("entry", ["senior"]) == 0
    assert tier_points("executive", ["senior"]) == 1
    assert tier_points("executive", ["mid"]) == 0


def test_asking_more_years_than_the_tier_starts_from_costs_points():
    pmp = cert(min_experience_years=3)
    assert experience_points(pmp, tier="entry", tier_years=TIER_YEARS) == EXPERIENCE_SHORT
    assert experience_points(pmp, tier="mid", tier_years=TIER_YEARS) == EXPERIENCE_MET
    assert experience_points(pmp, tier="senior", tier_years=TIER_YEARS) == EXPERIENCE_MET


def test_no_experience_asked_helps_only_at_entry_level():
    open_to_all = cert(min_experience_years=0)
    assert experience_points(open_to_all, tier="entry", tier_years=TIER_YEARS) == 1
    assert experience_points(open_to_all, tier="mid", tier_years=TIER_YEARS) == 0
    unknown = cert(min_experience_years=None)
    assert experience_points(unknown, tier="entry", tier_years=TIER_YEARS) == 0


def test_a_tier_with_no_roles_yet_counts_as_starting_from_no_experience():
    one_year = cert(min_experience_years=1)
    assert experience_points(one_year, tier="mid", tier_years={}) == EXPERIENCE_SHORT


def test_the_score_adds_focus_tier_experience_exam_and_lifetime():
    # Supply chain for supply chain: 3 x 3 = 9; mid suits mid: 3; 3 years at mid (3): +1;
    # one exam: +1; lifetime: +1. Total 15.
    best = cert(min_experience_years=3, exam_parts=1, lifetime=True)
    assert fit_score(best, tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS) == 15
    # Project management for supply chain: 0; senior only: 1; 8 years at mid: -4; two exams: 0.
    worst = cert(focus=Focus.PROJECT_MANAGEMENT, tiers=["senior"], min_experience_years=8)
    worst.exam_parts = 2
    assert fit_score(worst, tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS) == -3


def test_ranking_puts_the_best_score_first_and_keeps_ties_stable():
    a = cert(acronym="A", slug="a", focus=Focus.PLANNING_INVENTORY)
    b = cert(acronym="B", slug="b", focus=Focus.SUPPLY_CHAIN)
    c = cert(acronym="C", slug="c", focus=Focus.SUPPLY_CHAIN)
    fits = rank_for([c, a, b], tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS)
    assert [f.certification.acronym for f in fits] == ["B", "C", "A"]
    assert [f.score for f in fits] == [12, 12, 9]
    assert fits[0].reason == "Supply chain and logistics; suits mid-level roles"


def test_an_equal_score_goes_to_the_closer_focus_first():
    # Planning for the production floor: 3 x 3 = 9, suits mid 3: 12. Process improvement:
    # 3 x 2 = 6, suits mid 3, one exam 1, lifetime 1, 1 year at mid +1: 12. Same score.
    planning = cert(acronym="Z", slug="z", focus=Focus.PLANNING_INVENTORY)
    lean = cert(
        acronym="A",
        slug="a",
        focus=Focus.PROCESS_IMPROVEMENT,
        exam_parts=1,
        lifetime=True,
        min_experience_years=1,
    )
    fits = rank_for(
        [lean, planning], tier="mid", grow=Growth.PRODUCTION_FLOOR, tier_years=TIER_YEARS
    )
    assert [(f.certification.acronym, f.score) for f in fits] == [("Z", 12), ("A", 12)]
    # The years asked are weighed against the tier's own start.
    short = rank_for([lean], tier="mid", grow=Growth.PRODUCTION_FLOOR, tier_years={"mid": 0})
    assert short[0].score == 12 - EXPERIENCE_MET + EXPERIENCE_SHORT


def test_the_facts_line_says_experience_exam_and_renewal():
    line = summary_line(
        cert(min_experience_years=2, exam_parts=1, exam_questions=150, validity_years=5)
    )
    assert line == (
        "Supply chain and logistics; suits mid-level roles; one 150-question exam; "
        "asks for experience (from 2 years); renew every 5 years"
    )
    one_year = summary_line(cert(min_experience_years=1, tiers=["entry", "mid"]))
    assert one_year.endswith("suits entry and mid-level roles; asks for experience (from 1 year)")


def test_the_facts_line_tells_no_prerequisite_from_no_experience():
    no_prerequisite = cert(min_experience_years=0, no_prerequisite=True, lifetime=True)
    assert summary_line(no_prerequisite).endswith("; no formal prerequisite; lifetime credential")
    education_only = cert(min_experience_years=0)
    assert summary_line(education_only).endswith("; no experience needed")
    three = cert(exam_parts=3, tiers=["mid", "senior", "executive"])
    assert summary_line(three) == (
        "Supply chain and logistics; suits mid-level, senior and executive roles; three exams"
    )
    assert summary_line(cert(exam_parts=1)).endswith("; one exam")
    assert summary_line(cert(exam_parts=7)).endswith("; 7 exams")


def test_validity_says_years_lifetime_or_unknown():
    assert validity(cert(validity_years=3)) == "Valid for 3 years"
    assert validity(cert(validity_years=1)) == "Valid for 1 year"
    assert validity(cert(lifetime=True)) == "Lifetime: it does not expire"
    assert validity(cert()) == "Validity period not published"


def test_a_comparison_row_differs_only_when_two_columns_differ():
    pmi = Organization(pk=1, slug="pmi")
    a = cert(pk=1, slug="a", issuer=pmi, tiers=["mid"], exam_parts=1)
    b = cert(pk=2, slug="b", issuer=pmi, tiers=["mid", "senior"], exam_parts=1)
    for c in (a, b):
        c._prefetched_objects_cache = {"roles": []}  # as compare's prefetch leaves them
    rows = {row.key: row.differs for row in comparison_rows([a, b])}
    labels = [row.label for row in comparison_rows([a, b])]
    assert labels[:3] == ["Issuer", "Focus", "Who it is for"]
    assert rows["tiers"] is True
    assert rows["exam"] is False and rows["issuer"] is False and rows["roles"] is False
    assert [r.key for r in comparison_rows([a, b], differences_only=True)] == ["tiers"]


# When each becomes possible, the years and the role aimed at -----------------------------------


def test_a_certification_asking_more_years_than_the_person_has_is_possible_later():
    pmp_like = cert(min_experience_years=3, tiers=["entry", "mid"])
    assert readiness(pmp_like, tier="entry", years=0) == (
        False,
        "Possible in 3 more years: it asks for 3 years of experience",
    )
    assert readiness(pmp_like, tier="entry", years=2) == (
        False,
        "Possible in 1 more year: it asks for 3 years of experience",
    )
    assert readiness(pmp_like, tier="entry", years=3) == (True, "")


def test_a_certification_for_higher_tiers_only_is_a_later_step():
    belt = cert(min_experience_years=0, tiers=["mid", "senior"])
    assert readiness(belt, tier="entry", years=0) == (
        False,
        "A later step: it suits mid-level and senior roles",
    )
    assert readiness(belt, tier="mid", years=0) == (True, "")


def test_experience_the_issuer_states_in_no_number_does_not_hold_it_back():
    assert readiness(cert(min_experience_years=None, tiers=["mid"]), tier="mid", years=0) == (
        True,
        "",
    )


def test_what_can_be_sat_now_ranks_before_a_better_fit_that_cannot():
    # Scores by hand (mid, supply chain, 1 year): the later one has focus 9 + tier 3 - 4 for
    # the years it lacks = 8; the one open now has focus 3 + tier 3 + 0 = 6.
    later = cert(acronym="L", slug="l", min_experience_years=2)
    now = cert(acronym="N", slug="n", min_experience_years=0, focus=Focus.PROCESS_IMPROVEMENT)
    fits = rank_for(
        [later, now], tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS, years=1
    )
    assert [(f.certification.slug, f.score, f.now) for f in fits] == [
        ("n", 6, True),
        ("l", 8, False),
    ]
    assert fits[1].when == "Possible in 1 more year: it asks for 2 years of experience"


def test_the_persons_own_years_replace_the_tiers_typical_years():
    two_years = cert(min_experience_years=2)
    assert experience_points(two_years, tier="mid", tier_years=TIER_YEARS) == EXPERIENCE_MET
    assert experience_points(two_years, tier="mid", tier_years=TIER_YEARS, have=1) == (
        EXPERIENCE_SHORT
    )


def test_suiting_the_tier_of_the_role_aimed_at_adds_points():
    senior = cert(tiers=["mid", "senior"])
    plain = fit_score(senior, tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS)
    aimed = fit_score(
        senior, tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS, target_tier="senior"
    )
    assert aimed == plain + TOWARD_TARGET
    (fit,) = rank_for(
        [senior], tier="mid", grow=Growth.SUPPLY_CHAIN, tier_years=TIER_YEARS, target_tier="senior"
    )
    assert fit.toward_target


def test_typical_years_are_the_fewest_any_role_of_the_tier_starts_from():
    roles = [
        FakeRole("a", "A", 1, years_min=0),
        FakeRole("b", "B", 2, years_min=2),
        FakeRole("c", "C", 3, years_min=5),
    ]
    roles[0].tier, roles[1].tier, roles[2].tier = "entry", "entry", "mid"
    assert typical_years(roles) == {"entry": 0, "mid": 5}


def test_in_services_planning_and_inventory_credentials_count_a_step_less_and_say_so():
    cpim = cert(acronym="CPIM", slug="cpim", focus=Focus.PLANNING_INVENTORY, tiers=["mid"])
    lean = cert(acronym="LSS", slug="lss", focus=Focus.PROCESS_IMPROVEMENT, tiers=["mid"])
    # Production floor: planning 3 steps (9) + mid 3 = 12; process improvement 2 steps (6) + 3 = 9.
    general = rank_for(
        [lean, cpim], tier="mid", grow=Growth.PRODUCTION_FLOOR, tier_years=TIER_YEARS
    )
    assert [(f.certification.acronym, f.score) for f in general] == [("CPIM", 12), ("LSS", 9)]
    # In services planning is worth a step less (2 steps: 6 + 3 = 9): a tie, and both foci now
    # weigh 2 steps, so the acronym decides.
    services = rank_for(
        [lean, cpim],
        tier="mid",
        grow=Growth.PRODUCTION_FLOOR,
        tier_years=TIER_YEARS,
        industry="services",
    )
    assert [(f.certification.acronym, f.score) for f in services] == [("CPIM", 9), ("LSS", 9)]
    assert services[0].reason.endswith("; less used in services, where there is little stock")
    assert not services[1].reason.endswith("little stock")
    # Other industries weigh it as in general.
    technology = rank_for(
        [cpim],
        tier="mid",
        grow=Growth.PRODUCTION_FLOOR,
        tier_years=TIER_YEARS,
        industry="technology",
    )
    assert technology[0].score == 12 and "little stock" not in technology[0].reason
