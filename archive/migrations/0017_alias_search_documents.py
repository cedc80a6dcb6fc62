"""Other names (aliases) are searchable like the records' own names.

Each alias keeps its accent-folded name in `search_document`; PostgreSQL
stores its vector in a generated column with a GIN index, SQLite keeps an
FTS5 index kept in step by triggers, as migration 0003 does for the records.
A person or organisation search then also finds a record by an old name, a
variant spelling, an abbreviation or the name of a record merged into it.
"""

import unicodedata

from django.db import migrations, models

TABLES = ("archive_personalias", "archive_organisationalias")

_PG_VECTOR = "to_tsvector('simple'::regconfig, COALESCE(search_document, ''))"


def _fold(text):
    # archive.extraction.normalize.fold_accents as of this migration, so that
    # a later change there cannot change what this migration does.
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = text.replace("\u00d0", "D").replace("\u00f0", "d")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return " ".join(stripped.split()).casefold()


def _sqlite_triggers(table):
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
    for name in ("PersonAlias", "OrganisationAlias"):
        model = apps.get_model("archive", name)
        rows = list(model.objects.only("id", "name"))
        for row in rows:
            row.search_document = _fold(row.name)
        model.objects.bulk_update(rows, ["search_document"], batch_size=1000)
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "postgresql":
        for table in TABLES:
            execute(
                f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                f"GENERATED ALWAYS AS ({_PG_VECTOR}) STORED"
            )
            execute(f"CREATE INDEX {table}_search_vector_gin ON {table} USING gin (search_vector)")
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


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    for table in TABLES:
        if vendor == "postgresql":
            execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        elif vendor == "sqlite":
            fts = f"{table}_fts"
            for suffix in ("insert", "delete", "update"):
                execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            execute(f"DROP TABLE IF EXISTS {fts}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0016_large_archive_indexes")]

    operations = [
        migrations.AddField(
            model_name="organisationalias",
            name="search_document",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="personalias",
            name="search_document",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(forwards, backwards),
    ]
