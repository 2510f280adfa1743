"""No link leads to an error: every internal link reachable from the home page answers
without a 4xx or 5xx, both to a normal request and to htmx (which swaps links in place)."""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db

MAX_URLS = 400  # the real content links about 150 pages; a cap keeps a runaway loop bounded
HREF = re.compile(r'\b(?:href|hx-get)="([^"]*)"')
NOT_PAGES = ("/static/", "/admin/", "/media/")


def internal_links(html: str) -> list[str]:
    links = []
    for raw in HREF.findall(html):
        url, _ = urldefrag(unescape(raw))
        parts = urlsplit(url)
        if not url or parts.scheme or parts.netloc or not url.startswith("/"):
            continue  # another site, mailto:, or an anchor on the same page
        if url.startswith(NOT_PAGES):
            continue
        links.append(url)
    return links


def crawl(client, start="/"):
    """(url, linked from, status, status to htmx) for each internal URL once, breadth first."""
    seen, queue, visits = {start: "(start)"}, deque([start]), []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        htmx = client.get(url, HTTP_HX_REQUEST="true")
        visits.append((url, seen[url], response.status_code, htmx.status_code))
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in internal_links(response.content.decode()):
            if link not in seen:
                assert len(seen) < MAX_URLS, f"more than {MAX_URLS} internal URLs"
                seen[link] = url
                queue.append(link)
    return visits


def test_every_internal_link_from_the_home_page_answers_without_an_error(client):
    visits = crawl(client)
    broken = [
        f"{url} (linked from {source}): {status}, to htmx {htmx}"
        for url, source, status, htmx in visits
        if status >= 400 or htmx >= 400
    ]
    assert not broken, "\n".join(broken)
    visited = {url for url, *_ in visits}
    # The crawl reaches every kind of page, so a link to any of them would have been checked.
    for expected in (
        "/roles/operations-manager/",
        "/skills/",
        "/skills/lean/",
        "/ladder/path/",
        "/certifications/cpim/",
        "/faq/",
        "/guides/working-with-senior-management/",
        "/search/",
    ):
        assert expected in visited, expected
    assert any(url.startswith("/certifications/compare/?") for url in visited)


def test_the_crawler_reports_a_link_that_answers_with_an_error(client):
    # The crawl must be able to fail: an unknown role is recorded with its 404.
    visits = crawl(client, start="/roles/no-such-role/")
    assert ("/roles/no-such-role/", "(start)", 404, 404) in visits


def test_links_to_other_sites_and_static_files_are_left_out():
    html = (
        '<a href="https://example.org/">x</a><a href="/static/css/site.css">x</a>'
        '<a href="#main">x</a><a href="/roles/?a=1&amp;b=2#top">x</a>'
        '<button hx-get="/search/?q=lean">x</button>'
    )
    assert internal_links(html) == ["/roles/?a=1&b=2", "/search/?q=lean"]
