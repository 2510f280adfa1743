"""The catalogue lists every certification, filters by focus, tier and issuer (in place with
htmx, or as a plain GET form), and lets a person tick certifications to compare."""

import pytest

from certifications.models import Certification, Focus

from .conftest import assert_no_inline_code, assert_valid_html, between, ticked_for_comparison

pytestmark = pytest.mark.django_db

URL = "/certifications/"


def slugs_where(**conditions):
    """Slugs of the certifications that meet every condition, in catalogue order."""
    certs = Certification.objects.select_related("issuer").order_by("acronym", "slug")
    return [
        c.slug
        for c in certs
        if ("focus" not in conditions or c.focus == conditions["focus"])
        and ("tier" not in conditions or conditions["tier"] in c.tiers)
        and ("issuer" not in conditions or c.issuer.slug == conditions["issuer"])
    ]


def test_catalogue_lists_every_certification_with_issuer_focus_and_tiers(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    certs = list(Certification.objects.select_related("issuer"))
    assert len(certs) >= 12
    assert sorted(ticked_for_comparison(html)) == sorted(c.slug for c in certs)
    for cert in certs:
        card = between(html, f'<a href="/certifications/{cert.slug}/">', "</li>")
        assert cert.issuer.abbreviation in card
        assert cert.get_focus_display() in card
        assert ", ".join(cert.tier_labels) in card
    assert_valid_html(html)
    assert_no_inline_code(html)


def test_catalogue_offers_every_focus_tier_and_issuer_as_a_filter(client):
    html = client.get(URL).content.decode()
    form = between(html, 'id="filter-form"', "</form>")
    for value, label in Focus.choices:
        assert f'<option value="{value}">{label}</option>' in form
    for tier in ("entry", "mid", "senior", "executive"):
        assert f'<option value="{tier}">' in form
    for issuer in ("ascm", "asq", "iassc", "pmi", "ism", "sme", "icpm"):
        assert f'<option value="{issuer}">' in form
    assert '<label for="filter-focus">' in form and '<label for="filter-issuer">' in form
    assert "<legend>Filter the catalog</legend>" in form
    assert '<button type="submit">' in form


def test_filter_form_updates_the_list_in_place_and_the_address(client):
    form = between(client.get(URL).content.decode(), 'id="filter-form"', ">")
    assert 'method="get"' in form
    assert 'hx-get="/certifications/"' in form
    assert 'hx-trigger="change, submit"' in form
    assert 'hx-target="#certification-list"' in form
    assert 'hx-push-url="true"' in form


def test_filter_by_focus_shows_only_that_focus(client):
    html = client.get(URL, {"focus": "process-improvement"}).content.decode()
    shown = ticked_for_comparison(html)
    assert shown == slugs_where(focus="process-improvement")
    assert "lean-six-sigma-green-belt" in shown and "cpim" not in shown
    assert f"Showing {len(shown)} of {Certification.objects.count()}" in html


def test_filter_by_tier_shows_only_certifications_that_suit_it(client):
    shown = ticked_for_comparison(client.get(URL, {"suits": "senior"}).content.decode())
    assert shown == slugs_where(tier="senior")
    assert "cscp" in shown and "capm" not in shown


def test_filter_by_issuer_shows_only_that_issuers_certifications(client):
    shown = ticked_for_comparison(client.get(URL, {"issuer": "pmi"}).content.decode())
    assert sorted(shown) == ["capm", "pmp"]


def test_filters_combine(client):
    query = {"focus": "process-improvement", "suits": "mid", "issuer": "asq"}
    shown = ticked_for_comparison(client.get(URL, query).content.decode())
    assert shown == slugs_where(focus="process-improvement", tier="mid", issuer="asq")
    assert sorted(shown) == ["asq-six-sigma-black-belt", "asq-six-sigma-green-belt"]


def test_the_chosen_filters_stay_selected_in_the_form(client):
    html = client.get(URL, {"focus": "supply-chain-logistics", "suits": "mid"}).content.decode()
    assert '<option value="supply-chain-logistics" selected>' in html
    assert '<option value="mid" selected>' in html


def test_filters_that_match_nothing_say_so(client):
    html = client.get(URL, {"focus": "project-management", "issuer": "asq"}).content.decode()
    assert ticked_for_comparison(html) == []
    assert "No certification matches all of those filters" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"focus": "astrology"}, "Focus: “astrology” is not one of the focus areas we list"),
        ({"suits": "intern"}, "Suits roles at: “intern” is not one of the tiers we list"),
        ({"issuer": "acme"}, "Issuer: “acme” is not one of the issuers we list"),
    ],
)
def test_an_invalid_filter_is_a_400_with_a_clear_message(client, query, message):
    response = client.get(URL, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not use that filter" in html
    assert message in html
    assert ticked_for_comparison(html) == []


def test_an_invalid_filter_in_an_htmx_request_is_a_400_partial(client, htmx):
    response = client.get(URL, {"focus": "astrology"}, **htmx)
    assert response.status_code == 400
    assert "<html" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"focus": "planning-inventory"},
        {"suits": "entry"},
        {"issuer": "ascm"},
        {"focus": "process-improvement", "suits": "mid", "issuer": "iassc"},
    ],
)
def test_htmx_filtering_returns_only_the_list(client, htmx, query):
    response = client.get(URL, query, HTTP_HX_TARGET="certification-list", **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert html.lstrip().startswith('<div id="certification-list"')
    assert 'aria-live="polite"' in html
    assert ticked_for_comparison(html) == slugs_where(
        **{"tier" if k == "suits" else k: v for k, v in query.items()}
    )
    assert "HX-Request" in response["Vary"]
    assert_valid_html(html)


def test_a_plain_request_also_varies_on_hx_request(client):
    assert "HX-Request" in client.get(URL)["Vary"]


def test_an_htmx_filter_response_updates_the_fit_finders_copy_of_the_filters(client, htmx):
    html = client.get(
        URL, {"suits": "mid"}, HTTP_HX_TARGET="certification-list", **htmx
    ).content.decode()
    kept = between(html, 'id="kept-filters"', "</div>")
    assert 'hx-swap-oob="true"' in kept
    assert '<input type="hidden" name="suits" value="mid">' in kept


def test_the_filter_form_keeps_the_fit_finders_answers(client):
    html = client.get(
        URL, {"focus": "process-improvement", "tier": "mid", "grow": "improvement-projects"}
    ).content.decode()
    filter_form = between(html, 'id="filter-form"', "</form>")
    assert '<input type="hidden" name="tier" value="mid">' in filter_form
    assert '<input type="hidden" name="grow" value="improvement-projects">' in filter_form
    fit_form = between(html, 'id="fit-form"', "</form>")
    assert '<input type="hidden" name="focus" value="process-improvement">' in fit_form


def test_history_restore_gets_the_whole_page(client, htmx):
    response = client.get(URL, {"suits": "mid"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **htmx)
    assert "<html" in response.content.decode()


def test_ticked_certifications_go_to_the_comparison_in_a_get_form(client):
    html = client.get(URL).content.decode()
    form = between(html, '<form class="compare-form"', "</form>")
    assert 'action="/certifications/compare/" method="get"' in form
    assert '<label for="compare-cpim">Compare CPIM</label>' in form
    assert "<legend>" in form
    assert '<button type="submit">Compare selected</button>' in form


def test_cards_stay_clean_and_leave_how_sure_we_are_to_the_certification_page(client):
    html = client.get(URL).content.decode()
    cards = between(html, '<ul class="card-grid">', "</fieldset>")
    assert "unverified" not in cards.lower() and "badge--unverified" not in cards


def test_catalogue_has_breadcrumbs(client):
    response = client.get(URL)
    assert response.context["breadcrumbs"] == [("Certifications", "/certifications/")]
    assert '"@type": "BreadcrumbList"' in response.content.decode()


def test_catalogue_refuses_post(client):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("facet", ["focus", "suits", "issuer"])
def test_a_filter_holding_a_nul_gets_a_clear_answer_not_a_server_error(client, facet):
    page = client.get("/certifications/", {facet: "asq\x00"})
    assert page.status_code == 400
    assert "not one of the" in page.content.decode()
    api = client.get("/api/v1/certifications", {facet: "asq\x00"})
    assert api.status_code in (400, 404)
    assert api.json()["detail"]
