"""A saved plan's page is kept once built and served again until the plan, the content or the
release changes (plans/pages.py); each visit still gets its own token, CSRF token and nonce."""

import re
import zlib

import pytest

from plans.models import PlanPage
from roles.models import Skill

pytestmark = pytest.mark.django_db

STATUS = {"action": "status", "version": "1", "skill": "leadership", "status": "done"}


@pytest.fixture(autouse=True)
def page_label(settings):
    settings.PAGE_CACHE_HEADER = True


def without_request_values(html: str) -> str:
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "csrf", html)


def test_the_second_visit_gets_the_kept_page_the_same_as_the_built_one(client, saved):
    first = client.get(saved[2])
    second = client.get(saved[2])

    assert (first["X-Plan-Page"], second["X-Plan-Page"]) == ("built", "kept")
    assert without_request_values(second.content.decode()) == without_request_values(
        first.content.decode()
    )
    assert second["Cache-Control"] == "private, no-store"
    assert "noindex" in second["X-Robots-Tag"]


def test_the_kept_page_never_holds_the_token(client, saved):
    plan, token, url = saved
    client.get(url)

    stored = zlib.decompress(PlanPage.objects.get(plan=plan).content)

    assert token.encode() not in stored
    assert b'action="/plan/__careerpath_plan_token__/"' in stored
    assert token in client.get(url).content.decode()  # put back for the visitor who has it


def test_each_visit_to_a_kept_page_gets_its_own_nonce_matching_the_policy(client, saved):
    client.get(saved[2])
    nonces = []
    for _ in range(2):
        response = client.get(saved[2])
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_a_form_on_the_kept_page_is_accepted_with_its_csrf_token(saved):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get(saved[2])
    kept = browser.get(saved[2])
    assert kept["X-Plan-Page"] == "kept"
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept.content.decode())

    response = browser.post(saved[2], {**STATUS, "csrfmiddlewaretoken": csrf.group(1)})

    assert response.status_code == 302


def test_a_fresh_browser_on_a_kept_page_gets_a_csrf_cookie_its_forms_match(saved):
    from django.test import Client

    Client().get(saved[2])  # someone else kept it
    browser = Client(enforce_csrf_checks=True)
    kept = browser.get(saved[2])
    assert kept["X-Plan-Page"] == "kept" and "csrftoken" in kept.cookies
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept.content.decode())

    assert (
        browser.post(saved[2], {**STATUS, "csrfmiddlewaretoken": csrf.group(1)}).status_code == 302
    )


def test_an_update_shows_on_the_next_visit(client, saved):
    client.get(saved[2])
    client.post(saved[2], STATUS)

    response = client.get(saved[2])

    assert response["X-Plan-Page"] == "built"
    assert 'Status of Leadership: <span class="status-now">Done</span>' in response.content.decode()


def test_a_content_edit_shows_on_the_next_visit(client, saved):
    client.get(saved[2])
    skill = Skill.objects.get(slug="leadership")
    skill.name = "Leading People"
    skill.save()

    response = client.get(saved[2])

    assert response["X-Plan-Page"] == "built"
    assert "Leading People" in response.content.decode()


def test_another_release_builds_the_page_again(client, saved, monkeypatch):
    client.get(saved[2])
    monkeypatch.setattr("plans.pages.code_fingerprint", lambda: "another release")

    assert client.get(saved[2])["X-Plan-Page"] == "built"
    assert client.get(saved[2])["X-Plan-Page"] == "kept"


def test_the_notice_after_saving_is_shown_once_and_never_kept(client, saved):
    notice = "Your plan is saved."
    assert notice in client.get(saved[2] + "?saved=1").content.decode()

    client.get(saved[2])

    assert notice not in client.get(saved[2]).content.decode()


def test_deleting_a_plan_removes_its_kept_page(client, saved):
    plan, _, url = saved
    client.get(url)
    assert PlanPage.objects.filter(plan=plan).exists()

    client.post(url, {"action": "delete-confirmed"})

    assert not PlanPage.objects.filter(plan=plan).exists()
    assert client.get(url).status_code == 404


def test_a_plan_page_is_built_while_the_shared_cache_is_away(client, saved, settings):
    """The catalogue a page reads is kept in the shared cache; without it, it is read afresh."""
    settings.CACHES = {
        "default": {"BACKEND": "common.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }

    response = client.get(saved[2])

    assert response.status_code == 200
    assert response["X-Plan-Page"] == "built"
    assert "Leadership" in response.content.decode()
