"""Admin list and autocomplete URLs cannot run regular expressions or send PostgreSQL a byte
it refuses; slow queries are cut off by a statement timeout in web processes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.db import connection

from common.admin import ModelAdmin

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["summary__regex=(a%2B)%2B%24", "title__iregex=.*", "body__regex=a"],
)
def test_a_regex_filter_in_a_changelist_url_is_refused(admin_client, query):
    response = admin_client.get(f"/admin/guides/guide/?{query}")
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


def test_ordinary_filters_still_work(admin_client):
    assert admin_client.get("/admin/guides/guide/?published__exact=1").status_code == 200
    assert admin_client.get("/admin/roles/role/?tier__exact=senior").status_code == 200


def test_every_project_admin_uses_the_shared_base():
    project_apps = {"roles", "certifications", "guides", "careerpath"}
    admins = [a for m, a in admin.site._registry.items() if m._meta.app_label in project_apps]
    assert len(admins) >= 8
    assert all(isinstance(model_admin, ModelAdmin) for model_admin in admins)


def test_the_autocomplete_answers_a_nul_byte_without_a_500(admin_client):
    admin_client.raise_request_exception = False
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "guides", "model_name": "guide", "field_name": "roles", "term": "\x00"},
    )
    assert response.status_code == 200
    assert "results" in response.json()


def _database_url() -> str:
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def _run(args: list[str], **env) -> subprocess.CompletedProcess:
    """Run a process of the project on this test database."""
    environ = {**os.environ, "DATABASE_URL": _database_url()}
    environ.pop("DATABASE_STATEMENT_TIMEOUT_MS", None)
    environ.update(env)
    return subprocess.run(args, cwd=ROOT, env=environ, capture_output=True, text=True)


def _in_web_process(code: str, **env) -> subprocess.CompletedProcess:
    """Run `code` after importing the WSGI application, as gunicorn does."""
    script = f"import careerpath.wsgi\nfrom django.db import connection\n{code}"
    return _run([sys.executable, "-c", script], **env)


@pytest.mark.postgres_only
def test_a_web_process_has_a_ten_second_statement_timeout_by_default():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    result = _in_web_process(
        "cursor = connection.cursor()\n"
        "cursor.execute('SHOW statement_timeout')\n"
        "print(cursor.fetchone()[0])\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "10s"


@pytest.mark.postgres_only
def test_a_web_process_cancels_a_query_that_runs_past_the_statement_timeout():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    result = _in_web_process(
        "try:\n"
        "    connection.cursor().execute('SELECT pg_sleep(5)')\n"
        "except Exception as exc:\n"
        "    print(exc)\n",
        DATABASE_STATEMENT_TIMEOUT_MS="300",
    )
    assert result.returncode == 0, result.stderr
    assert "canceling statement due to statement timeout" in result.stdout


@pytest.mark.postgres_only
def test_management_commands_run_without_a_statement_timeout():
    # migrate and load_content may legitimately run long on a big database.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    result = _run(
        [sys.executable, "manage.py", "dbshell", "--", "-At", "-c", "SHOW statement_timeout"]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
