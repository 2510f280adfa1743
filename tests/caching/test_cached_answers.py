"""Every URL pattern, with every htmx header combination the templates send (and the host and
scheme a visitor may use): the cached answer, from the page cache or its front door, is byte for
byte the answer built afresh, nonce aside, whatever was asked for before it."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.guides.update_inputs import BUILDER, HAND_CHECKED

from .live import ROOT, Server

pytestmark = pytest.mark.postgres_only

URLS = [
    "/",
    "/roles/",
    "/roles/operations-manager/",
    "/roles/operations-manager/?utm_source=newsletter&industry=technology",
    "/ladder/",
    "/ladder/?role=operations-manager",
    "/ladder/path/?from=operations-analyst&to=chief-operating-officer",
    "/certifications/",
    "/certifications/?tier=mid&grow=supply-chain&focus=process-improvement",
    "/certifications/cpim/",
    "/certifications/compare/?c=cpim&c=cscp",
    "/faq/?q=leadership",
    "/faq/?page=1",
    "/guides/",
    "/guides/working-with-senior-management/",
    "/search/?q=inventory",
    "/guides/working-with-senior-management/update/",
    f"{BUILDER}?{HAND_CHECKED}",
    "/skills/",
    "/skills/lean/",
    "/sitemap/",
    "/data/",
    "/data/roles-pay.csv",
    "/data/certifications.csv",
    "/api/v1/roles",
    "/api/v1/roles/operations-manager",
    "/api/v1/ladder",
    "/api/v1/ladder/path?from=operations-analyst&to=operations-manager",
    "/api/v1/certifications?suits=mid",
    "/api/v1/certifications/cpim",
    "/api/v1/certifications/compare?c=cpim&c=cscp",
    "/api/v1/faqs?q=pay",
    "/api/v1/guides",
    "/api/v1/guides/working-with-senior-management",
    "/api/v1/search?q=inventory",
    "/api/v1/openapi.json",
    "/about/sources/",
    "/robots.txt",
    "/sitemap.xml",
    "/healthz",
]
# Patterns left out of the walk, and why.
NOT_WALKED = {
    "_floor",  # the benchmark's constant-string view, only with CAREERPATH_BENCH_FLOOR
    # A PDF carries the moment it was made, so no two are byte for byte alike; it is private
    # and never cached (tests/guides/test_update_pdf.py).
    "guides/working-with-senior-management/update/update.pdf",
    # A personal plan is private: never cached, and reached only through its token
    # (tests/plans/). The API's interactive docs are a static shell (tests/browser/).
    "plan/",
    "plan/<str:token>/",
    "plan/<str:token>/plan.json",
    "plan/<str:token>/plan.pdf",
    "api/v1/docs",
    "api/v1/",  # ninja's root: the same answer as any unknown API path (tests/api/)
    # A question's permalink redirects to its page of the FAQ; only 200s are cached
    # (tests/guides/test_faq_pages.py).
    "faq/<slug:slug>/",
}


def hx_targets() -> list[str]:
    """Every `hx-target` id the templates use."""
    found = set()
    for template in Path(ROOT, "templates").rglob("*.html"):
        found |= set(re.findall(r'hx-target="#([\w-]+)"', template.read_text()))
    return sorted(found)


def header_combinations() -> dict[str, dict[str, str]]:
    combinations = {
        "plain": {},
        "htmx": {"HX-Request": "true"},
        "history restore": {"HX-Request": "true", "HX-History-Restore-Request": "true"},
        "htmx, encoded": {"HX-Request": "%74rue", "HX-Request-URI-AutoEncoded": "true"},
        "encoded but not flagged": {"HX-Request": "%74rue"},
        "history restore, encoded": {
            "HX-Request": "true",
            "HX-History-Restore-Request": "%74rue",
            "HX-History-Restore-Request-URI-AutoEncoded": "true",
        },
        "history restore into the fit finder": {
            "HX-Request": "true",
            "HX-Target": "fit-results",
            "HX-History-Restore-Request": "true",
        },
        "target, encoded": {
            "HX-Request": "true",
            "HX-Target": "fit%2Dresults",
            "HX-Target-URI-AutoEncoded": "true",
        },
        "another host": {"Host": "localhost"},
        "https": {"X-Forwarded-Proto": "https"},
        "htmx over https from another host": {
            "HX-Request": "true",
            "Host": "localhost",
            "X-Forwarded-Proto": "https",
        },
    }
    for target in hx_targets():
        combinations[f"target {target}"] = {"HX-Request": "true", "HX-Target": target}
    return combinations


def routes() -> set[str]:
    found = set()

    def walk(patterns, prefix=""):
        for p in patterns:
            route = str(p.pattern)
            if route.startswith("admin/"):
                continue
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                found.add(prefix + route)

    walk(get_resolver().url_patterns)
    return found


def comparable(answer) -> tuple:
    def without_nonce(text: bytes) -> bytes:
        text = re.sub(rb'nonce="[^"]*"', b'nonce=""', text)
        return re.sub(rb"'nonce-[^']*'", b"'nonce-'", text)

    headers = {
        name: without_nonce(value.encode())
        for name, value in answer.headers.items()
        # The moment it was sent, and where it came from (the cached server says it).
        if name not in ("date", "expires", "connection", "x-cache")
    }
    return answer.status, headers, without_nonce(answer.body)


def difference(expected, answer) -> str:
    if expected[0] != answer[0]:
        return f"status {answer[0]}, built afresh {expected[0]}"
    headers = sorted(
        k for k in expected[1].keys() | answer[1].keys() if expected[1].get(k) != answer[1].get(k)
    )
    return f"headers {', '.join(headers)}" if headers else "body"


@pytest.fixture(scope="module")
def servers(live_database, redis_url, tmp_path_factory):
    """One worker each, so a page one request stores is the page the next one reads. The first
    keeps pages in Redis, as production does, so a page it holds is answered at the front door
    (careerpath/front_door.py); the second keeps nothing (PAGE_CACHE_SECONDS=0)."""
    tmp = tmp_path_factory.mktemp("answers")
    started = []
    try:
        cached = {"REDIS_URL": redis_url, "CAREERPATH_CACHE_HEADER": "1"}
        for extra in (cached, {"PAGE_CACHE_SECONDS": "0"}):
            server = Server(live_database, tmp, workers=1, **extra)
            started.append(server)
            server.start()
        yield started
    finally:
        for server in started:
            server.stop()


def test_the_walk_covers_every_url_pattern_and_every_htmx_target():
    walked = {resolve(url.split("?")[0]).route for url in URLS}
    assert routes() - walked <= NOT_WALKED, "a URL pattern is missing from the walk"
    assert {"fit-results", "certification-list", "industry", "faq-list"} <= set(hx_targets())


def test_every_cached_answer_is_the_answer_built_afresh(servers):
    cached, fresh = servers
    combinations = header_combinations()
    # The same Host for both servers, so absolute URLs can be compared.
    base = {"Host": "127.0.0.1"}
    wrong, sources = [], set()
    for url in URLS:
        expected = {
            name: comparable(fresh.get(url, {**base, **headers}))
            for name, headers in combinations.items()
        }
        assert expected["plain"][0] == 200, url
        # Fill the cache in one order, read it back in the other: an answer stored under another
        # request's key would show in one of the two passes.
        for order in (list(combinations), list(reversed(combinations))):
            for name in order:
                served = cached.get(url, {**base, **combinations[name]})
                sources.add(served.headers.get("x-cache"))
                answer = comparable(served)
                if answer != expected[name]:
                    wrong.append(f"{url} [{name}]: {difference(expected[name], answer)}")
    assert not wrong, "cached answers differ from fresh ones:\n  " + "\n  ".join(sorted(set(wrong)))
    assert {"door", "hit"} <= sources  # the walk went through the front door and behind it
