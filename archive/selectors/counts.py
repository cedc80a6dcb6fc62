"""Counts for list rows and entity pages: in how many articles each row of a list is named,
how often an entity is named month by month, and the posts the articles give a person, read
from the stored counts (archive.services.counts writes them).

An entity named in a third of the archive has hundreds of thousands of
mentions; these read a few hundred stored rows instead.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from archive.models import Directive, EntityCount, Organisation, Person, Position, PostCount
from archive.selectors.common import article_count_of, count_of


def latest_post_of_person() -> Coalesce:
    """The post stated most recently by an article (the stored post counts), else the
    latest one an editor added."""
    stated = PostCount.objects.filter(person=OuterRef("pk")).order_by(
        F("last_seen").desc(nulls_last=True), "title"
    )
    added = Position.objects.filter(person=OuterRef("pk"), article__isnull=True).order_by("-id")
    return Coalesce(Subquery(stated.values("title")[:1]), Subquery(added.values("title")[:1]))


def with_person_summary(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.annotate(
        article_count=article_count_of(EntityCount.Kind.PERSON),
        latest_post=latest_post_of_person(),
    )


def with_organisation_counts(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return organisations.annotate(
        article_count=article_count_of(EntityCount.Kind.ORGANISATION),
        people_count=count_of(Position.objects.all(), outer="organisation", counted="person"),
    ).select_related("parent")


def with_directive_counts(directives: QuerySet[Directive]) -> QuerySet[Directive]:
    return directives.annotate(
        article_count=article_count_of(EntityCount.Kind.DIRECTIVE)
    ).select_related("issuer")


@dataclass(frozen=True)
class MonthCount:
    month: datetime.date  # the first day of the month
    count: int
    inferred: int = 0  # of them, in articles whose year was inferred


def mentions_per_month(kind: str, entity_id: int) -> tuple[list[MonthCount], tuple[int, bool]]:
    """An entity's mentions counted by the month their article was published (inferred
    years included), and (count, False) of those with no date: the stored counts
    (archive.services.counts), exact, one short read however often it is named."""
    months, undated = [], 0
    rows = EntityCount.objects.filter(kind=kind, entity_id=entity_id).order_by("month")
    for month, mentions, inferred in rows.values_list("month", "mentions", "inferred"):
        if month == 0:
            undated = mentions
        else:
            first = datetime.date(month // 100, month % 100, 1)
            months.append(MonthCount(month=first, count=mentions, inferred=inferred))
    return months, (undated, False)


def person_post_summary(person: Person, *, shown: int) -> tuple[list[dict], int]:
    """(the `shown` posts last stated most recently, how many posts in all): each post the
    articles give the person once, with when it was stated and in how many articles.

    Read from the stored post counts (archive.services.counts), plus the posts an
    editor added by hand, which no article dates: they come last, with 0 articles.
    """
    fields = ("title", "organisation_id", "organisation__name")
    stated = PostCount.objects.filter(person=person).order_by(
        F("last_seen").desc(nulls_last=True), "title"
    )
    rows = list(stated.values(*fields, "first_seen", "last_seen", "articles")[:shown])
    total = stated.count()
    counted = set(stated.values_list("title", "organisation_id")) if total <= shown else None
    added = person.positions.filter(article__isnull=True).order_by().values(*fields).distinct()
    for post in added:
        key = (post["title"], post["organisation_id"])
        if counted is None:
            if stated.filter(title=key[0], organisation_id=key[1]).exists():
                continue
        elif key in counted:
            continue
        rows.append({**post, "first_seen": None, "last_seen": None, "articles": 0})
        total += 1
    rows.sort(key=lambda row: (row["last_seen"] is None, _descending(row["last_seen"])))
    return rows[:shown], total


def _descending(day: datetime.date | None) -> int:
    return -day.toordinal() if day else 0
