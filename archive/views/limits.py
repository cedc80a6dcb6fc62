"""Refuse a list request with more values per parameter than any filter takes, before any work.

The form draws one control per value, so an address repeating a parameter a
thousand times would build a page of megabytes (and query for each value's
label) only to say it is invalid. The API refuses the same count in its
FilterSets; the pages check it first, from the query string alone.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from archive.filters import MAX_FILTER_VALUES

TEXT_PARAMETERS = frozenset({"q"})


def overfull_parameter(request: HttpRequest) -> tuple[str, int] | None:
    """(parameter, number of values) for the first parameter past the limit, or None.

    Values are counted as the filters read them: repeated, or comma-separated
    (except in the search text, where a comma is text).
    """
    for name, items in request.GET.lists():
        count = len(items)
        if name not in TEXT_PARAMETERS:
            parts = sum(len([part for part in item.split(",") if part.strip()]) for item in items)
            count = max(count, parts)
        if count > MAX_FILTER_VALUES:
            return name, count
    return None


def too_many_values_response(request: HttpRequest) -> HttpResponse | None:
    """A small 400 page naming the parameter, when one has too many values."""
    overfull = overfull_parameter(request)
    if overfull is None:
        return None
    name, count = overfull
    context = {"parameter": name[:40], "count": count, "limit": MAX_FILTER_VALUES}
    html = render_to_string("archive/too_many_values.html", context, request=request)
    return HttpResponse(html, status=400)
