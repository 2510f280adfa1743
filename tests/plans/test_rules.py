"""The readiness, fit and ranking rules on small cases worked out by hand."""

from types import SimpleNamespace

from plans.actions import rank_actions, reading_by_skill
from plans.fit import rank_roles, role_fit
from plans.readiness import Source, person_levels, ready_now, route_readiness

from .rules import FakeRole


def test_own_rating_wins_over_the_assumed_level_and_unrated_skills_stay_unknown():
    levels = person_levels({"lean": 4}, {"lean": 2, "sql": 3})

    assert (levels["lean"].value, levels["lean"].source) == (4, Source.RATED)
    assert (levels["sql"].value, levels["sql"].source) == (3, Source.ASSUMED)
    assert "budgeting" not in levels  # unknown, not level 0


def test_readiness_counts_met_short_by_how_much_and_unknown():
    manager = FakeRole("manager", {"lean": 3, "sql": 2, "budgeting": 3}, years_min=2)
    levels = person_levels({"lean": 1, "sql": 2}, {})

    (step,) = route_readiness([manager], levels, years=5)

    assert [c.skill.slug for c in step.met] == ["sql"]
    assert [(c.skill.slug, c.short_by) for c in step.short] == [("lean", 2)]
    assert [c.skill.slug for c in step.unknown] == ["budgeting"]
    assert not step.ready


def test_ready_now_is_the_last_step_of_an_unbroken_run_of_ready_steps():
    first = FakeRole("first", {"lean": 2}, years_min=1)
    second = FakeRole("second", {"lean": 3}, years_min=3)
    third = FakeRole("third", {"lean": 2}, years_min=0)  # ready, but after a step that is not
    levels = person_levels({"lean": 2}, {})

    steps = route_readiness([first, second, third], levels, years=4)

    assert [s.ready for s in steps] == [True, False, True]
    assert ready_now(steps).role is first


def test_a_step_needs_its_typical_years_as_well_as_the_skills():
    (step,) = route_readiness(
        [FakeRole("r", {"lean": 1}, years_min=5)], person_levels({"lean": 5}, {}), 2
    )

    assert not step.short and not step.enough_years and not step.ready


def test_fit_share_caps_each_skill_at_what_the_role_asks_and_counts_unknown_as_nothing():
    # asks 3 + 2 + 5 = 10; has min(5,3) + min(1,2) + unknown = 3 + 1 + 0 = 4
    role = FakeRole("r", {"lean": 3, "sql": 2, "budgeting": 5})

    fit = role_fit(role, person_levels({"lean": 5, "sql": 1}, {}))

    assert fit.share == 0.4 and fit.percent == 40
    assert (fit.met, fit.total, fit.unknown) == (1, 3, 1)
    assert fit.reason == "Meets 1 of 3 skills; biggest gap: Sql (1 level short); 1 not rated."


def test_roles_rank_by_share_then_by_ladder_order():
    low = FakeRole("low", {"lean": 2}, rank=1)
    high = FakeRole("high", {"lean": 4}, rank=3)
    tie = FakeRole("tie", {"lean": 2}, rank=2)

    ranked = rank_roles([high, tie, low], person_levels({"lean": 2}, {}))

    assert [f.role.slug for f in ranked] == ["low", "tie", "high"]
    assert [f.percent for f in ranked] == [100, 100, 50]


def test_actions_rank_by_gap_then_by_steps_needing_them_and_unknown_last():
    one = FakeRole("one", {"lean": 3, "sql": 2, "budgeting": 2})
    two = FakeRole("two", {"lean": 3, "sql": 3, "risk": 4})
    levels = person_levels({"lean": 1, "sql": 1, "risk": 2}, {})

    actions = rank_actions(route_readiness([one, two], levels, 0), {"sql": "done"})

    # lean: 2 short, 2 steps; risk: 2 short, 1 step; sql: 2 short (to 3), 2 steps -> lean, sql
    # tie on gap and steps is broken by name; budgeting is unknown and comes last
    assert [(a.skill.slug, a.gap, len(a.steps)) for a in actions] == [
        ("lean", 2, 2),
        ("sql", 2, 2),
        ("risk", 2, 1),
        ("budgeting", None, 1),
    ]
    assert actions[1].status == "done" and actions[0].status == "not-started"


def test_reading_puts_what_names_the_skill_in_a_question_or_heading_first_and_whole_words_only():
    lean = SimpleNamespace(slug="lean", name="Lean")
    dmaic = SimpleNamespace(slug="six-sigma", name="Six Sigma (DMAIC)")
    faqs = [
        SimpleNamespace(question="Is a lean office worth it?", answer="Often."),
        SimpleNamespace(question="How do I lead?", answer="Start with lean habits."),
        SimpleNamespace(question="Why clean up?", answer="A clean floor is safer."),  # no word
        SimpleNamespace(question="What is DMAIC?", answer="Define, measure…"),
    ]
    guide = SimpleNamespace(title="A guide")
    sections = [
        (guide, "waste", "Cutting waste", "Lean thinking starts here."),
        (guide, "lean", "Lean in the office", "Why it works."),
        (guide, "other", "Meetings", "Nothing on the method."),
    ]

    found = reading_by_skill([lean, dmaic], faqs, sections)

    lean_faqs, lean_sections = found["lean"]
    assert [f.question for f in lean_faqs] == ["Is a lean office worth it?", "How do I lead?"]
    assert [s[1] for s in lean_sections] == ["lean", "waste"]  # the heading's first
    assert lean_sections[0] == (guide, "lean", "Lean in the office")  # no body text kept
    assert [f.question for f in found["six-sigma"][0]] == ["What is DMAIC?"]  # the bracket too
    assert found["six-sigma"][1] == []
