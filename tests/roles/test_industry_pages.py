"""The industry switch changes a role's key measures, skill levels and pay, says what changed,
and falls back to the general role where the content gives nothing for the industry."""

import pytest

pytestmark = pytest.mark.django_db


def panel(client, url, **headers):
    html = client.get(url, **headers).content.decode()
    return html[html.index('id="industry"') :][:8000]


def test_services_changes_an_inventory_analysts_measures_and_skills(client):
    html = panel(client, "/roles/inventory-analyst/?industry=services")
    assert "What changes:" in html and "shrinkage" in html.lower()
    assert "<dt>Shrinkage</dt>" in html
    assert "<dt>Inventory turns</dt>" not in html  # the services version replaces the measures
    assert "Inventory Control: level 3 of 5 here (level 4 in general)" in html
    assert "No sourced figure for this industry alone" in html


def test_the_same_page_in_manufacturing_keeps_the_general_measures(client):
    html = panel(client, "/roles/inventory-analyst/?industry=manufacturing")
    assert "<dt>Inventory turns</dt>" in html
    assert "The same as in general" in html


def test_manufacturing_shows_the_sourced_pay_of_the_occupation_that_covers_the_role(client):
    html = panel(client, "/roles/operations-manager/?industry=manufacturing")
    assert "$121,440" in html and "Industrial Production Managers (11-3051)" in html
    services = panel(client, "/roles/operations-manager/?industry=services")
    assert "$121,440" not in services and "No sourced figure" in services


def test_a_skill_not_needed_in_an_industry_says_so(client):
    html = panel(client, "/roles/production-scheduler/?industry=services")
    assert "Material Requirements Planning (MRP): not needed here (level 3 in general)" in html


def test_the_industry_switch_swaps_the_panel_in_place(client):
    response = client.get("/roles/operations-manager/?industry=technology", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="industry"')
    assert "<dt>Mean time to restore</dt>" in html


def test_the_path_planner_uses_the_industrys_skill_levels(client):
    general = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    services = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager&industry=services"
    ).content.decode()
    assert "Workforce Scheduling: level 0 → 3" in general
    assert "Workforce Scheduling: level 3 → 4" in services
    assert "as services asks for them" in services


def test_the_path_planner_refuses_an_unknown_industry(client):
    response = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager&industry=mining"
    )
    assert response.status_code == 400
    assert "There is no industry called “mining”" in response.content.decode()
