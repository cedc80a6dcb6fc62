"""Reads of articles for the lists and the article page: a row's fields, counts and snippet,
an article with its mentions and the posts it states.

Counts are correlated subqueries (one per column) rather than joins with
GROUP BY, so a list annotated with three counts is still one query and never
repeats a row, whatever filters are chained before it.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Substr

from archive.models import (
    ARTICLE_DATE_FIELDS,
    Article,
    DirectiveMention,
    OrganisationMention,
    PersonMention,
    Position,
)
from archive.selectors.common import count_of, newest_first_ordering

# An article's texts: a row that only names the article needs none of them.
ARTICLE_TEXTS = ("body", "text", "raw_text", "search_document", "blocks")


def without_article_texts(rows: QuerySet) -> QuerySet:
    """Rows (mentions, posts) with their article, but not the article's texts."""
    return rows.select_related("article").defer(*(f"article__{name}" for name in ARTICLE_TEXTS))


def with_article_counts(articles: QuerySet[Article]) -> QuerySet[Article]:
    """How many distinct people, organisations and directives each article mentions."""
    return articles.annotate(
        people_count=count_of(PersonMention.objects.all(), outer="article", counted="person"),
        organisation_count=count_of(
            OrganisationMention.objects.all(), outer="article", counted="organisation"
        ),
        directive_count=count_of(
            DirectiveMention.objects.all(), outer="article", counted="directive"
        ),
    )


def newest_first(articles: QuerySet[Article]) -> QuerySet[Article]:
    """Newest first, undated last (PostgreSQL would put NULL first when descending)."""
    return articles.order_by(*newest_first_ordering())


# What an article row shows (its link, source and date label), without the texts.
ARTICLE_ROW_FIELDS = (
    "id",
    "title",
    "origin",
    "source_name",
    "dateline_place",
    *ARTICLE_DATE_FIELDS,
)


def article_list_rows(articles: QuerySet[Article], *, with_body: bool = False) -> QuerySet[Article]:
    """What a list row shows: no full texts, a snippet of the body, the entity counts.

    `with_body` loads the page's bodies too, to show where a search hit lies.
    """
    return (
        with_article_counts(articles)
        .only(*(("body",) if with_body else ()), *ARTICLE_ROW_FIELDS)
        .annotate(snippet=Substr("body", 1, SNIPPET_LENGTH))
    )


SNIPPET_LENGTH = 240


def article_for_page(article_id: int) -> Article:
    return Article.objects.defer("raw_text", "search_document").get(pk=article_id)


def article_mentions(article: Article) -> dict[str, list]:
    """The article's mentions by kind, each with its entity (one query per kind)."""
    return {
        "person": list(
            PersonMention.objects.filter(article=article).select_related("person").order_by("start")
        ),
        "organisation": list(
            OrganisationMention.objects.filter(article=article)
            .select_related("organisation")
            .order_by("start")
        ),
        "directive": list(
            DirectiveMention.objects.filter(article=article)
            .select_related("directive")
            .order_by("start")
        ),
    }


def article_positions(article: Article) -> QuerySet[Position]:
    return article.positions.select_related("organisation").order_by("person_id", "id")
