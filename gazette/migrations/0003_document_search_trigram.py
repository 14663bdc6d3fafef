"""Trigram indexes for document search on PostgreSQL; other databases search without them.

The index expressions match what Django's icontains produces on PostgreSQL, UPPER("col"::text) LIKE …,
so that the same query uses them. pg_trgm is a trusted extension: a database owner may create it.
"""

from django.db import migrations

COLUMNS = ("title", "number", "raw_text")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS gazette_document_{column}_trgm "
            f'ON gazette_document USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS gazette_document_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("gazette", "0002_import_fields")]

    operations = [migrations.RunPython(create, drop)]
