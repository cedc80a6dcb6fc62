"""The list of directives and each directive's page: issuer, implementation chain, citations."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

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
    ("-issued_on", "Mới ban hành trước"),
    ("issued_on", "Cũ trước"),
    ("symbol", "Số, ký hiệu A–Z"),
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
        noun="văn bản",
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
            request, "Từ khoá", help="Loại, số, ký hiệu hoặc trích yếu; không cần gõ dấu."
        ),
        FormField(
            "symbol", "Số, ký hiệu", "search", values=single("symbol"), help="Ví dụ 59-NQ/TW"
        ),
        FormField("kind", "Loại văn bản", "select", values=single("kind")).choose(
            [(kind, kind) for kind in choices.directive_kinds()], blank="Mọi loại"
        ),
        FormField(
            "issuer", "Cơ quan ban hành", "select", values=issuers, suggest="organisations"
        ).choose(
            by_name(choices.issuers_to_choose(include=ids_in(issuers))),
            blank="Mọi cơ quan",
        ),
        FormField("year", "Năm ban hành", "number", values=single("year")),
        FormField("issued_after", "Ban hành từ ngày", "date", values=single("issued_after")),
        FormField("issued_before", "Ban hành đến ngày", "date", values=single("issued_before")),
        ordering_field(request, DIRECTIVE_ORDERINGS),
    ]


def directive_detail(request, pk: int):
    try:
        directive = directive_with_links(pk)
    except Directive.DoesNotExist:
        raise Http404("Không có văn bản này.") from None
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
