"""Anonymous pages come from the cache; an edit shows at the next request anyway."""

import pytest
from django.contrib.auth.models import User

from roles.models import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_header")]


def test_a_second_anonymous_request_is_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/roles/operations-manager/")
    assert "X-Cache" not in first
    # One query: the content version every process shares (local-memory cache, see freshness.py)
    with django_assert_num_queries(1) as queries:
        second = client.get("/roles/operations-manager/")
    assert "contentversion" in queries.captured_queries[0]["sql"]
    assert second["X-Cache"] == "hit"
    assert second.content == first.content.replace(
        first.content.split(b'nonce="')[1].split(b'"')[0],
        second.content.split(b'nonce="')[1].split(b'"')[0],
    )


def test_whole_pages_and_htmx_partials_are_cached_apart(client, htmx_headers):
    client.get("/ladder/?role=operations-manager")
    partial = client.get("/ladder/?role=operations-manager", **htmx_headers)
    assert "<html" not in partial.content.decode()
    page = client.get("/ladder/?role=operations-manager")
    assert page["X-Cache"] == "hit" and "<html" in page.content.decode()
    assert "HX-Request" in page["Vary"]


def test_an_edit_shows_at_the_next_request(client, django_capture_on_commit_callbacks):
    assert "Rewritten summary" not in client.get("/roles/operations-manager/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        role = Role.objects.get(slug="operations-manager")
        role.summary = "Rewritten summary for the cache test."
        role.save()
    response = client.get("/roles/operations-manager/")
    assert "X-Cache" not in response
    assert "Rewritten summary for the cache test." in response.content.decode()


def test_signed_in_visitors_never_get_a_cached_page(client):
    client.get("/guides/")
    user = User.objects.create_user("reader", password="x-long-password-1")
    client.force_login(user)
    assert "X-Cache" not in client.get("/guides/")


def test_error_responses_are_not_cached(client):
    client.get("/roles/astronaut/")
    assert "X-Cache" not in client.get("/roles/astronaut/")
