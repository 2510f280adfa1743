"""WCAG 2.2 AA and axe's best practices on every page type, in light and dark mode (axe-core),
keyboard reach and visible focus, and in-place swaps that a screen reader hears about."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .site_pages import BY_NAME, PAGE_TYPE_PARAMS, open_page, wait_for_htmx

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

axe = Axe()


def axe_violations(page) -> tuple[int, str]:
    """How many rules fail, and a short readable report: rule, impact, help, where."""
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{', '.join(v['tags'][:4])}]")
        for node in v["nodes"][:5]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:140]}")
            lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return len(violations), "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
@pytest.mark.parametrize("page_type", PAGE_TYPE_PARAMS)
def test_page_type_has_no_axe_violations(page, console, page_type, width, scheme):
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    if page_type.name == "ladder with panel open":
        # Open the panel the way a reader does, so the swapped-in markup is checked too.
        page.goto("/ladder/")
        page.locator(".ladder a[href='/roles/operations-manager/']").click()
        page.get_by_text("The ladder as a table").click()  # check the text equivalent too
        expect(page.locator("#ladder-panel h2")).to_have_text("Operations Manager")
        wait_for_htmx(page)
    else:
        open_page(page, console, page_type)

    count, report = axe_violations(page)

    assert count == 0, f"{page_type.name} ({page.url}):\n{report}"


def test_live_search_results_have_no_axe_violations(page):
    page.goto("/")
    page.locator("#site-search-q").press_sequentially("lean", delay=30)
    expect(page.locator("#site-search-live a").first).to_be_visible()
    wait_for_htmx(page)

    count, report = axe_violations(page)

    assert count == 0, report


FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type='hidden']):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, "
    "[tabindex]:not([tabindex='-1'])"
)

LABEL_FOCUSABLES = """(selector) => {
  const all = [...document.querySelectorAll(selector)].filter(el =>
    el.checkVisibility({visibilityProperty: true}) && !el.closest('[inert]'));
  const radioGroups = new Set();
  const expected = [];
  all.forEach((el, i) => {
    el.dataset.kbd = String(i);
    if (el.type === 'radio') {  // a radio group is one tab stop
      const key = (el.form ? el.form.id : '') + ':' + el.name;
      if (radioGroups.has(key)) return;
      radioGroups.add(key);
      el.dataset.kbdGroup = key;
    }
    expected.push({i, what: el.outerHTML.slice(0, 120)});
  });
  return expected;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  let index = el.dataset.kbd;
  if (el.type === 'radio') {
    const group = (el.form ? el.form.id : '') + ':' + el.name;
    const first = document.querySelector(`[data-kbd-group="${CSS.escape(group)}"]`);
    if (first) index = first.dataset.kbd;
  }
  return {index: index === undefined ? null : Number(index), visible: outline || ring,
          what: el.outerHTML.slice(0, 120), outline: style.outline};
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPE_PARAMS)
def test_every_control_is_reached_by_tab_and_shows_focus(page, console, page_type):
    open_page(page, console, page_type)
    expected = page.evaluate(LABEL_FOCUSABLES, FOCUSABLE)
    reached, unseen_focus = set(), []

    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["index"] is None:
            continue
        if focused["index"] in reached:
            break  # round the page and back to the start
        reached.add(focused["index"])
        if not focused["visible"]:
            unseen_focus.append(f"{focused['what']} (outline: {focused['outline']})")

    missed = [e["what"] for e in expected if e["i"] not in reached]
    assert not missed, f"{page_type.name}: Tab never reaches:\n  " + "\n  ".join(missed)
    unseen = "\n  ".join(unseen_focus)
    assert not unseen_focus, f"{page_type.name}: no visible focus indicator on:\n  {unseen}"


@pytest.mark.parametrize(
    "name",
    [
        "role profile",
        "ladder with panel open",
        "path planner with a route",
        "certifications catalogue",
        "compare",
        "faq",
        "search results",
    ],
)
def test_every_in_place_target_announces_or_takes_focus(page, console, name):
    open_page(page, console, BY_NAME[name])

    silent = page.evaluate("""() => {
      const silent = [];
      for (const el of document.querySelectorAll('[hx-target]')) {
        const selector = el.getAttribute('hx-target');
        const target = document.querySelector(selector);
        if (!target) { silent.push(selector + ' (missing)'); continue; }
        const live = target.closest('[aria-live]:not([aria-live="off"])') ||
                     target.querySelector('[aria-live]:not([aria-live="off"])');
        const focus = target.matches('[data-focus-on-swap]') ||
                      target.querySelector('[data-focus-on-swap]');
        if (!live && !focus) silent.push(selector);
      }
      return [...new Set(silent)];
    }""")

    assert not silent, f"{name}: regions swapped in place without aria-live or focus: {silent}"


def test_skip_link_is_first_and_moves_to_the_main_content(page):
    page.goto("/roles/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("#main")).to_be_focused()
