"""The guides on working with senior management: published, found by search, in the sitemap,
linked from the roles that need them, each with examples from all three industries."""

import re

import pytest

from guides.models import Guide

pytestmark = pytest.mark.django_db

SENIOR_GUIDES = {
    "weekly-and-monthly-updates-for-executives": "headline",
    "the-business-case-for-an-improvement": "payback",
    "escalating-problems-and-missed-targets": "escalation",
    "the-monthly-operations-review": "agenda",
}


@pytest.mark.parametrize("slug", SENIOR_GUIDES)
def test_guide_gives_a_worked_example_for_manufacturing_services_and_technology(slug):
    guide = Guide.objects.get(slug=slug)
    example_headings = [
        item["name"]
        for section in guide.toc
        if section["name"] == "Worked examples"
        for item in section["children"]
    ]
    assert [h.split(":")[0] for h in example_headings] == [
        "Manufacturing",
        "Services",
        "Technology",
    ]


@pytest.mark.parametrize(("slug", "word"), SENIOR_GUIDES.items())
def test_guide_is_found_by_search_and_listed_in_the_sitemap(client, slug, word):
    found = client.get("/search/?q=" + word).content.decode()
    assert f'href="/guides/{slug}/"' in found

    assert f"/guides/{slug}/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_operations_manager_profile_links_every_senior_management_guide(client):
    html = client.get("/roles/operations-manager/").content.decode()
    for slug in SENIOR_GUIDES:
        assert f'href="/guides/{slug}/"' in html, slug


def test_the_senior_management_guide_points_to_the_update_builder(client):
    html = client.get("/guides/working-with-senior-management/").content.decode()
    assert 'href="/guides/working-with-senior-management/update/"' in html
    for slug in SENIOR_GUIDES:
        assert f'href="/guides/{slug}/"' in html


def test_the_faq_links_the_new_leadership_questions_to_their_guides(client):
    html = client.get("/faq/").content.decode()
    leadership = html[html.index("Working with leadership") :]
    for slug in SENIOR_GUIDES:
        assert re.search(rf'href="/guides/{slug}/"', leadership), slug
