"""The page cache in one process: what it keys on, what it never keeps, what it tells visitors,
and that with a shared cache a cached page costs the database nothing."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache

from guides.models import FAQ

from .live import ROOT

pytestmark = pytest.mark.django_db

HTMX_FIT = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "fit-results"}
HTMX_LIST = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "certification-list"}


def test_the_catalogue_sends_the_list_its_filters_ask_for_after_the_fit_finder_was_cached(client):
    url = "/certifications/?tier=mid&grow=supply-chain"
    fit = client.get(url, **HTMX_FIT)
    listing = client.get(url, **HTMX_LIST)
    assert 'id="fit-results"' in fit.content.decode()
    assert 'id="certification-list"' in listing.content.decode()
    assert 'id="fit-results"' not in listing.content.decode()
    assert "HX-Target" in listing["Vary"]


def test_an_encoded_htmx_header_cannot_put_a_fragment_in_place_of_the_page(client):
    fragment = client.get(
        "/faq/?x=1", HTTP_HX_REQUEST="%74rue", HTTP_HX_REQUEST_URI_AUTOENCODED="true"
    )
    assert "<html" not in fragment.content.decode()
    page = client.get("/faq/?x=1")
    assert "<html" in page.content.decode()
    assert "HX-Request-URI-AutoEncoded" in page["Vary"]


def test_an_encoded_history_restore_gets_the_whole_page_and_a_swap_still_gets_its_part(client):
    restore = client.get(
        "/faq/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="%74rue",
        HTTP_HX_HISTORY_RESTORE_REQUEST_URI_AUTOENCODED="true",
    )
    assert "<html" in restore.content.decode()
    swap = client.get("/faq/", HTTP_HX_REQUEST="true")
    assert "<html" not in swap.content.decode()


def test_absolute_urls_follow_the_host_and_scheme_each_visitor_used(client):
    first = client.get("/robots.txt", HTTP_HOST="localhost")
    second = client.get("/robots.txt", HTTP_HOST="127.0.0.1", secure=True)
    assert "Sitemap: http://localhost/sitemap.xml" in first.content.decode()
    assert "Sitemap: https://127.0.0.1/sitemap.xml" in second.content.decode()


def test_an_unpublished_faq_is_gone_from_every_answer_at_once(
    client, django_capture_on_commit_callbacks
):
    faq = FAQ.objects.filter(published=True).first()
    assert f'id="{faq.slug}"' in client.get("/faq/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        faq.published = False
        faq.save()
    assert all(f'id="{faq.slug}"' not in client.get("/faq/").content.decode() for _ in range(5))


def test_text_that_looks_like_the_nonce_is_never_rewritten(client, monkeypatch):
    import django.utils.csp

    monkeypatch.setattr(django.utils.csp, "generate_nonce", lambda: "Lean42")
    first = client.get("/search/?q=Lean42")
    assert 'nonce="Lean42"' in first.content.decode()
    monkeypatch.setattr(django.utils.csp, "generate_nonce", lambda: "Kaizen7")
    second = client.get("/search/?q=Lean42")
    before, after = first.content.decode(), second.content.decode()
    assert 'nonce="Kaizen7"' in after and 'nonce="Lean42"' not in after
    # Only the nonce attributes changed: the query echoed in the page is still there.
    assert after.count("Lean42") == before.count("Lean42") - before.count('nonce="Lean42"') > 0
    assert 'value="Lean42"' in after


def test_unknown_query_parameters_share_the_page_and_never_reach_the_view(
    client, cache_header, django_assert_num_queries
):
    client.get("/roles/operations-manager/?industry=services")
    with django_assert_num_queries(1):  # the content version; no page queries
        tracked = client.get("/roles/operations-manager/?industry=services&utm_source=mail&gclid=1")
    assert tracked["X-Cache"] == "hit"
    long_tag = client.get("/roles/operations-manager/?industry=services&utm_id=" + "x" * 2000)
    assert long_tag["X-Cache"] == "hit"


def test_the_admin_and_the_health_check_are_never_served_from_the_cache(client, cache_header):
    for path in ("/admin/login/", "/admin/login/", "/healthz", "/healthz"):
        assert "X-Cache" not in client.get(path), path


@pytest.mark.urls("tests.caching.private_urls")
def test_a_private_answer_is_never_kept(client, cache_header):
    assert client.get("/mine/").status_code == 200
    assert "X-Cache" not in client.get("/mine/")


def test_production_settings_never_tell_visitors_what_is_cached():
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60}
    env.pop("CAREERPATH_CACHE_HEADER", None)
    code = "from django.conf import settings; print(settings.PAGE_CACHE_HEADER)"
    shown = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "careerpath.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert shown == "False"


def test_a_hit_without_the_header_shows_no_x_cache(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_HEADER = False
    client.get("/ladder/")
    with django_assert_num_queries(1):  # served from the cache
        hit = client.get("/ladder/")
    assert "X-Cache" not in hit


def test_with_a_shared_cache_a_cached_page_costs_no_database_query(
    client, shared_cache, cache_header, django_assert_num_queries
):
    client.get("/roles/operations-manager/")
    with django_assert_num_queries(0):
        hit = client.get("/roles/operations-manager/")
    assert hit["X-Cache"] == "hit"


def test_with_a_shared_cache_an_edit_shows_at_the_next_request(
    client, shared_cache, cache_header, django_capture_on_commit_callbacks
):
    from roles.models import Role

    client.get("/roles/operations-manager/")
    with django_capture_on_commit_callbacks(execute=True):
        role = Role.objects.get(slug="operations-manager")
        role.headline = "Rewritten for the shared cache test."
        role.save()
    page = client.get("/roles/operations-manager/")
    assert "Rewritten for the shared cache test." in page.content.decode()


def test_with_a_shared_cache_a_lost_version_is_read_again_from_the_database(
    client, shared_cache, cache_header, django_capture_on_commit_callbacks
):
    from careerpath.freshness import VERSION_KEY
    from roles.models import Role

    client.get("/roles/operations-manager/")
    assert client.get("/roles/operations-manager/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=False):  # as if the process died at commit
        role = Role.objects.get(slug="operations-manager")
        role.headline = "Changed by a process that never told the cache."
        role.save()
    cache.delete(VERSION_KEY)  # the copy expired (CONTENT_VERSION_SECONDS)
    page = client.get("/roles/operations-manager/")
    assert "Changed by a process that never told the cache." in page.content.decode()


def test_a_page_from_the_cache_carries_every_header_the_built_page_did(client, cache_header):
    built = client.get("/roles/operations-manager/")
    hit = client.get("/roles/operations-manager/")
    assert hit["X-Cache"] == "hit"
    for header in (
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Type",
        "Vary",
    ):
        assert hit[header] == built[header], header
    # The policy is the request's own: a fresh nonce, used by the page's scripts.
    nonce = hit["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert nonce not in built["Content-Security-Policy"]
    assert f'nonce="{nonce}"' in hit.content.decode()


def test_a_hit_sets_no_cookie_and_reads_no_session(client, cache_header):
    client.get("/guides/")
    hit = client.get("/guides/")
    assert hit["X-Cache"] == "hit"
    assert not hit.cookies
    assert "sessionid" not in client.cookies


def test_with_the_cache_off_no_page_is_served_from_it_even_if_one_is_there(
    client, settings, cache_header
):
    client.get("/guides/")
    assert client.get("/guides/")["X-Cache"] == "hit"
    settings.PAGE_CACHE_SECONDS = 0
    assert "X-Cache" not in client.get("/guides/")
