"""Query pieces the API's and the pages' selectors share: counts as subqueries, newest first."""

from __future__ import annotations

from django.db.models import F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from archive.models import EntityCount


class _CountRows(Subquery):
    """`(SELECT COUNT(*) FROM (subquery))`: counts the rows a subquery returns."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def count_of(related: QuerySet, *, outer: str, counted: str) -> Coalesce:
    """How many distinct `counted` the `related` rows of the current row have, as a subquery.

    A correlated subquery rather than a join with GROUP BY: a row annotated
    with several counts is still one query and never repeated. It counts the
    rows of `SELECT DISTINCT counted`, not COUNT(DISTINCT counted): PostgreSQL
    sorts the input of every COUNT(DISTINCT), while a DISTINCT read from the
    (outer, counted) index comes out sorted already, which matters for an
    entity named by a third of the archive. Counting rows by their own id
    needs no DISTINCT at all.
    """
    rows = related.filter(**{outer: OuterRef("pk")}).order_by()
    if counted != "id":
        rows = rows.values(counted).distinct()
    return Coalesce(_CountRows(rows.values(counted)), 0)


def capped_count(rows: QuerySet, *, cap: int) -> _CountRows:
    """How many rows `rows` holds, as a subquery whose count stops past `cap`."""
    return _CountRows(rows.order_by()[: cap + 1])


def newest_first_ordering(articles_path: str = "") -> list:
    """Articles newest first, undated last (PostgreSQL would put NULL first when descending).

    `articles_path` reaches the article from the ordered rows ("article__").
    """
    return [F(f"{articles_path}published_on").desc(nulls_last=True), f"-{articles_path}id"]


def article_count_of(kind: str) -> Coalesce:
    """In how many articles the current row (a person, organisation or directive) is named.

    Read from the stored per-month counts (archive.services.counts): a sum over
    the entity's months, a few hundred rows even for an entity named in a third
    of the archive, where counting its mentions reads hundreds of thousands.
    """
    months = (
        EntityCount.objects.filter(kind=kind, entity_id=OuterRef("pk"))
        .order_by()
        .values("entity_id")
        .annotate(total=Sum("articles"))
        .values("total")
    )
    return Coalesce(Subquery(months, output_field=IntegerField()), 0)
