"""Query pieces the API's and the pages' selectors share: counts as subqueries, newest first."""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(related: QuerySet, *, outer: str, counted: str) -> Coalesce:
    """COUNT(DISTINCT counted) of `related` rows whose `outer` is the current row, as a subquery.

    A correlated subquery rather than a join with GROUP BY: a row annotated
    with several counts is still one query and never repeated.
    """
    # Counting rows by their own id is COUNT(*): no DISTINCT to sort, and an
    # index on `outer` alone can answer it (an index-only scan).
    count = Count("*") if counted == "id" else Count(counted, distinct=True)
    rows = (
        related.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(n=count)
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def newest_first_ordering(articles_path: str = "") -> list:
    """Articles newest first, undated last (PostgreSQL would put NULL first when descending).

    `articles_path` reaches the article from the ordered rows ("article__").
    """
    return [F(f"{articles_path}published_on").desc(nulls_last=True), f"-{articles_path}id"]
