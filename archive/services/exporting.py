"""Export the whole archive to a directory that `import_archive` restores: `export_archive`.

What belongs here: streaming every exported table (archive_format lists them)
into gzip'd JSON Lines chunks and every article's original text into a file,
in bounded memory (rows are read with a server-side cursor, a chunk at a time),
then writing the manifest with each chunk's SHA-256.

Exporting into a directory that holds an earlier export updates it: a chunk
whose bytes come out the same is left as it was, an article's text file is
rewritten only when its hash changed, and files of rows that are gone are
removed. The manifest is written last, so a directory always describes one
complete export, or is refused by the restore when a run was interrupted.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from rest_framework.authtoken.models import Token

from archive.services import archive_format as fmt
from archive.services.export_files import ChunkWriter, ExportSummary, remove_text_folders

# Rows fetched per round trip: large enough to be quick, small enough to bound memory.
FETCH_ROWS = 2000


def export_archive(*, directory: Path) -> ExportSummary:
    """Write (or bring up to date) the export in `directory`; return what was done."""
    directory.mkdir(parents=True, exist_ok=True)
    previous = _previous_chunks(directory)
    summary = ExportSummary()
    tables = []
    with _snapshot():
        natural = _natural_keys()
        for table in fmt.exported_tables():
            tables.append(
                _export_table(
                    table, directory=directory, previous=previous, natural=natural, summary=summary
                )
            )
        tables.append(_export_tokens(directory=directory, previous=previous, summary=summary))
        migrations = _applied_migrations()
    manifest = {
        "format": fmt.FORMAT,
        "version": fmt.VERSION,
        "exported_at": datetime.datetime.now(tz=datetime.UTC).isoformat(),
        "chunk_rows": fmt.CHUNK,
        "migrations": migrations,
        "tables": tables,
    }
    _write_manifest(directory, manifest)
    _remove_stale_chunks(directory, previous=previous, tables=tables, summary=summary)
    return summary


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database for the whole export, on both backends."""
    # Only the first statement of a transaction may choose its isolation; inside a
    # caller's transaction, the caller's view is the one there is.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # Read committed would let a table read later see rows whose parents it missed.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _natural_keys() -> dict[type, dict[int, list[str]]]:
    # A few hundred rows each: what migrations made, read once.
    return {
        ContentType: {ct.pk: list(ct.natural_key()) for ct in ContentType.objects.all()},
        Permission: {
            p.pk: list(p.natural_key()) for p in Permission.objects.select_related("content_type")
        },
    }


def _export_table(
    table: fmt.Table,
    *,
    directory: Path,
    previous: dict[str, dict],
    natural: dict[type, dict[int, list[str]]],
    summary: ExportSummary,
) -> dict[str, Any]:
    model = table.model
    text_field = fmt.FILE_FIELDS.get((model._meta.app_label, model._meta.model_name))
    columns = list(table.columns)
    pk_index = columns.index(model._meta.pk.attname)
    mapped = {
        i: natural[table.field(c).related_model]
        for i, c in enumerate(columns)
        if table.field(c).is_relation and table.field(c).related_model in natural
    }
    selected = columns + ([text_field] if text_field else [])
    rows = model._base_manager.order_by("pk").values_list(*selected)
    writer: ChunkWriter | None = None
    chunks = []
    for row in rows.iterator(chunk_size=FETCH_ROWS):
        values = list(row[: len(columns)])
        for i, keys in mapped.items():
            if values[i] is not None:
                values[i] = keys[values[i]]
        chunk = fmt.chunk_of(values[pk_index])
        if writer is None or writer.chunk != chunk:
            if writer is not None:
                chunks.append(writer.close())
            writer = ChunkWriter(
                label=table.label,
                chunk=chunk,
                directory=directory,
                previous=previous,
                summary=summary,
                texts=bool(text_field),
            )
        if text_field:
            values.append(writer.write_text(pk=values[pk_index], text=row[-1]))
        writer.write(values)
    if writer is not None:
        chunks.append(writer.close())
    summary.rows[table.label] = sum(c["rows"] for c in chunks)
    if text_field:
        remove_text_folders(directory, keep={c["chunk"] for c in chunks}, summary=summary)
    return {
        "label": table.label,
        "columns": columns + ([f"{text_field}_sha256"] if text_field else []),
        "text_field": text_field,
        "natural_keys": {
            columns[i]: table.field(columns[i]).related_model._meta.label_lower for i in mapped
        },
        "rows": summary.rows[table.label],
        "chunks": chunks,
    }


def _export_tokens(
    *, directory: Path, previous: dict[str, dict], summary: ExportSummary
) -> dict[str, Any]:
    """API tokens as hashes only: the key itself is a password and never leaves the database."""
    label = Token._meta.label_lower
    writer = ChunkWriter(
        label=label, chunk=0, directory=directory, previous=previous, summary=summary
    )
    for key, user_id, created in Token.objects.order_by("user_id").values_list(
        "key", "user_id", "created"
    ):
        writer.write([user_id, fmt.token_hash(key), created])
    chunk = writer.close()
    summary.rows[label] = chunk["rows"]
    return {
        "label": label,
        "columns": ["user_id", "key_sha256", "created"],
        "restored": False,
        "rows": chunk["rows"],
        "chunks": [chunk],
    }


def _previous_chunks(directory: Path) -> dict[str, dict]:
    """The chunks of the export already in `directory`, by path; none when there is none."""
    try:
        manifest = json.loads((directory / fmt.MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    if manifest.get("format") != fmt.FORMAT:
        return {}
    return {c["path"]: c for table in manifest.get("tables", []) for c in table["chunks"]}


def _write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    temporary = directory / (fmt.MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    os.replace(temporary, directory / fmt.MANIFEST)


def _remove_stale_chunks(
    directory: Path, *, previous: dict[str, dict], tables: list[dict], summary: ExportSummary
) -> None:
    current = {c["path"] for table in tables for c in table["chunks"]}
    for path in previous.keys() - current:
        (directory / path).unlink(missing_ok=True)
        summary.files_removed += 1


def _applied_migrations() -> dict[str, str]:
    """The last migration applied per app: what schema the rows were written under."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return latest
