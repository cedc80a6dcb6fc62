"""Search that stays fast when a query matches many rows, and the article feed's index.

PostgreSQL: 0002's GIN index over `to_tsvector(search_document)` is usable,
but a query matching most rows makes the planner scan the table and compute
to_tsvector for every row (over a second per 20,000 articles). A stored
generated column `search_vector` holds the vector instead, kept up to date by
PostgreSQL itself (bulk inserts and updates included), with the GIN index on
it; querysets.search() filters on the column.

SQLite: an FTS5 index (`<table>_fts`, external content) over the accent-folded
`search_document`, kept in step by triggers, so a search with no hit does not
read every row. A later migration that rebuilds one of these tables (SQLite
ALTERs by copying the table) drops its triggers; querysets.py re-creates them
after every migrate.

Both: an index in the article feed's order (newest first, undated last, then
id), so the first page of the feed, or of a search with many hits, reads a
page's worth of rows instead of sorting the table.
"""

from django.db import migrations

TABLES = ("archive_article", "archive_person", "archive_organisation", "archive_directive")

_PG_VECTOR = "to_tsvector('simple'::regconfig, COALESCE(search_document, ''))"


def _sqlite_triggers(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_document) "
        f"VALUES ('delete', old.id, old.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF search_document ON {table} "
        f"BEGIN INSERT INTO {fts}({fts}, rowid, search_document) "
        f"VALUES ('delete', old.id, old.search_document); "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
    ]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "postgresql":
        for table in TABLES:
            execute(
                f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                f"GENERATED ALWAYS AS ({_PG_VECTOR}) STORED"
            )
            execute(f"CREATE INDEX {table}_search_vector_gin ON {table} USING gin (search_vector)")
            execute(f"DROP INDEX IF EXISTS {table}_search_gin")
        execute(
            "CREATE INDEX archive_article_feed ON archive_article "
            "(published_on DESC NULLS LAST, id DESC)"
        )
    elif vendor == "sqlite":
        for table in TABLES:
            fts = f"{table}_fts"
            execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5("
                f"search_document, content='{table}', content_rowid='id')"
            )
            for statement in _sqlite_triggers(table):
                execute(statement)
            execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        # SQLite sorts NULL first, so DESC already puts undated articles last.
        execute("CREATE INDEX archive_article_feed ON archive_article (published_on DESC, id DESC)")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    execute("DROP INDEX IF EXISTS archive_article_feed")
    if vendor == "postgresql":
        for table in TABLES:
            execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
            execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin ({_PG_VECTOR})"
            )
    elif vendor == "sqlite":
        for table in TABLES:
            fts = f"{table}_fts"
            for suffix in ("insert", "delete", "update"):
                execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            execute(f"DROP TABLE IF EXISTS {fts}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
