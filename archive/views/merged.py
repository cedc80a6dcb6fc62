"""A merged-away record's page answers 301 to its survivor's, so old links and bookmarks work."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse

from archive.selectors.redirects import survivor_id


def redirect_to_survivor(
    request: HttpRequest, *, model: type[Model], pk: int, url_name: str
) -> HttpResponsePermanentRedirect | None:
    """The 301 to the survivor's `url_name` (query string kept), or None if `pk` was not merged."""
    survivor = survivor_id(model=model, pk=pk)
    if survivor is None:
        return None
    url = reverse(url_name, args=[survivor])
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
