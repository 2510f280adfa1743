"""The roles, ladder and path endpoints: what a developer gets, and the errors they see."""

import re

import pytest
from django.utils.html import strip_tags

from roles.models import Role, SalaryFigure

pytestmark = pytest.mark.django_db


def test_role_list_starts_at_the_lowest_rung_with_each_median_and_its_source(client):
    body = client.get("/api/v1/roles?page_size=100").json()
    assert body["count"] == Role.objects.count()
    ranks = [item["rank"] for item in body["items"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    manager = next(i for i in body["items"] if i["slug"] == "operations-manager")
    median = manager["median_pay"]
    assert median["statistic"] == "median"
    assert median["amount"] > 0
    assert median["source_name"] and median["reference_year"] >= 2020
    assert isinstance(median["verified"], bool)
    assert manager["href"] == "/api/v1/roles/operations-manager"
    assert manager["page"] == "/roles/operations-manager/"


def test_role_list_filters_by_tier(client):
    body = client.get("/api/v1/roles?tier=executive").json()
    assert {item["tier"] for item in body["items"]} == {"executive"}
    assert "chief-operating-officer" in {item["slug"] for item in body["items"]}


def test_role_list_refuses_an_unknown_tier_and_names_the_parameter(client):
    response = client.get("/api/v1/roles?tier=intern")
    assert response.status_code == 400
    body = response.json()
    assert body["errors"][0]["parameter"] == "tier"
    assert "entry" in body["errors"][0]["message"]


def test_role_profile_gives_skills_with_levels_pay_with_sources_and_outlook(client):
    body = client.get("/api/v1/roles/operations-manager").json()
    assert body["title"] == "Operations Manager"
    levels = {skill["slug"]: skill["level"] for skill in body["skills"]}
    role = Role.objects.get(slug="operations-manager")
    assert levels == {rs.skill.slug: rs.level for rs in role.role_skills.all()}
    figures = body["pay"]["figures"]
    assert len(figures) == SalaryFigure.objects.filter(role=role).count()
    for figure in figures:
        assert figure["source_name"] and figure["reference_year"]
        assert isinstance(figure["verified"], bool)
    assert body["pay"]["median"]["statistic"] == "median"
    assert body["outlook"], "the outlook (employment projections) is part of the profile"
    assert {"11-1021"} <= {p["occupation_code"] for p in body["outlook"]}
    assert "cpim" in {c["slug"] for c in body["certifications"]}


def test_role_profile_carries_the_onet_credit_the_page_shows(client):
    role = Role.objects.filter(onet_derived=True).first()
    assert role is not None
    body = client.get(f"/api/v1/roles/{role.slug}").json()
    credit = body["attribution"]
    assert credit["license"] == "CC BY 4.0"
    page = client.get(role.get_absolute_url()).content.decode()
    shown = re.search(r'<p class="onet-credit">(.*?)</p>', page, re.S).group(1)
    words_on_page = " ".join(strip_tags(shown).split()).replace("This page", "This profile")
    assert credit["text"] == words_on_page


def test_role_profile_has_no_onet_credit_when_it_does_not_draw_on_onet(client):
    Role.objects.filter(slug="operations-coordinator").update(onet_derived=False)
    body = client.get("/api/v1/roles/operations-coordinator").json()
    assert body["attribution"] is None


@pytest.mark.parametrize("slug", ["no-such-role", "Operations-Manager", "x" * 200, "a%00b"])
def test_unknown_role_is_a_404_that_names_it(client, slug):
    response = client.get(f"/api/v1/roles/{slug}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "We have no role called" in response.json()["detail"]


def test_ladder_graph_has_every_role_and_each_step_up(client):
    body = client.get("/api/v1/ladder").json()
    assert {n["slug"] for n in body["nodes"]} == set(Role.objects.values_list("slug", flat=True))
    edges = {(e["source"], e["target"]) for e in body["edges"]}
    expected = set(Role.leads_to.through.objects.values_list("from_role__slug", "to_role__slug"))
    assert edges == expected
    assert ("operations-manager", "senior-operations-manager") in edges


def test_path_lists_each_step_with_skills_to_gain_and_the_pay_change(client):
    url = "/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer"
    body = client.get(url).json()
    assert body["roles"][0] == "operations-analyst"
    assert body["roles"][-1] == "chief-operating-officer"
    assert len(body["steps"]) == len(body["roles"]) - 1
    assert all(step["skills_to_gain"] for step in body["steps"])
    assert body["total_pay_change"] > 0
    assert body["page"] == "/ladder/path/?from=operations-analyst&to=chief-operating-officer"


def test_path_refuses_a_downward_route_with_the_planners_message(client):
    response = client.get("/api/v1/ladder/path?from=chief-operating-officer&to=operations-analyst")
    assert response.status_code == 400
    assert "sits below" in response.json()["detail"]


def test_path_names_each_missing_parameter(client):
    response = client.get("/api/v1/ladder/path")
    assert response.status_code == 400
    assert {e["parameter"] for e in response.json()["errors"]} == {"from", "to"}


def test_path_refuses_an_empty_role(client):
    response = client.get("/api/v1/ladder/path?from=&to=operations-manager")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "from"


def test_path_to_an_unknown_role_is_a_404(client):
    response = client.get("/api/v1/ladder/path?from=operations-analyst&to=astronaut")
    assert response.status_code == 404
    assert "astronaut" in response.json()["detail"]


def test_role_profile_shows_the_role_in_an_industry(client):
    general = client.get("/api/v1/roles/operations-manager").json()
    services = client.get("/api/v1/roles/operations-manager?industry=services").json()
    assert general["industry"]["industry"] == "manufacturing"  # as the page, by default
    assert services["industry"]["industry"] == "services"
    assert services["industry"]["kpis"]


def test_role_profile_refuses_an_unknown_industry_with_the_pages_message(client):
    response = client.get("/api/v1/roles/operations-manager?industry=farming")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["parameter"] == "industry"
    assert "There is no industry called “farming”" in error["message"]


def test_path_plans_with_an_industrys_skill_levels(client):
    url = "/api/v1/ladder/path?from=operations-analyst&to=operations-manager"
    assert client.get(url + "&industry=technology").status_code == 200
    assert client.get(url + "&industry=farming").status_code == 400
