"""GIN indexes for full-text search on PostgreSQL.

The index expression must match what a SearchVector("search_document", config="simple") compiles to,
or the planner cannot use it. SQLite has no such index: there the search
scans the stored accent-folded column.
"""

from django.db import migrations

TABLES = ("archive_article", "archive_person", "archive_organisation", "archive_directive")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} "
            f"USING gin (to_tsvector('simple'::regconfig, COALESCE(search_document, '')))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_gin")


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
