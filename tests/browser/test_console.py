"""No page logs an error, throws, or trips the Content-Security-Policy (nonces, never
'unsafe-inline')."""

import pytest

from .site_pages import PAGE_TYPE_PARAMS, open_page, wait_for_htmx

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("page_type", PAGE_TYPE_PARAMS)
def test_page_type_loads_without_console_errors_or_csp_violations(page, console, page_type):
    response = open_page(page, console, page_type)
    page.wait_for_load_state("load")
    wait_for_htmx(page)

    policy = response.headers.get("content-security-policy", "")
    assert "'nonce-" in policy and "unsafe-inline" not in policy, policy
    assert page.evaluate("typeof htmx") == "object", "htmx should load under the CSP"
    console.assert_clean(page_type.name)


def swap(page, action, region: str):
    """Do one thing that updates part of the page in place, wait for the swap to settle and
    check the console there (wait_for_htmx does), not only when the test ends."""
    before = page.evaluate("window.__htmxSwaps")
    action()
    page.wait_for_function("(n) => window.__htmxSwaps > n", arg=before)
    wait_for_htmx(page)
    assert page.locator(region).count() == 1, f"{region} should still be on the page once"


def test_every_kind_of_in_place_update_leaves_the_console_clean(page, console):
    console.allow(r"status of (400|404)")  # refused routes and unknown roles answer 4xx in place
    page.goto("/ladder/")
    swap(
        page,
        lambda: page.locator(".ladder a[href='/roles/inventory-analyst/']").click(),
        "#ladder-panel",
    )
    swap(
        page,
        lambda: page.locator(".ladder a[href='/roles/vp-of-operations/']").click(),
        "#ladder-panel",
    )

    page.goto("/roles/operations-manager/")
    swap(
        page,
        lambda: page.locator("#industry").get_by_role("link", name="Services").click(),
        "#industry",
    )

    page.goto("/ladder/path/?from=operations-analyst&to=operations-manager")
    swap(page, lambda: page.select_option("#path-to", "director-of-operations"), "#path-result")
    swap(
        page, lambda: page.select_option("#path-from", "chief-operating-officer"), "#path-result"
    )  # a downward route: a 400 message swapped in place

    page.goto("/certifications/compare/?c=cpim&c=cscp&c=pmp")
    swap(page, lambda: page.check("#compare-diff"), "#comparison")

    def add_one():
        page.locator("#add-c").select_option(index=0)
        page.locator("#add-form button").click()

    swap(page, add_one, "#comparison")

    page.goto("/certifications/")
    swap(
        page,
        lambda: page.locator("#filter-form select").first.select_option(index=1),
        "#certification-list",
    )

    page.goto("/faq/")
    swap(page, lambda: page.locator("#faq-q").press_sequentially("pay", delay=30), "#faq-list")

    page.goto("/roles/")
    swap(
        page,
        lambda: page.locator("#site-search-q").press_sequentially("lean", delay=30),
        "#site-search-live",
    )
    page.go_back()
    page.wait_for_load_state("load")
    console.assert_clean("after going back")


def test_in_place_error_answers_stay_in_place_in_development_too(page, console, settings):
    """With DEBUG on, django-htmx's debug helper used to replace the whole document with a 4xx
    answer and eval() its scripts, which the CSP refuses."""
    settings.DEBUG = True
    console.allow(r"status of 400")
    page.goto("/ladder/path/?from=operations-analyst&to=operations-manager")

    swap(page, lambda: page.select_option("#path-from", "chief-operating-officer"), "#path-result")

    assert page.locator("h1").inner_text() == "Path planner", "the page around the answer stays"
    assert page.locator("#path-result [role='alert']").is_visible()
    assert page.locator("link[href$='site.css']").count() == 1
