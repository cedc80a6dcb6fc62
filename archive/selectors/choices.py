"""Reads for the filter forms of the public pages: what each select box offers.

A select box lists at most CHOICES_LIMIT entities, the most mentioned ones,
plus those already chosen; anyone else is reached from the lists' search and
the entity's own page, which links to its articles.

Finding the most mentioned entities groups every mention of the archive, so
the lists are cached, under the number in ChoicesVersion that every write
increases (archive.services.freshness): a new name joins them as soon as its
import commits, in every process, with no timeout. The chosen entities are
always read fresh. Lists come in Vietnamese alphabetical order.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Callable
from functools import reduce

from django.core.cache import cache
from django.db.models import Count, Model, Q, QuerySet

from archive.collation import sort_key
from archive.models import (
    Article,
    ChoicesVersion,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)
from archive.selectors.redirects import REDIRECTS

CHOICES_LIMIT = 200


def _version() -> int:
    """The current ChoicesVersion: one primary-key read."""
    return ChoicesVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def _cached(name: str, compute: Callable[[], list]) -> list:
    # No timeout: a write changes the version, and with it the key.
    return cache.get_or_set(f"archive:choices:{_version()}:{name}", compute, None)


def _most_mentioned(mentions: QuerySet, field: str) -> QuerySet:
    return (
        mentions.order_by()
        .values(field)
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", field)
        .values(field)[:CHOICES_LIMIT]
    )


def _with_chosen(top: list[Model], rows: QuerySet, chosen: list[int]) -> list:
    """The cached rows plus the chosen ones they lack (one query, only when needed)."""
    missing = set(chosen) - {row.pk for row in top}
    if not missing:
        return top
    found = list(rows.filter(pk__in=missing))
    gone = missing - {row.pk for row in found}
    return top + found + (_under_old_ids(rows, gone) if gone else [])


def _under_old_ids(rows: QuerySet, ids: set[int]) -> list:
    """Survivors of merged-away `ids`, each carrying the old id, so the form names who it means."""
    if rows.model not in REDIRECTS:
        return []
    redirect_model, column = REDIRECTS[rows.model]
    survivors = dict(redirect_model.objects.filter(old_id__in=ids).values_list("old_id", column))
    by_id = rows.in_bulk(set(survivors.values()))
    result = []
    for old_id, survivor_id in survivors.items():
        if survivor_id in by_id:
            row = copy.copy(by_id[survivor_id])
            row.pk = old_id
            result.append(row)
    return result


PEOPLE = Person.objects.only("id", "name")
ORGANISATIONS = Organisation.objects.only("id", "name", "abbreviation")
DIRECTIVES = Directive.objects.only("id", "kind", "symbol", "number")


def _chosen_among(name: str, rows: QuerySet, top: QuerySet, include: list[int]) -> list:
    """The `rows` whose pk `top` selects (cached, at most CHOICES_LIMIT), plus those chosen."""
    cached = _cached(name, lambda: list(rows.filter(pk__in=top)[:CHOICES_LIMIT]))
    return _with_chosen(cached, rows.all(), include)


def _distinct_values(name: str, rows: QuerySet, field: str, *, limit: int | None = None) -> list:
    """The distinct values of `field` in `rows`, in Vietnamese order (cached)."""

    def compute() -> list:
        values = rows.order_by(field).values_list(field, flat=True).distinct()[:limit]
        return sorted(values, key=lambda value: (sort_key(value), value))

    return _cached(name, compute)


def people_to_choose(*, include: list[int]) -> list[Person]:
    top = _most_mentioned(PersonMention.objects, "person")
    return _chosen_among("people", PEOPLE, top, include)


def organisations_to_choose(*, include: list[int]) -> list[Organisation]:
    top = _most_mentioned(OrganisationMention.objects, "organisation")
    return _chosen_among("organisations", ORGANISATIONS, top, include)


def directives_to_choose(*, include_ids: list[int], include_symbols: list[str]) -> list[Directive]:
    top = _most_mentioned(DirectiveMention.objects, "directive")
    result = _chosen_among("directives", DIRECTIVES, top, include_ids)
    known = {row.symbol.casefold() for row in result if row.symbol}
    missing = [symbol for symbol in include_symbols if symbol.casefold() not in known]
    if not missing:
        return result
    # One query for all of them, not one per symbol.
    wanted = reduce(operator.or_, (Q(symbol__iexact=symbol) for symbol in missing))
    return result + list(DIRECTIVES.filter(wanted))


def issuers_to_choose(*, include: list[int]) -> list[Organisation]:
    top = Directive.objects.filter(issuer__isnull=False).values("issuer")
    return _chosen_among("issuers", ORGANISATIONS, top, include)


def parents_to_choose(*, include: list[int]) -> list[Organisation]:
    top = Organisation.objects.filter(parent__isnull=False).values("parent")
    return _chosen_among("parents", ORGANISATIONS, top, include)


def source_names() -> list[str]:
    rows = Article.objects.exclude(source_name="")
    return _distinct_values("sources", rows, "source_name", limit=CHOICES_LIMIT)


def organisation_kinds() -> list[str]:
    return _distinct_values("organisation_kinds", Organisation.objects.exclude(kind=""), "kind")


def directive_kinds() -> list[str]:
    return _distinct_values("directive_kinds", Directive.objects.all(), "kind")
