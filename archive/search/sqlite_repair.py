"""SQLite's full-text search kept in step with its tables across migrations.

SQLite alters a table by copying it, which drops the table's triggers; the
FTS5 index (migration 0003) would then silently stop following the table.
After each migrate, the archive's triggers are re-created where missing and
that table's index rebuilt. Connected in ArchiveConfig.ready().
"""

from __future__ import annotations

from django.db import connections

SEARCH_TABLES = (
    "archive_article",
    "archive_person",
    "archive_organisation",
    "archive_directive",
    "archive_personalias",
    "archive_organisationalias",
)


def repair_sqlite_search(connection) -> None:
    """Re-create the FTS5 triggers a table rebuild dropped, and re-index that table.

    SQLite alters a table by copying it, which loses its triggers; without
    them the search index would silently stop following the table.
    """
    with connection.cursor() as cursor:
        existing = {
            name
            for (name,) in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
            )
        }
        for table in SEARCH_TABLES:
            fts = f"{table}_fts"
            triggers = (f"{fts}_insert", f"{fts}_delete", f"{fts}_update")
            if fts not in existing or all(name in existing for name in triggers):
                continue
            for statement in _sqlite_fts_triggers(table):
                cursor.execute(statement)
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_fts_triggers(table: str) -> list[str]:
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


def repair_after_migrate(sender, using, **kwargs) -> None:
    """post_migrate receiver: repair the archive's search after its migrations."""
    if getattr(sender, "name", None) == "archive" and connections[using].vendor == "sqlite":
        repair_sqlite_search(connections[using])
