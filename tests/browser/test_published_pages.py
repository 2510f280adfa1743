"""Published pages in Chromium: a page built when the content changed runs its scripts, and the
part its industry switch asks for, published too, swaps in place, with a clean console (no CSP
violation, no failed swap). Each visit's own nonce is checked in tests/caching."""

import re

import pytest
from playwright.sync_api import expect

from .site_pages import assert_same_document, mark_document, wait_for_htmx

# The live server's own connection must see the published pages, so they are committed.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(settings, live_server):
    """Publishing on and the page cache off, as the benchmark's uncached run, with `X-Cache`."""
    from careerpath.freshness import republish

    settings.PUBLISH_PAGES, settings.PAGE_CACHE_SECONDS = True, 0
    settings.PAGE_CACHE_HEADER = True
    republish()


def test_a_published_profile_switches_industry_in_place_from_its_published_part(
    page, live_server, published
):
    served = {}
    page.on("response", lambda r: served.__setitem__(r.url, r.headers.get("x-cache")))

    page.goto("/roles/inventory-analyst/")
    expect(page.locator("h1")).to_have_text("Inventory Analyst")
    mark_document(page)
    page.locator("#industry").get_by_role("link", name="Services").click()

    expect(page).to_have_url(re.compile(r"/roles/inventory-analyst/\?industry=services$"))
    expect(page.locator("#industry h3")).to_have_text("In services")
    assert_same_document(page, "Switching industry on a published page")  # htmx swapped it
    wait_for_htmx(page)
    base = live_server.url
    assert served[f"{base}/roles/inventory-analyst/"] == "published"
    assert served[f"{base}/roles/inventory-analyst/?industry=services"] == "published"
    # The page fixture then checks the console: no CSP violation, no failed swap.
