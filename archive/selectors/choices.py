"""Reads for the filter forms of the public pages: what each select box offers.

A select box lists at most CHOICES_LIMIT entities, the most mentioned ones,
plus those already chosen; anyone else is reached from the lists' search and
the entity's own page, which links to its articles.

Finding the most mentioned entities groups every mention of the archive, so
the lists are cached for CHOICES_SECONDS (a new name joins them a few
minutes late); the chosen entities are always read fresh.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Count, Model, QuerySet

from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)

CHOICES_LIMIT = 200
CHOICES_SECONDS = 300


def _cached(name: str, compute: Callable[[], list]) -> list:
    return cache.get_or_set(f"archive:choices:{name}", compute, CHOICES_SECONDS)


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
    return top + list(rows.filter(pk__in=missing)) if missing else top


PEOPLE = Person.objects.only("id", "name")
ORGANISATIONS = Organisation.objects.only("id", "name", "abbreviation")
DIRECTIVES = Directive.objects.only("id", "kind", "symbol", "number")


def people_to_choose(*, include: list[int]) -> list[Person]:
    top = _cached(
        "people",
        lambda: list(PEOPLE.filter(pk__in=_most_mentioned(PersonMention.objects, "person"))),
    )
    return _with_chosen(top, PEOPLE.all(), include)


def organisations_to_choose(*, include: list[int]) -> list[Organisation]:
    top = _cached(
        "organisations",
        lambda: list(
            ORGANISATIONS.filter(
                pk__in=_most_mentioned(OrganisationMention.objects, "organisation")
            )
        ),
    )
    return _with_chosen(top, ORGANISATIONS.all(), include)


def directives_to_choose(*, include_ids: list[int], include_symbols: list[str]) -> list[Directive]:
    top = _cached(
        "directives",
        lambda: list(
            DIRECTIVES.filter(pk__in=_most_mentioned(DirectiveMention.objects, "directive"))
        ),
    )
    result = _with_chosen(top, DIRECTIVES.all(), include_ids)
    known = {row.symbol.casefold() for row in result if row.symbol}
    missing = [symbol for symbol in include_symbols if symbol.casefold() not in known]
    for symbol in missing:
        result = result + list(DIRECTIVES.filter(symbol__iexact=symbol)[:1])
    return result


def issuers_to_choose(*, include: list[int]) -> list[Organisation]:
    top = _cached(
        "issuers",
        lambda: list(
            ORGANISATIONS.filter(
                pk__in=Directive.objects.filter(issuer__isnull=False).values("issuer")
            )[:CHOICES_LIMIT]
        ),
    )
    return _with_chosen(top, ORGANISATIONS.all(), include)


def parents_to_choose(*, include: list[int]) -> list[Organisation]:
    top = _cached(
        "parents",
        lambda: list(
            ORGANISATIONS.filter(
                pk__in=Organisation.objects.filter(parent__isnull=False).values("parent")
            )[:CHOICES_LIMIT]
        ),
    )
    return _with_chosen(top, ORGANISATIONS.all(), include)


def source_names() -> list[str]:
    return _cached(
        "sources",
        lambda: list(
            Article.objects.exclude(source_name="")
            .order_by("source_name")
            .values_list("source_name", flat=True)
            .distinct()[:CHOICES_LIMIT]
        ),
    )


def organisation_kinds() -> list[str]:
    return _cached(
        "organisation_kinds",
        lambda: list(
            Organisation.objects.exclude(kind="")
            .order_by("kind")
            .values_list("kind", flat=True)
            .distinct()
        ),
    )


def directive_kinds() -> list[str]:
    return _cached(
        "directive_kinds",
        lambda: list(Directive.objects.order_by("kind").values_list("kind", flat=True).distinct()),
    )
