"""The rows of an export: a filtered queryset read in chunks, each row a flat dict.

Rows are read by primary key in chunks (a keyset walk, one index range per
chunk), so memory stays flat and the first rows arrive at once whatever the
size of the archive; an article's people, organisations and directives are
read for a whole chunk at a time, one query per kind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet

from archive.models import (
    ARTICLE_DATE_FIELDS,
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)

CHUNK = 1000

ARTICLE_FIELDS = (
    "id",
    "title",
    *ARTICLE_DATE_FIELDS,
    "source_name",
    "source_url",
    "author",
    "dateline_place",
    "origin",
)
PERSON_FIELDS = ("id", "name", "rank", "academic_titles", "foreign")
ORGANISATION_FIELDS = ("id", "name", "abbreviation", "kind", "parent_id")
DIRECTIVE_FIELDS = ("id", "kind", "number", "symbol", "issued_on", "issuer__name", "summary")


def chunks(queryset: QuerySet, fields: tuple[str, ...], *, size: int) -> Iterator[list[dict]]:
    """The queryset's rows as dicts, `size` at a time, in primary-key order."""
    last = 0
    rows = queryset.order_by("pk").values(*fields)
    while True:
        chunk = list(rows.filter(pk__gt=last)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1]["id"]


def _names(model, column: str, label: str, article_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    pairs = (
        model.objects.filter(article_id__in=article_ids)
        .values_list("article_id", f"{column}__{label}")
        .distinct()
        .order_by("article_id", f"{column}__{label}")
    )
    for article_id, name in pairs:
        names[article_id].append(name)
    return names


def _directive_labels(article_ids: list[int]) -> dict[int, list[str]]:
    labels: dict[int, list[str]] = defaultdict(list)
    rows = (
        DirectiveMention.objects.filter(article_id__in=article_ids)
        .values_list("article_id", "directive__symbol", "directive__kind", "directive__number")
        .distinct()
        .order_by("article_id", "directive__symbol")
    )
    for article_id, symbol, kind, number in rows:
        labels[article_id].append(symbol or f"{kind} {number}".strip())
    return labels


def article_rows(articles: QuerySet[Article], *, chunk_size: int = CHUNK) -> Iterator[dict]:
    """Each article with its dates and the names of the entities it mentions."""
    for chunk in chunks(articles, ARTICLE_FIELDS, size=chunk_size):
        ids = [row["id"] for row in chunk]
        people = _names(PersonMention, "person", "name", ids)
        organisations = _names(OrganisationMention, "organisation", "name", ids)
        directives = _directive_labels(ids)
        for row in chunk:
            row["people"] = people.get(row["id"], [])
            row["organisations"] = organisations.get(row["id"], [])
            row["directives"] = directives.get(row["id"], [])
            yield row


def entity_rows(entities: QuerySet) -> Iterator[dict]:
    fields = {
        Person: PERSON_FIELDS,
        Organisation: ORGANISATION_FIELDS,
        Directive: DIRECTIVE_FIELDS,
    }[entities.model]
    for chunk in chunks(entities, fields, size=CHUNK):
        yield from chunk
