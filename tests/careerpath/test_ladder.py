"""The ladder page: rungs from the entry roles to the COO, and a panel that opens in place."""

import re

import pytest

pytestmark = pytest.mark.django_db


def rung_titles(html):
    rungs = re.findall(r'<li class="ladder__rung">(.*?)</ul>\s*</li>', html, re.S)
    return [re.findall(r'<span class="ladder__role-title">([^<]+)</span>', r) for r in rungs]


def test_ladder_runs_from_the_coo_down_to_the_entry_roles(client):
    rungs = rung_titles(client.get("/ladder/").content.decode())
    assert rungs[0] == ["Chief Operating Officer"]
    assert rungs[-1] == ["Operations Coordinator", "Operations Supervisor"]
    assert set(rungs[-2]) == {"Inventory Analyst", "Operations Analyst", "Production Scheduler"}


def test_entry_roles_converge_on_operations_manager(client):
    html = client.get("/ladder/").content.decode()
    for title in (
        "Operations Analyst",
        "Production Scheduler",
        "Inventory Analyst",
        "Operations Supervisor",
    ):
        block = html.split(f'<span class="ladder__role-title">{title}</span>')[1].split("</a>")[0]
        assert "Operations Manager" in block


def test_each_rung_is_a_plain_link_to_the_role_page_and_an_htmx_request_for_the_panel(client):
    html = client.get("/ladder/").content.decode()
    assert (
        '<a href="/roles/inventory-analyst/" hx-get="/ladder/?role=inventory-analyst" '
        'hx-target="#ladder-panel"'
    ) in html
    assert 'hx-push-url="/ladder/?role=inventory-analyst"' in html


def test_choosing_a_rung_with_htmx_returns_only_the_panel(client, htmx_headers):
    response = client.get("/ladder/?role=inventory-analyst", **htmx_headers)
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith('<section id="ladder-panel"')
    assert "Inventory Analyst" in html and "Median" in html
    assert 'href="/ladder/path/?from=inventory-analyst&amp;to=operations-manager"' in html
    assert "HX-Request" in response["Vary"]


def test_the_pushed_url_reloads_as_a_whole_page_with_the_panel_open(client):
    response = client.get("/ladder/?role=operations-manager")
    html = response.content.decode()
    assert "<html" in html
    panel = html.split('id="ladder-panel"')[1]
    assert "Open the full Operations Manager profile" in panel


def test_an_unknown_rung_is_a_404_with_a_message(client):
    response = client.get("/ladder/?role=<script>x</script>")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no role called" in html and "<script>x</script>" not in html


def test_back_button_history_restore_gets_the_whole_page(client):
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}
    client.get("/ladder/?role=inventory-analyst", HTTP_HX_REQUEST="true")  # fills the cache
    response = client.get("/ladder/?role=inventory-analyst", **headers)
    assert "<html" in response.content.decode()
