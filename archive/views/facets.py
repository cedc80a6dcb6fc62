"""The article list's facets as links: a click adds a value to the filters, a second removes it."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.selectors.facets import FacetValue, article_facets

ENTITY_FACETS = (
    ("people", "person", _("People")),
    ("organisations", "organisation", _("Organisations")),
    ("directives", "directive", _("Directives")),
)


@dataclass
class FacetLink:
    label: str
    count: int
    href: str
    chosen: bool


@dataclass
class FacetGroup:
    title: str
    links: list[FacetLink]


def first_page_url(path: str, params: QueryDict) -> str:
    """`path` under the filters `params` (a copy of the request's, changed here), from page 1."""
    params.pop("page", None)
    return path + (f"?{params.urlencode()}" if params else "")


def _link(value: FacetValue, params: QueryDict, *, chosen: bool) -> FacetLink:
    """The link to the list under `params` (a changed copy of the request's), from page 1.

    A path, not only a query: the facets are served from their own URL too.
    """
    href = first_page_url(reverse("archive:article_list"), params)
    return FacetLink(value.label, value.count, href, chosen)


def _toggle_many(request: HttpRequest, name: str, value: FacetValue) -> FacetLink:
    """Adds the value to a repeatable filter, or takes it out if chosen."""
    params = request.GET.copy()
    current = [v for item in params.getlist(name) for v in item.split(",") if v.strip()]
    chosen = value.value in current
    params.setlist(
        name, [v for v in current if v != value.value] if chosen else [*current, value.value]
    )
    return _link(value, params, chosen=chosen)


def _toggle_exact(request: HttpRequest, value: FacetValue, wanted: dict[str, str]) -> FacetLink:
    """Sets the single-valued filters `wanted`, or takes them all out if all are set so."""
    params = request.GET.copy()
    chosen = all(params.get(name) == given for name, given in wanted.items())
    for name, given in wanted.items():
        if chosen:
            params.pop(name)
        else:
            params[name] = given
    return _link(value, params, chosen=chosen)


def _year(value: FacetValue) -> dict[str, str]:
    return {"published_after": f"{value.value}-01-01", "published_before": f"{value.value}-12-31"}


def facet_context(request: HttpRequest, articles) -> dict:
    """The facets of the filtered `articles`, as groups of toggling links."""
    facets = article_facets(articles)
    groups = [
        FacetGroup(title, [_toggle_many(request, name, v) for v in getattr(facets, attribute)])
        for attribute, name, title in ENTITY_FACETS
    ]
    sources = [_toggle_exact(request, v, {"source_name": v.value}) for v in facets.sources]
    years = [_toggle_exact(request, v, _year(v)) for v in facets.years]
    groups += [FacetGroup(_("Source"), sources), FacetGroup(_("Year"), years)]
    return {
        "facet_groups": [group for group in groups if group.links],
        "facets_lower_bound": facets.lower_bound,
        "facets_sampled": facets.sampled,
    }
