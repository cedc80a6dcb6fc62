"""A parsed query (archive.search.syntax) as SQL: a tsquery on PostgreSQL, an FTS5 query on SQLite.

Each phrase reaches PostgreSQL through `phraseto_tsquery`, so the database
tokenises it exactly as it tokenised the stored text ("59-nq/tw" stays one
token plus "59"), and nothing typed by a user is ever parsed as tsquery
syntax. SQLite gets an FTS5 expression of quoted phrases, whose words are
letters and digits only, so no FTS5 operator can come from the user either.

Relevance is the database's own score: `ts_rank` over the stored vector on
PostgreSQL, `bm25` of the FTS5 index on SQLite; higher is better on both.
"""

from __future__ import annotations

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db.models import F, FloatField, Value
from django.db.models.expressions import Col, Expression
from django.db.models.functions import Cast, Coalesce

from archive.search.syntax import ParsedQuery, words_of

# "simple" does no stemming and has no stop words, which suits accent-folded
# Vietnamese syllables. Migration 0003 stores to_tsvector('simple',
# search_document) in a generated column with a GIN index (PostgreSQL), and
# keeps an FTS5 index over search_document (SQLite).
SEARCH_CONFIG = "simple"


class StoredSearchVector(Expression):
    """The table's generated `search_vector` column, which the model does not declare.

    It is not a model field because SQLite has no tsvector; it resolves to a
    plain column reference, so it follows the table into subqueries.
    """

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        column = SearchVectorField()
        column.set_attributes_from_name("search_vector")
        column.model = query.model
        return Col(query.get_initial_alias(), column)


def build_tsquery(parsed: ParsedQuery) -> SearchQuery:
    """The tsquery of a parsed query: (phrase OR phrase) AND ... AND NOT excluded."""

    def phrase(text: str) -> SearchQuery:
        return SearchQuery(text, config=SEARCH_CONFIG, search_type="phrase")

    query = None
    for group in parsed.groups:
        alternatives = phrase(group[0])
        for text in group[1:]:
            alternatives = alternatives | phrase(text)
        query = alternatives if query is None else query & alternatives
    if query is None:
        raise ValueError("an empty query has no tsquery")
    for text in parsed.excluded:
        query = query & ~phrase(text)
    return query


def build_fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression of a parsed query (same meaning as build_tsquery)."""

    def phrase(text: str) -> str:
        return '"' + " ".join(words_of(text)) + '"'

    groups = ["(" + " OR ".join(phrase(text) for text in group) + ")" for group in parsed.groups]
    if not groups:
        raise ValueError("an empty query has no FTS5 expression")
    expression = " AND ".join(groups)
    for text in parsed.excluded:
        expression = f"({expression}) NOT {phrase(text)}"
    return expression


class Fts5Relevance(Expression):
    """bm25 of the row in its table's FTS5 index, negated so that higher is better (SQLite)."""

    output_field = FloatField()

    def __init__(self, table: str, match: str):
        super().__init__()
        self.table, self.match = table, match
        self.row = F("pk")

    def get_source_expressions(self):
        return [self.row]

    def set_source_expressions(self, exprs):
        (self.row,) = exprs

    def as_sql(self, compiler, connection):
        row, params = compiler.compile(self.row)
        fts = f"{self.table}_fts"
        # The scores are computed once, in one full-text query (MATERIALIZED): a
        # plain correlated subquery re-ran the query per row, quadratic in the hits.
        sql = (
            f"(WITH scores AS MATERIALIZED (SELECT rowid, -bm25({fts}) AS score FROM {fts} "
            f"WHERE {fts} MATCH %s) SELECT score FROM scores WHERE scores.rowid = {row})"
        )
        return sql, [self.match, *params]


def relevance(*, vendor: str, table: str, parsed: ParsedQuery) -> Expression:
    """How well a row matches, as a float (a cursor can carry it and compare it exactly).

    A row found through an alias scores 0 by its own text, never NULL, so it
    sorts the same way on both databases.
    """
    if vendor == "postgresql":
        # ts_rank is a float4; as float8 it survives a round trip through a cursor.
        score = Cast(SearchRank(StoredSearchVector(), build_tsquery(parsed)), FloatField())
    elif vendor == "sqlite":
        score = Fts5Relevance(table, build_fts5_query(parsed))
    else:
        return Value(0.0, output_field=FloatField())
    return Coalesce(score, Value(0.0), output_field=FloatField())
