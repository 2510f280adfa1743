"""The planner's rules, with values worked out by hand from fixtures/roles.yaml: the shortest
route up, a sideways move between branches explained by the role both lead to, the next rung
as the default destination, and "a" or "an" before a title."""

import re

import pytest

from careerpath.profiles import ladder_graph
from common.text import with_article
from roles import ladder

pytestmark = pytest.mark.django_db


@pytest.fixture
def graph():
    return ladder_graph()


def gains(step):
    return [(g.skill.slug, g.from_level, g.to_level) for g in step.skills_to_gain]


def test_analyst_to_inventory_analyst_is_a_sideways_move_through_operations_manager(graph):
    route = ladder.plan_route(graph, "operations-analyst", "inventory-analyst")
    assert route.sideways and route.via.slug == "operations-manager"
    assert [r.slug for r in route.roles] == ["operations-analyst", "inventory-analyst"]
    # Inventory Analyst asks for these above what an Operations Analyst uses (by hand:
    # biggest gap first, then by name; skills at the same or a lower level are left out).
    assert gains(route.steps[0]) == [
        ("inventory-control", 0, 4),
        ("mrp", 0, 3),
        ("supply-chain-and-logistics", 0, 3),
        ("sales-and-operations-planning", 0, 2),
        ("vendor-management", 0, 2),
        ("demand-forecasting", 2, 3),
    ]


def test_coordinator_to_supervisor_crosses_over_and_meets_at_operations_manager(graph):
    route = ladder.plan_route(graph, "operations-coordinator", "operations-supervisor")
    assert route.sideways and route.via.slug == "operations-manager"
    assert len(route.steps) == 1


def test_an_upward_route_is_not_sideways(graph):
    route = ladder.plan_route(graph, "inventory-analyst", "director-of-operations")
    assert not route.sideways and route.via is None
    assert [r.slug for r in route.roles] == [
        "inventory-analyst",
        "operations-manager",
        "senior-operations-manager",
        "director-of-operations",
    ]


def test_a_lower_destination_is_still_refused(graph):
    with pytest.raises(ladder.NoRoute, match="sits below"):
        ladder.plan_route(graph, "operations-manager", "operations-analyst")


def test_the_same_role_twice_is_refused_with_the_right_article(graph):
    with pytest.raises(ladder.NoRoute, match="already an Operations Manager"):
        ladder.plan_route(graph, "operations-manager", "operations-manager")
    with pytest.raises(ladder.NoRoute, match="already a Director of Operations"):
        ladder.plan_route(graph, "director-of-operations", "director-of-operations")


def test_the_next_rung_is_the_lowest_next_role_then_by_title(graph):
    shape = ladder.Shape.of(graph)
    assert ladder.next_up(shape, "operations-analyst") == "operations-manager"
    # Three rung-2 roles follow the coordinator; Inventory Analyst comes first by title.
    assert ladder.next_up(shape, "operations-coordinator") == "inventory-analyst"
    assert ladder.next_up(shape, "chief-operating-officer") is None


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("Operations Manager", "an Operations Manager"),
        ("Inventory Analyst", "an Inventory Analyst"),
        ("Director of Operations", "a Director of Operations"),
        ("VP of Operations", "a VP of Operations"),
        ("Chief Operating Officer", "a Chief Operating Officer"),
        ("MBA", "an MBA"),
        ("Unit Lead", "a Unit Lead"),
        ("", ""),
    ],
)
def test_a_title_gets_a_or_an_by_how_it_sounds(noun, expected):
    assert with_article(noun) == expected


def test_a_route_read_from_its_own_roles_is_the_route_found_in_the_whole_ladder(tenfold_content):
    # At ten times the content a route reads the rungs of its own roles alone (and of the
    # role both ends lead to, for a move across), found in the ladder's shape.
    whole = ladder_graph()
    shape = ladder.Shape.of(whole)
    slugs = sorted(whole)[::7]
    for start in slugs:
        for end in slugs:
            reads = ladder.route_reads(shape, start, end)
            own = ladder_graph(only=reads)
            try:
                expected = ladder.plan_route(whole, start, end)
            except ladder.NoRoute as refused:
                with pytest.raises(ladder.NoRoute, match=re.escape(str(refused))):
                    ladder.plan_route(own, start, end, shape)
                continue
            route = ladder.plan_route(own, start, end, shape)
            assert route == expected
            assert len(reads) == len(route.roles) + route.sideways
