"""The ladder page: rungs from the entry roles to the COO, and a panel that opens in place."""

import re

import pytest

from common.pagination import RUNG_LIMIT
from roles.models import Role

pytestmark = pytest.mark.django_db


def diagram_rows(html):
    """Role titles in the SVG diagram, one list per row of boxes, from the top."""
    svg = html.split('<svg class="ladder ladder-diagram"')[1].split("</svg>")[0]
    boxes = re.findall(r'aria-label="([^":]+):[^"]*"[^>]*>\s*<rect x="([\d.]+)" y="([\d.]+)"', svg)
    rows = {}
    for title, x, y in boxes:
        rows.setdefault(float(y), []).append((float(x), title))
    return [[t for _, t in sorted(rows[y])] for y in sorted(rows)]


def table_rows(html):
    """(rung, role, median, years, leads to) from the ladder's text equivalent."""
    table = html.split('class="ladder-table"')[1].split("</table>")[0]
    rows = re.findall(
        r"<tr>\s*<td>(\d+)</td>\s*<th scope=\"row\"><a [^>]+>([^<]+)</a></th>\s*"
        r"<td>([^<]+)</td>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>",
        table,
    )
    return rows


def test_ladder_diagram_runs_from_the_coo_down_to_the_entry_roles(client):
    rows = diagram_rows(client.get("/ladder/").content.decode())
    assert rows[0] == ["Chief Operating Officer"]
    assert rows[-1] == ["Operations Coordinator", "Operations Supervisor"]
    assert set(rows[-2]) == {"Inventory Analyst", "Operations Analyst", "Production Scheduler"}


def test_ladder_diagram_shows_pay_and_years_on_each_rung_and_an_arrow_per_branch(client):
    html = client.get("/ladder/").content.decode()
    manager = Role.objects.get(slug="operations-manager")
    label = re.search(r'aria-label="(Operations Manager:[^"]+)"', html).group(1)
    assert "median $102,950" in label and "5–10 years" in label
    svg = html.split('<svg class="ladder ladder-diagram"')[1].split("</svg>")[0]
    assert 'role="group"' in html.split('<svg class="ladder ladder-diagram"')[1].split(">")[0]
    assert "<title" in svg and "<desc" in svg
    branches = sum(r.leads_to.count() for r in Role.objects.all())
    assert svg.count('marker-end="url(#ladder-arrow)"') == branches
    assert manager.leads_to.count() == 1


def test_the_ladder_table_says_what_the_diagram_shows(client):
    html = client.get("/ladder/").content.decode()
    rows = table_rows(html)
    assert [r[1] for r in rows] == [t for row in diagram_rows(html) for t in row]
    by_title = {r[1]: r for r in rows}
    for title in (
        "Operations Analyst",
        "Production Scheduler",
        "Inventory Analyst",
        "Operations Supervisor",
    ):
        assert by_title[title][4] == "Operations Manager"
    assert by_title["Operations Manager"][2:4] == ("$102,950", "5–10 years")
    assert by_title["Chief Operating Officer"][0] == "7"
    assert by_title["Chief Operating Officer"][4] == "top of the ladder"


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


def test_with_many_roles_to_a_rung_the_ladder_draws_the_first_few_and_counts_the_rest(
    client, tenfold_content
):
    html = client.get("/ladder/").content.decode()
    drawn = diagram_rows(html)
    table = html.split('class="ladder-table"')[1].split("</table>")[0]
    ranks = sorted(set(Role.objects.values_list("rank", flat=True)), reverse=True)
    assert len(drawn) == len(ranks)
    for row, rank in zip(drawn, ranks, strict=True):
        on_rung = Role.objects.filter(rank=rank).order_by("title", "slug")
        assert row == [role.title for role in on_rung[:RUNG_LIMIT]]
        more = on_rung.count() - RUNG_LIMIT
        assert (
            f'<td>{rank}</td><td colspan="4"><a href="/roles/">{more} more roles on this rung'
            in table
        )
    assert [r[1] for r in table_rows(html)] == [t for row in drawn for t in row]
    hidden = Role.objects.count() - RUNG_LIMIT * len(ranks)
    assert f'<a href="/roles/">the role index</a> lists all of them, {hidden} more.' in html


def test_a_role_chosen_past_the_first_few_of_its_rung_is_drawn_marked_with_its_panel(
    client, tenfold_content
):
    chosen = Role.objects.filter(rank=3).order_by("title", "slug")[RUNG_LIMIT + 2]
    html = client.get(f"/ladder/?role={chosen.slug}").content.decode()
    row = next(r for r in diagram_rows(html) if chosen.title in r)
    first = Role.objects.filter(rank=3).order_by("title", "slug")[: RUNG_LIMIT - 1]
    assert row == [*(role.title for role in first), chosen.title]
    assert re.search(
        rf'aria-label="{re.escape(chosen.title)}:[^"]*" class="[^"]*" aria-current="true"', html
    )
    panel = html.split('id="ladder-panel"')[1].split("</section>")[0]
    assert f'<h2 id="ladder-panel-heading">{chosen.title}</h2>' in panel
