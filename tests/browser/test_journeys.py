"""What explorers and editors do, with JavaScript on: in-place swaps that keep real URLs."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .site_pages import (
    announces_or_takes_focus,
    assert_same_document,
    mark_document,
    wait_for_htmx,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_ladder_rung_opens_in_place_then_the_profile_switches_industry_and_back_returns(page):
    page.goto("/")
    page.get_by_role("link", name="Explore the whole ladder").click()
    expect(page).to_have_url(re.compile(r"/ladder/$"))
    mark_document(page)

    page.locator(".ladder a[href='/roles/inventory-analyst/']").click()

    expect(page).to_have_url(re.compile(r"/ladder/\?role=inventory-analyst$"))
    expect(page.locator("#ladder-panel h2")).to_have_text("Inventory Analyst")
    assert_same_document(page, "Choosing a rung")
    wait_for_htmx(page)
    assert announces_or_takes_focus(page, "#ladder-panel")
    assert page.evaluate(
        "document.getElementById('ladder-panel').contains(document.activeElement)"
    ), "focus should move to the panel that opened"

    page.get_by_role("link", name="Open the full Inventory Analyst profile").click()
    expect(page).to_have_url(re.compile(r"/roles/inventory-analyst/$"))
    expect(page.locator("h1")).to_have_text("Inventory Analyst")
    expect(page.locator("#industry h3")).to_have_text("In manufacturing")
    mark_document(page)

    page.locator("#industry").get_by_role("link", name="Services").click()

    expect(page).to_have_url(re.compile(r"/roles/inventory-analyst/\?industry=services$"))
    expect(page.locator("#industry h3")).to_have_text("In services")
    expect(page.locator("#industry a[aria-current='true']")).to_have_text("Services")
    assert_same_document(page, "Switching industry")
    wait_for_htmx(page)
    assert announces_or_takes_focus(page, "#industry")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/roles/inventory-analyst/$"))
    expect(page.locator("#industry h3")).to_have_text("In manufacturing")
    expect(page.locator("h1")).to_have_count(1)  # the whole page came back, not a fragment
    expect(page.locator("header.site-header")).to_have_count(1)

    page.go_back()
    expect(page).to_have_url(re.compile(r"/ladder/\?role=inventory-analyst$"))
    expect(page.locator("#ladder-panel h2")).to_have_text("Inventory Analyst")
    expect(page.locator("h1")).to_have_text("The operations career ladder")


def test_path_planner_updates_the_route_in_place_as_the_roles_change(page):
    page.goto("/ladder/path/")
    mark_document(page)

    page.select_option("#path-from", "operations-analyst")
    page.select_option("#path-to", "director-of-operations")

    expect(page).to_have_url(
        re.compile(
            r"/ladder/path/\?from=operations-analyst&to=director-of-operations(&industry=)?$"
        )
    )
    expect(page.locator("#path-result h2")).to_have_text(
        "From Operations Analyst to Director of Operations: 3 steps"
    )

    page.select_option("#path-to", "chief-operating-officer")

    expect(page).to_have_url(re.compile(r"to=chief-operating-officer(&industry=)?$"))
    expect(page.locator("#path-result h2")).to_contain_text(
        "From Operations Analyst to Chief Operating Officer"
    )
    assert_same_document(page, "Changing the roles")
    wait_for_htmx(page)
    assert announces_or_takes_focus(page, "#path-result")

    page.reload()
    expect(page.locator("#path-result h2")).to_contain_text(
        "From Operations Analyst to Chief Operating Officer"
    )


def test_path_planner_explains_a_downward_route_in_place(page, console):
    console.allow(r"status of 400")  # the planner answers 400 with its message; htmx shows it
    page.goto("/ladder/path/?from=operations-analyst&to=operations-manager")
    mark_document(page)

    page.select_option("#path-from", "chief-operating-officer")

    expect(page.locator("#path-result h2")).to_have_text("No route to show")
    expect(page.locator("#path-result [role='alert']")).to_be_visible()
    expect(page).to_have_url(re.compile(r"from=chief-operating-officer"))
    assert_same_document(page, "Choosing a downward route")


def compare_table_text(page) -> str:
    return page.locator("main table").first.inner_text()


def test_catalogue_filter_then_compare_two_add_one_remove_one_and_reload(page):
    page.goto("/certifications/")
    checkboxes = page.locator("input[type='checkbox'][name='c']")
    all_count = checkboxes.count()
    assert all_count >= 5, "the catalogue should list every certification with a checkbox c"

    # The filter form is the one whose in-place target holds the list of certifications.
    index = page.evaluate("""() => [...document.querySelectorAll('main form')].findIndex(form => {
        const selector = form.getAttribute('hx-target');
        const target = selector && document.querySelector(selector);
        return Boolean(target && target.querySelector("input[name='c']"));
    })""")
    assert index >= 0, "a filter form should update the list of certifications in place (hx-target)"
    filter_form = page.locator("main form").nth(index)
    mark_document(page)
    focus = filter_form.locator("select[name='focus']")
    if focus.count():
        focus.select_option("process-improvement")
        expected = ("focus", "process-improvement")
    else:  # fall back to the first option of the first filter control that has one
        control = filter_form.locator("select").first
        value = control.locator("option:not([value=''])").first.get_attribute("value")
        control.select_option(value)
        expected = (control.get_attribute("name"), value)
    if "change" not in (filter_form.get_attribute("hx-trigger") or ""):
        filter_form.locator("button").first.click()

    expect(page).to_have_url(re.compile(rf"[?&]{expected[0]}={re.escape(expected[1])}"))
    page.wait_for_function(
        "(n) => document.querySelectorAll(\"input[type='checkbox'][name='c']\").length < n",
        arg=all_count,
    )
    assert_same_document(page, "Filtering the catalogue")
    wait_for_htmx(page)
    target = filter_form.get_attribute("hx-target")
    if target:
        assert announces_or_takes_focus(page, target), f"{target} should announce or take focus"

    # Back to every certification, then choose two to compare.
    page.goto("/certifications/")
    page.check("input[name='c'][value='cpim']")
    page.check("input[name='c'][value='cscp']")
    compare_form = page.locator("form:has(input[name='c'])").first
    compare_form.get_by_role("button", name=re.compile("Compare", re.I)).click()

    expect(page).to_have_url(re.compile(r"/certifications/compare/\?.*c=cpim"))
    assert sorted(query(page)["c"]) == ["cpim", "cscp"]
    table = page.locator("main table").first
    expect(table).to_contain_text("CPIM")
    expect(table).to_contain_text("CSCP")
    mark_document(page)

    add = page.locator("main select").filter(has=page.locator("option[value='pmp']")).first
    expect(add).to_be_visible()
    assert add.locator("option[value='cpim']").count() == 0, "the add list offers only the others"
    add.select_option("pmp")
    add_form = add.locator("xpath=ancestor::form[1]")
    triggers_on_change = add.get_attribute("hx-get") or add_form.get_attribute("hx-trigger")
    if not triggers_on_change:
        add_form.locator("button").first.click()
    expect(page).to_have_url(re.compile(r"c=pmp"))
    expect(table).to_contain_text("PMP")
    assert sorted(query(page)["c"]) == ["cpim", "cscp", "pmp"]

    remove = (
        page.locator("main")
        .get_by_role("link", name=re.compile(r"^Remove.*CSCP", re.I))
        .or_(page.locator("main").get_by_role("button", name=re.compile(r"^Remove.*CSCP", re.I)))
    )
    remove.first.click()
    expect(page).to_have_url(re.compile(r"/certifications/compare/\?"))
    page.wait_for_function("() => !location.search.includes('cscp')")
    expect(page.locator("main table").first).not_to_contain_text("CSCP")
    assert sorted(query(page)["c"]) == ["cpim", "pmp"]
    assert_same_document(page, "Adding and removing certifications")
    wait_for_htmx(page)
    before = compare_table_text(page)

    page.reload()
    assert compare_table_text(page) == before, "reloading the pushed URL shows the same table"


def test_faq_filter_narrows_the_questions_as_you_type(page):
    page.goto("/faq/")
    every = page.locator("#faq-list details").count()
    assert every > 10
    mark_document(page)

    page.locator("#faq-q").press_sequentially("certification", delay=30)

    expect(page).to_have_url(re.compile(r"/faq/\?q=certification$"))
    page.wait_for_function(
        "(n) => { const c = document.querySelectorAll('#faq-list details').length;"
        " return c > 0 && c < n; }",
        arg=every,
    )
    assert_same_document(page, "Filtering the FAQ")
    expect(page.locator("#faq-q")).to_be_focused()  # typing goes on undisturbed
    assert announces_or_takes_focus(page, "#faq-list")


def test_header_search_shows_results_as_you_type(page):
    page.goto("/roles/")
    mark_document(page)

    page.locator("#site-search-q").press_sequentially("CPIM", delay=40)

    live = page.locator("#site-search-live")
    expect(live.locator("a[href='/certifications/cpim/']").first).to_be_visible()
    assert_same_document(page, "Searching from the header")
    expect(page).to_have_url(re.compile(r"/roles/$"))
    assert announces_or_takes_focus(page, "#site-search-live")
    assert page.evaluate("document.querySelectorAll('[id]').length") == page.evaluate(
        "new Set([...document.querySelectorAll('[id]')].map(e => e.id)).size"
    ), "the live results must not duplicate ids already on the page"


def test_on_the_search_page_the_header_box_leaves_the_results_to_the_page(page):
    page.goto("/search/?q=lean")
    page.locator("#site-search-q").press_sequentially("cpim", delay=30)
    page.wait_for_timeout(500)  # longer than the live search's 300 ms delay

    expect(page.locator("#site-search-live")).to_be_empty()
    expect(page.locator("[id='search-results']")).to_have_count(1)


def test_guide_table_of_contents_jumps_to_the_heading(page):
    page.goto("/guides/working-with-senior-management/")
    links = page.locator("nav[aria-label='Table of contents'] a")
    assert links.count() >= 3
    link = links.nth(links.count() - 1)
    href = link.get_attribute("href")
    assert href and href.startswith("#")

    link.click()

    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    heading = page.locator(href)
    expect(heading).to_be_in_viewport()
    assert heading.evaluate("e => /^H[2-6]$/.test(e.tagName)")


@pytest.mark.django_db(transaction=True)
def test_editor_edits_a_role_summary_in_the_admin_and_sees_it_on_the_public_page(page, live_server):
    # The live server's own connection must see the editor and commit the edit, so this test runs
    # in transactional_db; the browser conftest loads the content again after the tables empty.
    from django.contrib.auth import get_user_model

    from roles.models import Role

    get_user_model().objects.create_superuser(
        "editor", "editor@example.com", "correct-horse-battery-staple"
    )
    role = Role.objects.get(slug="production-scheduler")
    summary = "Schedulers turn demand into a plan the plant can actually run, week by week."

    page.goto("/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse-battery-staple")
    page.locator("input[type='submit'], button[type='submit']").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/roles/role/{role.pk}/change/")
    page.fill("#id_summary", summary)
    page.locator("input[name='_save'], button[name='_save']").first.click()
    expect(page).to_have_url(re.compile(r"/admin/roles/role/$"))
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    page.goto("/roles/production-scheduler/")
    expect(page.locator("#summary-heading ~ p.role-summary")).to_have_text(summary)
