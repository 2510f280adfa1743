"""API answers are kept by the page cache like pages: keyed on the query parameters their
OpenAPI operation reads, so a repeat is served from the cache and a tracking tag changes
nothing."""

import pytest

pytestmark = pytest.mark.django_db

PATH = "/api/v1/ladder/path?from=operations-analyst&to=vp-of-operations"


def test_a_repeated_api_question_is_answered_from_the_cache(client, cache_header):
    first = client.get(PATH)
    second = client.get(PATH)
    assert first.status_code == second.status_code == 200
    assert "X-Cache" not in first and second["X-Cache"] == "hit"
    assert second.json() == first.json()


def test_a_tracking_tag_on_an_api_question_is_answered_from_the_same_entry(client, cache_header):
    client.get(PATH)
    tagged = client.get(PATH + "&utm_source=newsletter")
    assert tagged["X-Cache"] == "hit"


def test_the_parameters_an_endpoint_reads_still_pick_its_answer(client, cache_header):
    client.get("/api/v1/certifications?suits=mid")
    other = client.get("/api/v1/certifications?suits=executive")
    assert "X-Cache" not in other
    assert {c["slug"] for c in other.json()["items"]} != {
        c["slug"] for c in client.get("/api/v1/certifications?suits=mid").json()["items"]
    }
