"""Careers as the articles state them: a person's ranks and posts in date order, an
organisation's people by post over time, and its tree of units.

Every read is bounded, whatever the size of the person or body: a timeline
page reads the LIMIT newest statements older than an article (an index walk
of the articles newest first, probing the person's posts and ranks), and an
organisation's posts are counted over its newest SAMPLE posts, like the
facets; past the sample the counts are lower bounds and the answer says so.
Undated articles cannot be placed in a timeline and are left out of it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from archive.models import Article, Organisation, Person, PersonRank, Position
from archive.selectors.common import newest_first_ordering

TIMELINE_PAGE = 50
TIMELINE_MAX_PAGE = 200
SAMPLE = 1000
# A unit tree is drawn this many levels deep, with at most this many units in all.
UNIT_DEPTH = 3
UNITS_SHOWN = 200

ARTICLE_FIELDS = ("id", "title", "published_on", "published_year_inferred")


# --- A person's timeline ------------------------------------------------------


@dataclass
class Statement:
    """What one article states about a person: a rank, posts, or both."""

    article: Article
    rank: str = ""
    rank_former: bool = False  # "nguyên Trung tá": stated as a rank held before
    posts: list[Position] = field(default_factory=list)

    def same_career_step(self, other: Statement) -> bool:
        return (self.rank, self.rank_former) == (other.rank, other.rank_former) and _post_keys(
            self.posts
        ) == _post_keys(other.posts)


def _post_keys(posts: list[Position]) -> set[tuple[str, int | None, bool]]:
    return {(post.title, post.organisation_id, post.former) for post in posts}


@dataclass
class Timeline:
    statements: list[Statement]  # newest first
    # The last article of the page, to ask for the older ones; None at the end.
    next_before: int | None


def older_than(article: Article | None, *, path: str = "article__") -> Q:
    """Rows whose (dated) article comes after `article` newest first.

    Written as `published_on <= d AND (published_on < d OR id < i)` so the walk
    of the (published_on, id) index starts at the article, not at the newest.
    """
    if article is None or article.published_on is None:
        return Q()
    day = article.published_on
    return Q(**{f"{path}published_on__lte": day}) & (
        Q(**{f"{path}published_on__lt": day}) | Q(**{f"{path}id__lt": article.pk})
    )


def _newest_keys(rows: QuerySet, *, before: Article | None, limit: int) -> list[tuple]:
    """(published_on, article id) of the `limit` newest dated articles among `rows`."""
    return list(
        rows.filter(older_than(before), article__published_on__isnull=False)
        .order_by(*newest_first_ordering("article__"))
        .values_list("article__published_on", "article_id")
        .distinct()[:limit]
    )


def person_timeline(
    person_id: int, *, before: Article | None = None, limit: int = TIMELINE_PAGE
) -> Timeline:
    """The ranks and posts stated by the `limit` newest dated articles older than `before`.

    Four queries whatever the number of the person's articles: the newest
    article keys that state a post, those that state a rank, then the posts
    and ranks of the chosen articles.
    """
    keys = set(
        _newest_keys(Position.objects.filter(person_id=person_id), before=before, limit=limit + 1)
    )
    keys |= set(
        _newest_keys(PersonRank.objects.filter(person_id=person_id), before=before, limit=limit + 1)
    )
    ordered = sorted(keys, reverse=True)
    chosen = [article_id for _, article_id in ordered[:limit]]
    articles = Article.objects.only(*ARTICLE_FIELDS).in_bulk(chosen)
    statements = {pk: Statement(article=articles[pk]) for pk in chosen}
    posts = (
        Position.objects.filter(person_id=person_id, article_id__in=chosen)
        .select_related("organisation")
        .only(
            "id",
            "title",
            "former",
            "article_id",
            "organisation__id",
            "organisation__name",
            "organisation__abbreviation",
        )
        .order_by("id")
    )
    for post in posts:
        statements[post.article_id].posts.append(post)
    ranks = PersonRank.objects.filter(person_id=person_id, article_id__in=chosen)
    for article_id, rank, former in ranks.values_list("article_id", "rank", "former"):
        statements[article_id].rank = rank
        statements[article_id].rank_former = former
    more = len(ordered) > limit
    return Timeline(
        statements=[statements[pk] for pk in chosen], next_before=chosen[-1] if more else None
    )


@dataclass
class CareerStep:
    """A run of articles, next to each other in time, that state the same rank and posts."""

    rank: str
    rank_former: bool
    posts: list[Position]
    newest: Article
    oldest: Article  # the first of the run to state it
    articles: int


def career_steps(statements: list[Statement]) -> list[CareerStep]:
    """The timeline's statements (newest first) folded into runs that state the same thing."""
    steps: list[CareerStep] = []
    previous: Statement | None = None
    for statement in statements:
        if previous is not None and statement.same_career_step(previous):
            steps[-1].oldest = statement.article
            steps[-1].articles += 1
        else:
            steps.append(
                CareerStep(
                    rank=statement.rank,
                    rank_former=statement.rank_former,
                    posts=statement.posts,
                    newest=statement.article,
                    oldest=statement.article,
                    articles=1,
                )
            )
        previous = statement
    return steps


# --- An organisation's people by post -----------------------------------------


@dataclass
class Holder:
    person: Person
    first_seen: datetime.date | None
    last_seen: datetime.date | None
    articles: int
    former: bool  # every article stating it calls it former ("nguyên")


@dataclass
class PostHolders:
    title: str
    holders: list[Holder]


@dataclass
class OrganisationPosts:
    posts: list[PostHolders]
    lower_bound: bool
    sampled: int


def organisation_posts(organisation_id: int, *, sample: int = SAMPLE) -> OrganisationPosts:
    """Who held which post in the organisation, and when the articles said so.

    Counted over the newest `sample` posts stated there (one LIMIT query);
    each post's holders come most recent first.
    """
    # Plain rows, and one Person per holder rather than three model instances per row:
    # building 3,000 instances for a hub organisation took longer than its query.
    rows = list(
        Position.objects.filter(organisation_id=organisation_id, article__isnull=False)
        .order_by(*newest_first_ordering("article__"))
        .values_list(
            "title",
            "former",
            "person_id",
            "person__name",
            "person__rank",
            "article__published_on",
        )[: sample + 1]
    )
    more = len(rows) > sample
    rows = rows[:sample]
    by_title: dict[str, dict[int, Holder]] = {}
    for title, former, person_id, name, rank, day in rows:
        holders = by_title.setdefault(title, {})
        holder = holders.get(person_id)
        if holder is None:
            person = Person(id=person_id, name=name, rank=rank)
            holders[person_id] = Holder(person, day, day, 1, former)
            continue
        holder.articles += 1
        holder.former = holder.former and former
        if day is not None:
            holder.first_seen = min(filter(None, (holder.first_seen, day)))
            holder.last_seen = max(filter(None, (holder.last_seen, day)))
    posts = [
        PostHolders(title, sorted(holders.values(), key=_most_recent_first))
        for title, holders in sorted(by_title.items())
    ]
    return OrganisationPosts(posts=posts, lower_bound=more, sampled=len(rows))


def _most_recent_first(holder: Holder) -> tuple:
    return (
        holder.last_seen is None,
        -(holder.last_seen or datetime.date.min).toordinal(),
        holder.person.name,
    )


# --- An organisation's units --------------------------------------------------


@dataclass
class Unit:
    organisation: Organisation
    units: list[Unit] = field(default_factory=list)


@dataclass
class UnitTree:
    units: list[Unit]
    shown: int
    truncated: bool  # deeper levels or more units exist than are drawn


def organisation_units(
    organisation_id: int, *, depth: int = UNIT_DEPTH, shown: int = UNITS_SHOWN
) -> UnitTree:
    """The units under the organisation, `depth` levels deep: one query per level,
    at most `shown` units in all."""
    nodes: dict[int, Unit] = {}
    top: list[Unit] = []
    frontier = [organisation_id]
    truncated = False
    for level in range(depth):
        room = shown - len(nodes)
        children = list(
            Organisation.objects.filter(parent_id__in=frontier)
            .only("id", "name", "abbreviation", "parent_id")
            .order_by("name", "id")[: room + 1]
        )
        if len(children) > room:
            children, truncated = children[:room], True
        for child in children:
            if child.pk in nodes or child.pk == organisation_id:
                continue  # a loop in the parent links: each unit is drawn once
            node = nodes[child.pk] = Unit(child)
            (top if level == 0 else nodes[child.parent_id].units).append(node)
        frontier = [child.pk for child in children]
        if not frontier or truncated:
            break
    else:
        truncated = Organisation.objects.filter(parent_id__in=frontier).exists()
    return UnitTree(units=top, shown=len(nodes), truncated=truncated)
