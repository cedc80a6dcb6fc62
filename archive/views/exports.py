"""Every list page's filters, taken away: /articles/export/?format=csv&… (and jsonl).

The same FilterSet as the page validates the filters, so an export holds
exactly the rows the page lists; an invalid filter is a short 400 instead of
an export of everything.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from archive.exports.responses import FORMATS, export_response
from archive.filters import ArticleFilter, DirectiveFilter, OrganisationFilter, PersonFilter
from archive.models import Article, Directive, Organisation, Person
from archive.views.filter_form import filter_parameters


def _export(request, filterset_class, model):
    chosen = request.GET.get("format", "csv")
    if chosen not in FORMATS:
        return HttpResponse(
            _("Unsupported format; choose %(formats)s.") % {"formats": _(" or ").join(FORMATS)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    filterset = filterset_class(filter_parameters(request), queryset=model.objects.all())
    if not filterset.is_valid():
        messages = "; ".join(
            f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
        )
        return HttpResponse(
            _("Invalid filter: %(messages)s") % {"messages": messages},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return export_response(filterset.qs, format=chosen)


def article_export(request):
    return _export(request, ArticleFilter, Article)


def person_export(request):
    return _export(request, PersonFilter, Person)


def organisation_export(request):
    return _export(request, OrganisationFilter, Organisation)


def directive_export(request):
    return _export(request, DirectiveFilter, Directive)
