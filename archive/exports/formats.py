"""CSV (UTF-8 with a BOM, so that Excel reads Vietnamese) and JSON Lines, line by line."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator

# Excel takes a CSV file without a BOM for the local code page and garbles
# every Vietnamese letter; with it, the file opens as UTF-8.
BOM = "\ufeff"
# In CSV, an article's several names share one column.
LIST_SEPARATOR = "; "


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def as_jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n"


def as_csv(rows: Iterable[dict], *, columns: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield BOM + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(
            LIST_SEPARATOR.join(value) if isinstance(value, list) else _plain(value)
            for value in (row.get(column) for column in columns)
        )
        yield buffer.getvalue()
