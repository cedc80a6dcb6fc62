"""Reads of what the articles state about people: their posts (Position) and ranks
(PersonRank), for a person's page and an organisation's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet

from archive.models import EntityCount, Organisation, Person, Position
from archive.selectors.articles import without_article_texts
from archive.selectors.common import article_count_of, newest_first_ordering


def person_posts(person: Person) -> QuerySet[Position]:
    return without_article_texts(person.positions.select_related("organisation")).order_by(
        F("article__published_on").desc(nulls_last=True), "-id"
    )


def organisation_people(organisation: Organisation) -> QuerySet[Person]:
    """People holding a post in the organisation, each with the posts stated there and
    the number of articles naming them (not their latest post, which the block never shows:
    two correlated subqueries per person)."""
    people = Person.objects.holding_post_in(organisation.pk)
    return people.annotate(
        article_count=article_count_of(EntityCount.Kind.PERSON)
    ).prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.filter(organisation=organisation).order_by("title"),
            to_attr="posts_here",
        )
    )


# A person's ranks are summed over this many of their newest rank statements: a hub
# person is given a rank in hundreds of thousands of articles.
RANK_SAMPLE = 1000


@dataclass(frozen=True)
class RankSummary:
    """Each rank the articles give a person, oldest first, with when it was stated.

    Past `sampled` statements (`lower_bound`), the dates and counts are those of
    the newest `sampled`: a rank may have been stated earlier and more often.
    """

    ranks: list[dict]
    lower_bound: bool
    sampled: int


def person_rank_summary(person: Person, *, sample: int = RANK_SAMPLE) -> RankSummary:
    """The ranks of the person's newest `sample` rank statements, one query.

    A person holds a handful of ranks in a career, so the list is short; the
    statements are read newest first and folded here, since an exact
    aggregate over a hub person's 350,000 statements took 375 ms at 1M articles.
    """
    rows = list(
        person.stated_ranks.order_by(*newest_first_ordering("article__")).values_list(
            "rank", "former", "article__published_on"
        )[: sample + 1]
    )
    lower_bound = len(rows) > sample
    # A rank stated as former ("nguyên Trung tá") is a row of its own.
    by_rank: dict[tuple[str, bool], dict] = {}
    for rank, former, day in rows[:sample]:
        stated = by_rank.setdefault(
            (rank, former),
            {"rank": rank, "former": former, "first_seen": None, "last_seen": None, "articles": 0},
        )
        stated["articles"] += 1  # one statement per person and article
        if day is not None:
            stated["first_seen"] = min(filter(None, (stated["first_seen"], day)))
            stated["last_seen"] = max(filter(None, (stated["last_seen"], day)))
    ranks = sorted(
        by_rank.values(),
        key=lambda r: (
            r["first_seen"] is None,
            r["first_seen"] or datetime.date.min,
            r["rank"],
            r["former"],
        ),
    )
    return RankSummary(ranks=ranks, lower_bound=lower_bound, sampled=min(len(rows), sample))
