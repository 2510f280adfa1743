"""At many times today's content the catalogue comes in pages: plain links without JavaScript,
swapped in place with htmx, keeping the filters and the fit finder's answers; a page that does
not exist gets a 400 that says why."""

import pytest

from certifications.catalogue import CATALOGUE_PAGE_SIZE
from certifications.models import Certification
from tests.pages import pager_links

from .conftest import assert_valid_html, ticked_for_comparison

pytestmark = pytest.mark.django_db

URL = "/certifications/"
HTMX_LIST = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "certification-list"}


def test_with_todays_content_every_certification_is_on_one_page_without_a_pager(client):
    html = client.get(URL).content.decode()
    assert len(ticked_for_comparison(html)) == Certification.objects.count()
    assert 'class="pager"' not in html


def test_at_ten_times_the_content_a_page_shows_a_pageful_and_links_to_the_next(
    client, tenfold_content
):
    total = Certification.objects.count()
    first = client.get(URL).content.decode()
    assert_valid_html(first)
    shown = ticked_for_comparison(first)
    assert len(shown) == CATALOGUE_PAGE_SIZE
    assert f"Showing 1–{CATALOGUE_PAGE_SIZE} of the {total} certifications that match" in first
    links = pager_links(first)
    assert "prev" not in links
    second = client.get(URL + links["next"]).content.decode()
    assert set(ticked_for_comparison(second)).isdisjoint(shown)
    assert f"Page 2 of {-(-total // CATALOGUE_PAGE_SIZE)}" in second
    assert pager_links(second)["prev"] == "?"


def test_walking_every_page_lists_each_certification_once(client, tenfold_content):
    seen, url = [], URL
    while url:
        html = client.get(url).content.decode()
        seen += ticked_for_comparison(html)
        url = URL + pager_links(html)["next"] if "next" in pager_links(html) else ""
    expected = Certification.objects.order_by("acronym", "slug").values_list("slug", flat=True)
    assert seen == list(expected)


def test_page_links_keep_the_filters_and_the_fit_finders_answers(client, tenfold_content):
    html = client.get(URL + "?suits=mid&tier=mid&grow=supply-chain").content.decode()
    following = client.get(URL + pager_links(html)["next"])
    assert following.status_code == 200
    page = following.content.decode()
    assert 'value="mid" selected' in page  # the tier filter is still chosen
    assert 'id="fit-results"' in page and "Best fits for" in page


def test_a_new_filter_starts_again_at_the_first_page(client, tenfold_content):
    html = client.get(URL + "?page=2").content.decode()
    assert 'name="page"' not in html.split('id="filter-form"')[1].split("</form>")[0]


def test_with_htmx_the_next_page_replaces_the_list_in_place(client, tenfold_content):
    html = client.get(URL).content.decode()
    link = pager_links(html)["next"]
    assert f'hx-get="{link.replace("&", "&amp;")}" hx-target="#certification-list"' in html
    fragment = client.get(URL + link, **HTMX_LIST)
    body = fragment.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<div id="certification-list"')
    assert len(ticked_for_comparison(body)) == CATALOGUE_PAGE_SIZE
    assert "Page 2 of" in body


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Give a page number, for example 2."),
        ("0", "Pages start at 1."),
        ("99", "page 99 is past the end"),
        ("1e9", "Give a page number, for example 2."),
    ],
)
def test_a_page_that_does_not_exist_gets_a_400_that_says_why(
    client, tenfold_content, page, message
):
    response = client.get(URL, {"page": page})
    assert response.status_code == 400
    assert message in response.content.decode()
