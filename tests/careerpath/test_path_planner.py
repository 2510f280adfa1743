"""The path planner: the shortest route up the ladder, step by step, and clear refusals."""

import re

import pytest

from roles.models import Role

pytestmark = pytest.mark.django_db


def steps(html):
    return re.findall(r'<h3>Step \d+: <a href="[^"]+">([^<]+)</a></h3>', html)


def test_analyst_to_coo_goes_through_every_management_rung(client):
    response = client.get("/ladder/path/?from=operations-analyst&to=chief-operating-officer")
    assert response.status_code == 200
    assert steps(response.content.decode()) == [
        "Operations Manager",
        "Senior Operations Manager",
        "Director of Operations",
        "VP of Operations",
        "Chief Operating Officer",
    ]


def test_each_step_lists_skills_to_gain_at_a_higher_level_than_now(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    analyst = {
        rs.skill.name: rs.level
        for rs in Role.objects.get(slug="operations-analyst").role_skills.select_related("skill")
    }
    manager = {
        rs.skill.name: rs.level
        for rs in Role.objects.get(slug="operations-manager").role_skills.select_related("skill")
    }
    expected = {name for name, level in manager.items() if level > analyst.get(name, 0)}
    listed = set(re.findall(r"<li>([^<:]+): level \d → \d</li>", html))
    assert listed == {n.replace("'", "&#x27;").replace("&", "&amp;") for n in expected}
    assert expected, "the manager role should ask for more than the analyst"


def test_each_step_shows_certifications_years_and_pay_change(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    step = html.split('class="route__step"')[1]
    assert "Typical experience on arrival:" in step
    assert "Pay change:" in step and "a year (to $102,950)" in step
    manager = Role.objects.get(slug="operations-manager")
    for cert in manager.certifications.all():
        assert f'href="/certifications/{cert.slug}/"' in step


def test_the_totals_come_first_then_the_steps(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=chief-operating-officer"
    ).content.decode()
    result = html.split('id="path-result"')[1]
    totals, steps = result.split('class="route"')
    totals = totals.split('id="totals-heading"')[1]
    assert "5 moves: Operations Analyst → Operations Manager" in totals
    assert re.search(r"\+\$[\d,]+ a year", totals)
    assert re.search(r"\d+ skills? to build up", totals)
    assert re.search(r"about \d+–\d+ more years of experience", totals)
    assert "Step 1" in steps and "Step 1" not in totals


def test_the_form_is_selects_that_update_the_result_in_place(client):
    html = client.get("/ladder/path/").content.decode()
    form = html.split('class="path-form"')[1].split("</form>")[0]
    assert 'method="get"' in html and 'hx-trigger="change"' in html
    assert form.count("<select") == 3 and 'hx-push-url="true"' in html
    assert 'name="from"' in form and 'name="to"' in form and 'name="industry"' in form


def test_with_htmx_only_the_result_is_returned(client, htmx_headers):
    response = client.get(
        "/ladder/path/?from=inventory-analyst&to=director-of-operations", **htmx_headers
    )
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith('<section id="path-result"')
    assert steps(html) == [
        "Operations Manager",
        "Senior Operations Manager",
        "Director of Operations",
    ]
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("from=chief-operating-officer&to=operations-analyst", 400, "sits below"),
        ("from=operations-manager&to=operations-manager", 400, "already a Operations Manager"),
        ("from=operations-analyst&to=astronaut", 404, "We have no role called “astronaut”"),
        ("from=operations-analyst", 400, "Choose where you want to go"),
        ("to=operations-manager", 400, "Choose where you start"),
        ("from=&to=", 400, "Choose where you start"),
        ("from=operations-coordinator&to=operations-supervisor", 400, "no upward route"),
    ],
)
def test_no_route_gives_a_clear_message_and_a_4xx(client, query, status, message):
    response = client.get(f"/ladder/path/?{query}")
    assert response.status_code == status
    assert message in response.content.decode()


def test_without_parameters_the_planner_invites_a_choice(client):
    response = client.get("/ladder/path/")
    assert response.status_code == 200
    assert "Choose two roles above" in response.content.decode()
