"""/guides/ lists the published guides; /guides/<slug>/ shows one, drafts only to staff."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from certifications.models import Certification
from guides.models import Guide
from guides.selectors import GUIDE_INDEX_PAGE_SIZE
from roles.models import Role
from tests.conftest import every_page

pytestmark = pytest.mark.django_db

SLUG = "working-with-senior-management"
URL = f"/guides/{SLUG}/"


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, blocks) if data["@type"] == kind]


def test_the_index_lists_every_published_guide_with_summary_reading_time_and_date(client):
    html = client.get("/guides/").content.decode()
    guides = list(Guide.objects.published())
    assert len(guides) >= 7
    for guide in guides:
        assert f'<a href="/guides/{guide.slug}/">{escape(guide.title)}</a>' in html
        assert escape(guide.summary) in html
        assert f"{guide.reading_minutes} min read" in html
        assert f'<time datetime="{guide.updated:%Y-%m-%d}">' in html


def test_the_index_leaves_out_drafts(client, make_guide):
    make_guide(title="Half-written guide", slug="half-written", published=False)
    html = client.get("/guides/").content.decode()
    assert "half-written" not in html and "Half-written guide" not in html


def listed_guides(html: str) -> list[str]:
    return re.findall(r'<h2 class="guide-card__title"><a href="/guides/([^/]+)/">', html)


def test_todays_guides_fit_on_one_page_of_the_index(client):
    html = client.get("/guides/").content.decode()
    assert len(listed_guides(html)) == Guide.objects.published().count()
    assert 'class="pager"' not in html


def test_many_guides_come_in_pages_that_swap_in_place_with_htmx(
    client, tenfold_content, htmx_headers
):
    total = Guide.objects.published().count()
    assert total > GUIDE_INDEX_PAGE_SIZE
    first = client.get("/guides/").content.decode()
    assert len(listed_guides(first)) == GUIDE_INDEX_PAGE_SIZE
    assert f"Guides 1–{GUIDE_INDEX_PAGE_SIZE} of {total}." in first
    seen = every_page(client, "/guides/", listed_guides)
    assert sorted(seen) == sorted(Guide.objects.published().values_list("slug", flat=True))
    assert len(seen) == len(set(seen))
    part = client.get("/guides/?page=2", **htmx_headers).content.decode()
    assert "<html" not in part and 'rel="prev"' in part and 'hx-target="#guide-list"' in part


@pytest.mark.parametrize("page", ["999", "0", "two"])
def test_a_page_of_guides_that_is_not_one_is_a_400_with_the_way_back(client, page):
    response = client.get("/guides/", {"page": page})
    assert response.status_code == 400
    assert 'href="/guides/">Go to the first page of guides' in response.content.decode()


def test_a_guide_shows_its_rendered_body_reading_time_and_updated_date(client):
    guide = Guide.objects.get(slug=SLUG)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 id="guide-title">{escape(guide.title)}</h1>' in html
    assert f"{guide.reading_minutes} min read" in html
    assert f'<time datetime="{guide.updated:%Y-%m-%d}">{guide.updated:%B %-d, %Y}</time>' in html
    assert '<div class="prose">' in html
    assert guide.body_html in html


def test_the_table_of_contents_links_every_heading_anchor_and_nests_h3(client):
    html = client.get(URL).content.decode()
    toc = html.split('<nav class="toc" aria-label="Table of contents">')[1].split("</nav>")[0]
    body = html.split('<div class="prose">')[1]
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) >= 5
    for target in targets:
        assert re.search(rf'<h[23] id="{re.escape(target)}">', body), target
    guide = Guide.objects.get(slug=SLUG)
    nested = [c for item in guide.toc for c in item["children"]]
    assert nested, "the guide has h3 sections"
    assert toc.count("<ol>") == 1 + sum(1 for item in guide.toc if item["children"])
    first_child = nested[0]["id"]
    assert re.search(rf'<li><a href="#[^"]+">[^<]+</a>\s*<ol>\s*<li><a href="#{first_child}">', toc)


def test_tables_scroll_in_their_own_box_and_footnotes_are_rendered(client):
    html = client.get(URL).content.decode()
    assert re.search(
        r'<div class="table-scroll" role="region" tabindex="0" aria-label="Table: [^"]+"><table>',
        html,
    )
    assert html.count('<div class="table-scroll"') == html.count("<table")
    assert '<div class="footnote">' in html
    assert '<a class="footnote-ref" href="#fn:1"' in html and '<li id="fn:1">' in html


def test_a_guide_links_its_related_roles_and_certifications(client):
    html = client.get(URL).content.decode()
    related = html.split('<section class="guide-related"')[1].split("</section>")[0]
    guide = Guide.objects.get(slug=SLUG)
    roles, certs = list(guide.roles.all()), list(guide.certifications.all())
    assert roles and certs
    for role in roles:
        assert f'<a href="/roles/{role.slug}/">{escape(role.title)}</a>' in related
    for cert in certs:
        assert f'<a href="/certifications/{cert.slug}/">{escape(cert.acronym)}</a>' in related


def test_a_guide_is_described_as_a_schema_org_article_published_by_careerpath(client):
    html = client.get(URL).content.decode()
    guide = Guide.objects.get(slug=SLUG)
    (article,) = json_ld(html, "Article")
    assert article["headline"] == guide.title
    assert article["description"] == guide.summary
    assert article["dateModified"] == guide.updated.isoformat()
    assert article["author"] == article["publisher"]
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "CareerPath"
    assert article["mainEntityOfPage"].endswith(URL)


def test_a_guide_has_breadcrumbs_and_its_summary_as_description(client):
    html = client.get(URL).content.decode()
    guide = Guide.objects.get(slug=SLUG)
    assert f'<meta name="description" content="{escape(guide.summary)}">' in html
    crumbs = html.split('<nav class="breadcrumbs" aria-label="Breadcrumb">')[1].split("</nav>")[0]
    assert '<a href="/guides/">Guides</a>' in crumbs
    assert f'<a href="{URL}" aria-current="page">{escape(guide.title)}</a>' in crumbs
    (trail,) = json_ld(html, "BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == ["Home", "Guides", guide.title]


def test_an_unknown_guide_is_404(client):
    assert client.get("/guides/no-such-guide/").status_code == 404


@pytest.fixture
def draft(make_guide):
    return make_guide(
        title="Draft about budgets",
        slug="draft-about-budgets",
        published=False,
        body="## Budget basics\n\nNot ready yet.",
    )


def test_a_draft_is_404_for_anonymous_visitors(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_is_404_for_signed_in_readers_who_are_not_staff(member_client, draft):
    assert member_client.get(draft.get_absolute_url()).status_code == 404


def test_staff_see_a_draft_with_a_visible_draft_banner_and_it_is_never_cached(staff_client, draft):
    response = staff_client.get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge badge--draft">Draft</span>' in html
    assert "This guide is not published" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_staff_see_no_draft_banner_on_a_published_guide(staff_client):
    html = staff_client.get(URL).content.decode()
    assert "badge--draft" not in html and "noindex" not in html


def test_publishing_a_draft_makes_it_public(client, draft):
    draft.published = True
    draft.save()
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Draft about budgets" in html and "badge--draft" not in html


HOSTILE_BODY = """\
## Safe heading

<script>alert('script')</script>
<img src=x onerror="alert('img')">
<a href="javascript:alert('js')">js</a>
<a href="jav&#x09;ascript:alert('tab')">tab</a>
[md](javascript:alert('md'))
<iframe src="https://evil.example"></iframe>
<style>body{display:none}</style>
<p style="color:red" onclick="alert('click')">styled</p>
<svg onload="alert('svg')"></svg>
<a href="data:text/html,<script>alert('data')</script>">data</a>
"""


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict] = []
        self.handlers: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
        if "style" in attrs:
            self.styles.append(tag)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def test_a_guide_page_runs_nothing_an_editor_typed(client, make_guide):
    guide = make_guide(title="Hostile guide", slug="hostile-guide", body=HOSTILE_BODY)
    html = client.get(guide.get_absolute_url()).content.decode()
    page = _Page()
    page.feed(html)
    assert page.handlers == [] and page.styles == []
    for script in page.scripts:  # only the site's own scripts and JSON-LD
        assert script.get("src") or script.get("type") == "application/ld+json", script
    assert not [h for h in page.hrefs if h.strip().lower().startswith(("javascript", "data"))]
    prose = html.split('<div class="prose">')[1].split("</article>")[0]
    assert "alert(" not in prose
    assert '<h2 id="safe-heading">Safe heading</h2>' in html


def test_related_links_on_a_guide_come_in_the_ladder_and_catalogue_order(client):
    html = client.get(URL).content.decode()
    related = html.split('<section class="guide-related"')[1]
    guide = Guide.objects.get(slug=SLUG)
    role_titles = [escape(r.title) for r in Role.objects.filter(guides=guide)]
    positions = [related.index(f">{t}</a>") for t in role_titles]
    assert positions == sorted(positions)
    acronyms = [c.acronym for c in Certification.objects.filter(guides=guide)]
    positions = [related.index(f">{a}</a>") for a in acronyms]
    assert positions == sorted(positions)
