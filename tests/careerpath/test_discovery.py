"""What search engines and chat previews read: sitemap, robots.txt, canonical and Open Graph."""

import re
import xml.etree.ElementTree as ET

import pytest

from certifications.models import Certification
from guides.models import Guide
from roles.models import Role

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        loc.text: url.find("s:lastmod", NS)
        for url in root.findall("s:url", NS)
        for loc in [url.find("s:loc", NS)]
    }


def test_sitemap_lists_every_public_role_certification_and_guide_with_lastmod(client):
    urls = sitemap_urls(client)
    for obj in [*Role.objects.all(), *Certification.objects.all(), *Guide.objects.published()]:
        url = f"http://testserver{obj.get_absolute_url()}"
        assert url in urls, url
        assert urls[url] is not None and re.match(r"\d{4}-\d{2}-\d{2}", urls[url].text)
    for page in ("/", "/ladder/", "/faq/", "/guides/", "/certifications/", "/roles/"):
        assert f"http://testserver{page}" in urls


def test_sitemap_leaves_out_drafts(client):
    guide = Guide.objects.get(slug="working-with-senior-management")
    guide.published = False
    guide.save()
    assert f"http://testserver{guide.get_absolute_url()}" not in sitemap_urls(client)


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/roles/",
        "/roles/operations-manager/",
        "/ladder/",
        "/certifications/",
        "/certifications/cpim/",
        "/faq/",
        "/guides/",
        "/guides/working-with-senior-management/",
        "/search/?q=lean",
    ],
)
def test_each_page_type_has_canonical_description_and_social_tags(client, path):
    html = client.get(path).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http://testserver/")
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)
    for prop in ("og:title", "og:description", "og:url", "og:image", "og:type"):
        assert re.search(rf'<meta property="{prop}" content="[^"]+">', html), prop
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    image = re.search(r'<meta property="og:image" content="http://testserver([^"]+)">', html)
    assert client.get(image.group(1)).status_code == 200


def test_path_canonical_keeps_its_parameters_in_a_fixed_order(client):
    html = client.get(
        "/ladder/path/?to=chief-operating-officer&from=operations-analyst"
    ).content.decode()
    assert (
        '<link rel="canonical" href="http://testserver/ladder/path/'
        '?from=operations-analyst&amp;to=chief-operating-officer">'
    ) in html


@pytest.mark.parametrize(
    "path",
    [
        "/roles/",
        "/roles/operations-manager/",
        "/ladder/",
        "/ladder/path/",
        "/certifications/",
        "/certifications/cpim/",
        "/certifications/compare/?c=cpim&c=cscp",
        "/faq/",
        "/guides/",
        "/guides/working-with-senior-management/",
        "/search/?q=lean",
    ],
)
def test_every_page_below_home_has_breadcrumbs_with_json_ld(client, path):
    html = client.get(path).content.decode()
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html
    assert '"@type": "BreadcrumbList"' in html


def test_the_home_page_has_no_breadcrumbs(client):
    assert "BreadcrumbList" not in client.get("/").content.decode()
