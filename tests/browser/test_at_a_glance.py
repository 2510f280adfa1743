"""What a reader takes in at a glance: the summary at the top of every role page on a phone, the
ladder as a diagram with a text equivalent, a compact header on phones, dark mode and a focus
ring that does not look like an error."""

import re

import pytest
from playwright.sync_api import expect

from .site_pages import assert_same_document, mark_document, wait_for_htmx

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 375, "height": 667}  # the smallest phone in common use


def role_slugs():
    from roles.models import Role

    return list(Role.objects.order_by("rank", "slug").values_list("slug", flat=True))


def test_every_role_page_shows_its_summary_without_scrolling_on_a_phone(page):
    from roles.models import Role

    page.set_viewport_size(PHONE)
    slugs = role_slugs()
    assert len(slugs) >= 10
    for slug in slugs:
        role = Role.objects.get(slug=slug)
        page.goto(f"/roles/{slug}/")
        summary = page.locator(".glance")

        box = summary.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (
            f"{slug}: the summary ends at {box and round(box['y'] + box['height'])}px, "
            f"below the fold at {PHONE['height']}px"
        )
        text = summary.inner_text()
        assert re.search(r"(Median|Estimate) \$[\d,]+|No sourced pay figure yet", text), slug
        assert (
            f"{role.years_min}–{role.years_max} years" in text or role.years_min == role.years_max
        )
        for label in ("Pay", "Experience", "Education", "Top skills"):
            assert label in text, f"{slug}: the summary has no {label}"
        for nxt in role.leads_to.all():
            expect(summary.get_by_role("link", name=nxt.title)).to_be_visible()
        expect(summary.locator("details summary", has_text="Source")).to_be_visible()
        assert page.evaluate("window.scrollY") == 0


def test_the_summary_jump_links_lead_to_their_sections(page):
    page.set_viewport_size(PHONE)
    page.goto("/roles/inventory-analyst/")
    jumps = page.get_by_role("navigation", name="On this page")

    jumps.get_by_role("link", name="Getting in").click()

    expect(page.locator("#entry-heading")).to_be_in_viewport()
    expect(page.locator(".glance")).not_to_be_in_viewport()


def test_long_reference_parts_start_folded_and_open_on_request(page):
    page.goto("/certifications/cpim/")
    sources = page.locator("details.reference", has_text="Sources")
    first_source = sources.locator("li").first
    expect(first_source).to_be_hidden()

    sources.locator("summary").click()

    expect(first_source).to_be_visible()

    page.goto("/ladder/")
    table = page.locator(".ladder-table")
    expect(table).to_be_hidden()
    page.get_by_text("The ladder as a table").click()
    expect(table).to_be_visible()


def test_the_pay_chart_labels_each_amount(page):
    page.goto("/roles/operations-manager/")
    chart = page.locator(".pay-chart svg")
    amounts = chart.locator("text.pay-chart__amount").all_text_contents()
    assert len(amounts) >= 3 and all(re.fullmatch(r"\$[\d,]+", a) for a in amounts), amounts
    expect(chart.locator("text", has_text="median")).to_have_count(1)


def test_certification_and_route_pages_open_with_their_summary(page):
    page.set_viewport_size(PHONE)
    page.goto("/certifications/cpim/")
    summary = page.locator(".glance")
    expect(summary).to_be_in_viewport()
    for label in ("Cost", "Time", "Eligibility", "Suits"):
        expect(summary.locator("dt", has_text=label)).to_be_visible()

    page.goto("/ladder/path/?from=operations-analyst&to=chief-operating-officer")
    totals = page.locator("#path-result .route__totals")
    first_step = page.locator("#path-result .route__step").first
    assert totals.bounding_box()["y"] < first_step.bounding_box()["y"], "the total comes first"
    expect(totals).to_contain_text("5 moves")


def test_the_ladder_diagram_opens_a_rung_in_place_and_its_table_says_the_same(page):
    page.goto("/ladder/")
    diagram = page.get_by_role("group", name="The operations career ladder as a diagram")
    expect(diagram).to_be_visible()
    labels = diagram.locator("a").evaluate_all("els => els.map(a => a.getAttribute('aria-label'))")
    assert len(labels) >= 10
    mark_document(page)

    diagram.get_by_role("link", name=re.compile(r"^Production Scheduler:")).click()

    expect(page).to_have_url(re.compile(r"/ladder/\?role=production-scheduler$"))
    expect(page.locator("#ladder-panel h2")).to_have_text("Production Scheduler")
    assert_same_document(page, "Choosing a rung in the diagram")
    wait_for_htmx(page)
    chosen = diagram.locator("a[aria-current='true']")
    expect(chosen).to_have_attribute("href", "/roles/production-scheduler/")

    page.get_by_text("The ladder as a table").click()
    rows = page.locator(".ladder-table tbody tr")
    expect(rows).to_have_count(len(labels))
    for label, row in zip(labels, rows.all(), strict=True):
        title, facts = label.split(": ", 1)
        cells = row.locator("th, td").all_inner_texts()
        assert cells[1] == title
        assert cells[2] in facts and cells[3] in facts, (label, cells)


def test_the_ladder_diagram_is_plain_links_without_javascript(nojs_page):
    nojs_page.goto("/ladder/")
    nojs_page.get_by_role("link", name=re.compile(r"^Inventory Analyst:")).click()

    expect(nojs_page).to_have_url(re.compile(r"/roles/inventory-analyst/$"))


def test_a_phone_gets_a_compact_header_whose_menu_opens_the_navigation(page):
    page.set_viewport_size(PHONE)
    page.goto("/roles/")
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] <= 64
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Certifications")).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(toggle).to_be_focused()


def test_without_javascript_a_phone_shows_the_navigation_and_no_menu_button(nojs_page):
    nojs_page.set_viewport_size(PHONE)
    nojs_page.goto("/roles/")

    expect(nojs_page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(nojs_page.get_by_role("button", name="Menu")).to_be_hidden()


def test_dark_mode_follows_the_system_setting(page):
    page.goto("/roles/operations-manager/")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")

    page.emulate_media(color_scheme="dark")

    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light == "rgb(255, 255, 255)" and dark != light
    r, g, b = map(int, re.findall(r"\d+", dark)[:3])
    assert max(r, g, b) < 60, f"a dark background, not {dark}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_is_blue_not_the_red_of_an_error(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto("/roles/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    page.locator("main a").first.focus()

    color = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    r, g, b = map(int, re.findall(r"\d+", color)[:3])
    assert b > r + 60 and b > g, f"the focus ring is {color}"


def test_the_footer_site_map_is_a_page_for_people(page):
    page.goto("/")
    page.locator(".site-footer").get_by_role("link", name="Site map").click()

    expect(page).to_have_url(re.compile(r"/sitemap/$"))
    expect(page.locator("h1")).to_have_text("Site map")
    expect(page.locator("main").get_by_role("link", name="Chief Operating Officer")).to_be_visible()
    expect(page.locator("main").get_by_role("link", name="CPIM")).to_be_visible()
