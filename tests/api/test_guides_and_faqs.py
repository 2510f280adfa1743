"""FAQ, guides and search through the API: published content only, HTML sanitised."""

import re

import pytest
from django.contrib.auth import get_user_model

from guides.models import FAQ, Guide
from tests.guides.factories import make_guide

pytestmark = pytest.mark.django_db


def test_faqs_are_the_published_questions_with_their_answers(client):
    body = client.get("/api/v1/faqs?page_size=100").json()
    assert body["count"] == FAQ.objects.published().count()
    first = body["items"][0]
    assert first["question"] and first["answer_html"].startswith("<")
    assert re.fullmatch(r"/faq/[a-z0-9-]+/", first["page"])  # the question's permalink


def test_faqs_filter_by_every_word_like_the_faq_page(client):
    body = client.get("/api/v1/faqs?q=report%20senior").json()
    assert body["count"] >= 1
    for item in body["items"]:
        text = (item["question"] + item["answer_html"]).lower()
        assert "report" in text and "senior" in text


def test_guides_list_their_metadata_without_the_body(client):
    body = client.get("/api/v1/guides").json()
    assert body["count"] == Guide.objects.published().count()
    assert "body_html" not in body["items"][0]
    assert body["items"][0]["reading_minutes"] >= 1


def test_a_guide_comes_with_its_html_and_table_of_contents(client):
    body = client.get("/api/v1/guides/working-with-senior-management").json()
    assert "<h2" in body["body_html"]
    assert body["toc"] and body["toc"][0]["name"]
    assert "operations-manager" in {r["slug"] for r in body["roles"]}


def test_a_guide_html_is_the_sanitised_html(client):
    make_guide(
        slug="sneaky",
        body='Hello <script>alert(1)</script> <a href="javascript:alert(2)">x</a>',
    )
    html = client.get("/api/v1/guides/sneaky").json()["body_html"]
    assert "<script" not in html and "javascript:" not in html
    assert "Hello" in html


def test_a_draft_guide_is_not_in_the_api_even_for_staff(client):
    make_guide(slug="draft-guide", published=False)
    staff = get_user_model().objects.create_user(
        "editor", password="x-long-password-1", is_staff=True
    )
    client.force_login(staff)
    assert client.get("/api/v1/guides/draft-guide").status_code == 404
    slugs = {g["slug"] for g in client.get("/api/v1/guides?page_size=100").json()["items"]}
    assert "draft-guide" not in slugs


def test_search_groups_ranked_hits_by_kind(client):
    body = client.get("/api/v1/search?q=inventory").json()
    assert body["terms"] == ["inventory"]
    kinds = {group["kind"] for group in body["groups"]}
    assert {"roles", "certifications"} <= kinds
    hits = [hit for group in body["groups"] for hit in group["hits"]]
    assert any("<mark>Inventory</mark>" in hit["snippet_html"] for hit in hits)
    assert all(hit["page"].startswith("/") for hit in hits)


@pytest.mark.parametrize("q", ["", "   ", "the of and", "%00%01"])
def test_search_without_a_word_to_look_for_finds_nothing(client, q):
    response = client.get(f"/api/v1/search?q={q}")
    assert response.status_code == 200
    assert response.json()["terms"] == [] and response.json()["groups"] == []


def test_search_without_q_names_the_parameter(client):
    response = client.get("/api/v1/search")
    assert response.status_code == 400
    assert response.json()["errors"] == [{"parameter": "q", "message": "is required"}]
