"""FilterSets shared by the API and the HTML pages: which rows a list shows, in what order.

Each FilterSet validates its query parameters through a plain Django form, so a
page can render it and the API can turn its errors into a 400 naming the
parameter. Nothing here knows about HTTP or serializers.

Entity filters (`person=3&person=7`, `directive=59-NQ/TW`) mean "mentions all
of them" and are applied with the QuerySet verbs, which are subqueries: a
filtered list never repeats a row. Whether the ids exist is not checked while
filtering, because that would cost a query on every request; a list that comes
back empty calls `FilterSet.unknown_entity_errors()` to tell "nothing matches"
from "no such person" (see `ArchiveFilterSet`). An id of a record merged away
filters by its survivor (archive.selectors.redirects), looked up first.

    base.py        parameter fields and filters (no queries), the base FilterSet
    filtersets.py  ArticleFilter, PersonFilter, OrganisationFilter, DirectiveFilter
"""

from archive.filters.base import (
    GENERAL_RANKS,
    MAX_FILTER_VALUES,
    MAX_ID,
    RANK_GROUPS,
    ArchiveFilterSet,
    ArchiveOrderingFilter,
    EntityFilter,
    RankFilter,
    SearchFilter,
    StrictBooleanFilter,
    SymbolFilter,
    YearFilter,
)
from archive.filters.filtersets import (
    ArticleFilter,
    DirectiveFilter,
    OrganisationFilter,
    PersonFilter,
)

__all__ = [
    "GENERAL_RANKS",
    "MAX_FILTER_VALUES",
    "MAX_ID",
    "RANK_GROUPS",
    "ArchiveFilterSet",
    "ArchiveOrderingFilter",
    "ArticleFilter",
    "DirectiveFilter",
    "EntityFilter",
    "OrganisationFilter",
    "PersonFilter",
    "RankFilter",
    "SearchFilter",
    "StrictBooleanFilter",
    "SymbolFilter",
    "YearFilter",
]
