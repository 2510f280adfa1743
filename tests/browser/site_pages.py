"""Every page type of the public site, and small helpers the browser tests share."""

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class PageType:
    name: str
    url: str
    status: int = 200


UPDATE_BUILDER = "/guides/working-with-senior-management/update/"
UPDATE_EXAMPLE = (
    "team=Plant+2&period=November+2026&m-TOTAL_FORMS=2&m-INITIAL_FORMS=0"
    "&m-0-name=On-time+delivery&m-0-unit=%25&m-0-better=higher&m-0-this_month=91.5"
    "&m-0-target=95&m-0-last_month=94.8&m-0-year_to_date=93.9&m-0-earlier=93.2+94.1"
    "&m-1-name=Cost+per+unit&m-1-unit=%24&m-1-better=lower&m-1-this_month=4.12"
    "&m-1-target=4.20&m-1-last_month=4.25&risks=Gearbox+spare+on+order&asks=Approve+a+Saturday+shift"
)

PAGE_TYPES = [
    PageType("home", "/"),
    PageType("roles index", "/roles/"),
    PageType("role profile", "/roles/operations-manager/"),
    PageType("skills index", "/skills/"),
    PageType("skill", "/skills/inventory-control/"),
    PageType("role profile with a rung estimate", "/roles/director-of-operations/"),
    PageType("ladder with panel open", "/ladder/?role=operations-manager"),
    PageType(
        "path planner with a route",
        "/ladder/path/?from=operations-analyst&to=chief-operating-officer",
    ),
    PageType("certifications catalogue", "/certifications/"),
    PageType("certification detail", "/certifications/cpim/"),
    PageType("compare", "/certifications/compare/?c=cpim&c=cscp&c=pmp"),
    PageType("faq", "/faq/"),
    PageType("guides index", "/guides/"),
    PageType("guide", "/guides/working-with-senior-management/"),
    PageType("search results", "/search/?q=inventory"),
    PageType("open data", "/data/"),
    PageType("site map", "/sitemap/"),
    PageType("update builder", UPDATE_BUILDER),
    PageType("update builder with an update", f"{UPDATE_BUILDER}?{UPDATE_EXAMPLE}"),
    PageType(
        "update builder with a mistake",
        f"{UPDATE_BUILDER}?{UPDATE_EXAMPLE.replace('this_month=91.5', 'this_month=lots')}",
        status=400,
    ),
    PageType("how we source our data", "/about/sources/"),
    PageType("404", "/no-such-page/", status=404),
]

PAGE_TYPE_PARAMS = [pytest.param(p, id=p.name.replace(" ", "-")) for p in PAGE_TYPES]
BY_NAME = {p.name: p for p in PAGE_TYPES}


def open_page(page, console, page_type: PageType):
    """Load a page type and check it answered with the status it should."""
    if page_type.status != 200:
        console.allow(rf"status of {page_type.status}")
    response = page.goto(page_type.url)
    assert response is not None and response.status == page_type.status, (
        f"{page_type.url} answered {response.status if response else 'nothing'}, "
        f"expected {page_type.status}"
    )
    return response


def mark_document(page):
    """Tag the current document so a later check can tell a swap in place from a navigation."""
    page.evaluate("window.__sameDocument = true")


def assert_same_document(page, what: str):
    assert page.evaluate("window.__sameDocument === true"), (
        f"{what} reloaded the whole page; it should have swapped in place"
    )


def wait_for_htmx(page):
    """Wait until htmx has no request in flight and the swap has settled, then check the console:
    an error after an in-place update fails the test there, not only at the end."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')"
    )
    console = getattr(page.context, "console", None)
    if console is not None:
        console.assert_clean(f"after an in-place update on {page.url}")


def announces_or_takes_focus(page, selector: str) -> bool:
    """Whether a region just swapped in is announced (aria-live) or holds the focus."""
    return page.evaluate(
        """(selector) => {
          const region = document.querySelector(selector);
          if (!region) return false;
          const live = region.closest('[aria-live]:not([aria-live="off"])') ||
                       region.querySelector('[aria-live]:not([aria-live="off"])');
          const focused = region.contains(document.activeElement);
          return Boolean(live) || focused;
        }""",
        selector,
    )


# Plan pages live under a private link, so they need a saved plan: `plan_page_urls(token)` gives
# every one of them for the plan tests (validity, accessibility, layout).
PLAN_START_URLS = [
    ("plan start", "/plan/"),
    ("plan start with a route", "/plan/?current=operations-analyst&target=operations-manager"),
    ("plan start from a starting point", "/plan/?current=start:engineer&target=operations-manager"),
]


def plan_page_urls(token: str) -> list[tuple[str, str]]:
    return [*PLAN_START_URLS, ("saved plan", f"/plan/{token}/?saved=1")]
