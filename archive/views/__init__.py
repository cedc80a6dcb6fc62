"""The public pages, for analysts: thin views over selectors, FilterSets and templates."""

from archive.views.articles import article_detail, article_list
from archive.views.directives import directive_detail, directive_list
from archive.views.organisations import organisation_detail, organisation_list
from archive.views.people import person_detail, person_list
from archive.views.search import search

__all__ = [
    "article_detail",
    "article_list",
    "directive_detail",
    "directive_list",
    "organisation_detail",
    "organisation_list",
    "person_detail",
    "person_list",
    "search",
]
