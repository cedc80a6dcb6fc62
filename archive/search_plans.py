"""How PostgreSQL runs a full-text search: the few-matches plan or the feed walk.

A list ordered by the feed with `search_vector @@ query` can be run two ways:
read the matches from the GIN index and sort them, or walk the feed index
and test each row until the page is full. The second is right only when
matches are common; when they are rare, or there are none, it reads the whole
archive. The planner chooses from an estimate, and the estimate for several
words multiplies their frequencies as if they were unrelated, so a
three-syllable name (each syllable common, the name rare) was taken for
common. So the matches are first read from the GIN index, at most
FEW_MATCHES + 1 of them: when there are no more than FEW_MATCHES, the list
filters on their ids, which the planner cannot misjudge.

Past FEW_MATCHES the list walks the feed when ordered by date. A search's
default order (relevance) ranks the newest RANKED_MATCHES matches
(`newest_to_rank`), read by the same feed walk: ranking every match of a
common word (300,000 at 1M articles) took 12.6 s, ranking the newest 1,000
takes about 60 ms, and the order past them is the date order the list offers. A second, larger
lookup for sparse words (under 2% of the articles) was measured at 1M and
left out: with the relevance order it added its 35-77 ms to a list that
ranks the same 8,000 matches (bench/RESULTS.md, "Stored entity counts").

The ids go to PostgreSQL as one array (`id = ANY(%s)`, `among_ids`), not as
`IN (%s, %s, ...)`: a list filtered on up to 2,000 ids is compiled, sent and
parsed as one parameter, which counts when a page runs several statements on
it (the admin's count, page and date hierarchy's year probes: 1 s to build
and send as separate parameters for 1,300 matches).
"""

from __future__ import annotations

from django.db.models import F, Lookup, Q, QuerySet

FEW_MATCHES = 2000
# A search in relevance order ranks at most this many matches: the newest ones.
RANKED_MATCHES = 1000


class _AmongIds(Lookup):
    """`lhs = ANY(%s::bigint[])` with the ids as one array parameter (PostgreSQL only)."""

    lookup_name = "among_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*params, list(self.rhs)]


def among_ids(ids: list[int], *, field: str = "id", vendor: str = "postgresql") -> Q:
    """A filter on the rows whose `field` is in `ids`, sent as one array on PostgreSQL
    (see the module's note); other databases get a plain IN."""
    if vendor != "postgresql":
        return Q(**{f"{field}__in": ids})
    return Q(_AmongIds(F(field), ids))


def few_match_ids(matches: QuerySet) -> list[int] | None:
    """The ids `matches` selects when there are at most FEW_MATCHES of them, else None.

    `matches` holds the text condition alone, so this is the GIN index's bitmap
    (or, for a word the statistics know to be common, a scan that stops early).
    """
    ids = list(matches.order_by().values_list("pk", flat=True)[: FEW_MATCHES + 1])
    return ids if len(ids) <= FEW_MATCHES else None


def newest_to_rank(queryset: QuerySet, order: list) -> QuerySet:
    """`queryset` cut to its first RANKED_MATCHES rows in `order`, for ranking (articles only).

    One statement: the cut is a subquery (`id IN (SELECT id ... ORDER BY feed
    LIMIT n)`), which PostgreSQL reads by walking the feed index and joins
    back by primary key, whatever the number of matches.
    """
    if not getattr(queryset, "look_up_matches_first", False):
        return queryset
    newest = queryset.order_by(*order).values("pk")[:RANKED_MATCHES]
    return queryset.filter(pk__in=newest)
