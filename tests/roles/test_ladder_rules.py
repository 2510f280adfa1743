"""The ladder's rules on small ladders worked out by hand: the route the planner finds, what
each step asks, what it pays, and the loops and rung moves it refuses."""

from decimal import Decimal

import pytest

from roles.ladder import (
    NoRoute,
    Route,
    SavedLadder,
    Shape,
    earlier_rung_problems,
    find_cycle,
    ladder_cycle,
    next_step_problems,
    next_up,
    pay_change,
    plan_route,
    rung_move_problem,
    skills_to_gain,
)
from tests.rules import (
    FakeMedian,
    FakeRole,
    FakeRoleSkill,
    FakeSkill,
    Related,
    ladder,
    rung_of,
    rungs,
)

PLANNING, EXCEL, LEADING = FakeSkill("Planning", 1), FakeSkill("Excel", 2), FakeSkill("Leading", 3)


def skills(*pairs):
    return Related(FakeRoleSkill(skill, level) for skill, level in pairs)


def small_ladder():
    """analyst (1) -> supervisor (2) -> manager (3) -> director (4), and analyst -> scheduler
    (2) -> manager: two routes to the manager, of the same length."""
    return ladder(
        FakeRole("analyst", "Analyst", 1, 0, 2, FakeMedian(Decimal(60000))),
        FakeRole("supervisor", "Supervisor", 2, 3, 5, FakeMedian(Decimal(70000))),
        FakeRole("scheduler", "Scheduler", 2, 2, 4, FakeMedian(Decimal(65000))),
        FakeRole("manager", "Manager", 3, 5, 10, FakeMedian(Decimal(100000))),
        FakeRole("director", "Director", 4, 10, 15),
        links=[
            ("analyst", "supervisor"),
            ("analyst", "scheduler"),
            ("supervisor", "manager"),
            ("scheduler", "manager"),
            ("manager", "director"),
        ],
    )


def test_the_route_is_the_shortest_one_up_the_ladder():
    route = plan_route(rungs(small_ladder()), "analyst", "director")
    assert [r.slug for r in route.roles] == ["analyst", "scheduler", "manager", "director"]


def test_between_routes_of_equal_length_the_lower_rung_then_the_title_leads():
    graph = small_ladder()
    graph["scheduler"].rank = 3  # now the supervisor is the lower first step
    route = plan_route(rungs(graph), "analyst", "manager")
    assert [r.slug for r in route.roles] == ["analyst", "supervisor", "manager"]


def test_a_step_up_shows_the_rise_in_median_pay_as_a_positive_amount():
    graph = small_ladder()
    route = plan_route(rungs(graph), "analyst", "manager")
    assert [s.pay_change for s in route.steps] == [Decimal(5000), Decimal(35000)]
    assert route.total_pay_change == Decimal(40000)


def test_pay_change_is_unknown_without_both_medians():
    graph = small_ladder()
    assert pay_change(graph["manager"], graph["director"]) is None
    assert pay_change(graph["director"], graph["manager"]) is None


def test_skills_to_gain_are_ordered_by_size_of_gap_then_name():
    current = FakeRole("a", "A", 1, role_skills=skills((PLANNING, 2), (EXCEL, 3)))
    nxt = FakeRole("b", "B", 2, role_skills=skills((EXCEL, 4), (PLANNING, 5), (LEADING, 1)))
    gains = skills_to_gain(rung_of(current), rung_of(nxt))
    assert [(g.skill.name, g.from_level, g.to_level, g.gap) for g in gains] == [
        ("Planning", 2, 5, 3),
        ("Excel", 3, 4, 1),
        ("Leading", 0, 1, 1),
    ]


def test_skills_already_held_at_the_level_needed_are_not_listed():
    current = FakeRole("a", "A", 1, role_skills=skills((PLANNING, 4)))
    nxt = FakeRole("b", "B", 2, role_skills=skills((PLANNING, 4)))
    assert skills_to_gain(rung_of(current), rung_of(nxt)) == []


def test_extra_years_run_from_the_start_longest_stay_to_the_end_longest_entry():
    start = FakeRole("a", "A", 1, years_min=2, years_max=4)
    end = FakeRole("b", "B", 3, years_min=7, years_max=12)
    assert Route(start, end, []).extra_years == (3, 10)


def test_extra_years_never_fall_below_zero():
    start = FakeRole("a", "A", 1, years_min=5, years_max=9)
    end = FakeRole("b", "B", 2, years_min=3, years_max=6)
    assert Route(start, end, []).extra_years == (0, 1)


def test_the_count_of_skills_to_gain_counts_each_skill_once_along_the_route():
    graph = small_ladder()
    graph["scheduler"].role_skills = skills((PLANNING, 2))
    graph["manager"].role_skills = skills((PLANNING, 4), (LEADING, 3))
    route = plan_route(rungs(graph), "analyst", "manager")
    assert route.skills_to_gain_count == 2


def test_a_step_carries_the_certifications_that_suit_the_next_role():
    graph = small_ladder()
    graph["manager"].suitable_certifications = ["PMP"]
    route = plan_route(rungs(graph), "scheduler", "manager")
    assert route.steps[0].certifications == ["PMP"]


def test_the_planner_refuses_a_downward_route_and_says_to_swap():
    with pytest.raises(NoRoute) as refusal:
        plan_route(rungs(small_ladder()), "manager", "analyst")
    assert str(refusal.value) == (
        "Analyst sits below Manager on the ladder. The planner maps moves upwards: swap the two "
        "roles to see the route from there."
    )


def test_each_step_goes_from_one_role_to_the_next():
    graph = small_ladder()
    route = plan_route(rungs(graph), "analyst", "director")
    assert [(s.current.slug, s.next.slug) for s in route.steps] == [
        ("analyst", "scheduler"),
        ("scheduler", "manager"),
        ("manager", "director"),
    ]


def test_the_planner_refuses_a_route_to_the_same_role():
    with pytest.raises(NoRoute, match="already a Manager"):
        plan_route(rungs(small_ladder()), "manager", "manager")


def test_between_two_branches_the_planner_moves_across_through_the_common_next_role():
    route = plan_route(rungs(small_ladder()), "supervisor", "scheduler")
    assert route.sideways and route.via.slug == "manager"
    assert [r.slug for r in route.roles] == ["supervisor", "scheduler"]
    assert len(route.steps) == 1 and route.steps[0].next.slug == "scheduler"


def test_the_common_next_role_is_the_lowest_both_reach():
    graph = small_ladder()
    graph["scheduler"].leads_to = Related([graph["director"]])  # scheduler skips the manager
    route = plan_route(rungs(graph), "supervisor", "scheduler")
    assert route.via.slug == "director"


def test_the_planner_refuses_roles_that_meet_nowhere_above():
    graph = small_ladder()
    graph["scheduler"].leads_to = Related()
    with pytest.raises(NoRoute, match="no upward route from Supervisor to Scheduler"):
        plan_route(rungs(graph), "supervisor", "scheduler")


def test_an_upward_route_is_not_a_sideways_move():
    route = plan_route(rungs(small_ladder()), "analyst", "manager")
    assert not route.sideways and route.via is None


def test_the_next_role_is_the_lowest_rung_then_the_first_title():
    graph = small_ladder()
    assert next_up(Shape.of(rungs(graph)), "analyst") == "scheduler"  # "Sc" < "Su"
    graph["scheduler"].rank = 3
    assert next_up(Shape.of(rungs(graph)), "analyst") == "supervisor"
    assert next_up(Shape.of(rungs(graph)), "director") is None


def test_a_cycle_is_found_and_told_from_its_start():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert find_cycle({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}) is None
    assert find_cycle({"x": ["x"]}) == ["x", "x"]
    # A role that leads nowhere need not be listed.
    assert find_cycle({"a": ["b"], "c": ["a"]}) is None


def test_a_role_cannot_move_past_the_roles_it_leads_to_or_comes_from():
    graph = small_ladder()
    assert rung_move_problem(graph["supervisor"], 3) == (
        "Supervisor cannot move to rung 3: it would pass Manager (rung 3) on the ladder."
    )
    assert rung_move_problem(graph["supervisor"], 1) == (
        "Supervisor cannot move to rung 1: it would pass Analyst (rung 1) on the ladder."
    )
    assert rung_move_problem(graph["director"], 5) is None
    assert rung_move_problem(graph["manager"], 2) == (
        "Manager cannot move to rung 2: it would pass Supervisor (rung 2), Scheduler (rung 2) on "
        "the ladder."
    )
    assert rung_move_problem(graph["analyst"], 0) == (
        "Analyst is already on rung 1, the end of the ladder."
    )
    assert rung_move_problem(graph["director"], 51) is not None
    assert rung_move_problem(graph["director"], 50) is None


def saved(graph) -> SavedLadder:
    edges = {role.pk: [r.pk for r in role.leads_to] for role in graph.values()}
    return SavedLadder(edges, {role.pk: role.title for role in graph.values()})


def test_a_new_next_step_that_closes_a_loop_is_named_from_the_role_edited():
    graph = small_ladder()
    director = graph["director"]
    problems = next_step_problems(director, 4, [graph["supervisor"]], saved(graph))
    assert problems == [
        "The ladder would go round in a circle: Director → Supervisor → Manager → Director."
    ]


def test_a_role_cannot_lead_to_itself_or_to_a_lower_rung():
    graph = small_ladder()
    manager = graph["manager"]
    assert next_step_problems(manager, 3, [manager], saved(graph)) == [
        "A role cannot lead to itself."
    ]
    assert next_step_problems(graph["scheduler"], 2, [graph["supervisor"]], saved(graph)) == [
        "Supervisor is on rung 2; a next step must sit on a higher rung than this role's 2."
    ]
    assert next_step_problems(graph["scheduler"], 2, [graph["director"]], saved(graph)) == []
    assert next_step_problems(graph["scheduler"], None, [graph["supervisor"]], saved(graph)) == []


def test_a_new_role_leading_to_itself_has_no_id_yet_and_is_checked_for_loops_only():
    graph = small_ladder()
    new = FakeRole("new", "New", 5)
    new.pk = None
    assert next_step_problems(new, 5, [graph["director"]], saved(graph)) == [
        "Director is on rung 4; a next step must sit on a higher rung than this role's 5."
    ]


def test_a_role_must_sit_above_the_roles_that_lead_to_it():
    graph = small_ladder()
    assert earlier_rung_problems(graph["manager"], 2) == [
        "Supervisor (rung 2) leads to this role, so it must sit above rung 2.",
        "Scheduler (rung 2) leads to this role, so it must sit above rung 2.",
    ]
    assert earlier_rung_problems(graph["manager"], 3) == []


def test_a_loop_through_other_roles_is_told_from_the_role_edited():
    graph = small_ladder()
    manager = graph["manager"]
    # manager -> analyst closes analyst -> supervisor -> manager -> analyst.
    assert ladder_cycle(manager, [graph["analyst"]], saved(graph)) == [
        "Manager",
        "Analyst",
        "Supervisor",
        "Manager",
    ]
    assert ladder_cycle(manager, [graph["director"]], saved(graph)) is None
