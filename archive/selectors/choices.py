"""Reads for the filter forms of the public pages: what each select box offers.

A select box lists at most CHOICES_LIMIT entities, the most mentioned ones,
plus those already chosen; anyone else is reached from the lists' search and
the entity's own page, which links to its articles.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

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


def people_to_choose(*, include: list[int]) -> QuerySet[Person]:
    top = (
        PersonMention.objects.order_by()
        .values("person")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "person")
        .values("person")[:CHOICES_LIMIT]
    )
    return Person.objects.filter(Q(pk__in=top) | Q(pk__in=include)).only("id", "name")


def organisations_to_choose(*, include: list[int]) -> QuerySet[Organisation]:
    top = (
        OrganisationMention.objects.order_by()
        .values("organisation")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "organisation")
        .values("organisation")[:CHOICES_LIMIT]
    )
    return Organisation.objects.filter(Q(pk__in=top) | Q(pk__in=include)).only(
        "id", "name", "abbreviation"
    )


def directives_to_choose(*, include_ids: list[int], include_symbols: list[str]):
    top = (
        DirectiveMention.objects.order_by()
        .values("directive")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "directive")
        .values("directive")[:CHOICES_LIMIT]
    )
    condition = Q(pk__in=top) | Q(pk__in=include_ids)
    for symbol in include_symbols:
        condition |= Q(symbol__iexact=symbol)
    return Directive.objects.filter(condition).only("id", "kind", "symbol", "number")


def issuers_to_choose(*, include: list[int]) -> QuerySet[Organisation]:
    issuing = Directive.objects.filter(issuer__isnull=False).values("issuer")
    return Organisation.objects.filter(Q(pk__in=issuing) | Q(pk__in=include)).only(
        "id", "name", "abbreviation"
    )


def parents_to_choose(*, include: list[int]) -> QuerySet[Organisation]:
    parents = Organisation.objects.filter(parent__isnull=False).values("parent")
    return Organisation.objects.filter(Q(pk__in=parents) | Q(pk__in=include)).only(
        "id", "name", "abbreviation"
    )[: CHOICES_LIMIT + len(include)]


def source_names() -> list[str]:
    return list(
        Article.objects.exclude(source_name="")
        .order_by("source_name")
        .values_list("source_name", flat=True)
        .distinct()[:CHOICES_LIMIT]
    )


def organisation_kinds() -> list[str]:
    return list(
        Organisation.objects.exclude(kind="")
        .order_by("kind")
        .values_list("kind", flat=True)
        .distinct()
    )


def directive_kinds() -> list[str]:
    return list(Directive.objects.order_by("kind").values_list("kind", flat=True).distinct())
