"""HTTP behaviour of every API answer: read-only methods, JSON errors, ETag and 304,
revalidating caches, CORS, pagination bounds."""

import pytest

from roles.models import Role

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/roles",
    "/api/v1/roles/operations-manager",
    "/api/v1/ladder",
    "/api/v1/ladder/path?from=operations-analyst&to=operations-manager",
    "/api/v1/certifications",
    "/api/v1/certifications/cpim",
    "/api/v1/certifications/compare?c=cpim&c=cscp",
    "/api/v1/faqs",
    "/api/v1/guides",
    "/api/v1/guides/working-with-senior-management",
    "/api/v1/search?q=lean",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_answer_has_an_etag_and_a_304_when_it_is_unchanged(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_answer_may_be_kept_by_shared_caches_but_is_checked_each_time(client, url):
    response = client.get(url)
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_an_edit_changes_the_etag_at_the_next_request(client, django_capture_on_commit_callbacks):
    url = "/api/v1/roles/operations-manager"
    etag = client.get(url)["ETag"]
    assert client.get(url)["X-Cache"] == "hit"  # the page cache holds API answers too
    role = Role.objects.get(slug="operations-manager")
    role.headline = "A new headline an editor just wrote."
    with django_capture_on_commit_callbacks(execute=True):
        role.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["headline"] == "A new headline an editor just wrote."
    assert response["ETag"] != etag


def test_errors_have_an_etag_too_but_never_a_304(client):
    url = "/api/v1/roles/no-such-role"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 404


def test_head_answers_like_get_without_a_body(client):
    get = client.get("/api/v1/roles/operations-manager")
    head = client.head("/api/v1/roles/operations-manager")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_methods_are_refused_with_a_405_in_json(client, method):
    response = getattr(client, method)("/api/v1/roles/operations-manager")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "only reads" in response.json()["detail"]
    assert Role.objects.filter(slug="operations-manager").exists()


def test_any_origin_may_read_and_see_the_etag(client):
    response = client.get("/api/v1/roles", headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_cors_preflight_allows_reading_with_if_none_match(client):
    response = client.options(
        "/api/v1/roles",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_cors_stays_on_the_api(client):
    assert "Access-Control-Allow-Origin" not in client.get("/roles/")


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/careers")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "/api/v1/docs" in response.json()["detail"]


def test_a_cached_answer_still_gets_its_cors_and_etag(client):
    client.get("/api/v1/ladder")
    cached = client.get("/api/v1/ladder", headers={"Origin": "https://example.org"})
    assert cached["X-Cache"] == "hit"
    assert cached["ETag"] and cached["Access-Control-Allow-Origin"] == "*"


# --- pagination ----------------------------------------------------------------------------------


def test_lists_come_in_pages_with_links_to_the_next_and_previous(client):
    body = client.get("/api/v1/faqs?page_size=5&page=2").json()
    assert len(body["items"]) == 5
    assert body["pages"] == -(-body["count"] // 5)
    assert body["next"] == "/api/v1/faqs?page=3&page_size=5"
    assert body["previous"] == "/api/v1/faqs?page=1&page_size=5"
    first = client.get("/api/v1/faqs?page_size=5").json()
    assert first["previous"] is None
    assert not {i["slug"] for i in first["items"]} & {i["slug"] for i in body["items"]}


def test_page_links_keep_the_filters(client):
    body = client.get("/api/v1/certifications?suits=mid&page_size=1").json()
    assert body["next"] == "/api/v1/certifications?page=2&page_size=1&suits=mid"


def test_page_size_defaults_to_20_and_may_be_100(client):
    assert client.get("/api/v1/faqs").json()["page_size"] == 20
    assert client.get("/api/v1/faqs?page_size=100").status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("page=99999999999999999999", "page"),
    ],
)
def test_page_and_page_size_out_of_bounds_are_refused(client, query, parameter):
    response = client.get(f"/api/v1/roles?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == parameter


def test_a_page_past_the_last_is_a_404_that_says_how_many_there_are(client):
    response = client.get("/api/v1/roles?page=50")
    assert response.status_code == 404
    assert "1 page of 20" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    ["/api/v1/search?q=<b>bold</b>", "/api/v1/<script>", "/api/v1/roles/<b>x</b>"],
)
def test_text_a_visitor_sent_never_comes_back_as_markup(client, url):
    response = client.get(url)
    assert "<" not in response.content.decode()
    assert response.status_code < 500


def test_escaped_json_reads_back_as_the_same_text(client):
    body = client.get("/api/v1/search?q=<b>bold</b>").json()
    assert body["query"] == "<b>bold</b>"
