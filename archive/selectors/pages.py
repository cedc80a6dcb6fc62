"""Reads for the public pages and the admin lists: what each page shows, with its prefetching.

Counts are correlated subqueries (one per column) rather than joins with
GROUP BY, so a list annotated with three counts is still one query and never
repeats a row, whatever filters are chained before it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Substr

from archive.models import (
    ARTICLE_DATE_FIELDS,
    Article,
    Directive,
    DirectiveIssuer,
    DirectiveMention,
    EntityCount,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
    Position,
    PostCount,
)
from archive.selectors.common import article_count_of, count_of, newest_first_ordering

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


# --- Entity pages -----------------------------------------------------------


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
            "rank", "article__published_on"
        )[: sample + 1]
    )
    lower_bound = len(rows) > sample
    by_rank: dict[str, dict] = {}
    for rank, day in rows[:sample]:
        stated = by_rank.setdefault(
            rank, {"rank": rank, "first_seen": None, "last_seen": None, "articles": 0}
        )
        stated["articles"] += 1  # one statement per person and article
        if day is not None:
            stated["first_seen"] = min(filter(None, (stated["first_seen"], day)))
            stated["last_seen"] = max(filter(None, (stated["last_seen"], day)))
    ranks = sorted(
        by_rank.values(),
        key=lambda r: (r["first_seen"] is None, r["first_seen"] or datetime.date.min, r["rank"]),
    )
    return RankSummary(ranks=ranks, lower_bound=lower_bound, sampled=min(len(rows), sample))
