"""Requests Django itself refuses get a plain page in the site's look that names no setting
or internal; a form sent without its security token gets a branded 403 that says what to do."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_host_the_site_does_not_serve_gets_a_plain_400(client):
    client.raise_request_exception = False
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not understand that request" in page
    assert "ALLOWED_HOSTS" not in page and "evil.example" not in page
    assert "Invalid HTTP_HOST" not in page


def test_too_many_fields_gets_a_plain_400_that_names_no_setting(client):
    client.raise_request_exception = False
    query = "&".join(f"f{n}=1" for n in range(1001))
    response = client.get(f"/faq/?{query}")
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not understand that request" in page
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" not in page


def test_a_view_that_refuses_its_query_string_still_says_what_was_wrong(client):
    # These 400s are rendered by the views themselves, with their own message.
    response = client.get("/ladder/path/?from=operations-analyst")
    assert response.status_code == 400
    assert "to plan a path" in response.content.decode()


def test_a_form_without_its_csrf_token_gets_the_sites_403_page():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert "That form could not be sent" in page and "Nothing was saved" in page
    assert "CSRF verification failed" not in page
