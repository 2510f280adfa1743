"""Every page type, every htmx partial and every error page parses cleanly with html5lib's strict
parser and has no duplicate ids. Uses Django's test client; no browser needed."""

from collections import Counter

import html5lib
import pytest
from django.template import loader
from django.test import RequestFactory
from html5lib.constants import E

from .site_pages import PAGE_TYPE_PARAMS, UPDATE_BUILDER, UPDATE_EXAMPLE

pytestmark = pytest.mark.django_db

PARTIALS = [
    ("ladder panel", "/ladder/?role=operations-manager"),
    ("path result", "/ladder/path/?from=operations-analyst&to=chief-operating-officer"),
    ("path problem", "/ladder/path/?from=chief-operating-officer&to=operations-analyst"),
    ("industry", "/roles/operations-manager/?industry=services"),
    ("certification list", "/certifications/?focus=process-improvement"),
    ("comparison", "/certifications/compare/?c=cpim&c=cscp"),
    ("faq list", "/faq/?q=certification"),
    ("search results", "/search/?q=lean"),
    ("update preview", f"{UPDATE_BUILDER}?{UPDATE_EXAMPLE}"),
    ("update preview with a mistake", f"{UPDATE_BUILDER}?{UPDATE_EXAMPLE}&m-1-target=x"),
]


def parse_problems(html: str, fragment: bool = False) -> list[str]:
    """html5lib's parse errors (strict parser first; then every error, for the message)."""
    strict = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = strict.parseFragment(html) if fragment else strict.parse(html)
    except html5lib.html5parser.ParseError:
        lenient = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        lenient.parseFragment(html) if fragment else lenient.parse(html)
        lines = html.splitlines()
        problems = []
        for (line, col), code, data in lenient.errors:
            source = lines[line - 1].strip()[:120] if 0 < line <= len(lines) else ""
            problems.append(
                f"line {line} col {col}: {E.get(code, code) % (data or {})}\n      {source}"
            )
        return problems
    ids = Counter(el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id"))
    return [f"duplicate id “{i}” ({n} times)" for i, n in ids.items() if n > 1]


@pytest.mark.parametrize("page_type", PAGE_TYPE_PARAMS)
def test_page_type_is_valid_html(client, page_type):
    response = client.get(page_type.url)
    assert response.status_code == page_type.status

    problems = parse_problems(response.content.decode())

    assert not problems, f"{page_type.url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name, url", PARTIALS, ids=[p[0].replace(" ", "-") for p in PARTIALS])
def test_htmx_partial_is_valid_html(client, htmx_headers, name, url):
    response = client.get(url, **htmx_headers)
    html = response.content.decode()
    assert "<html" not in html, f"{url} should answer htmx with only the part that changes"

    problems = parse_problems(html, fragment=True)

    assert not problems, f"{name} ({url}):\n  " + "\n  ".join(problems)


def test_bad_request_page_is_valid_html(client):
    response = client.get("/", HTTP_HOST="not a host")
    assert response.status_code == 400

    assert not parse_problems(response.content.decode())


@pytest.mark.parametrize("template", ["403.html", "500.html", "503.html"])
def test_error_page_is_valid_html(template):
    request = RequestFactory().get("/somewhere/")
    html = loader.render_to_string(template, {}, request=request)

    problems = parse_problems(html)

    assert not problems, f"{template}:\n  " + "\n  ".join(problems)
