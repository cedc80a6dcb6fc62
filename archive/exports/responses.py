"""A streamed export answer, for the pages and the API alike."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from archive.exports.formats import as_csv, as_jsonl
from archive.exports.rows import (
    ARTICLE_FIELDS,
    DIRECTIVE_FIELDS,
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    article_rows,
    entity_rows,
)
from archive.models import Article, Directive, Organisation, Person

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
}
NAMES = {
    Article: "articles",
    Person: "people",
    Organisation: "organisations",
    Directive: "directives",
}
COLUMNS = {
    Article: [*ARTICLE_FIELDS, "people", "organisations", "directives"],
    Person: list(PERSON_FIELDS),
    Organisation: list(ORGANISATION_FIELDS),
    Directive: list(DIRECTIVE_FIELDS),
}


def export_response(rows: QuerySet, *, format: str) -> StreamingHttpResponse:
    """The filtered `rows` as a download in `format` ("csv" or "jsonl"), streamed."""
    model = rows.model
    records = article_rows(rows) if model is Article else entity_rows(rows)
    body = as_csv(records, columns=COLUMNS[model]) if format == "csv" else as_jsonl(records)
    response = StreamingHttpResponse(body, content_type=FORMATS[format])
    response["Content-Disposition"] = f'attachment; filename="{NAMES[model]}.{format}"'
    return response
