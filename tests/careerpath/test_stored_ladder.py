"""The ladder stored for routes when the content is published (careerpath/route_data.py): every
route read from it is the route read from the content, step for step and byte for byte; an edit
reaches it as it commits; until then, and for another release, routes read the content."""

import re

import pytest

from careerpath import route_data
from careerpath.freshness import bump_content_version
from careerpath.publishing import publish_ladder
from roles.models import Industry, Role, RoleSkill

pytestmark = pytest.mark.django_db

NONCE = re.compile(rb'nonce="[^"]+"')
INDUSTRIES = ["", *Industry.values]


@pytest.fixture
def stored(settings):
    """Publishing on, as in production, and the ladder stored as publishing stores it; the
    page cache off, so that every answer is worked out."""
    settings.PUBLISH_PAGES = True
    settings.PAGE_CACHE_SECONDS = 0
    publish_ladder(bump_content_version())
    assert route_data.stored_ladder("") is not None


def every_pair():
    ranks = dict(Role.objects.values_list("slug", "rank"))
    return [(a, b, ranks[a] <= ranks[b]) for a in sorted(ranks) for b in sorted(ranks)]


def answers(client, industry: str) -> dict:
    """Every pair of roles' route as the API answers it, and as the page prints it (nonces
    taken out) where it is not a refusal to go down, which prints no step."""
    found = {}
    for start, end, upwards in every_pair():
        query = f"from={start}&to={end}&industry={industry}"
        api = client.get(f"/api/v1/ladder/path?{query}")
        found[start, end] = (api.status_code, api.content)
        if upwards:
            page = client.get(f"/ladder/path/?{query}")
            found[start, end] += (page.status_code, NONCE.sub(b"", page.content))
    return found


@pytest.mark.parametrize("industry", INDUSTRIES)
def test_every_route_on_the_stored_ladder_is_the_route_read_from_the_content(
    client, stored, industry
):
    from_stored = answers(client, industry)
    route_data.LadderRung.objects.all().delete()
    assert route_data.stored_ladder(industry) is None
    from_content = answers(client, industry)
    assert from_stored == from_content
    # Routes, refusals and moves across are all among them.
    statuses = {status for status, *_ in from_stored.values()}
    assert statuses == {200, 400}
    assert any(b"Across" in answer[-1] for answer in from_stored.values() if len(answer) == 4)


def test_the_stored_ladder_holds_every_role_in_every_industry(stored):
    roles = set(Role.objects.values_list("slug", flat=True))
    for industry in INDUSTRIES:
        assert set(route_data.stored_ladder(industry).graph) == roles


def test_an_edit_reaches_the_stored_ladder_as_it_commits(
    client, stored, django_capture_on_commit_callbacks
):
    before = client.get("/ladder/path/?from=vp-of-operations&to=chief-operating-officer")
    assert ">Negotiation</a>: level 4 → 5" in before.content.decode()
    need = RoleSkill.objects.get(role__slug="chief-operating-officer", skill__slug="negotiation")
    with django_capture_on_commit_callbacks(execute=True):
        Role.objects.filter(slug="chief-operating-officer").update(title="Chief of Operations")
        need.level = 4  # as the VP needs it: no longer a skill to gain on the way
        need.save()  # moves the version: the ladder is stored again once this commits
    ladder = route_data.stored_ladder("", ["vp-of-operations", "chief-operating-officer"])
    assert ladder is not None
    assert ladder.graph["chief-operating-officer"].title == "Chief of Operations"
    page = client.get("/ladder/path/?from=vp-of-operations&to=chief-operating-officer")
    assert "Chief of Operations" in page.content.decode()
    assert ">Negotiation</a>: level" not in page.content.decode()


def test_until_an_edit_is_published_routes_read_the_content(client, stored):
    Role.objects.filter(slug="chief-operating-officer").update(title="Chief of Operations")
    bump_content_version()  # as an edit does; publishing waits for a commit that never comes
    assert route_data.stored_ladder("") is None
    page = client.get("/ladder/path/?from=vp-of-operations&to=chief-operating-officer")
    assert "Chief of Operations" in page.content.decode()


def test_a_ladder_stored_by_another_release_is_not_read(client, stored, monkeypatch):
    monkeypatch.setattr("careerpath.route_data.code_fingerprint", lambda: "another release")
    assert route_data.stored_ladder("") is None
    route = client.get("/api/v1/ladder/path?from=operations-analyst&to=vp-of-operations").json()
    assert route["roles"][0] == "operations-analyst" and route["roles"][-1] == "vp-of-operations"
