"""The export format the exporter writes and the restore reads: which tables, in what order, how.

What belongs here: the list of exported tables (every model of the archive app,
found by walking the app, plus users, groups, their links, the admin's change
log and API token hashes), their dependency order, the file layout, and the
JSON encoding of one row. Nothing here reads or writes the database.

The layout of an export directory (docs/export-format.md tells the whole story):

    manifest.json                      format version, tables, columns, files and their SHA-256
    tables/<app>.<model>/<n>.jsonl.gz  rows whose integer key is in [n * CHUNK, (n + 1) * CHUNK)
    articles/<n>/<id>.txt              each article's original text, UTF-8
"""

from __future__ import annotations

import base64
import datetime
import decimal
import gzip
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import models

FORMAT = "archive-export"
VERSION = 1
MANIFEST = "manifest.json"
# Rows per chunk file, by primary key: a re-export rewrites only the chunks that changed.
CHUNK = 10_000
# Deterministic gzip (no timestamp) so that an unchanged chunk has an unchanged checksum.
GZIP_LEVEL = 6

# Fields kept in a file of their own instead of the table row.
FILE_FIELDS = {("archive", "article"): "raw_text"}
# References to rows that migrations create, which differ between databases: written as
# natural keys (app label and model; content type and codename), never as ids.
NATURAL_KEY_MODELS = (ContentType, Permission)
TOKEN_LABEL = "authtoken.token"


@dataclass(frozen=True)
class Table:
    """One exported table: its model, and the columns written for each row."""

    model: type[models.Model]
    columns: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def field(self, column: str) -> models.Field:
        return column_field(self.model, column)


def column_field(model: type[models.Model], column: str) -> models.Field:
    """The model's field stored in `column` (its attname: "issuer_id", not "issuer")."""
    return next(f for f in model._meta.concrete_fields if f.attname == column)


def exported_models() -> list[type[models.Model]]:
    """Every model the export holds, parents before the tables that point at them."""
    archive = list(apps.get_app_config("archive").get_models(include_auto_created=True))
    others: list[type[models.Model]] = [
        User,
        Group,
        Group.permissions.through,
        User.groups.through,
        User.user_permissions.through,
    ]
    if apps.is_installed("django.contrib.admin"):
        others.append(apps.get_model("admin", "LogEntry"))
    chosen = others + [model for model in archive if not model._meta.proxy]
    return _dependency_order(chosen)


def exported_tables() -> list[Table]:
    return [Table(model=model, columns=_columns(model)) for model in exported_models()]


def _columns(model: type[models.Model]) -> tuple[str, ...]:
    skipped = FILE_FIELDS.get((model._meta.app_label, model._meta.model_name), "")
    return tuple(f.attname for f in model._meta.concrete_fields if f.name != skipped)


def _dependency_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """Depth-first topological order on foreign keys; a self-reference is left to the
    deferred constraint checks of the restoring transaction."""
    ordered: list[type[models.Model]] = []
    seen: set[type[models.Model]] = set()
    members = set(chosen)

    def visit(model: type[models.Model]) -> None:
        if model in seen:
            return
        seen.add(model)
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if target in members and target is not model:
                visit(target)
        ordered.append(model)

    for model in chosen:
        visit(model)
    return ordered


def chunk_path(*, label: str, chunk: int) -> str:
    return f"tables/{label}/{chunk:06d}.jsonl.gz"


def text_path(*, pk: int) -> str:
    return f"articles/{pk // CHUNK:06d}/{pk}.txt"


def chunk_of(pk: Any) -> int:
    """The chunk a row falls in: by integer key, or one chunk for any other key."""
    return pk // CHUNK if isinstance(pk, int) else 0


def encode_value(value: Any) -> Any:
    """A JSON default that keeps every digit (DjangoJSONEncoder drops microseconds)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        # As Django serialises a BinaryField: base64, which its to_python reads back.
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot export a value of type {type(value).__name__}")


def encode_row(values: list[Any]) -> bytes:
    line = json.dumps(values, ensure_ascii=False, separators=(",", ":"), default=encode_value)
    return line.encode() + b"\n"


def open_chunk_for_writing(raw: BinaryIO) -> gzip.GzipFile:
    return gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL)


def read_chunk(path: Path):
    """The rows of one chunk file, one list of column values each."""
    with gzip.open(path, "rb") as lines:
        for line in lines:
            yield json.loads(line)


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def sha256_of_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def token_hash(key: str) -> str:
    """What an export keeps of an API token: never the key, which grants access."""
    return hashlib.sha256(key.encode()).hexdigest()
