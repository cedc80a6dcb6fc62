"""The site-wide search (the box in every page's header): each kind's best hits on one page."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from archive.display import directive_name
from archive.filters.base import MAX_QUERY_LENGTH
from archive.search.syntax import parse_query
from archive.selectors.search import search_everything
from archive.views.articles import mark_hits
from archive.views.listing import label_date

# Each group's heading and the list that shows all of its hits.
GROUPS = {
    "article": (_("Articles"), "archive:article_list"),
    "person": (_("People"), "archive:person_list"),
    "organisation": (_("Organisations"), "archive:organisation_list"),
    "directive": (_("Directives"), "archive:directive_list"),
}


def search(request):
    query = request.GET.get("q", "").strip()
    # A longer query is cut rather than refused: this box has no form to show errors in.
    parsed = parse_query(query[:MAX_QUERY_LENGTH])
    groups = []
    if parsed:
        for group in search_everything(parsed):
            label, list_view = GROUPS[group.kind]
            for row in group.rows:
                if group.kind == "article":
                    label_date(row)
                    mark_hits(row, parsed)
                elif group.kind == "directive":
                    row.display_name = directive_name(row)
            groups.append(
                {
                    "kind": group.kind,
                    "label": label,
                    "rows": group.rows,
                    "count": group.count,
                    "more": group.more,
                    "list_url": reverse(list_view) + "?" + urlencode({"q": query}),
                }
            )
    context = {"query": query, "searched": bool(parsed), "groups": groups}
    return render(request, "archive/search.html", context)
