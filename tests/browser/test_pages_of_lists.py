"""Long lists in pages: with JavaScript the next page swaps in place and the address bar follows;
without it the same links load the page. Today's content fits on one page, so these tests make
the pages small."""

import re

import pytest
from playwright.sync_api import expect

from .site_pages import assert_same_document, mark_document, wait_for_htmx
from .test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LISTS = [
    # (url, page size setting, list region, what a card or question is)
    (
        "/certifications/",
        "certifications.views.CATALOGUE_PAGE_SIZE",
        "#certification-list",
        ".certification-card",
    ),
    ("/faq/", "guides.selectors.FAQ_PAGE_SIZE", "#faq-list", ".faq-item"),
]


@pytest.fixture
def small_pages(monkeypatch):
    for _, setting, _, _ in LISTS:
        monkeypatch.setattr(setting, 5)


@pytest.mark.parametrize(("url", "setting", "region", "item"), LISTS)
def test_next_and_previous_swap_the_list_in_place(page, small_pages, url, setting, region, item):
    page.goto(url)
    first = page.locator(f"{region} {item}").first.inner_text()
    expect(page.locator(f"{region} {item}")).to_have_count(5)
    mark_document(page)

    page.locator(region).get_by_role("link", name="Next page").click()

    expect(page).to_have_url(re.compile(r"[?&]page=2$"))
    wait_for_htmx(page)
    assert_same_document(page, "Going to the next page")
    expect(page.locator(region).get_by_text("Page 2 of")).to_be_visible()
    assert page.locator(f"{region} {item}").first.inner_text() != first
    count, report = axe_violations(page)
    assert count == 0, f"axe on page 2 of {url}:\n{report}"

    page.locator(region).get_by_role("link", name="Previous page").click()
    expect(page.locator(region).get_by_text("Page 1 of")).to_be_visible()
    assert page.locator(f"{region} {item}").first.inner_text() == first


@pytest.mark.parametrize(("url", "setting", "region", "item"), LISTS)
def test_without_javascript_the_pager_is_plain_links(
    nojs_page, small_pages, url, setting, region, item
):
    nojs_page.goto(url)
    nojs_page.set_viewport_size({"width": 375, "height": 800})
    link = nojs_page.locator(region).get_by_role("link", name="Next page")
    box = link.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24  # a target a thumb can hit
    link.click()
    expect(nojs_page).to_have_url(re.compile(r"[?&]page=2$"))
    expect(nojs_page.locator(region).get_by_text("Page 2 of")).to_be_visible()
    expect(nojs_page.locator(f"{region} {item}")).to_have_count(5)
