"""The public health check says whether the site can serve, and nothing about its software."""

import pytest
from django.db import connection

from tests.careerpath.test_faults import _admin_connection

pytestmark = pytest.mark.django_db


def test_healthz_does_not_name_the_database_engine(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert connection.vendor not in response.content.decode()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_healthz_in_an_outage_does_not_name_the_exception(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    name = connection.settings_dict["NAME"]
    with _admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            response = client.get("/healthz")
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert client.get("/healthz").status_code == 200  # and it recovers by itself
