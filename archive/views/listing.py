"""What every list page shares: a filter form over a shared FilterSet, a capped count, pages.

An invalid filter value never reaches the database: the page answers with the
form and its messages (archive.views.filter_form) instead of a list.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import EmptyPage
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive.display import article_date
from archive.paging import CappedPage, CappedPaginator
from archive.search.syntax import words_apart
from archive.selectors.articles import article_list_rows, newest_first
from archive.views.filter_form import (
    FormField,
    attach_errors,
    error_summary,
    form_errors,
    unknown_entity_messages,
    without_blank_parameters,
)
from archive.views.limits import too_many_values_response
from archive.views.pictures import mention_chart

PAGE_SIZE = 20
# A page number past this is refused: OFFSET would only make the database work.
MAX_PAGE = 10_000


def paginate(request: HttpRequest, queryset: QuerySet, *, decorate=None, size: int = PAGE_SIZE):
    """(page, error message or ""): a capped count, the page's ids, then its rows.

    `queryset` is filtered and ordered; `decorate(queryset)` adds what a row
    shows (counts, related rows). It runs on the page's ids only: in one
    query with the filter, PostgreSQL would compute the row's subqueries for
    every match before sorting, and a broad search would take seconds. A
    number past the last page shows an empty page with a link back.
    """
    raw = request.GET.get("page", "1").strip() or "1"
    error = ""
    number = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not 1 <= number <= MAX_PAGE:
        number = 1
        error = _("The page number “%(page)s” is not valid; showing page 1.") % {"page": raw[:20]}
    paginator = CappedPaginator(queryset.values_list("pk", flat=True), size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        page = CappedPage([], number, paginator)
    ids = list(page.object_list)
    if ids:
        shown = queryset.model._default_manager.filter(pk__in=ids)
        position = {pk: index for index, pk in enumerate(ids)}
        page.object_list = sorted(
            decorate(shown) if decorate else shown, key=lambda row: position[row.pk]
        )
    return page, error


def list_page(
    request: HttpRequest,
    template: str,
    *,
    filterset,
    rows: Callable[[QuerySet], QuerySet],
    kinds: dict[str, str],
    form: Callable[[HttpRequest], list[FormField]],
    noun: str,
    decorate: Callable[[object], None] | None = None,
    notes: Callable[[object], dict] | None = None,
    aside: Callable[[HttpRequest], dict] | None = None,
) -> HttpResponse:
    """A list page: the filter form with its messages, the capped count, a page of rows.

    `form(request)` builds the controls, `rows` adds what a row shows,
    `decorate(row)` labels a row for the template, `notes(filterset)` adds
    what the page says about the filter (read only for a valid one),
    `aside(request)` what it shows beside a valid list (the link to the facets,
    which are read in a second request: archive.views.fragments). An
    invalid filter answers 400 with the form and its messages, never a page
    of unfiltered rows.
    """
    if refusal := too_many_values_response(request):
        return refusal
    if redirect := without_blank_parameters(request):
        return redirect
    page, errors = filtered_page(request, filterset, rows=rows, kinds=kinds)
    fields = form(request)
    stray = attach_errors(fields, errors)
    if page is not None and decorate is not None:
        for row in page.object_list:
            decorate(row)
    context = {
        "fields": fields,
        "errors": error_summary(fields, stray),
        "page": page,
        "count_phrase": count_phrase(page, noun) if page is not None else "",
        "filtered": any(value for key, value in request.GET.items() if key != "page"),
        # Carried to the rows' links, so a page reached from a search marks it.
        "query": request.GET.get("q", "").strip(),
    }
    if page is not None and notes is not None:
        context |= notes(filterset)
    if page is not None and not page.object_list and (apart := words_apart(context["query"])):
        context["words_apart_url"] = "?" + urlencode({"q": apart})
    invalid = bool(set(errors) - {"page"})
    if aside is not None and page is not None and not invalid:
        context |= aside(request)
    return render(request, template, context, status=400 if invalid else 200)


def filtered_page(request: HttpRequest, filterset, *, rows, kinds: dict[str, str]):
    """Validate the filters, then count and slice: (page or None, errors by parameter).

    An invalid value never reaches the database; an empty result is checked
    for entities that do not exist, so "no such person" is not shown as
    "nothing matches".
    """
    if not filterset.is_valid():
        return None, form_errors(filterset, kinds)
    page, page_error = paginate(request, filterset.qs, decorate=rows)
    errors: dict[str, list[str]] = {"page": [page_error]} if page_error else {}
    if not page.object_list:
        errors |= unknown_entity_messages(filterset)
    return page, errors


# The count above a list, by what it lists: (more than the cap, none, some).
COUNT_PHRASES = {
    "article": (
        _("More than %(count)d articles"),
        _("No matching articles found."),
        lambda n: ngettext("Found %(count)d article", "Found %(count)d articles", n),
    ),
    "person": (
        _("More than %(count)d people"),
        _("No matching people found."),
        lambda n: ngettext("Found %(count)d person", "Found %(count)d people", n),
    ),
    "organisation": (
        _("More than %(count)d organisations"),
        _("No matching organisations found."),
        lambda n: ngettext("Found %(count)d organisation", "Found %(count)d organisations", n),
    ),
    "directive": (
        _("More than %(count)d directives"),
        _("No matching directives found."),
        lambda n: ngettext("Found %(count)d directive", "Found %(count)d directives", n),
    ),
}


def count_phrase(page: CappedPage, noun: str) -> str:
    """ "Found 12 articles" and the like; `noun` is a key of COUNT_PHRASES."""
    capped, none, found = COUNT_PHRASES[noun]
    if page.paginator.capped:
        return capped % {"count": page.paginator.cap}
    if page.paginator.count == 0:
        return str(none)
    return found(page.paginator.count) % {"count": page.paginator.count}


def article_page(request: HttpRequest, articles: QuerySet) -> tuple[CappedPage, str]:
    """A page of article rows for an entity's page, newest first, each with its date label."""
    page, error = paginate(request, newest_first(articles), decorate=article_list_rows)
    for article in page.object_list:
        label_date(article)
    return page, error


def entity_articles(
    request: HttpRequest, articles: QuerySet, *, parameter: str, pk: int, kind: str, name: str
) -> dict:
    """What an entity's page shows of its articles: a page of them, a link, a chart.

    `parameter` is the article list's filter for the entity ("person"), so
    that the link opens the full list; its mentions (an EntityCount kind) are
    charted month by month.
    """
    page, page_error = article_page(request, articles)
    return {
        "page": page,
        "page_error": page_error,
        "list_url": reverse("archive:article_list") + f"?{parameter}={pk}",
        "feed_url": reverse("archive:article_feed") + f"?{parameter}={pk}",
        "count_phrase": count_phrase(page, "article"),
        "chart": mention_chart(kind, pk, name=name),
    }


def label_date(article) -> None:
    """An article row's date as far as it is known, for the template."""
    article.date_label = article_date(article)
