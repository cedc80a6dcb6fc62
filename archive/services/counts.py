"""Per-entity counts (EntityCount, PostCount), kept exact set-wise by every write.

An entity's page shows how often it is mentioned month by month, in how many
articles, and (for a person) each post with its first and last date. Counted
on each view, that aggregates hundreds of thousands of rows for a hub entity;
here the counts are stored and moved by deltas when articles change.

The rule for every write path is one pair of calls around the change, each
taking the set of article ids whose mentions, positions or date change:

    counts.subtract_articles(article_ids=ids)   # before: the old rows and dates
    ... write, re-write or delete the articles' mentions / positions / dates ...
    counts.add_articles(article_ids=ids)        # after: the new ones

An import of new articles only adds; a deletion only subtracts. Both run in
the writer's transaction, so the counts move with the rows or not at all.
The callers: import and re-extraction (services/importing.py), merges of
people and organisations (services/merging.py), an editor's date change
(services/editing.py), article deletion (services/editing.py). A batched
writer calls each once per batch with all its ids. `recount_all` rebuilds
everything from scratch (`manage.py recount_entities`), and is what the
tests compare each write path against.

Posts an editor added by hand (no article) are not in PostCount: the person's
page reads them from their own partial index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from archive.models import (
    Directive,
    DirectiveMention,
    EntityCount,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
    Position,
)

# kind -> (mention table, entity column)
MENTION_TABLES = {
    EntityCount.Kind.PERSON: ("archive_personmention", "person_id"),
    EntityCount.Kind.ORGANISATION: ("archive_organisationmention", "organisation_id"),
    EntityCount.Kind.DIRECTIVE: ("archive_directivemention", "directive_id"),
}
# Ids per statement: below SQLite's limit on bound parameters.
CHUNK = 1000
_COUNTS = "archive_entitycount"
_POSTS = "archive_postcount"


def month_key_sql(column: str) -> str:
    """year * 100 + month of a date column, 0 when it is NULL (undated articles)."""
    if connection.vendor == "postgresql":
        return (
            f"COALESCE((EXTRACT(YEAR FROM {column}) * 100 + EXTRACT(MONTH FROM {column}))::int, 0)"
        )
    return f"COALESCE(CAST(strftime('%%Y%%m', {column}) AS INTEGER), 0)"


def _same(left: str, right: str) -> str:
    """NULL-safe equality (organisation_id is NULL for a post stated without one)."""
    operator = "IS NOT DISTINCT FROM" if connection.vendor == "postgresql" else "IS"
    return f"{left} {operator} {right}"


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _in(ids: list[int] | None) -> str:
    return "TRUE" if ids is None else f"IN ({', '.join(['%s'] * len(ids))})"


def _mention_delta(kind: str, ids: list[int] | None) -> str:
    """Per (entity, month) of the articles `ids` (all when None): mentions, inferred, articles."""
    table, entity = MENTION_TABLES[kind]
    where = "TRUE" if ids is None else f"article_id {_in(ids)}"
    month = month_key_sql("a.published_on")
    # Mentions per (entity, article) first: an article then counts once without a
    # COUNT(DISTINCT), which would sort every mention row of a full recount.
    return (
        f"SELECT '{kind}' AS kind, m.entity AS entity_id, {month} AS month, "
        "SUM(m.n) AS mentions, "
        "SUM(CASE WHEN a.published_year_inferred THEN m.n ELSE 0 END) AS inferred, "
        "COUNT(*) AS articles "
        f"FROM (SELECT {entity} AS entity, article_id, COUNT(*) AS n FROM {table} "
        f"WHERE {where} GROUP BY {entity}, article_id) m "
        "JOIN archive_article a ON a.id = m.article_id "
        f"WHERE TRUE GROUP BY m.entity, {month}"
    )


def _post_delta(ids: list[int] | None, *, with_organisation: bool) -> str:
    """Per (person, title, organisation) of the articles `ids`: first, last date, articles."""
    where = "TRUE" if ids is None else f"p.article_id {_in(ids)}"
    organisation = "IS NOT NULL" if with_organisation else "IS NULL"
    return (
        "SELECT p.person_id, p.title, p.organisation_id, MIN(a.published_on) AS first_seen, "
        "MAX(a.published_on) AS last_seen, COUNT(*) AS articles "
        "FROM archive_position p JOIN archive_article a ON a.id = p.article_id "
        f"WHERE {where} AND p.organisation_id {organisation} "
        "GROUP BY p.person_id, p.title, p.organisation_id"
    )


def _post_conflict(with_organisation: bool) -> str:
    if with_organisation:
        return "(person_id, title, organisation_id) WHERE organisation_id IS NOT NULL"
    return "(person_id, title) WHERE organisation_id IS NULL"


def _add_chunk(cursor, ids: list[int] | None) -> None:
    params = [] if ids is None else ids
    for kind in MENTION_TABLES:
        cursor.execute(
            f"INSERT INTO {_COUNTS} (kind, entity_id, month, mentions, inferred, articles) "
            f"{_mention_delta(kind, ids)} "
            "ON CONFLICT (kind, entity_id, month) DO UPDATE SET "
            f"mentions = {_COUNTS}.mentions + excluded.mentions, "
            f"inferred = {_COUNTS}.inferred + excluded.inferred, "
            f"articles = {_COUNTS}.articles + excluded.articles",
            params,
        )
    for with_organisation in (True, False):
        # LEAST/GREATEST ignore NULL on PostgreSQL; SQLite's MIN/MAX of two would
        # return NULL, hence the COALESCE.
        first, last = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
        cursor.execute(
            f"INSERT INTO {_POSTS} (person_id, title, organisation_id, first_seen, last_seen, "
            f"articles) {_post_delta(ids, with_organisation=with_organisation)} "
            f"ON CONFLICT {_post_conflict(with_organisation)} DO UPDATE SET "
            f"first_seen = {first}(COALESCE({_POSTS}.first_seen, excluded.first_seen), "
            f"COALESCE(excluded.first_seen, {_POSTS}.first_seen)), "
            f"last_seen = {last}(COALESCE({_POSTS}.last_seen, excluded.last_seen), "
            f"COALESCE(excluded.last_seen, {_POSTS}.last_seen)), "
            f"articles = {_POSTS}.articles + excluded.articles",
            params,
        )


def _subtract_chunk(cursor, ids: list[int]) -> None:
    for kind, (table, entity) in MENTION_TABLES.items():
        cursor.execute(
            f"UPDATE {_COUNTS} SET mentions = {_COUNTS}.mentions - d.mentions, "
            f"inferred = {_COUNTS}.inferred - d.inferred, "
            f"articles = {_COUNTS}.articles - d.articles "
            f"FROM ({_mention_delta(kind, ids)}) d WHERE {_COUNTS}.kind = d.kind "
            f"AND {_COUNTS}.entity_id = d.entity_id AND {_COUNTS}.month = d.month",
            ids,
        )
        cursor.execute(
            f"DELETE FROM {_COUNTS} WHERE kind = '{kind}' AND mentions = 0 AND entity_id IN "
            f"(SELECT {entity} FROM {table} WHERE article_id {_in(ids)})",
            ids,
        )
    for with_organisation in (True, False):
        delta = _post_delta(ids, with_organisation=with_organisation)
        matches = f"{_POSTS}.person_id = d.person_id AND {_POSTS}.title = d.title AND " + _same(
            f"{_POSTS}.organisation_id", "d.organisation_id"
        )
        # A post whose first or last date came from these articles: both are read
        # again from the post's other articles (the (person, title) index).
        others = (
            "FROM archive_position p JOIN archive_article a ON a.id = p.article_id "
            f"WHERE p.person_id = {_POSTS}.person_id AND p.title = {_POSTS}.title AND "
            + _same("p.organisation_id", f"{_POSTS}.organisation_id")
            + f" AND p.article_id NOT {_in(ids)}"
        )
        cursor.execute(
            f"UPDATE {_POSTS} SET first_seen = (SELECT MIN(a.published_on) {others}), "
            f"last_seen = (SELECT MAX(a.published_on) {others}) "
            f"FROM ({delta}) d WHERE {matches} AND "
            f"(d.first_seen <= {_POSTS}.first_seen OR d.last_seen >= {_POSTS}.last_seen)",
            [*ids, *ids, *ids],
        )
        cursor.execute(
            f"UPDATE {_POSTS} SET articles = {_POSTS}.articles - d.articles "
            f"FROM ({delta}) d WHERE {matches}",
            ids,
        )
    cursor.execute(
        f"DELETE FROM {_POSTS} WHERE articles = 0 AND person_id IN "
        f"(SELECT person_id FROM archive_position WHERE article_id {_in(ids)})",
        ids,
    )


def articles_naming(
    *,
    people: Iterable[Person] = (),
    organisations: Iterable[Organisation] = (),
    directives: Iterable[Directive] = (),
) -> set[int]:
    """The ids of the articles whose counts change when these records' rows move or go:
    those mentioning them or stating a post of (or in) them."""
    people, organisations = list(people), list(organisations)
    ids: set[int] = set()
    queries = [
        PersonMention.objects.filter(person__in=people),
        OrganisationMention.objects.filter(organisation__in=organisations),
        DirectiveMention.objects.filter(directive__in=list(directives)),
        Position.objects.filter(person__in=people, article__isnull=False),
        Position.objects.filter(organisation__in=organisations, article__isnull=False),
    ]
    for rows in queries:
        ids.update(rows.values_list("article_id", flat=True).distinct())
    return ids


def add_articles(*, article_ids: Iterable[int]) -> None:
    """Count the mentions and positions the articles have now (after writing them)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for chunk in _chunks(article_ids):
            _add_chunk(cursor, chunk)


def subtract_articles(*, article_ids: Iterable[int]) -> None:
    """Uncount the mentions and positions the articles have now (before changing them)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for chunk in _chunks(article_ids):
            _subtract_chunk(cursor, chunk)


def recount_all() -> None:
    """Rebuild every count from the mentions and positions, from scratch."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_COUNTS}")
        cursor.execute(f"DELETE FROM {_POSTS}")
        _add_chunk(cursor, None)
