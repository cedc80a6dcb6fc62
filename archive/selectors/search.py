"""The site-wide search: each kind of record's best hits for one query, and how many there are.

Every group is at most three queries (a capped count, the best ids, their
rows), all through the search index, so the page costs the same whatever the
archive's size.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, QuerySet

from archive.models import Article, Directive, Organisation, Person
from archive.paging import COUNT_CAP, count_capped
from archive.search.syntax import ParsedQuery
from archive.search_plans import newest_to_rank
from archive.selectors.articles import article_list_rows
from archive.selectors.common import newest_first_ordering
from archive.selectors.counts import (
    with_directive_counts,
    with_organisation_counts,
    with_person_summary,
)

# How many hits each group shows; the rest are one link away (the kind's list).
BEST_HITS = 5


@dataclass(frozen=True)
class HitGroup:
    kind: str  # "article", "person", "organisation", "directive"
    rows: list
    count: int
    more: bool  # the count stopped at COUNT_CAP


def _best(matches: QuerySet, parsed: ParsedQuery, *, tie_break: list, rows) -> HitGroup:
    count, more = count_capped(matches.values("pk"), cap=COUNT_CAP)
    ranked = newest_to_rank(matches, tie_break).with_relevance(parsed)
    ranked = ranked.order_by(F("relevance").desc(), *tie_break)
    ids = list(ranked.values_list("pk", flat=True)[:BEST_HITS]) if count else []
    found = {row.pk: row for row in rows(matches.model._default_manager.filter(pk__in=ids))}
    return HitGroup(
        kind=matches.model._meta.model_name,
        rows=[found[pk] for pk in ids if pk in found],
        count=count,
        more=more,
    )


def search_everything(parsed: ParsedQuery) -> list[HitGroup]:
    """Articles, people, organisations and directives matching `parsed`, best first."""
    return [
        _best(
            Article.objects.matching(parsed),
            parsed,
            tie_break=newest_first_ordering(),
            rows=lambda qs: article_list_rows(qs, with_body=True),
        ),
        _best(
            Person.objects.matching(parsed),
            parsed,
            tie_break=["search_document", "id"],
            rows=with_person_summary,
        ),
        _best(
            Organisation.objects.matching(parsed),
            parsed,
            tie_break=["search_document", "id"],
            rows=with_organisation_counts,
        ),
        _best(
            Directive.objects.matching(parsed),
            parsed,
            tie_break=[F("issued_on").desc(nulls_last=True), "id"],
            rows=with_directive_counts,
        ),
    ]
