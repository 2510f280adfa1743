"""The API's interactive documentation runs in Chromium from the site's own files, under the
site's Content-Security-Policy, and can call the API."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_api_docs_load_from_the_site_without_console_errors_or_csp_violations(page, console, site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto("/api/v1/docs")
    assert response.status == 200
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy

    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 11
    assert page.get_by_text("CareerPath API").first.is_visible()
    strangers = [
        url for url in requested if not url.startswith(site) and not url.startswith("data:")
    ]
    assert strangers == [], "the docs must load nothing from another site (no CDN)"
    console.assert_clean("/api/v1/docs")


def test_api_docs_try_an_endpoint_and_show_its_answer(page, console):
    page.goto("/api/v1/docs")
    operation = page.locator("#operations-roles_and_the_ladder-ladder_graph")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tbody td.response-col_status")
    status.first.wait_for()
    assert status.first.inner_text().strip().startswith("200")
    console.assert_clean("/api/v1/docs after Execute")
