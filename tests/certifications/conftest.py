"""Helpers for reading the certification pages the way a person (or a screen reader) would."""

import re
from collections import Counter

import html5lib
import pytest


def assert_valid_html(html: str):
    """No HTML parse errors and no repeated ids, whole page or htmx fragment."""
    parser = html5lib.HTMLParser(strict=False)
    if "<html" in html:
        parser.parse(html)
    else:
        parser.parseFragment(html)
    assert parser.errors == []
    repeated = [i for i, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]
    assert repeated == []


def assert_no_inline_code(html: str):
    """The CSP allows no inline styles or scripts; JSON-LD is data, not code."""
    assert ' style="' not in html
    assert "hx-on" not in html
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert all('type="application/ld+json"' in attrs or "src=" in attrs for attrs in scripts)


def ticked_for_comparison(html: str) -> list[str]:
    """The slugs a person can tick on the catalogue, in the order shown."""
    return re.findall(r'<input type="checkbox" id="compare-[^"]+" name="c" value="([^"]+)"', html)


def column_headers(html: str) -> list[str]:
    return re.findall(r'<th scope="col">\s*<a href="/certifications/([^/]+)/">', html)


def table_rows(html: str) -> dict[str, bool]:
    """Row key -> whether it is marked as differing."""
    return {
        key: bool(differs)
        for differs, key in re.findall(
            r'<tr class="comparison-table__row( comparison-table__row--differs)?" '
            r'data-row="([a-z]+)">',
            html,
        )
    }


def between(html: str, start: str, end: str) -> str:
    """The markup from `start` up to `end`, to scope assertions to one region of a page."""
    first = html.index(start)
    return html[first : html.index(end, first)]


@pytest.fixture
def htmx():
    return {"HTTP_HX_REQUEST": "true"}
