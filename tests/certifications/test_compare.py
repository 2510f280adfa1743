"""Two to four certifications side by side: the same rows for each, differing rows marked,
"differences only" on request, add and remove in place, and a clear 400 for bad input."""

import re

import pytest

from certifications.compare import ROWS
from certifications.models import Certification
from common.pagination import PICKER_LIMIT

from .conftest import (
    assert_no_inline_code,
    assert_valid_html,
    between,
    column_headers,
    table_rows,
)

pytestmark = pytest.mark.django_db

URL = "/certifications/compare/"
ALL_ROWS = [key for key, _, _ in ROWS]
ROW_LABELS = [
    "Issuer",
    "Focus",
    "Who it is for",
    "Eligibility",
    "Exam",
    "Cost",
    "Validity and renewal",
    "Tiers it suits",
    "Roles it suits",
]


def compare(client, *slugs, diff=False, **headers):
    query = [("c", s) for s in slugs] + ([("diff", "1")] if diff else [])
    return client.get(URL, query, **headers)


@pytest.mark.parametrize(
    "slugs",
    [
        ["cpim", "cscp"],
        ["lean-six-sigma-green-belt", "asq-six-sigma-green-belt", "pmp"],
        ["pmp", "capm", "cpim", "asq-six-sigma-black-belt"],
    ],
)
def test_compares_two_to_four_side_by_side_with_the_same_rows(client, slugs):
    response = compare(client, *slugs)
    assert response.status_code == 200
    html = response.content.decode()
    assert column_headers(html) == slugs
    assert list(table_rows(html)) == ALL_ROWS
    for label in ROW_LABELS:
        assert re.search(rf'<th scope="row">[^<]*(<span[^>]*>≠</span> )?{label}', html), label
    body = between(html, "<tbody>", "</tbody>")
    assert body.count("<td>") == len(slugs) * len(ALL_ROWS)
    assert '<div class="table-scroll comparison__scroll"' in html
    assert_valid_html(html)
    assert_no_inline_code(html)


def test_rows_that_differ_are_marked_for_eyes_and_screen_readers(client):
    html = compare(client, "lean-six-sigma-green-belt", "lean-six-sigma-black-belt").content
    rows = table_rows(html.decode())
    # Both IASSC, both process improvement, the same three-year renewal text.
    assert rows["issuer"] is False
    assert rows["focus"] is False
    assert rows["renewal"] is False
    assert rows["tiers"] is True and rows["exam"] is True and rows["cost"] is True
    tiers_row = between(html.decode(), 'data-row="tiers"', "</th>")
    assert '<span class="differs-marker" aria-hidden="true">≠</span>' in tiers_row
    assert '<span class="visually-hidden"> (differs)</span>' in tiers_row
    issuer_row = between(html.decode(), 'data-row="issuer"', "</th>")
    assert "differs" not in issuer_row.replace('data-row="issuer"', "")


def test_differences_only_hides_the_rows_that_are_the_same(client):
    html = compare(
        client, "lean-six-sigma-green-belt", "lean-six-sigma-black-belt", diff=True
    ).content.decode()
    rows = table_rows(html)
    assert rows and all(rows.values())
    assert "issuer" not in rows and "focus" not in rows and "renewal" not in rows
    assert '<input type="checkbox" id="compare-diff" name="diff" value="1" checked>' in html


def test_the_differences_switch_is_a_get_checkbox_that_keeps_the_selection(client):
    html = compare(client, "cpim", "cscp").content.decode()
    form = between(html, '<form id="diff-form"', "</form>")
    assert 'method="get"' in form and 'hx-get="/certifications/compare/"' in form
    assert 'hx-target="#comparison"' in form and 'hx-push-url="true"' in form
    assert (
        '<input type="hidden" name="c" value="cpim"><input type="hidden" name="c" value="cscp">'
    ) in form
    assert '<label for="compare-diff">Show only the rows that differ</label>' in form


def test_columns_keep_the_order_given(client):
    html = compare(client, "pmp", "cpim", "cscp").content.decode()
    assert column_headers(html) == ["pmp", "cpim", "cscp"]


def test_the_canonical_address_lists_the_certifications_in_a_fixed_order(client):
    html = compare(client, "pmp", "cpim", "cscp", diff=True).content.decode()
    assert (
        '<link rel="canonical" href="http://testserver/certifications/compare/'
        '?c=cpim&amp;c=cscp&amp;c=pmp">'
    ) in html


def test_the_comparison_region_is_announced_when_it_changes(client):
    html = compare(client, "cpim", "cscp").content.decode()
    assert '<div id="comparison" class="comparison" aria-live="polite">' in html


def test_cells_show_costs_roles_and_tiers(client):
    html = compare(client, "pmp", "cpim").content.decode()
    cost = between(html, 'data-row="cost"', "</tr>")
    assert "$405" in cost and "$555" in cost and "not published" in cost
    roles = between(html, 'data-row="roles"', "</tr>")
    assert '<a href="/roles/operations-manager/">' in roles
    tiers = between(html, 'data-row="tiers"', "</tr>")
    assert "Mid-level, Senior" in tiers and "Entry, Mid-level" in tiers


# Adding and removing ---------------------------------------------------------------------------


def test_add_offers_the_others_and_carries_the_current_selection(client):
    html = compare(client, "cpim", "cscp").content.decode()
    form = between(html, '<form id="add-form"', "</form>")
    assert 'hx-get="/certifications/compare/"' in form
    assert 'hx-target="#comparison"' in form and 'hx-push-url="true"' in form
    assert (
        '<input type="hidden" name="c" value="cpim"><input type="hidden" name="c" value="cscp">'
    ) in form
    assert '<label for="add-c">Add a certification</label>' in form
    assert '<option value="pmp">' in form
    assert '<option value="cpim">' not in form and '<option value="cscp">' not in form


def test_adding_one_is_a_comparison_of_three_as_a_full_page(client):
    response = compare(client, "cpim", "cscp", "pmp")
    assert response.status_code == 200
    assert column_headers(response.content.decode()) == ["cpim", "cscp", "pmp"]


def test_adding_one_with_htmx_returns_only_the_comparison(client, htmx):
    response = compare(client, "cpim", "cscp", "pmp", **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert html.lstrip().startswith('<div id="comparison"')
    assert column_headers(html) == ["cpim", "cscp", "pmp"]
    assert "HX-Request" in response["Vary"]
    assert_valid_html(html)


def test_with_four_there_is_no_add_form(client):
    html = compare(client, "cpim", "cscp", "pmp", "capm").content.decode()
    assert 'id="add-form"' not in html
    assert "You are comparing four, the most at once" in html


def test_each_column_links_to_the_comparison_without_it(client):
    html = compare(client, "cpim", "cscp", "pmp", diff=True).content.decode()
    header = between(html, '<a href="/certifications/cscp/">', "</th>")
    assert (
        '<a class="comparison-table__remove" href="/certifications/compare/'
        '?c=cpim&amp;c=pmp&amp;diff=1"'
    ) in header
    assert 'hx-get="/certifications/compare/?c=cpim&amp;c=pmp&amp;diff=1"' in header
    assert 'hx-target="#comparison"' in header and 'hx-push-url="true"' in header
    assert '<span class="visually-hidden"> CSCP</span>' in header


def test_removing_one_as_a_full_page(client):
    response = compare(client, "cpim", "pmp", diff=True)
    assert response.status_code == 200
    assert column_headers(response.content.decode()) == ["cpim", "pmp"]


def test_removing_one_with_htmx_returns_only_the_comparison(client, htmx):
    response = compare(client, "cpim", "pmp", **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert column_headers(html) == ["cpim", "pmp"]


def test_removing_one_of_two_leads_to_the_picker_with_the_other_chosen(client):
    html = compare(client, "cpim", "cscp").content.decode()
    header = between(html, '<a href="/certifications/cscp/">', "</th>")
    assert 'href="/certifications/compare/?c=cpim&amp;pick=1"' in header
    assert 'hx-get="/certifications/compare/?c=cpim&amp;pick=1"' in header

    response = client.get("/certifications/compare/?c=cpim&pick=1")
    assert response.status_code == 200
    picker = response.content.decode()
    assert 'id="picker-form"' in picker
    assert '<input type="checkbox" id="pick-cpim" name="c" value="cpim" checked>' in picker
    assert 'id="pick-cscp" name="c" value="cscp">' in picker
    assert "Choose at least one more to compare with CPIM." in picker
    assert "Choose at least two" not in picker


def test_removing_one_of_two_with_htmx_swaps_in_the_picker(client, htmx):
    response = client.get("/certifications/compare/?c=cpim&pick=1", **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="picker-form"' in html


def test_one_certification_without_the_picker_step_is_still_refused(client):
    response = client.get("/certifications/compare/?c=cpim")
    assert response.status_code == 400
    assert "Choose at least two" in response.content.decode()


# Bad input -------------------------------------------------------------------------------------


def test_unknown_certifications_are_named_in_a_400(client):
    response = compare(client, "cpim", "cissp", "cscp", "pmpp")
    assert response.status_code == 400
    html = response.content.decode()
    assert "We have no certification called “cissp”, “pmpp”." in html
    assert 'role="alert"' in html
    assert column_headers(html) == ["cpim", "cscp"]


def test_a_duplicate_is_dropped_and_noted(client):
    response = compare(client, "cpim", "cscp", "cpim")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Removed a duplicate: CPIM was chosen more than once." in html
    assert column_headers(html) == ["cpim", "cscp"]


def test_more_than_four_is_refused_with_a_picker(client):
    slugs = ["cpim", "cscp", "cltd", "pmp", "capm"]
    response = compare(client, *slugs)
    assert response.status_code == 400
    html = response.content.decode()
    assert "You can compare at most 4 certifications at a time and chose 5." in html
    assert column_headers(html) == []
    picker = between(html, '<form id="picker-form"', "</form>")
    for slug in slugs:
        assert f'<input type="checkbox" id="pick-{slug}" name="c" value="{slug}" checked>' in picker


def test_fewer_than_two_offers_a_picker(client):
    response = compare(client, "cpim")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose at least two certifications to compare." in html
    picker = between(html, '<form id="picker-form"', "</form>")
    assert 'action="/certifications/compare/" method="get"' in picker
    assert "<legend>Choose two to four certifications to compare</legend>" in picker
    assert '<input type="checkbox" id="pick-cpim" name="c" value="cpim" checked>' in picker
    assert '<label for="pick-pmp">PMP – Project Management Professional</label>' in picker
    assert_valid_html(html)


def test_a_duplicate_that_leaves_one_offers_the_picker(client):
    response = compare(client, "cpim", "cpim")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Removed a duplicate" in html and "Choose at least two" in html


def test_bad_input_in_an_htmx_request_is_a_400_partial(client, htmx):
    response = compare(client, "cpim", "nope", **htmx)
    assert response.status_code == 400
    assert "<html" not in response.content.decode()


def test_no_selection_at_all_is_the_picker(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="picker-form"' in html and "message-error" not in html


def test_the_first_column_stays_in_view_on_a_narrow_screen(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/certifications.css")).read_text(encoding="utf-8")
    sticky = css[css.index('.comparison-table th[scope="row"]') :]
    assert "position: sticky" in sticky.split("}")[0]


# More certifications than a list holds (ten times today's): each is typed by its acronym.


def test_with_many_certifications_the_picker_and_the_add_list_are_typed(client, tenfold_content):
    assert Certification.objects.count() > PICKER_LIMIT
    picker = client.get(URL).content.decode()
    assert '<input id="pick-1" name="c" type="text"' in picker and 'id="pick-4"' in picker
    assert 'type="checkbox"' not in picker and "Type their acronyms" in picker
    assert 'href="/certifications/">catalogue</a>' in picker
    html = client.get(URL, {"c": ["cpim", "cscp"]}).content.decode()
    assert '<input id="add-c" name="c" type="text"' in html and "<option" not in html
    assert_valid_html(html)


def test_typed_acronyms_compare_in_any_case_and_link_by_slug(client, tenfold_content):
    response = client.get(URL, {"c": ["CPIM", "pmp", "cscp-x3"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert column_headers(html) == ["cpim", "pmp", "cscp-x3"]
    assert 'name="c" value="pmp"' in html  # the add form keeps those chosen by slug
    same = client.get(URL, {"c": ["cpim", "pmp", "cscp-x3"]}).content.decode()
    assert table_rows(html) == table_rows(same)


def test_a_typed_name_that_names_nothing_is_a_400_that_keeps_what_was_typed(
    client, tenfold_content
):
    response = client.get(URL, {"c": ["CPIM", "astronaut"]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "We have no certification called “astronaut”." in html
    assert 'id="pick-1" name="c" type="text"' in html and 'value="astronaut"' in html


def test_one_certification_typed_twice_by_slug_and_acronym_is_noted_once(client, tenfold_content):
    response = client.get(URL, {"c": ["cpim", "CPIM", "pmp"]})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Removed a duplicate: CPIM was chosen more than once.") == 1
    assert column_headers(html) == ["cpim", "pmp"]
