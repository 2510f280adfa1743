"""Published pages (careerpath/publishing.py): every page that shows one thing is built when the
content changes, in the transaction that moves the version, and served from there in one query,
with the page cache on or off. Never stale, never the wrong answer, never another host's links."""

import re

import pytest
from django.core.cache import cache

from careerpath.freshness import bump_content_version
from careerpath.models import LadderRung, PublishedPage
from careerpath.publishing import addresses, build, page_row, publish_pages
from roles.models import Industry, Role

pytestmark = pytest.mark.django_db

NONCE = re.compile(rb'nonce="([^"]+)"')


# What the first test's publishing stored: every test starts from the same content (each runs
# in a transaction rolled back after it) under the same release, so publishing again would
# store the same rows; the next tests store copies under their own new version instead of
# building the 195 pages again (about 5 s each).
PUBLISHED: dict = {}


@pytest.fixture
def publishing(settings, cache_header):
    """Publishing on, as in production, and every page published under a new version."""
    settings.PUBLISH_PAGES = True
    version = bump_content_version()
    if not PUBLISHED:
        publish_pages(version)
        PUBLISHED.update(
            {model: list(model.objects.all()) for model in (PublishedPage, LadderRung)}
        )
    else:
        for model, rows in PUBLISHED.items():
            model.objects.all().delete()
            model.objects.bulk_create(
                [copy(row, pk=None, version=version) for row in rows], batch_size=500
            )
    return settings


def copy(row, **changes):
    fields = {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
    return type(row)(**{**fields, **changes})


@pytest.fixture(params=[600, 0], ids=["cache on", "cache off"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param


def without_nonces(content: bytes) -> bytes:
    return NONCE.sub(b'nonce=""', content)


def test_every_page_the_sitemap_lists_is_published_and_the_path_planner_is_not(publishing):
    published = [address for address, swap in addresses() if not swap]
    for path in ("/", "/roles/", "/faq/", "/certifications/", "/guides/", "/skills/"):
        assert path in published
    for role in Role.objects.all():
        assert role.get_absolute_url() in published
        assert f"/ladder/?role={role.slug}" in published
    assert not [a for a in published if a.startswith(("/ladder/path/", "/search/", "/plan/"))]
    assert "/api/v1/roles/operations-manager" in published
    assert not [a for a in published if a.startswith(("/api/v1/ladder/path", "/api/v1/search"))]


def test_the_catalogue_is_published_by_each_choice_of_one_facet_page_and_api(
    client, publishing, django_assert_num_queries
):
    published = [address for address, swap in addresses() if not swap]
    for query in ("suits=mid", "focus=process-improvement", "issuer=ascm"):
        for path in ("/certifications/", "/api/v1/certifications"):
            assert f"{path}?{query}" in published
    publishing.PAGE_CACHE_SECONDS = 0
    with django_assert_num_queries(1):
        answer = client.get("/api/v1/certifications?suits=mid")
    assert answer["X-Cache"] == "published"
    assert {c["slug"] for c in answer.json()["items"]} >= {"cpim", "cscp"}
    both = client.get("/certifications/?suits=mid&focus=process-improvement")
    assert both.status_code == 200 and "X-Cache" not in both  # two facets: built on request


def test_each_role_in_each_industry_is_published_with_the_part_its_switch_swaps_in(publishing):
    published = addresses()
    for role in Role.objects.all():
        for industry in Industry.values:
            address = f"{role.get_absolute_url()}?industry={industry}"
            assert (address, False) in published
            assert (address, True) in published


def test_every_published_page_is_the_page_built_on_request(client, publishing, page_cache):
    for address, swap in addresses():
        headers = {"HTTP_HX_REQUEST": "true"} if swap else {}
        served = client.get(address, **headers)
        assert served["X-Cache"] == "published", address
        if served["Content-Type"].startswith("text/html"):  # the whole page or the part swapped
            assert ("<html" in served.content.decode()) is not swap
        cache.clear()  # with the page cache on, the published page is now kept there too
        publishing.PUBLISH_PAGES = False
        built = client.get(address, **headers)
        publishing.PUBLISH_PAGES = True
        assert "X-Cache" not in built, address
        assert without_nonces(served.content) == without_nonces(built.content), address
        assert served["Content-Length"] == str(len(served.content))


def test_a_published_page_costs_one_query_with_the_page_cache_off(
    client, publishing, django_assert_num_queries
):
    publishing.PAGE_CACHE_SECONDS = 0
    for address in ("/", "/roles/operations-manager/", "/faq/", "/ladder/?role=inventory-analyst"):
        with django_assert_num_queries(1):
            assert client.get(address)["X-Cache"] == "published"


def test_at_ten_times_the_content_a_published_page_still_costs_one_query(
    client, tenfold_content, settings, cache_header, django_assert_num_queries
):
    settings.PUBLISH_PAGES, settings.PAGE_CACHE_SECONDS = True, 0
    address = "/roles/operations-manager/"
    frozen = build(address)  # this page alone: publishing all of 10× takes a while
    page_row(address, frozen, bump_content_version()).save()
    with django_assert_num_queries(1):
        assert client.get(address)["X-Cache"] == "published"


def test_each_visit_gets_its_own_nonce_matching_its_policy(client, publishing):
    first, second = client.get("/roles/"), client.get("/roles/")
    nonces = [set(NONCE.findall(r.content)) for r in (first, second)]
    assert all(len(found) == 1 for found in nonces)
    assert nonces[0] != nonces[1]
    for response, found in zip((first, second), nonces, strict=True):
        assert f"'nonce-{next(iter(found)).decode()}'" in response["Content-Security-Policy"]


def test_a_published_page_names_the_host_and_scheme_it_was_asked_on(client, publishing, settings):
    settings.ALLOWED_HOSTS = ["localhost", "careers.example.org"]
    plain = client.get("/roles/operations-manager/", HTTP_HOST="localhost").content.decode()
    secure = client.get(
        "/roles/operations-manager/", HTTP_HOST="careers.example.org", secure=True
    ).content.decode()
    assert '<link rel="canonical" href="http://localhost/roles/operations-manager/">' in plain
    assert (
        '<link rel="canonical" href="https://careers.example.org/roles/operations-manager/">'
        in secure
    )
    assert "published.careerpath.invalid" not in plain + secure


def test_an_edit_is_published_as_it_commits(client, publishing, django_capture_on_commit_callbacks):
    role = Role.objects.get(slug="operations-manager")
    with django_capture_on_commit_callbacks(execute=True):
        role.title = "Operations Lead"
        role.save()
    page = client.get("/roles/operations-manager/")
    assert page["X-Cache"] == "published"
    assert "<h1>Operations Lead</h1>" in page.content.decode()
    assert "Operations Lead" in client.get("/ladder/?role=operations-manager").content.decode()


def test_until_the_edit_is_published_pages_are_built_on_request(client, publishing):
    role = Role.objects.get(slug="operations-manager")
    role.title = "Operations Lead"
    role.save()  # moves the version; publishing waits for the commit, which never comes here
    page = client.get("/roles/operations-manager/")
    assert "X-Cache" not in page
    assert "<h1>Operations Lead</h1>" in page.content.decode()


def test_a_page_published_by_another_release_is_never_served(client, publishing, monkeypatch):
    monkeypatch.setattr("careerpath.publishing.code_fingerprint", lambda: "another release")
    assert "X-Cache" not in client.get("/roles/")


@pytest.mark.parametrize(
    "address, headers",
    [
        ("/faq/?q=lean", {}),
        ("/roles/operations-manager/", {"HTTP_HX_REQUEST": "true"}),
        ("/certifications/?tier=mid&grow=supply-chain", {}),
        ("/ladder/path/?from=operations-analyst&to=operations-manager", {}),
    ],
    ids=["a filter", "an htmx part it does not publish", "a computed page", "a route"],
)
def test_what_is_not_published_is_built_on_request(client, publishing, address, headers):
    response = client.get(address, **headers)
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_a_signed_in_editor_gets_pages_built_for_them(admin_client, publishing):
    assert "X-Cache" not in admin_client.get("/roles/")


def test_tracking_tags_get_the_published_page(client, publishing):
    assert client.get("/roles/?utm_source=newsletter")["X-Cache"] == "published"


def test_a_published_api_answer_keeps_its_etag_and_revalidates(client, publishing):
    answer = client.get("/api/v1/roles/operations-manager")
    assert answer["X-Cache"] == "published"
    assert answer["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/roles/operations-manager", HTTP_IF_NONE_MATCH=answer["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "address",
    [
        "/ladder/?role=%00",
        "/roles/operations-manager/?industry=%00",
        "/ladder/?role=" + "x" * 900,
        "/ladder/?role=a&role=b",
    ],
)
def test_odd_query_strings_on_published_pages_get_an_answer_not_an_error(
    client, publishing, address
):
    assert client.get(address).status_code in (200, 400, 404)


def test_publish_pages_publishes_every_page_under_a_new_version(client, settings, cache_header):
    from io import StringIO

    from django.core.management import call_command

    settings.PUBLISH_PAGES, settings.PAGE_CACHE_SECONDS = True, 0
    out = StringIO()
    call_command("publish_pages", stdout=out)
    assert out.getvalue().strip() == f"Published {len(addresses())} pages."
    assert client.get("/roles/")["X-Cache"] == "published"


def test_publish_pages_refuses_where_publishing_is_off(settings):
    from django.core.management import CommandError, call_command

    settings.PUBLISH_PAGES = False
    with pytest.raises(CommandError, match="Publishing is off"):
        call_command("publish_pages")
