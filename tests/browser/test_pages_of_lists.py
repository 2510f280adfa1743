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


@pytest.fixture
def long_ladder(monkeypatch):
    """Today's ten roles, treated as a ladder too long to list."""
    monkeypatch.setattr("careerpath.views.ladder.PICKER_LIMIT", 5)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_on_a_long_ladder_roles_are_typed_by_name_and_near_misses_suggested(
    page, nojs_page, long_ladder, javascript
):
    tab = page if javascript else nojs_page
    tab.context.console.allow(r"status of 404")  # the near miss answers 404, with suggestions
    tab.goto("/ladder/path/")
    tab.locator("#path-from").fill("operations analyst")
    tab.locator("#path-to").fill("chief")
    tab.get_by_role("button", name="Plan the path").click()
    result = tab.locator("#path-result")
    expect(result.get_by_role("alert")).to_contain_text("We have no role called “chief”.")
    result.get_by_role("link", name="Chief Operating Officer").click()
    expect(tab.locator("#path-result h2")).to_contain_text(
        "From Operations Analyst to Chief Operating Officer"
    )
    expect(tab.locator("#path-to")).to_have_value("Chief Operating Officer")
    count, report = axe_violations(tab) if javascript else (0, "")
    assert count == 0, f"axe on the planner picked by name:\n{report}"
