"""Type-ahead for the filter forms: the few records whose name begins like what was typed.

Accent- and case-insensitive ("tran quoc" finds "Trần Quốc Bảo"), word by
word as prefixes, in the stored search index (the GIN index on PostgreSQL,
FTS5 on SQLite); an alias (an old name, a variant spelling, a merged-away
name) finds its record by its accent-folded beginning. At most
SUGGEST_LIMIT rows, so the answer is small whatever was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from archive.display import directive_name
from archive.extraction.normalize import fold_accents
from archive.models import Directive, Organisation, OrganisationAlias, Person, PersonAlias
from archive.search.sql import SEARCH_CONFIG, StoredSearchVector

SUGGEST_LIMIT = 10
MAX_TYPED = 100
_WORD = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Suggestion:
    value: str  # what the filter takes: an id, or a directive's symbol
    label: str
    also_known_as: str = ""  # the alias that matched, when it was not the name


def _words(typed: str) -> list[str]:
    return _WORD.findall(fold_accents(typed[:MAX_TYPED]))


def _prefix_match(rows: QuerySet, words: list[str]) -> QuerySet:
    """Rows whose search document has a word beginning with each typed word."""
    vendor = connections[rows.db].vendor
    if vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in words)
        return rows.alias(_search=StoredSearchVector()).filter(
            _search=SearchQuery(query, config=SEARCH_CONFIG, search_type="raw")
        )
    fts = f"{rows.model._meta.db_table}_fts"
    # Words are [0-9a-z]+ only, so they cannot carry an FTS5 operator.
    match = " ".join(f'"{word}"*' for word in words)
    return rows.filter(id__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match]))


def _by_alias(alias_model, owner: str, typed: str) -> dict[int, str]:
    """{record id: alias} for aliases whose folded name begins with `typed`."""
    folded = " ".join(_words(typed))
    rows = alias_model.objects.filter(folded__startswith=folded).order_by("folded")
    return dict(rows.values_list(f"{owner}_id", "name")[:SUGGEST_LIMIT])


def suggest_people(*, typed: str) -> list[Suggestion]:
    words = _words(typed)
    if not words:
        return []
    people = Person.objects.only("id", "name", "sort_key")
    found = list(_prefix_match(people, words).order_by("sort_key", "id")[:SUGGEST_LIMIT])
    aliases = _by_alias(PersonAlias, "person", typed)
    found += people.filter(pk__in=set(aliases) - {p.pk for p in found})
    found.sort(key=lambda person: (person.sort_key, person.pk))
    return [Suggestion(str(p.pk), p.name, aliases.get(p.pk, "")) for p in found[:SUGGEST_LIMIT]]


def suggest_organisations(*, typed: str) -> list[Suggestion]:
    words = _words(typed)
    if not words:
        return []
    rows = Organisation.objects.only("id", "name", "abbreviation", "sort_key")
    found = list(_prefix_match(rows, words).order_by("sort_key", "id")[:SUGGEST_LIMIT])
    aliases = _by_alias(OrganisationAlias, "organisation", typed)
    found += rows.filter(pk__in=set(aliases) - {o.pk for o in found})
    found.sort(key=lambda organisation: (organisation.sort_key, organisation.pk))
    return [Suggestion(str(o.pk), str(o), aliases.get(o.pk, "")) for o in found[:SUGGEST_LIMIT]]


def suggest_directives(*, typed: str) -> list[Suggestion]:
    words = _words(typed)
    if not words:
        return []
    rows = Directive.objects.only("id", "kind", "symbol", "number", "issued_on")
    found = _prefix_match(rows, words).order_by("-issued_on", "id")[:SUGGEST_LIMIT]
    return [Suggestion(d.symbol or str(d.pk), directive_name(d)) for d in found]


SUGGESTERS = {
    "people": suggest_people,
    "organisations": suggest_organisations,
    "directives": suggest_directives,
}
