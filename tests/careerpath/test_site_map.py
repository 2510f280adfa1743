"""The site map for people: an HTML page listing every role, certification, published guide and
tool, linked from every page's footer (the XML sitemap stays for crawlers)."""

import pytest

from certifications.models import Certification
from guides.models import Guide
from roles.models import Role
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
    with django_assert_max_num_queries(4 + VERSION_QUERY):
        assert client.get("/sitemap/").status_code == 200
