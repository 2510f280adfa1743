"""Faults: the health check, a database that goes away and comes back, an interrupted load."""

import shutil

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save

from guides.models import Guide
from roles.models import Role


@pytest.mark.django_db
def test_healthz_reports_a_reachable_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_an_interrupted_load_leaves_the_old_content(tmp_path, content_dir):
    files = tmp_path / "fixtures"
    shutil.copytree(content_dir, files)
    roles = files / "roles.yaml"
    roles.write_text(roles.read_text().replace("Operations Manager", "Ops Boss"))
    (files / "guides" / "working-with-senior-management.md").write_text(
        (files / "guides" / "working-with-senior-management.md").read_text() + "\nNew line.\n"
    )

    def power_cut(sender, **kwargs):
        raise RuntimeError("the power went out half-way through the load")

    post_save.connect(power_cut, sender=Guide)
    try:
        with pytest.raises(RuntimeError):
            call_command("load_content", str(files), verbosity=0)
    finally:
        post_save.disconnect(power_cut, sender=Guide)
    assert Role.objects.filter(title="Operations Manager").exists()
    assert not Role.objects.filter(title__contains="Ops Boss").exists()


def _admin_connection():
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname="postgres",
        autocommit=True,
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_while_postgresql_is_away_and_recover_by_themselves(client, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    settings.PAGE_CACHE_SECONDS = 0  # no cached page may hide the outage
    call_command("load_content", verbosity=0)
    name = connection.settings_dict["NAME"]
    assert client.get("/roles/").status_code == 200
    with _admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            outage = client.get("/roles/")
            assert outage.status_code == 503
            assert "We are back in a moment" in outage.content.decode()
            assert outage["Retry-After"] == "30"
            assert client.get("/healthz").status_code == 503
            api = client.get("/api/v1/roles")  # the API says the same, in JSON
            assert api.status_code == 503
            assert "try again" in api.json()["detail"]
            assert api["Retry-After"] == "30" and api["Cache-Control"] == "no-store"
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    recovered = client.get("/roles/")
    assert recovered.status_code == 200
    assert "Operations Manager" in recovered.content.decode()
    assert client.get("/healthz").status_code == 200


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_pool_checks_a_connection_without_a_round_trip_until_the_server_ends_it():
    import time

    import psycopg

    from common.database import check_pooled_connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as conn, _admin_connection() as admin:
        conn.execute("SELECT 'last thing asked'")
        pid = conn.info.backend_pid

        check_pooled_connection(conn)

        (last,) = admin.execute(
            "SELECT query FROM pg_stat_activity WHERE pid = %s", [pid]
        ).fetchone()
        assert last == "SELECT 'last thing asked'"  # the check sent nothing

        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        time.sleep(0.2)  # the server's goodbye reaches the socket
        with pytest.raises(psycopg.OperationalError):
            check_pooled_connection(conn)
