"""Reads for the REST API: each list and detail as one QuerySet with its prefetching.

A list loads only the columns its items show (an article's body and raw text
can be megabytes) and joins or prefetches everything else, so the number of
queries per request does not depend on the page size. A detail embeds at most
`EMBED_LIMIT` rows of an unbounded collection (an organisation's people, the
articles citing a directive) plus their total; the full set is one filtered
list away.
"""

from __future__ import annotations

from django.db.models import (
    F,
    Prefetch,
    QuerySet,
)

from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    Position,
)
from archive.selectors.common import count_of, newest_first_ordering

EMBED_LIMIT = 100

ARTICLE_LIST_FIELDS = ("id", "title", "author", "source_name", "source_url", "published_on")


# --- Articles ----------------------------------------------------------------


def list_articles(*, with_body: bool = False) -> QuerySet[Article]:
    """The list's columns; `with_body` adds the body, for a search's snippets."""
    return Article.objects.only(*ARTICLE_LIST_FIELDS, *(("body",) if with_body else ()))


def _mentions(model, entity: str, entity_fields: tuple[str, ...]) -> QuerySet:
    return (
        model.objects.select_related(entity)
        .only(
            "id",
            "article_id",
            "surface",
            "start",
            "end",
            "sentence",
            *[f"{entity}__{field}" for field in entity_fields],
        )
        .order_by("start", "id")
    )


def get_articles_for_detail() -> QuerySet[Article]:
    """Articles with every mention (and its entity) prefetched: four queries per article."""
    return Article.objects.defer("raw_text", "search_document", "blocks").prefetch_related(
        Prefetch(
            "personmention_set",
            queryset=_mentions(PersonMention, "person", ("id", "name")),
            to_attr="person_mentions",
        ),
        Prefetch(
            "organisationmention_set",
            queryset=_mentions(OrganisationMention, "organisation", ("id", "name", "abbreviation")),
            to_attr="organisation_mentions",
        ),
        Prefetch(
            "directivemention_set",
            queryset=_mentions(DirectiveMention, "directive", ("id", "symbol", "kind", "number")),
            to_attr="directive_mentions",
        ),
    )


# --- People ------------------------------------------------------------------


def list_people() -> QuerySet[Person]:
    return Person.objects.only("id", "name", "rank")


def get_people_for_detail() -> QuerySet[Person]:
    positions = (
        Position.objects.select_related("organisation", "article")
        .only(
            "id",
            "person_id",
            "title",
            "role",
            "organisation__id",
            "organisation__name",
            "organisation__abbreviation",
            "article__id",
            "article__title",
            "article__published_on",
        )
        .order_by(*newest_first_ordering("article__"), "-id")
    )
    return Person.objects.annotate(
        article_count=count_of(PersonMention.objects.all(), outer="person", counted="article"),
        position_count=count_of(Position.objects.all(), outer="person", counted="id"),
    ).prefetch_related(
        Prefetch("aliases", queryset=PersonAlias.objects.order_by("name")),
        Prefetch("positions", queryset=positions[:EMBED_LIMIT], to_attr="latest_positions"),
    )


# --- Organisations -----------------------------------------------------------


def list_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.only("id", "name", "abbreviation").prefetch_related(
        Prefetch("aliases", queryset=OrganisationAlias.objects.order_by("name"))
    )


def get_organisations_for_detail() -> QuerySet[Organisation]:
    return (
        Organisation.objects.select_related("parent")
        .annotate(
            article_count=count_of(
                OrganisationMention.objects.all(), outer="organisation", counted="article"
            ),
            child_count=count_of(Organisation.objects.all(), outer="parent", counted="id"),
            people_count=count_of(Position.objects.all(), outer="organisation", counted="person"),
        )
        .prefetch_related(
            Prefetch("aliases", queryset=OrganisationAlias.objects.order_by("name")),
            Prefetch(
                "children",
                queryset=Organisation.objects.only(
                    "id", "name", "abbreviation", "parent_id"
                ).order_by("name", "id")[:EMBED_LIMIT],
                to_attr="first_children",
            ),
        )
    )


def people_holding_post_in(*, organisation: Organisation) -> list[Person]:
    """People with a post in the organisation, each with the posts stated there (two queries)."""
    posts = Position.objects.filter(organisation=organisation).order_by("title", "id")
    return list(
        Person.objects.holding_post_in(organisation.pk)
        .only("id", "name", "rank")
        .order_by("name", "id")
        .prefetch_related(Prefetch("positions", queryset=posts, to_attr="posts_here"))[:EMBED_LIMIT]
    )


# --- Directives --------------------------------------------------------------


def list_directives() -> QuerySet[Directive]:
    return Directive.objects.select_related("issuer").only(
        "id", "symbol", "kind", "number", "issued_on", "issuer__id", "issuer__name"
    )


def get_directives_for_detail() -> QuerySet[Directive]:
    linked = Directive.objects.only("id", "symbol", "kind", "number", "issued_on").order_by(
        F("issued_on").desc(nulls_last=True), "id"
    )
    return (
        Directive.objects.select_related("issuer")
        .annotate(
            article_count=count_of(
                DirectiveMention.objects.all(), outer="directive", counted="article"
            )
        )
        .prefetch_related(
            Prefetch("implements", queryset=linked),
            Prefetch("implemented_by", queryset=linked),
        )
    )


def articles_citing(*, directive: Directive) -> list[Article]:
    return list(
        Article.objects.citing_directive(directive.pk)
        .only(*ARTICLE_LIST_FIELDS)
        .order_by(*newest_first_ordering(""))[:EMBED_LIMIT]
    )
