"""Security headers on every page, production settings that pass `check --deploy`, and error
pages in the site's look."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from careerpath.views import errors

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_csp_uses_a_nonce_and_never_unsafe_inline(client):
    response = client.get("/roles/operations-manager/")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_a_cached_page_carries_the_nonce_of_the_request_that_reads_it(client, cache_header):
    first = client.get("/ladder/")
    second = client.get("/ladder/")
    assert second["X-Cache"] == "hit"
    nonce = re.search(r"'nonce-([^']+)'", second["Content-Security-Policy"]).group(1)
    assert nonce not in first["Content-Security-Policy"]
    assert f'nonce="{nonce}"' in second.content.decode()


def test_every_page_sends_the_browser_hardening_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https(client):
    assert "max-age=31536000" in client.get("/", secure=True)["Strict-Transport-Security"]


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "careerpath.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("handler", "status", "text"),
    [
        (errors.bad_request, 400, "We could not understand that request"),
        (errors.permission_denied, 403, "You cannot open this page"),
        (errors.page_not_found, 404, "We could not find that page"),
    ],
)
def test_error_pages_use_the_site_layout(handler, status, text):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/somewhere/")
    request.user = AnonymousUser()
    request.htmx = False
    response = handler(request, Exception())
    assert response.status_code == status
    html = response.content.decode()
    assert text in html and 'class="site-header"' in html


def test_the_500_page_renders_without_the_database():
    response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_a_bad_host_header_gets_the_400_page(client):
    client.raise_request_exception = False
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()
