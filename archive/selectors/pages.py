"""Reads for the public pages and the admin lists: what each page shows, with its prefetching.

Counts are correlated subqueries (one per column) rather than joins with
GROUP BY, so a list annotated with three counts is still one query and never
repeats a row, whatever filters are chained before it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Substr, TruncMonth

from archive.models import (
    ARTICLE_DATE_FIELDS,
    Article,
    Directive,
    DirectiveIssuer,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
    Position,
)
from archive.selectors.common import count_of, newest_first_ordering

# A list page counts at most this many rows: past it the page says "more than".
COUNT_CAP = 1000
# An article's texts: a row that only names the article needs none of them.
ARTICLE_TEXTS = ("body", "text", "raw_text", "search_document", "blocks")


def without_article_texts(rows: QuerySet) -> QuerySet:
    """Rows (mentions, posts) with their article, but not the article's texts."""
    return rows.select_related("article").defer(*(f"article__{name}" for name in ARTICLE_TEXTS))


def with_article_counts(articles: QuerySet[Article]) -> QuerySet[Article]:
    """How many distinct people, organisations and directives each article mentions."""
    return articles.annotate(
        people_count=count_of(PersonMention.objects.all(), outer="article", counted="person"),
        organisation_count=count_of(
            OrganisationMention.objects.all(), outer="article", counted="organisation"
        ),
        directive_count=count_of(
            DirectiveMention.objects.all(), outer="article", counted="directive"
        ),
    )


def latest_post_of_person() -> Subquery:
    """The post stated by the most recently published article that gives one."""
    posts = Position.objects.filter(person=OuterRef("pk")).order_by(
        F("article__published_on").desc(nulls_last=True), "-id"
    )
    return Subquery(posts.values("title")[:1])


def with_person_summary(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.annotate(
        article_count=count_of(PersonMention.objects.all(), outer="person", counted="article"),
        latest_post=latest_post_of_person(),
    )


def with_organisation_counts(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return organisations.annotate(
        article_count=count_of(
            OrganisationMention.objects.all(), outer="organisation", counted="article"
        ),
        people_count=count_of(Position.objects.all(), outer="organisation", counted="person"),
    ).select_related("parent")


def with_directive_counts(directives: QuerySet[Directive]) -> QuerySet[Directive]:
    return directives.annotate(
        article_count=count_of(DirectiveMention.objects.all(), outer="directive", counted="article")
    ).select_related("issuer")


def count_capped(queryset: QuerySet, *, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, more): counting stops past `cap`, so a broad filter costs no full scan."""
    count = queryset.order_by()[: cap + 1].count()
    return min(count, cap), count > cap


# --- Entity pages -----------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: datetime.date  # the first day of the month
    count: int
    inferred: int = 0  # of them, in articles whose year was inferred


# Mentions in undated articles are counted up to this many.
UNDATED_MENTIONS_CAP = 10_000


def mentions_per_month(mentions: QuerySet) -> tuple[list[MonthCount], tuple[int, bool]]:
    """Mentions counted by the month their article was published (inferred years included),
    and (count, more) of those with no date, counted up to UNDATED_MENTIONS_CAP."""
    rows = (
        mentions.filter(article__published_on__isnull=False)
        .annotate(month=TruncMonth("article__published_on"))
        .order_by()
        .values("month")
        # COUNT(*), not COUNT(mention.id): the mentions need not be read from
        # the table, their (entity, article) index is enough.
        .annotate(
            n=Count("*"), inferred=Count("id", filter=Q(article__published_year_inferred=True))
        )
        .order_by("month")
    )
    months = [
        MonthCount(month=_as_date(row["month"]), count=row["n"], inferred=row["inferred"])
        for row in rows
    ]
    undated = count_capped(
        mentions.filter(article__published_on__isnull=True).values("pk"), cap=UNDATED_MENTIONS_CAP
    )
    return months, undated


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def person_posts(person: Person) -> QuerySet[Position]:
    return without_article_texts(person.positions.select_related("organisation")).order_by(
        F("article__published_on").desc(nulls_last=True), "-id"
    )


def organisation_people(organisation: Organisation) -> QuerySet[Person]:
    """People holding a post in the organisation, each with the posts stated there."""
    return with_person_summary(Person.objects.holding_post_in(organisation.pk)).prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.filter(organisation=organisation).order_by("title"),
            to_attr="posts_here",
        )
    )


def directive_with_links(directive_id: int) -> Directive:
    """A directive with its issuers (in order) and its direct implementation links."""
    related = Directive.objects.select_related("issuer")
    return (
        Directive.objects.select_related("issuer__parent")
        .prefetch_related(
            Prefetch("implements", queryset=related),
            Prefetch("implemented_by", queryset=related),
            Prefetch(
                "issuer_links", queryset=DirectiveIssuer.objects.select_related("organisation")
            ),
        )
        .get(pk=directive_id)
    )


@dataclass(frozen=True)
class ChainLevels:
    """A directive's implementation chain, level by level away from it.

    `upward[0]` holds what the directive implements directly, `upward[1]` what
    those implement, and so on; `downward` the same for what implements it.
    """

    directive: Directive
    upward: list[list[Directive]]
    downward: list[list[Directive]]
    # (implementer id, implemented id) for every link drawn.
    links: list[tuple[int, int]]


def implementation_chain(directive: Directive, *, depth: int = 3) -> ChainLevels:
    """Walk the `implements` links both ways, one query per level, each directive once."""
    seen = {directive.pk}
    links: list[tuple[int, int]] = []
    upward = _walk(directive, seen, links, depth=depth, up=True)
    downward = _walk(directive, seen, links, depth=depth, up=False)
    return ChainLevels(directive=directive, upward=upward, downward=downward, links=links)


def _walk(
    directive: Directive,
    seen: set[int],
    links: list[tuple[int, int]],
    *,
    depth: int,
    up: bool,
) -> list[list[Directive]]:
    through = Directive.implements.through
    levels: list[list[Directive]] = []
    frontier = {directive.pk}
    for _ in range(depth):
        if up:
            pairs = through.objects.filter(from_directive_id__in=frontier)
        else:
            pairs = through.objects.filter(to_directive_id__in=frontier)
        pairs_list = list(pairs.values_list("from_directive_id", "to_directive_id"))
        if not pairs_list:
            break
        links.extend(pair for pair in pairs_list if pair not in links)
        found = {to_id if up else from_id for from_id, to_id in pairs_list} - seen
        if not found:
            break
        seen |= found
        level = list(
            Directive.objects.filter(pk__in=found)
            .select_related("issuer")
            .order_by(F("issued_on").desc(nulls_last=True), "symbol", "id")
        )
        levels.append(level)
        frontier = found
    return levels


# --- Pages ------------------------------------------------------------------


def newest_first(articles: QuerySet[Article]) -> QuerySet[Article]:
    """Newest first, undated last (PostgreSQL would put NULL first when descending)."""
    return articles.order_by(*newest_first_ordering())


# What an article row shows (its link, source and date label), without the texts.
ARTICLE_ROW_FIELDS = (
    "id",
    "title",
    "origin",
    "source_name",
    "dateline_place",
    *ARTICLE_DATE_FIELDS,
)


def article_list_rows(articles: QuerySet[Article], *, with_body: bool = False) -> QuerySet[Article]:
    """What a list row shows: no full texts, a snippet of the body, the entity counts.

    `with_body` loads the page's bodies too, to show where a search hit lies.
    """
    return (
        with_article_counts(articles)
        .only(*(("body",) if with_body else ()), *ARTICLE_ROW_FIELDS)
        .annotate(snippet=Substr("body", 1, SNIPPET_LENGTH))
    )


SNIPPET_LENGTH = 240


def article_for_page(article_id: int) -> Article:
    return Article.objects.defer("raw_text", "search_document").get(pk=article_id)


def article_mentions(article: Article) -> dict[str, list]:
    """The article's mentions by kind, each with its entity (one query per kind)."""
    return {
        "person": list(
            PersonMention.objects.filter(article=article).select_related("person").order_by("start")
        ),
        "organisation": list(
            OrganisationMention.objects.filter(article=article)
            .select_related("organisation")
            .order_by("start")
        ),
        "directive": list(
            DirectiveMention.objects.filter(article=article)
            .select_related("directive")
            .order_by("start")
        ),
    }


def article_positions(article: Article) -> QuerySet[Position]:
    return article.positions.select_related("organisation").order_by("person_id", "id")


def person_post_summary(person: Person) -> list[dict]:
    """Each post the articles give the person, once, with when it was stated and how often."""
    return list(
        person.positions.order_by()
        .values("title", "organisation_id", "organisation__name")
        .annotate(
            first_seen=Min("article__published_on"),
            last_seen=Max("article__published_on"),
            articles=Count("article", distinct=True),
        )
        .order_by(F("last_seen").desc(nulls_last=True), "title")
    )


def person_rank_summary(person: Person) -> list[dict]:
    """Each rank the articles give the person, oldest first, with when it was stated.

    A person holds a handful of ranks in a career, so the list is short however
    many articles name them.
    """
    return list(
        person.stated_ranks.order_by()
        .values("rank")
        .annotate(
            first_seen=Min("article__published_on"),
            last_seen=Max("article__published_on"),
            articles=Count("article", distinct=True),
        )
        .order_by(F("first_seen").asc(nulls_last=True), "rank")
    )
