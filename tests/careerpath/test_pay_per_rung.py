"""Pay per rung as a reader sees it on the home page, the ladder and the role index: one clean
number per role, never the same number for two rungs without saying why, no occupation codes in
the card text, and the source a click away."""

import re

import pytest

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b\d{2}-\d{4}\b")
VALUE = re.compile(r'<p class="pay-figure__value">(.*?)</p>', re.S)
PAGES = ["/", "/roles/", "/ladder/?role=director-of-operations"]


def shown_values(html):
    return [re.sub(r"<[^>]+>", "", v).strip() for v in VALUE.findall(html)]


@pytest.mark.parametrize("url", PAGES)
def test_card_text_carries_no_occupation_code(client, url):
    values = shown_values(client.get(url).content.decode())
    assert values
    for value in values:
        assert not CODE.search(value), value


@pytest.mark.parametrize("url", PAGES)
def test_every_figure_has_its_source_in_a_disclosure_that_needs_no_javascript(client, url):
    html = client.get(url).content.decode()
    assert html.count('<p class="pay-figure__value">') == html.count(
        '<details class="pay-figure__about">'
    )
    assert "<summary>Source" in html


def test_home_page_does_not_give_a_director_the_operations_manager_median(client):
    html = client.get("/").content.decode()
    item = r'<a href="/roles/([a-z-]+)/">[^<]+</a>\s*<div class="pay">(.*?)</details>'
    items = dict(re.findall(item, html, re.S))
    manager = shown_values(items["operations-manager"])[0]
    director = shown_values(items["director-of-operations"])[0]
    assert manager.startswith("Median $102,950") and director.startswith("Estimate $160,290")


def test_rungs_that_share_a_number_say_why_where_the_number_is_shown(client):
    html = client.get("/roles/").content.decode()
    blocks = re.findall(r'<div class="pay-figure">(.*?)</details>', html, re.S)
    by_value = {}
    for block in blocks:
        by_value.setdefault(shown_values(block)[0], []).append(block)
    shared = [group for group in by_value.values() if len(group) > 1]
    assert shared, "the content has rungs that share a figure (e.g. VP and COO)"
    for group in shared:
        for block in group:
            assert "how it fits this role" in block, "the disclosure carries the rung note"


def test_the_home_page_says_its_figures_come_from_more_than_one_edition(client):
    html = client.get("/").content.decode()
    assert "more than one BLS edition" in html and 'href="/about/sources/"' in html
