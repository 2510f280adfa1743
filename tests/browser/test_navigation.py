"""Finding the way, with JavaScript on: the header search forgives typos and knows synonyms,
skill names open skill pages, the planner swaps its ends, and removing one of a pair of
compared certifications leaves the picker ready with the other."""

import re

import pytest
from playwright.sync_api import expect

from .site_pages import assert_same_document, mark_document, wait_for_htmx

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("typed", "href"),
    [
        ("invntory", "/roles/inventory-analyst/"),
        ("salary", "/faq/how-much-do-operations-managers-earn/"),
        ("switch to operations", "/guides/moving-into-operations/"),
    ],
)
def test_the_header_search_finds_what_was_meant(page, console, typed, href):
    page.goto("/roles/")
    mark_document(page)

    page.locator("#site-search-q").press_sequentially(typed, delay=30)

    expect(page.locator(f"#site-search-live a[href='{href}']").first).to_be_visible()
    assert_same_document(page, f"Searching for {typed!r} from the header")
    wait_for_htmx(page)
    console.assert_clean(f"the header search for {typed!r}")


def test_a_skill_on_a_role_page_opens_its_page(page, console):
    page.goto("/roles/inventory-analyst/")
    page.locator("#skills").get_by_role("link", name="Inventory Control").click()

    expect(page).to_have_url(re.compile(r"/skills/inventory-control/$"))
    expect(page.locator("h1")).to_have_text("Inventory Control")
    expect(page.locator(".skill-scale h3")).to_have_count(5)
    roles = page.locator("table.skill-roles")
    expect(roles.get_by_role("link", name="Inventory Analyst")).to_be_visible()
    expect(roles.locator("tr", has_text="Inventory Analyst")).to_contain_text("4 of 5")
    console.assert_clean("the skill page")


def test_the_planner_swaps_from_and_to(page, console):
    page.goto("/ladder/path/?from=chief-operating-officer&to=operations-analyst")
    console.allow(r"status of 400")  # the downward route answers 400 with its message

    page.get_by_role("button", name="Swap from and to").click()

    expect(page).to_have_url(re.compile(r"from=operations-analyst&to=chief-operating-officer"))
    expect(page.locator("#path-from")).to_have_value("operations-analyst")
    expect(page.locator("#path-to")).to_have_value("chief-operating-officer")
    expect(page.locator("#path-result h2")).to_contain_text("5 steps")


def test_removing_one_of_two_compared_leaves_the_picker_with_the_other(page, console):
    page.goto("/certifications/compare/?c=cpim&c=cscp")
    mark_document(page)

    page.locator("main").get_by_role("link", name=re.compile(r"^Remove\s+CSCP")).click()

    expect(page.locator("#pick-cpim")).to_be_checked()
    expect(page.locator("#pick-cscp")).not_to_be_checked()
    expect(page.locator("#comparison")).to_contain_text("Choose at least one more")
    assert_same_document(page, "Removing one of two")
    wait_for_htmx(page)
    console.assert_clean("removing one of two")
