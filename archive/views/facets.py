"""The article list's facets as links: a click adds a value to the filters, a second removes it."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, QueryDict

from archive.selectors.facets import FacetValue, article_facets

ENTITY_FACETS = (
    ("people", "person", "Nhân vật"),
    ("organisations", "organisation", "Tổ chức"),
    ("directives", "directive", "Văn bản"),
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


def _href(params: QueryDict) -> str:
    params = params.copy()
    params.pop("page", None)
    return f"?{params.urlencode()}" if params else "?"


def _toggle_many(request: HttpRequest, name: str, value: FacetValue) -> FacetLink:
    params = request.GET.copy()
    current = [v for item in params.getlist(name) for v in item.split(",") if v.strip()]
    chosen = value.value in current
    params.setlist(
        name, [v for v in current if v != value.value] if chosen else [*current, value.value]
    )
    return FacetLink(value.label, value.count, _href(params), chosen)


def _toggle_source(request: HttpRequest, value: FacetValue) -> FacetLink:
    params = request.GET.copy()
    chosen = params.get("source_name") == value.value
    if chosen:
        params.pop("source_name")
    else:
        params["source_name"] = value.value
    return FacetLink(value.label, value.count, _href(params), chosen)


def _toggle_year(request: HttpRequest, value: FacetValue) -> FacetLink:
    params = request.GET.copy()
    after, before = f"{value.value}-01-01", f"{value.value}-12-31"
    chosen = params.get("published_after") == after and params.get("published_before") == before
    if chosen:
        params.pop("published_after")
        params.pop("published_before")
    else:
        params["published_after"], params["published_before"] = after, before
    return FacetLink(value.label, value.count, _href(params), chosen)


def facet_context(request: HttpRequest, articles) -> dict:
    """The facets of the filtered `articles`, as groups of toggling links."""
    facets = article_facets(articles)
    groups = [
        FacetGroup(title, [_toggle_many(request, name, v) for v in getattr(facets, attribute)])
        for attribute, name, title in ENTITY_FACETS
    ]
    groups.append(FacetGroup("Nguồn", [_toggle_source(request, v) for v in facets.sources]))
    groups.append(FacetGroup("Năm", [_toggle_year(request, v) for v in facets.years]))
    return {
        "facet_groups": [group for group in groups if group.links],
        "facets_lower_bound": facets.lower_bound,
        "facets_sampled": facets.sampled,
    }
