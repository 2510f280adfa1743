"""The suite says which database it runs on, so CI output shows PostgreSQL was used."""

import os

from django.db import connection


def test_suite_runs_on_the_database_that_database_url_names(db):
    wanted = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    print(f"\nDatabase under test: {connection.vendor} ({connection.settings_dict['NAME']})")
    assert connection.vendor == wanted
