"""The FAQ, guide and search pages are well-formed HTML with unique ids and headings in order,
whole or as htmx partials."""

import re

import html5lib
import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/faq/",
    "/faq/?q=leadership",
    "/faq/?q=xylophone",
    "/guides/",
    "/guides/working-with-senior-management/",
    "/guides/education-and-certifications/",
    "/search/",
    "/search/?q=inventory",
    "/search/?q=%3Cscript%3E",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_parses_without_errors_and_ids_are_unique(client, url):
    html = client.get(url).content.decode()
    html5lib.HTMLParser(strict=True).parse(html)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("url", PAGES)
def test_headings_inside_main_start_at_h1_and_never_skip_a_level(client, url):
    html = client.get(url).content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.mark.parametrize("url", ["/faq/?q=lean", "/search/?q=lean"])
def test_htmx_partials_are_fragments_that_parse(client, url, htmx_headers):
    html = client.get(url, **htmx_headers).content.decode()
    assert "<html" not in html and "<body" not in html
    html5lib.HTMLParser(strict=True).parseFragment(html)


@pytest.mark.parametrize(
    "url", ["/faq/", "/guides/", "/guides/working-with-senior-management/", "/search/?q=lean"]
)
def test_no_inline_styles_or_scripts_beyond_json_ld(client, url):
    html = client.get(url).content.decode()
    assert " style=" not in html and "<style" not in html and "hx-on" not in html
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attrs or 'type="application/ld+json"' in attrs, attrs
