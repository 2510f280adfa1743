"""With JavaScript off every interaction is still a plain link or GET form that loads a page."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_ladder_rungs_are_links_to_the_role_pages(nojs_page):
    page = nojs_page
    page.goto("/ladder/")

    page.locator(".ladder a[href='/roles/operations-analyst/']").click()

    expect(page).to_have_url(re.compile(r"/roles/operations-analyst/$"))
    expect(page.locator("h1")).to_have_text("Operations Analyst")


def test_industry_links_load_the_whole_profile_for_that_industry(nojs_page):
    page = nojs_page
    page.goto("/roles/operations-manager/")

    page.locator("#industry").get_by_role("link", name="Technology").click()

    expect(page).to_have_url(
        re.compile(r"/roles/operations-manager/\?industry=technology#industry$")
    )
    expect(page.locator("h1")).to_have_text("Operations Manager")
    expect(page.locator("#industry h3")).to_have_text("In technology")


def test_path_planner_form_submits_as_a_plain_get(nojs_page):
    page = nojs_page
    page.goto("/ladder/path/")
    page.select_option("#path-from", "production-scheduler")
    page.select_option("#path-to", "vp-of-operations")

    page.get_by_role("button", name="Plan the path").click()

    expect(page).to_have_url(
        re.compile(r"\?from=production-scheduler&to=vp-of-operations(&industry=)?$")
    )
    expect(page.locator("#path-result h2")).to_contain_text(
        "From Production Scheduler to VP of Operations"
    )


def test_compare_form_submits_and_the_comparison_grows_and_shrinks(nojs_page):
    page = nojs_page
    page.goto("/certifications/")
    page.check("input[name='c'][value='cpim']")
    page.check("input[name='c'][value='lean-six-sigma-green-belt']")

    page.locator("form:has(input[name='c'])").first.get_by_role(
        "button", name=re.compile("Compare", re.I)
    ).click()

    expect(page).to_have_url(re.compile(r"/certifications/compare/\?"))
    assert sorted(parse_qs(urlsplit(page.url).query)["c"]) == ["cpim", "lean-six-sigma-green-belt"]
    table = page.locator("main table").first
    expect(table).to_contain_text("CPIM")

    add = page.locator("main select").filter(has=page.locator("option[value='pmp']")).first
    add.select_option("pmp")
    add.locator("xpath=ancestor::form[1]").locator("button").first.click()
    expect(page).to_have_url(re.compile(r"c=pmp"))
    expect(page.locator("main table").first).to_contain_text("PMP")

    page.locator("main").get_by_role("link", name=re.compile(r"^Remove.*CPIM", re.I)).click()
    page.wait_for_url(lambda url: "cpim" not in url)
    expect(page.locator("main table").first).not_to_contain_text("CPIM")


def test_faq_filter_is_a_plain_get_page(nojs_page):
    page = nojs_page
    page.goto("/faq/")
    every = page.locator("#faq-list details").count()

    page.fill("#faq-q", "certification")
    page.locator("#faq-q").press("Enter")

    expect(page).to_have_url(re.compile(r"/faq/\?q=certification$"))
    shown = page.locator("#faq-list details").count()
    assert 0 < shown < every


def test_header_search_is_a_plain_get_page(nojs_page):
    page = nojs_page
    page.goto("/guides/")

    page.fill("#site-search-q", "inventory")
    page.locator(".site-search").get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=inventory$"))
    hit = page.locator("#search-results a[href='/roles/inventory-analyst/']").first
    expect(hit).to_be_visible()


def test_a_figures_source_opens_without_javascript(nojs_page):
    page = nojs_page
    page.goto("/roles/director-of-operations/")
    figure = page.locator(".glance .pay-figure")  # the summary at the top of the page
    expect(figure.locator(".pay-figure__value")).to_contain_text("Estimate $160,290")
    method = figure.get_by_text("Estimate for this rung", exact=False)
    expect(method).to_be_hidden()

    figure.locator("summary").click()

    expect(method).to_be_visible()
    expect(figure.get_by_role("link", name="How we source our data")).to_be_visible()
