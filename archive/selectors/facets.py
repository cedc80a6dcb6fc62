"""Facets of a filtered article list: its top people, bodies, directives, sources and years.

Counting every mention of a third of a million-article archive takes seconds,
so a facet counts the newest SAMPLE articles of the filtered list (their ids
read once, by the feed's index, then one query per facet). When the list
holds more than the sample, every count is a lower bound of the true one, and
the answer says so (`lower_bound`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Count, QuerySet

from archive.display import directive_name
from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)
from archive.search_plans import among_ids
from archive.selectors.articles import newest_first

SAMPLE = 1000
TOP = 10


@dataclass
class FacetValue:
    value: str  # as a filter takes it: an id, a source name, a year
    label: str
    count: int


@dataclass
class Facets:
    lower_bound: bool
    sampled: int
    people: list[FacetValue] = field(default_factory=list)
    organisations: list[FacetValue] = field(default_factory=list)
    directives: list[FacetValue] = field(default_factory=list)
    sources: list[FacetValue] = field(default_factory=list)
    years: list[FacetValue] = field(default_factory=list)


def top_entities(
    mentions, column: str, model, label, *, top: int = TOP, value=lambda entity: str(entity.pk)
) -> list[FacetValue]:
    """The `top` entities of `column` in `mentions`, by the number of articles they are in."""
    top = list(
        mentions.values(column)
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", column)[:top]
    )
    names = model.objects.in_bulk([row[column] for row in top])
    return [
        FacetValue(value(names[row[column]]), label(names[row[column]]), row["n"])
        for row in top
        if row[column] in names
    ]


def newest_sample(articles: QuerySet[Article], *, sample: int = SAMPLE):
    """The pks of the newest `sample` articles, and whether the list holds more.

    Read once (one query) and handed to each facet as a list: as a subquery
    in each of the five facet queries, the list's own filters (a search, an
    entity) were run five times, 50 ms each for a rare word in a hub at 1M.
    """
    ids = list(newest_first(articles).values_list("pk", flat=True)[: sample + 1])
    return ids[:sample], len(ids) > sample


def directive_label(directive: Directive) -> str:
    """A directive facet's label: its symbol, else its name (“Nghị quyết số 59”)."""
    return directive.symbol or directive_name(directive)


def article_facets(articles: QuerySet[Article], *, sample: int = SAMPLE) -> Facets:
    """The top values of each facet among the newest `sample` articles of `articles`."""
    newest, more = newest_sample(articles, sample=sample)
    vendor = connections[articles.db].vendor
    in_sample = among_ids(newest, field="article_id", vendor=vendor)
    facets = Facets(lower_bound=more, sampled=len(newest))
    facets.people = top_entities(
        PersonMention.objects.filter(in_sample), "person_id", Person, lambda p: p.name
    )
    facets.organisations = top_entities(
        OrganisationMention.objects.filter(in_sample),
        "organisation_id",
        Organisation,
        lambda o: o.name,
    )
    # A directive is chosen by its symbol when it has one, as the filter form does.
    facets.directives = top_entities(
        DirectiveMention.objects.filter(in_sample),
        "directive_id",
        Directive,
        directive_label,
        value=lambda directive: directive.symbol or str(directive.pk),
    )
    rows = Article.objects.filter(among_ids(newest, vendor=vendor))
    facets.sources = [
        FacetValue(row["source_name"], row["source_name"], row["n"])
        for row in rows.exclude(source_name="")
        .values("source_name")
        .annotate(n=Count("id"))
        .order_by("-n", "source_name")[:TOP]
    ]
    facets.years = [
        FacetValue(str(row["published_year"]), str(row["published_year"]), row["n"])
        for row in rows.exclude(published_year=None)
        .values("published_year")
        .annotate(n=Count("id"))
        .order_by("-published_year")[:TOP]
    ]
    return facets
