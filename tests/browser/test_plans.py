"""Personal plans in real Chromium: the whole journey with and without JavaScript, axe on
every plan page, and the plan pages' HTML validity (test client)."""

import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from plans import services
from plans.selectors import PlanInput

from .conftest import _new_context
from .site_pages import plan_page_urls, wait_for_htmx
from .test_accessibility import axe_violations
from .test_html_validity import parse_problems

pytestmark = [pytest.mark.django_db]

PLAN_URL = re.compile(r"/plan/([A-Za-z0-9_-]{32,})/")


def a_plan(**changes):
    values = {
        "current_role": "operations-analyst",
        "target_role": "operations-manager",
        "years": 2,
        "ratings": {"leadership": 1},
    }
    return services.plan_create(data=PlanInput(**{**values, **changes}))


def status_form(page, skill):
    return page.locator("form.status-form").filter(
        has=page.locator("legend", has_text=f"Status of {skill}:")
    )


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages
    )


# --- HTML validity (no browser) --------------------------------------------------------------


def test_plan_pages_and_parts_are_valid_html(client, htmx_headers):
    _, token = a_plan()
    url = f"/plan/{token}/"
    pages = [client.get(u) for _, u in plan_page_urls(token)]
    pages.append(client.post(url, {"action": "delete"}))
    pages.append(client.post(url, {"action": "rate", "version": "9"}))  # 400
    client.post(url, {"action": "status", "version": "1", "skill": "lean", "status": "done"})
    pages.append(client.post(url, {"action": "rate", "version": "1"}))  # 409
    for response in pages:
        problems = parse_problems(response.content.decode())
        assert not problems, f"{response.request['PATH_INFO']}:\n  " + "\n  ".join(problems)
    parts = [
        client.get(plan_page_urls(token)[1][1] + "&skill-lean=2", **htmx_headers),
        client.post(
            url,
            {"action": "status", "version": "2", "skill": "lean", "status": "in-progress"},
            **htmx_headers,
        ),
    ]
    for response in parts:
        html = response.content.decode()
        assert "<html" not in html
        assert not parse_problems(html, fragment=True)


# --- the journeys ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_planner_rates_saves_reopens_marks_done_downloads_the_pdf_and_deletes(
    page, browser, site, live_server, console
):
    page.goto("/ladder/path/?from=operations-analyst&to=operations-manager")
    page.get_by_role("link", name="Make this my plan").click()
    expect(page.locator("#plan-current")).to_have_value("operations-analyst")
    expect(page.locator("#plan-target")).to_have_value("operations-manager")

    # Rate: the summary updates in place as you choose.
    page.locator("label[for='skill-leadership-1']").click()
    wait_for_htmx(page)
    expect(page.locator("#plan-summary")).to_contain_text("Leadership (2 levels short)")
    page.locator("label[for='skill-leadership-3']").click()
    wait_for_htmx(page)
    expect(page.locator("#plan-summary")).not_to_contain_text("Leadership (")

    page.locator("label[for='skill-leadership-2']").click()
    page.get_by_role("button", name="Save my plan").click()
    expect(page.locator("[role=status]")).to_contain_text("Your plan is saved")
    link = PLAN_URL.search(page.url).group(0)

    # The link alone opens the plan in a fresh browser (no cookies, no history).
    fresh = _new_context(browser, site)
    try:
        other = fresh.new_page()
        other.goto(link)
        expect(other.locator("h1")).to_contain_text("Operations Manager")

        status_form(other, "Leadership").get_by_role("button", name="Done").click()
        wait_for_htmx(other)
        expect(status_form(other, "Leadership").locator(".status-now")).to_have_text("Done")
        other.reload()
        expect(status_form(other, "Leadership").locator(".status-now")).to_have_text("Done")

        with other.expect_download() as download:
            other.get_by_role("link", name="Download the plan as PDF").click()
        text = pdf_text(Path(download.value.path()).read_bytes())
        assert "Operations Manager" in text and "Leadership" in text and "Done" in text

        other.get_by_role("button", name="Delete this plan…").click()
        other.get_by_role("button", name="Yes, delete my plan").click()
        expect(other.locator("[role=status]")).to_contain_text("Your plan has been deleted")
        fresh.console.allow(r"status of 404")
        assert other.goto(link).status == 404
        fresh.console.assert_clean()
    finally:
        fresh.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_same_journey_works_without_javascript(nojs_page, nojs_context, live_server):
    page = nojs_page
    page.goto("/plan/?current=operations-analyst&target=operations-manager&years=2")
    page.locator("label[for='skill-leadership-1']").click()
    page.get_by_role("button", name="Update the summary").click()
    expect(page.locator("#plan-summary")).to_contain_text("Leadership (2 levels short)")

    page.get_by_role("button", name="Save my plan").click()
    expect(page.locator("[role=status]")).to_contain_text("Your plan is saved")
    link = PLAN_URL.search(page.url).group(0)

    status_form(page, "Leadership").get_by_role("button", name="In progress").click()
    expect(page).to_have_url(re.compile(re.escape(link) + "#actions$"))
    page.reload()
    expect(status_form(page, "Leadership").locator(".status-now")).to_have_text("In progress")

    pdf = page.request.get(link + "plan.pdf")
    assert pdf.status == 200 and "Leadership" in pdf_text(pdf.body())

    page.get_by_role("button", name="Delete this plan…").click()
    page.get_by_role("button", name="Yes, delete my plan").click()
    expect(page.locator("[role=status]")).to_contain_text("Your plan has been deleted")
    nojs_context.console.allow(r"status of 404")
    assert page.goto(link).status == 404


# --- accessibility -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_plan_page_has_no_axe_violations(page, live_server):
    _, token = a_plan()
    reports = []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        for name, url in plan_page_urls(token):
            page.goto(url)
            count, report = axe_violations(page)
            if count:
                reports.append(f"{name} at {width}px ({url}):\n{report}")
    # The actions part after an in-place status change, and the delete confirmation.
    page.goto(f"/plan/{token}/")
    status_form(page, "Leadership").get_by_role("button", name="In progress").click()
    wait_for_htmx(page)
    expect(status_form(page, "Leadership").locator(".status-now")).to_have_text("In progress")
    count, report = axe_violations(page)
    if count:
        reports.append(f"saved plan after a status change:\n{report}")
    page.get_by_role("button", name="Delete this plan…").click()
    count, report = axe_violations(page)
    if count:
        reports.append(f"delete confirmation:\n{report}")

    assert not reports, "\n".join(reports)
