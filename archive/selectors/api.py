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
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from archive.models import (
    Article,
    Directive,
    DirectiveIssuer,
    DirectiveMention,
    EntityCount,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    Position,
    PostCount,
)
from archive.selectors.common import article_count_of, count_of, newest_first_ordering

EMBED_LIMIT = 100

# published_year_inferred: an inferred date is shown as one in the list too.
ARTICLE_LIST_FIELDS = (
    "id",
    "title",
    "author",
    "source_name",
    "source_url",
    "published_on",
    "published_year_inferred",
)


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


# The kinds of mention an article has: its prefetch attribute, entity field and model.
ARTICLE_MENTIONS = {
    "person": ("person_mentions", PersonMention, ("id", "name")),
    "organisation": ("organisation_mentions", OrganisationMention, ("id", "name", "abbreviation")),
    "directive": ("directive_mentions", DirectiveMention, ("id", "symbol", "kind", "number")),
}


def get_articles_for_detail(*, embed: int | None = EMBED_LIMIT) -> QuerySet[Article]:
    """Articles with their first `embed` mentions of each kind (and entities) prefetched,
    and each kind's total: four queries per article.

    An article can cite thousands of directives; a detail embeds the first
    mentions in text order, and `list_article_mentions` pages through the
    rest. `embed=None` prefetches all (the import reply, whose work is
    already proportional to the mentions written).
    """
    prefetches = []
    totals = {}
    for entity, (attribute, model, fields) in ARTICLE_MENTIONS.items():
        mentions = _mentions(model, entity, fields)
        prefetches.append(
            Prefetch(
                f"{model._meta.model_name}_set",
                queryset=mentions if embed is None else mentions[:embed],
                to_attr=attribute,
            )
        )
        totals[f"{entity}_mention_count"] = count_of(
            model.objects.all(), outer="article", counted="id"
        )
    return (
        Article.objects.defer("raw_text", "search_document", "blocks")
        .annotate(**totals)
        .prefetch_related(*prefetches)
    )


def list_article_mentions(*, article_id: int, entity: str) -> QuerySet:
    """One article's mentions of one kind of entity, in text order (for paging)."""
    _, model, fields = ARTICLE_MENTIONS[entity]
    return _mentions(model, entity, fields).filter(article_id=article_id)


# --- People ------------------------------------------------------------------


def list_people() -> QuerySet[Person]:
    return Person.objects.only("id", "name", "rank")


def get_people_for_detail() -> QuerySet[Person]:
    stated = (
        PostCount.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(total=Sum("articles"))
        .values("total")
    )
    added = Position.objects.filter(article__isnull=True)
    return Person.objects.annotate(
        article_count=article_count_of(EntityCount.Kind.PERSON),
        # A post stated by an article is one article of its post count; an
        # editor's posts are counted from their own (partial) index.
        added_position_count=count_of(added, outer="person", counted="id"),
        position_count=Coalesce(Subquery(stated, output_field=IntegerField()), 0)
        + F("added_position_count"),
    ).prefetch_related(Prefetch("aliases", queryset=PersonAlias.objects.order_by("name")))


def latest_positions_of(*, person: Person) -> list[Position]:
    """The person's EMBED_LIMIT posts stated most recently, then those an editor added.

    Not a sliced Prefetch: Django slices a prefetch with a window function over
    all the person's posts, hundreds of thousands for a person named in a third
    of the archive; a plain LIMIT lets PostgreSQL walk the articles newest first
    and stop after a page. That walk is over the person's latest articles (an
    inner join from the feed index, which the LEFT JOIN of a post to its
    possibly missing article keeps PostgreSQL from); the posts an editor added
    come after them, read only when the person has some (`added_position_count`
    of get_people_for_detail, else one query to know).
    """
    articles = (
        Article.objects.filter(positions__person=person)
        .order_by(*newest_first_ordering(""))
        .values("id")[:EMBED_LIMIT]
    )
    stated = _latest_positions(Position.objects.filter(person=person, article__in=articles))
    rows = list(stated[:EMBED_LIMIT])
    if len(rows) < EMBED_LIMIT and getattr(person, "added_position_count", 1):
        added = _latest_positions(Position.objects.filter(person=person, article__isnull=True))
        rows += added.order_by("-id")[: EMBED_LIMIT - len(rows)]
    return rows


def _latest_positions(positions: QuerySet[Position]) -> QuerySet[Position]:
    return (
        positions.select_related("organisation", "article")
        .only(
            "id",
            "person_id",
            "title",
            "role",
            "former",
            "organisation__id",
            "organisation__name",
            "organisation__abbreviation",
            "article__id",
            "article__title",
            "article__published_on",
        )
        .order_by(*newest_first_ordering("article__"), "-id")
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
            article_count=article_count_of(EntityCount.Kind.ORGANISATION),
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
        .annotate(article_count=article_count_of(EntityCount.Kind.DIRECTIVE))
        .prefetch_related(
            Prefetch("implements", queryset=linked),
            Prefetch("implemented_by", queryset=linked),
            Prefetch("issuer_links", queryset=_issuer_links()),
        )
    )


def _issuer_links() -> QuerySet[DirectiveIssuer]:
    return DirectiveIssuer.objects.select_related("organisation").only(
        "directive_id", "order", "organisation__id", "organisation__name"
    )


def articles_citing(*, directive: Directive) -> list[Article]:
    return list(
        Article.objects.citing_directive(directive.pk)
        .only(*ARTICLE_LIST_FIELDS)
        .order_by(*newest_first_ordering(""))[:EMBED_LIMIT]
    )
