"""The site map for people: an HTML page listing the tools and the roles, certifications and
published guides (each section the first page of its index, which is all of today's), linked from
every page's footer (the XML sitemap stays for crawlers)."""

import re

import pytest

from careerpath.views.site_map import CERTIFICATIONS_LISTED
from certifications.models import Certification
from guides.models import Guide
from guides.selectors import GUIDE_INDEX_PAGE_SIZE
from roles.models import Role
from roles.selectors import ROLE_INDEX_PAGE_SIZE
from tests.conftest import VERSION_QUERY

pytestmark = pytest.mark.django_db


def test_footer_links_to_the_html_site_map_not_the_xml(client):
    html = client.get("/roles/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert '<a href="/sitemap/">Site map</a>' in footer
    assert "sitemap.xml" not in footer


def test_site_map_lists_every_role_certification_published_guide_and_tool(client):
    response = client.get("/sitemap/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for role in Role.objects.all():
        assert f'href="{role.get_absolute_url()}"' in html
    for cert in Certification.objects.all():
        assert f'href="{cert.get_absolute_url()}"' in html
    for guide in Guide.objects.published():
        assert f'href="{guide.get_absolute_url()}"' in html
    for tool in ("/ladder/", "/ladder/path/", "/certifications/compare/", "/faq/", "/search/"):
        assert f'href="{tool}"' in html


def test_site_map_leaves_out_draft_guides(client):
    guide = Guide.objects.published().first()
    guide.published = False
    guide.save()

    html = client.get("/sitemap/").content.decode()

    assert f'href="{guide.get_absolute_url()}"' not in html


def test_site_map_keeps_its_query_count_with_ten_times_the_content(
    client, django_assert_max_num_queries, tenfold_content
):
    # The roles, the certifications and the guides, each with how many there are in all.
    with django_assert_max_num_queries(3 + VERSION_QUERY):
        assert client.get("/sitemap/").status_code == 200


def test_with_ten_times_the_content_each_section_lists_the_first_few_and_links_the_rest(
    client, tenfold_content
):
    html = client.get("/sitemap/").content.decode()
    roles = Role.objects.order_by("rank", "title", "slug")
    section = html.split('id="map-roles"')[1].split("</section>")[0]
    listed = re.findall(r'<li><a href="/roles/([^/]+)/">', section)
    assert listed == [r.slug for r in roles[:ROLE_INDEX_PAGE_SIZE]]
    assert (
        f"The first {ROLE_INDEX_PAGE_SIZE} of {roles.count()}, lowest rung first; "
        '<a href="/roles/">the role index</a> lists them all.'
    ) in section
    certifications = Certification.objects.order_by("acronym", "slug")
    section = html.split('id="map-certifications"')[1].split("</section>")[0]
    listed = re.findall(r'<li><a href="/certifications/([^/]+)/">', section)
    assert listed == [c.slug for c in certifications[:CERTIFICATIONS_LISTED]]
    assert f"The first {CERTIFICATIONS_LISTED} of {certifications.count()} by acronym" in section
    guides = Guide.objects.published().order_by("title", "slug")
    section = html.split('id="map-guides"')[1].split("</section>")[0]
    listed = re.findall(r'<li><a href="/guides/([^/]+)/">', section)
    assert listed == [g.slug for g in guides[:GUIDE_INDEX_PAGE_SIZE]]
    assert f"The first {GUIDE_INDEX_PAGE_SIZE} of {guides.count()} by title" in section
