"""The Markdown editor shows the page beside it, rendered and sanitised as readers get it."""

import re

import pytest
from django.test import Client

from guides.markdown import render
from guides.models import FAQ, Guide

pytestmark = pytest.mark.django_db

TABLE = "| Rung | Role |\n|---|---|\n| 3 | Operations Manager |\n"
SCRIPT = '<script>alert("x")</script>\n\n[click](javascript:alert(1))'


def test_the_preview_renders_a_table_and_strips_a_script(editor_client):
    response = editor_client.post(
        "/admin/guides/guide/preview/", {"body": f"## Ladder\n\n{TABLE}\n{SCRIPT}"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<table>" in html and "<td>Operations Manager</td>" in html
    assert '<h2 id="ladder">Ladder</h2>' in html
    assert "<script" not in html and "javascript:" not in html
    assert html == render(f"## Ladder\n\n{TABLE}\n{SCRIPT}").html


def test_the_faq_answer_has_its_own_preview(editor_client):
    response = editor_client.post("/admin/guides/faq/preview/", {"answer": "Yes, **really**."})
    assert response.content.decode() == "<p>Yes, <strong>really</strong>.</p>"


def test_an_empty_text_previews_as_a_note(editor_client):
    response = editor_client.post("/admin/guides/guide/preview/", {"body": ""})
    assert "Nothing to preview yet." in response.content.decode()


def test_the_editor_posts_to_the_preview_as_you_type(editor_client):
    guide = Guide.objects.get(slug="working-with-senior-management")
    response = editor_client.get(f"/admin/guides/guide/{guide.pk}/change/")
    page = response.content.decode()
    assert 'hx-post="/admin/guides/guide/preview/"' in page
    assert 'hx-trigger="input changed delay:400ms"' in page
    assert 'hx-target="#id_body_preview"' in page
    assert 'hx-params="body,csrfmiddlewaretoken"' in page
    assert 'id="id_body_preview"' in page
    assert guide.body_html[:200] in page  # the preview starts out filled
    assert "htmx" in page and "admin-extra/markdown-preview.css" in page

    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert re.search(rf'<script src="/static/django_htmx/[^"]+\.js"[^>]* nonce="{nonce}"', page)
    assert "<script>" not in page  # nothing inline


def test_the_faq_editor_has_the_preview_too(editor_client):
    faq = FAQ.objects.first()
    page = editor_client.get(f"/admin/guides/faq/{faq.pk}/change/").content.decode()
    assert 'hx-post="/admin/guides/faq/preview/"' in page


def test_the_preview_needs_a_post_with_a_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get("/admin/guides/guide/preview/").status_code == 405
    assert client.post("/admin/guides/guide/preview/", {"body": "x"}).status_code == 403

    page = client.get("/admin/guides/guide/add/")
    token = page.context["csrf_token"]
    response = client.post(
        "/admin/guides/guide/preview/", {"body": "*ok*", "csrfmiddlewaretoken": str(token)}
    )
    assert response.status_code == 200
    assert response.content.decode() == "<p><em>ok</em></p>"


def test_the_preview_is_for_staff_only(client, django_user_model):
    assert client.post("/admin/guides/guide/preview/", {"body": "x"}).status_code == 302
    reader = django_user_model.objects.create_user("reader")
    client.force_login(reader)
    response = client.post("/admin/guides/guide/preview/", {"body": "x"})
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
