"""The article list (also the home page) and the article page with its mentions marked."""

from __future__ import annotations

from functools import partial

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.display import article_date, directive_name
from archive.filters import ArticleFilter
from archive.filters.base import MAX_QUERY_LENGTH
from archive.models import Article
from archive.search.hits import find_hits, marked, snippet
from archive.search.syntax import ParsedQuery, parse_query
from archive.selectors import choices
from archive.selectors.articles import (
    ARTICLE_ROW_FIELDS,
    article_for_page,
    article_list_rows,
    article_mentions,
    article_positions,
)
from archive.selectors.similar import similar_articles
from archive.selectors.stories import story_copies
from archive.views.facets import facet_context, first_page_url
from archive.views.filter_form import (
    FormField,
    by_name,
    ids_in,
    in_vietnamese_order,
    ordering_field,
    search_field,
    values_of,
)
from archive.views.fragments import render_fragment
from archive.views.highlight import Span, reading_blocks, with_hits
from archive.views.limits import too_many_values_response
from archive.views.listing import label_date, list_page

ARTICLE_ORDERINGS = [
    ("-published_on", _("Newest first")),
    ("published_on", _("Oldest first")),
    ("title", _("Title A–Z")),
    ("-title", _("Title Z–A")),
]
# The syntax of archive.search.syntax, for a reader.
SEARCH_HELP = _(
    "Accents are optional. Words typed side by side are found as a phrase: “luong tam quang” "
    'finds that name only. Several phrases in quotes ("bo cong an" "ha noi"): articles with '
    "all of them; OR: either of two; -word: leave out articles with that word."
)
ARTICLE_VALUE_KINDS = {
    "published_after": "date",
    "published_before": "date",
    "include_undated": "boolean",
    "person": "entity",
    "organisation": "entity",
    "directive": "directive",
}


def article_form(request) -> list[FormField]:
    people = values_of(request, "person")
    organisations = values_of(request, "organisation")
    directives = values_of(request, "directive")
    directive_options = [
        (d.symbol or str(d.pk), directive_name(d))
        for d in choices.directives_to_choose(
            include_ids=ids_in(directives),
            include_symbols=[v for v in directives if v and not v.isdigit()][:20],
        )
    ]
    return [
        search_field(request, _("Keywords"), help=SEARCH_HELP),
        FormField(
            "person", _("Person"), "select", values=people, many=True, suggest="people"
        ).choose(by_name(choices.people_to_choose(include=ids_in(people))), blank=_("All people")),
        FormField(
            "organisation",
            _("Organisation"),
            "select",
            values=organisations,
            many=True,
            suggest="organisations",
        ).choose(
            by_name(choices.organisations_to_choose(include=ids_in(organisations))),
            blank=_("All organisations"),
        ),
        FormField(
            "directive",
            _("Directive"),
            "select",
            values=directives,
            many=True,
            suggest="directives",
        ).choose(in_vietnamese_order(directive_options), blank=_("All directives")),
        FormField(
            "published_after", _("From"), "date", values=values_of(request, "published_after")[:1]
        ),
        FormField(
            "published_before",
            _("To"),
            "date",
            values=values_of(request, "published_before")[:1],
        ),
        FormField(
            "include_undated",
            _("Articles of unknown year"),
            "select",
            values=values_of(request, "include_undated")[:1],
            help=_("When filtering by date."),
        ).choose([("true", _("Keep"))], blank=_("Leave out")),
        FormField(
            "source_name", _("Source"), "select", values=values_of(request, "source_name")[:1]
        ).choose([(s, s) for s in choices.source_names()], blank=_("All sources")),
        ordering_field(request, ARTICLE_ORDERINGS),
    ]


# The undated articles a date filter leaves out are counted up to this many.
UNDATED_CAP = 1000


def undated_note(filterset) -> dict:
    """How many undated articles the date filter left out, for the one-click offer."""
    left_out = filterset.undated_left_out(cap=UNDATED_CAP)
    if left_out is None or not left_out[0]:
        return {}
    count, more = left_out
    return {"undated_count": _("more than %(count)d") % {"count": count} if more else str(count)}


def article_list(request):
    parsed = parse_query(request.GET.get("q", ""))

    def decorate(article) -> None:
        label_date(article)
        if parsed:
            mark_hits(article, parsed)

    return list_page(
        request,
        "archive/article_list.html",
        filterset=ArticleFilter(request.GET, queryset=Article.objects.all()),
        rows=partial(article_list_rows, with_body=bool(parsed)),
        kinds=ARTICLE_VALUE_KINDS,
        form=article_form,
        noun="article",
        decorate=decorate,
        notes=undated_note,
        aside=facets_link,
    )


def facets_link(request) -> dict:
    """Where the list's facets are read, in a second request, for the same filters."""
    return {"facets_url": first_page_url(reverse("archive:article_facets"), request.GET.copy())}


def article_facets_block(request):
    """The facets of the article list under the request's filters, as a block of links.

    An invalid filter gets no facets (400), as the list gets no rows.
    """
    if refusal := too_many_values_response(request):
        return refusal
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    back_url = first_page_url(reverse("archive:article_list"), request.GET.copy())
    valid = filterset.is_valid()
    return render_fragment(
        request,
        "archive/fragments/facets.html",
        facet_context(request, filterset.qs) if valid else {},
        title=_("Narrow the results"),
        back_url=back_url,
        back_label=_("Articles"),
        status=200 if valid else 400,
    )


def mark_hits(article, parsed: ParsedQuery) -> None:
    """The row's title and an excerpt of its body with the searched phrases marked."""
    article.title_pieces = marked(article.title, find_hits(article.title, parsed.phrases))
    article.snippet_pieces = snippet(article.body, find_hits(article.body, parsed.phrases))


ENTITY_URLS = {
    "person": "archive:person_detail",
    "organisation": "archive:organisation_detail",
    "directive": "archive:directive_detail",
}


def mention_spans(mentions: dict[str, list]) -> tuple[list[Span], dict[str, list[dict]]]:
    """Each mention as a span to mark, and by kind each entity once, with its mention count."""
    spans, entities = [], {}
    for kind, rows in mentions.items():
        seen: dict[int, dict] = {}
        for mention in rows:
            entity = getattr(mention, kind)
            url = reverse(ENTITY_URLS[kind], args=[entity.pk])
            label = directive_name(entity) if kind == "directive" else str(entity)
            spans.append(Span(mention.start, mention.end, kind, url, label))
            entry = seen.setdefault(
                entity.pk, {"entity": entity, "url": url, "label": label, "count": 0, "posts": []}
            )
            entry["count"] += 1
        entities[kind] = list(seen.values())
    return spans, entities


def title_as_written(article) -> str:
    block = next((b for b in article.blocks if b["kind"] == "title"), None)
    return article.text[block["start"] : block["end"]] if block else ""


def similar_rows(article_id: int) -> list[Article]:
    """The articles most like this one, each loaded as a list row with its date label."""
    rows = similar_articles(article_id, rows=Article.objects.only(*ARTICLE_ROW_FIELDS))
    for row in rows:
        label_date(row)
    return rows


def article_detail(request, pk: int):
    try:
        article = article_for_page(pk)
    except Article.DoesNotExist:
        raise Http404(_("There is no such article.")) from None
    spans, entities = mention_spans(article_mentions(article))
    people = {entry["entity"].pk: entry for entry in entities["person"]}
    for position in article_positions(article):
        if position.person_id in people:
            people[position.person_id]["posts"].append(position)
    mention_total = len(spans)
    parsed = parse_query(request.GET.get("q", "")[:MAX_QUERY_LENGTH])
    if parsed:
        spans = with_hits(spans, find_hits(article.text, parsed.phrases))
    blocks = reading_blocks(article.text, article.blocks, spans)
    title = next((b for b in blocks if b.kind == "title"), None)
    context = {
        "article": article,
        "date_label": article_date(article),
        # An editor's corrected title replaces the one in the text (and its marks).
        "title_pieces": title.pieces
        if title and title_as_written(article) == article.title
        else None,
        "blocks": [b for b in blocks if b.kind != "title"],
        "entities": entities,
        "mention_total": mention_total,
        "query": request.GET.get("q", "").strip() if parsed else "",
        "copies": story_copies(article.pk),
        "similar": similar_rows(article.pk),
    }
    return render(request, "archive/article_detail.html", context)
