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
