"""Restore an export written by `export_archive` into an empty database: `restore_archive`.

What belongs here: refusing a database that already holds data, checking every
checksum before the first row is written, and writing the rows with their own
primary keys (so that ids, URLs and redirects survive) in batches inside one
transaction, then moving PostgreSQL's sequences past the restored ids.

API tokens are not restored: an export keeps only their hashes, so each holder
asks for a new token (POST /api/auth/token/) after a restore.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from rest_framework.authtoken.models import Token

from archive.services import archive_format as fmt

# Rows per INSERT at most; SQLite's limit on parameters may lower it.
INSERT_ROWS = 500


class RestoreRefused(Exception):
    """The export or the database is not fit for a restore; nothing was written."""


@dataclass
class RestoreSummary:
    rows: dict[str, int] = field(default_factory=dict)
    tokens_not_restored: int = 0


def restore_archive(*, directory: Path) -> RestoreSummary:
    manifest = read_manifest(directory)
    refuse_unless_empty()
    verify_export(directory, manifest)
    summary = RestoreSummary()
    natural = _NaturalKeys()
    with transaction.atomic():
        restored = []
        for table in manifest["tables"]:
            if table.get("restored", True) is False:
                summary.tokens_not_restored += table["rows"]
                continue
            model = _model(table)
            summary.rows[table["label"]] = _restore_table(
                model, table, directory=directory, natural=natural
            )
            restored.append(model)
        _reset_sequences(restored)
    return summary


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / fmt.MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError as error:
        raise RestoreRefused(f"{path}: no manifest; is this an export directory?") from error
    except ValueError as error:
        raise RestoreRefused(f"{path}: the manifest is not valid JSON ({error})") from error
    if manifest.get("format") != fmt.FORMAT or manifest.get("version") != fmt.VERSION:
        raise RestoreRefused(
            f"{path}: not an archive export of version {fmt.VERSION} "
            f"(format {manifest.get('format')!r}, version {manifest.get('version')!r})"
        )
    return manifest


def refuse_unless_empty() -> None:
    """A restore adds rows with their own ids: any row already there could clash or mix."""
    occupied = [
        model._meta.label_lower
        for model in [*fmt.exported_models(), Token]
        if model._base_manager.exists()
    ]
    if occupied:
        raise RestoreRefused(
            "the database is not empty (rows in " + ", ".join(occupied) + "); restore only into "
            "a freshly migrated database"
        )


def verify_export(directory: Path, manifest: dict[str, Any]) -> None:
    """Every chunk against the manifest, every article text against its row; raise naming a file."""
    for table in manifest["tables"]:
        for chunk in table["chunks"]:
            path = directory / chunk["path"]
            if not path.is_file():
                raise RestoreRefused(f"{chunk['path']}: missing from the export")
            if fmt.sha256_of_file(path) != chunk["sha256"]:
                raise RestoreRefused(f"{chunk['path']}: checksum mismatch, the file is corrupted")
    for table in manifest["tables"]:
        if table.get("text_field"):
            _verify_texts(directory, table)


def _verify_texts(directory: Path, table: dict[str, Any]) -> None:
    pk_index = table["columns"].index(_model(table)._meta.pk.attname)
    for chunk in table["chunks"]:
        for row in fmt.read_chunk(directory / chunk["path"]):
            relative = fmt.text_path(pk=row[pk_index])
            try:
                digest = fmt.sha256_of_file(directory / relative)
            except FileNotFoundError as error:
                raise RestoreRefused(f"{relative}: missing from the export") from error
            if digest != row[-1]:
                raise RestoreRefused(f"{relative}: checksum mismatch, the file is corrupted")


def _model(table: dict[str, Any]) -> type[models.Model]:
    try:
        model = apps.get_model(table["label"])
    except LookupError as error:
        raise RestoreRefused(f"{table['label']}: no such table in this archive") from error
    known = {f.attname for f in model._meta.concrete_fields}
    text_column = f"{table.get('text_field')}_sha256"
    unknown = [c for c in table["columns"] if c not in known and c != text_column]
    if unknown:
        raise RestoreRefused(
            f"{table['label']}: columns {', '.join(unknown)} are unknown here; "
            "migrate to the schema the export was made with"
        )
    return model


def _restore_table(
    model: type[models.Model], table: dict[str, Any], *, directory: Path, natural: _NaturalKeys
) -> int:
    text_field = table.get("text_field")
    columns = table["columns"][:-1] if text_field else table["columns"]
    fields = [fmt.column_field(model, c) for c in columns]
    pk_index = columns.index(model._meta.pk.attname)
    mapped = {
        i: table["natural_keys"][c]
        for i, c in enumerate(columns)
        if c in table.get("natural_keys", {})
    }
    insert_fields = list(fields)
    if text_field:
        insert_fields.append(model._meta.get_field(text_field))
    batch: list[models.Model] = []
    size = _batch_size(insert_fields)
    count = 0
    for chunk in table["chunks"]:
        for row in fmt.read_chunk(directory / chunk["path"]):
            values = {}
            for i, (column, model_field) in enumerate(zip(columns, fields, strict=True)):
                value = row[i]
                if value is not None:
                    value = (
                        natural.id(mapped[i], value)
                        if i in mapped
                        else model_field.to_python(value)
                    )
                values[column] = value
            if text_field:
                path = directory / fmt.text_path(pk=row[pk_index])
                values[text_field] = path.read_bytes().decode()
            batch.append(model(**values))
            if len(batch) >= size:
                count += _insert(model, batch, insert_fields)
                batch = []
    if batch:
        count += _insert(model, batch, insert_fields)
    return count


def _batch_size(fields: list[models.Field]) -> int:
    return max(1, min(INSERT_ROWS, connection.ops.bulk_batch_size(fields, [None] * INSERT_ROWS)))


def _insert(model: type[models.Model], batch: list[models.Model], fields: list) -> int:
    # raw=True, as loaddata does: bulk_create would give auto_now fields the time of the
    # restore instead of the exported one.
    model._base_manager._insert(batch, fields=fields, raw=True, using=connection.alias)
    return len(batch)


def _reset_sequences(restored: list[type[models.Model]]) -> None:
    """Move each id sequence past the restored ids (PostgreSQL; SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), restored)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class _NaturalKeys:
    """Ids of this database's content types and permissions, from the export's natural keys."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[tuple[str, ...], int]] = {
            "contenttypes.contenttype": {
                tuple(ct.natural_key()): ct.pk for ct in ContentType.objects.all()
            },
            "auth.permission": {
                tuple(p.natural_key()): p.pk
                for p in Permission.objects.select_related("content_type")
            },
        }

    def id(self, label: str, key: list[str]) -> int:
        try:
            return self.ids[label][tuple(key)]
        except KeyError as error:
            raise RestoreRefused(
                f"{label} {'.'.join(key)} does not exist here; run migrate first"
            ) from error
