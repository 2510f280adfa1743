"""Making a plan: choose where you are and where to go, rate the route's skills, save."""

import re

import pytest

from plans.models import Plan, token_digest

pytestmark = pytest.mark.django_db

ROUTE = "/plan/?current=operations-analyst&target=senior-operations-manager&years=3"


def test_the_path_planner_offers_to_make_the_route_a_plan(client):
    page = client.get("/ladder/path/?from=operations-analyst&to=chief-operating-officer").content

    assert b'href="/plan/?current=operations-analyst&amp;target=chief-operating-officer"' in page
    assert b"Make this my plan" in page


def test_the_plan_link_fills_in_the_route_and_asks_for_the_skills_of_every_step(client):
    page = client.get("/plan/?current=operations-analyst&target=senior-operations-manager")
    html = page.content.decode()

    assert page.status_code == 200
    assert '<option value="operations-analyst" selected>' in html
    assert '<option value="senior-operations-manager" selected>' in html
    # A skill only the senior role asks for (P&L ownership) is rated too, with five sentences.
    assert 'name="skill-pl-ownership" value="5"' in html
    assert "Answers for the profit of the whole business" in html


def test_the_current_roles_typical_level_is_preselected_and_labelled(client):
    html = client.get(ROUTE).content.decode()

    # An Operations Analyst typically works with data and KPIs at level 4.
    assert re.search(r'name="skill-data-analysis-and-kpis" value="4" checked>', html)
    assert "typical where you are now" in html
    # Budgeting is not on the analyst's list: nothing assumed, "not sure" selected.
    assert (
        'id="skill-budgeting-and-cost-control-unsure" name="skill-budgeting-and-cost-control" '
        'value="unsure" checked' in html
    )


def test_a_starting_point_beside_the_ladder_enters_at_its_usual_rung(client):
    html = client.get(
        "/plan/?current=start:project-manager&target=operations-manager"
    ).content.decode()

    assert "Operations Supervisor" in html  # the rung a project manager usually joins at
    assert re.search(r'name="skill-project-management" value="4" checked>', html)


def test_the_summary_updates_as_you_rate_from_an_htmx_request(client, htmx_headers):
    response = client.get(ROUTE + "&skill-leadership=4", **htmx_headers)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="plan-summary"')
    assert "<header" not in html
    assert "HX-Request" in response["Vary"]


def test_saving_creates_a_plan_under_a_private_link_and_says_to_keep_it(client):
    response = client.post(
        "/plan/",
        {
            "current": "operations-analyst",
            "target": "senior-operations-manager",
            "years": "3",
            "cert": ["cpim"],
            "skill-leadership": "3",
            "skill-lean": "unsure",
        },
    )

    assert response.status_code == 302
    token = re.match(r"^/plan/([A-Za-z0-9_-]+)/\?saved=1$", response["Location"]).group(1)
    assert len(token) >= 22  # at least 128 random bits, base64
    plan = Plan.objects.get()
    assert plan.token_hash == token_digest(token) and token not in plan.token_hash
    assert plan.ratings == {"leadership": 3}  # "not sure" keeps no rating
    assert plan.certifications == ["cpim"]
    page = client.get(response["Location"]).content.decode()
    assert "Your plan is saved" in page and "Keep this page" in page


def test_a_plan_stores_no_free_text():
    names = {f.name for f in Plan._meta.get_fields()}

    assert not names & {"name", "email", "note", "notes", "comment", "token"}
