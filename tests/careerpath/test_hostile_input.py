"""Every URL pattern, walked with junk: always a 4xx or a page, never a 5xx, never markup
reflected unescaped."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

MARKER = "<script>alert(1)</script>"
JUNK_SLUGS = [
    "does-not-exist",
    "a" * 300,
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "ОПЕРАЦИИ",
    "1;DROP TABLE roles_role",
]
JUNK_QUERIES = [
    "q=" + "x" * 5000,
    "q=%00%01%02",
    "q=%27%20OR%201%3D1%20--",
    "q=" + MARKER,
    "q=a%20%26%20%7C%20!%20b:*",
    "industry=" + MARKER,
    "industry=manufacturing&industry=services",
    "from=" + MARKER + "&to=operations-manager",
    "from=operations-analyst&from=inventory-analyst&to=chief-operating-officer",
    # PostgreSQL refuses a NUL in any text it is sent: a role named with one names nothing.
    "from=operations%00analyst&to=chief-operating-officer",
    "from=operations-analyst&to=%00",
    "role=" + MARKER,
    "c=" + MARKER + "&c=cpim",
    "c=cpim&c=cpim&c=cpim&c=cpim&c=cpim&c=cpim",
    "focus=" + MARKER + "&tier=%FF&issuer[]=1",
    "tier=mid&grow=" + MARKER,
    "diff=maybe",
    "page=-1&page=99999999999999999999",
]


def public_paths():
    """One concrete path per URL pattern outside the admin."""
    paths = []

    def walk(patterns, prefix=""):
        for p in patterns:
            route = str(p.pattern)
            if route.startswith("admin/"):
                continue
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                paths.append("/" + prefix + route)

    walk(get_resolver().url_patterns)
    return paths


def concrete(path, slug="operations-manager"):
    return path.replace("<slug:slug>", slug)


def test_the_walker_finds_every_public_page():
    paths = public_paths()
    assert "/roles/<slug:slug>/" in paths and "/certifications/compare/" in paths
    assert "/search/" in paths and "/faq/" in paths and "/ladder/path/" in paths


@pytest.mark.parametrize("junk", JUNK_SLUGS)
def test_junk_slugs_give_a_404_page(client, junk):
    for path in public_paths():
        if "<slug:slug>" in path:
            response = client.get(concrete(path, junk))
            assert response.status_code == 404, path
            assert MARKER not in response.content.decode()


@pytest.mark.parametrize("query", JUNK_QUERIES)
@pytest.mark.parametrize("htmx", [False, True])
def test_odd_query_strings_never_cause_a_server_error(client, query, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    for path in public_paths():
        response = client.get(f"{concrete(path)}?{query}", **headers)
        assert response.status_code < 500, (path, query, response.status_code)
        assert MARKER not in response.content.decode(), (path, query)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_wrong_methods_are_refused_with_405(client, method):
    for path in public_paths():
        if path in ("/sitemap.xml",):
            continue
        if method == "post" and path.startswith("/plan/"):
            continue  # plans are written by POST; tests/plans covers what they refuse
        response = getattr(client, method)(concrete(path))
        assert response.status_code in (403, 405), (method, path, response.status_code)
