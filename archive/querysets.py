"""Read verbs for the archive's models: what a listing, a filter or the API asks for.

Each verb returns a QuerySet, so they chain: `Article.objects.search("cong an")
.mentioning_person(3)`. Entity filters are subqueries (`id IN (SELECT ...)`),
never joins, so a filtered list never repeats an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections, models

from archive.extraction.normalize import fold_accents

if TYPE_CHECKING:
    from collections.abc import Iterable

# The text-search configuration: "simple" does no stemming or stop words, which
# suits accent-folded Vietnamese syllables. The GIN index (migration 0002) is
# built over exactly this expression, so the planner can use it.
SEARCH_CONFIG = "simple"


def search_vector() -> SearchVector:
    return SearchVector("search_document", config=SEARCH_CONFIG)


class SearchableQuerySet(models.QuerySet):
    def search(self, query: str):
        """Accent- and case-insensitive search: every word of the query must occur."""
        words = fold_accents(query).split()
        if not words:
            return self
        if connections[self.db].vendor == "postgresql":
            return self.annotate(_search=search_vector()).filter(
                _search=SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="plain")
            )
        condition = models.Q()
        for word in words:
            condition &= models.Q(search_document__contains=word)
        return self.filter(condition)


def _mentions(model_name: str):
    return apps.get_model("archive", model_name).objects


class ArticleQuerySet(SearchableQuerySet):
    def mentioning_person(self, person_id: int):
        return self.filter(
            id__in=_mentions("PersonMention").filter(person_id=person_id).values("article_id")
        )

    def mentioning_organisation(self, organisation_id: int):
        return self.filter(
            id__in=_mentions("OrganisationMention")
            .filter(organisation_id=organisation_id)
            .values("article_id")
        )

    def citing_directive(self, directive_id: int):
        return self.filter(
            id__in=_mentions("DirectiveMention")
            .filter(directive_id=directive_id)
            .values("article_id")
        )

    def mentioning_all(
        self,
        *,
        people: Iterable[int] = (),
        organisations: Iterable[int] = (),
        directives: Iterable[int] = (),
    ):
        """Articles that mention every one of the given entities."""
        queryset = self
        for person_id in people:
            queryset = queryset.mentioning_person(person_id)
        for organisation_id in organisations:
            queryset = queryset.mentioning_organisation(organisation_id)
        for directive_id in directives:
            queryset = queryset.citing_directive(directive_id)
        return queryset

    def published_between(self, after=None, before=None):
        queryset = self
        if after is not None:
            queryset = queryset.filter(published_on__gte=after)
        if before is not None:
            queryset = queryset.filter(published_on__lte=before)
        return queryset


class PersonQuerySet(SearchableQuerySet):
    def mentioned_in(self, article_id: int):
        return self.filter(
            id__in=_mentions("PersonMention").filter(article_id=article_id).values("person_id")
        )

    def holding_post_in(self, organisation_id: int):
        return self.filter(
            id__in=apps.get_model("archive", "Position")
            .objects.filter(organisation_id=organisation_id)
            .values("person_id")
        )

    def with_article_count(self):
        return self.annotate(article_count=models.Count("mentions__article", distinct=True))


class OrganisationQuerySet(SearchableQuerySet):
    def mentioned_in(self, article_id: int):
        return self.filter(
            id__in=_mentions("OrganisationMention")
            .filter(article_id=article_id)
            .values("organisation_id")
        )


class DirectiveQuerySet(SearchableQuerySet):
    def cited_in(self, article_id: int):
        return self.filter(
            id__in=_mentions("DirectiveMention")
            .filter(article_id=article_id)
            .values("directive_id")
        )
