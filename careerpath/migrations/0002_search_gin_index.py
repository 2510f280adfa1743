"""A GIN index on the search vector; PostgreSQL only (SQLite searches without it)."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS careerpath_searchentry_vector_gin "
            "ON careerpath_searchentry USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS careerpath_searchentry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("careerpath", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
