"""The list of directives and each directive's page: issuer, implementation chain, citations."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from archive.display import directive_name
from archive.filters import DirectiveFilter
from archive.models import Article, Directive, EntityCount, ordered_issuers
from archive.selectors import choices
from archive.selectors.chains import directive_with_links
from archive.selectors.counts import with_directive_counts
from archive.views.filter_form import (
    FormField,
    by_name,
    ids_in,
    ordering_field,
    search_field,
    values_of,
)
from archive.views.listing import entity_articles, list_page
from archive.views.pictures import chain_picture

DIRECTIVE_ORDERINGS = [
    ("-issued_on", _("Newest issued first")),
    ("issued_on", _("Oldest issued first")),
    ("symbol", _("Number and symbol A–Z")),
]
DIRECTIVE_VALUE_KINDS = {
    "issued_after": "date",
    "issued_before": "date",
    "issuer": "entity",
    "year": "year",
    "symbol": "symbol",
}


def directive_list(request):
    return list_page(
        request,
        "archive/directive_list.html",
        filterset=DirectiveFilter(request.GET, queryset=Directive.objects.all()),
        rows=with_directive_counts,
        kinds=DIRECTIVE_VALUE_KINDS,
        form=directive_form,
        noun="directive",
        decorate=label_directive,
    )


def label_directive(directive) -> None:
    directive.display_name = directive_name(directive)


def directive_form(request) -> list[FormField]:
    issuers = values_of(request, "issuer")[:1]

    def single(name: str) -> list[str]:
        return values_of(request, name, split=False)[:1]

    return [
        search_field(
            request,
            _("Keywords"),
            help=_("Kind, number and symbol, or summary; accents are optional."),
        ),
        FormField(
            "symbol",
            _("Number and symbol"),
            "search",
            values=single("symbol"),
            help=_("For example 59-NQ/TW"),
        ),
        FormField("kind", _("Directive kind"), "select", values=single("kind")).choose(
            [(kind, kind) for kind in choices.directive_kinds()], blank=_("Any kind")
        ),
        FormField("issuer", _("Issuer"), "select", values=issuers, suggest="organisations").choose(
            by_name(choices.issuers_to_choose(include=ids_in(issuers))),
            blank=_("Any issuer"),
        ),
        FormField("year", _("Year issued"), "number", values=single("year")),
        FormField("issued_after", _("Issued from"), "date", values=single("issued_after")),
        FormField("issued_before", _("Issued until"), "date", values=single("issued_before")),
        ordering_field(request, DIRECTIVE_ORDERINGS),
    ]


def directive_detail(request, pk: int):
    try:
        directive = directive_with_links(pk)
    except Directive.DoesNotExist:
        raise Http404(_("There is no such directive.")) from None
    for linked in [*directive.implements.all(), *directive.implemented_by.all()]:
        linked.display_name = directive_name(linked)
    name = directive_name(directive)
    articles = entity_articles(
        request,
        Article.objects.citing_directive(directive.pk),
        parameter="directive",
        pk=directive.pk,
        kind=EntityCount.Kind.DIRECTIVE,
        name=name,
    )
    context = {
        "directive": directive,
        "name": name,
        "issuers": ordered_issuers(directive),
        "chain": chain_picture(directive),
        **articles,
    }
    return render(request, "archive/directive_detail.html", context)
