"""The one paginator of the archive's numbered lists: Django's, with a capped count.

The pages (views.listing), the admin's change lists and the API's numbered
lists (api.pagination derives DRF's PageNumberPagination from it) all page
through `CappedPaginator`. Its count stops past `cap`, so a broad filter never
runs a COUNT(*) over a million rows: counting the first rows of a search
already tests each row's text vector, tens of microseconds apiece. Past the
cap the count is a lower bound (`capped`); the pages beyond it are still
reached one "next" at a time, each page reading one row more than it shows
to know whether another follows.

The article feed of the API is paged by keyset instead (api.pagination).
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_CAP = 1000


def count_capped(queryset: QuerySet, *, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, more): counting stops past `cap`, so a broad filter costs no full scan."""
    count = queryset.order_by()[: cap + 1].count()
    return min(count, cap), count > cap


class CappedPage(Page):
    """A page that knows from its extra row whether another page follows."""

    followed = False

    def has_next(self) -> bool:
        return self.followed


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def _counted(self) -> tuple[int, bool]:
        # Only the ids: a list's annotated columns would be computed for every row counted.
        rows = self.object_list
        if isinstance(rows, QuerySet) and not rows._fields:
            rows = rows.values("pk")
        return count_capped(rows, cap=self.cap)

    @cached_property
    def count(self) -> int:
        """The number of rows, or `cap` when there are more (see `capped`)."""
        return self._counted[0]

    @cached_property
    def capped(self) -> bool:
        """True when there are more than `cap` rows: `count` and `num_pages` are lower bounds."""
        return self._counted[1]

    def validate_number(self, number) -> int:
        if not self.capped:
            return super().validate_number(number)
        # Past the counted pages a page may still have rows: page() finds out.
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number) -> CappedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        page = self._get_page(rows[: self.per_page], number, self)
        page.followed = len(rows) > self.per_page
        return page

    def _get_page(self, *args, **kwargs) -> CappedPage:
        return CappedPage(*args, **kwargs)
