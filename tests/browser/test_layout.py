"""Phone, tablet and desktop widths: nothing scrolls sideways, wide tables scroll in their own
box, and role profiles, path plans and comparisons print without the site's chrome."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .site_pages import BY_NAME, PAGE_TYPE_PARAMS, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = [375, 768, 1280]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

OVERFLOWING = """() => {
  const width = window.innerWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.checkVisibility() &&
                  !clipped(el))
    .slice(0, 8)
    .map(el => name(el) + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
}"""

TABLES_NOT_IN_A_SCROLL_BOX = """() => [...document.querySelectorAll('main table')].filter(table => {
  for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) return false;
  }
  return true;
}).map(t => t.className || t.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("page_type", PAGE_TYPE_PARAMS)
def test_page_type_never_scrolls_sideways(page, console, page_type):
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        open_page(page, console, page_type)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            culprits = page.evaluate(OVERFLOWING)
            problems.append(
                f"at {width}px the page is {scroll_width}px wide; "
                f"sticking out: {', '.join(culprits) or 'unknown'}"
            )
        loose_tables = page.evaluate(TABLES_NOT_IN_A_SCROLL_BOX)
        if loose_tables:
            problems.append(f"at {width}px tables outside a scrolling box: {loose_tables}")

    assert not problems, f"{page_type.name}:\n  " + "\n  ".join(problems)


PRINTED = ["role profile", "path planner with a route", "compare"]


@pytest.mark.parametrize("name", PRINTED)
def test_printing_leaves_out_the_header_navigation_and_forms(page, console, name):
    open_page(page, console, BY_NAME[name])
    print_css = page.locator("link[rel='stylesheet'][media='print'][href$='print.css']")
    expect(print_css).to_have_count(1)

    page.emulate_media(media="print")

    for chrome in ["header.site-header", "nav", ".site-footer", "main form", ".skip-link"]:
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    if name == "compare":
        expect(page.locator("main table").first).to_be_visible()
    if name == "path planner with a route":
        expect(page.locator("#path-result .route__step").first).to_be_visible()


@pytest.mark.parametrize("name", PRINTED)
def test_phone_screenshot_is_saved_for_review(page, console, name):
    page.set_viewport_size({"width": 375, "height": 800})
    open_page(page, console, BY_NAME[name])
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name.split(' with ')[0].replace(' ', '-')}-375.png"

    page.screenshot(path=str(path), full_page=True)
    # A whole phone page is too tall to read at once: also keep it in screen-sized slices.
    height = page.evaluate("document.documentElement.scrollHeight")
    for i, top in enumerate(range(0, height, 800), start=1):
        clip = {"x": 0, "y": top, "width": 375, "height": min(800, height - top)}
        page.screenshot(path=str(path.with_suffix(f".{i}.png")), full_page=True, clip=clip)

    assert path.stat().st_size > 10_000
