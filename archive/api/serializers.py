"""How the API shows the archive's records: list items, details, and the entities an article names.

Read-only shapes live here; the write serializers (validation of an editor's
input) are in `writes.py`. Serializers only shape data already loaded by
`archive.selectors.api`: none of them runs a query of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from archive.models import Article, Directive, Organisation, Person, ordered_issuers
from archive.search.hits import find_hits, snippet
from archive.selectors.api import ARTICLE_LIST_FIELDS, EMBED_LIMIT
from archive.selectors.positions import RankSummary, person_rank_summary


@extend_schema_field({"type": "string", "format": "uri"})
class DetailLinkField(serializers.Field):
    """The row's own API address, as HyperlinkedIdentityField writes it, reversed once per list.

    DRF's field runs reverse() and build_absolute_uri() for every row, a fifth
    of the time of a page of articles; the addresses of one list differ only
    by the id, so the first row's address is built around a placeholder and
    the others fill it in.
    """

    PLACEHOLDER = 918273645546372819

    def __init__(self, *, view_name: str, **kwargs):
        self.view_name = view_name
        self.parts: tuple[str, str] | None = None
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        if self.parts is None:
            path = reverse(self.view_name, kwargs={"pk": self.PLACEHOLDER})
            request = self.context.get("request")
            url = request.build_absolute_uri(path) if request else path
            before, _, after = url.partition(str(self.PLACEHOLDER))
            self.parts = (before, after)
        return f"{self.parts[0]}{value.pk}{self.parts[1]}"


def _url(view_name: str) -> DetailLinkField:
    return DetailLinkField(view_name=f"api:{view_name}-detail")


def _related_url(view_name: str, source: str | None = None) -> serializers.HyperlinkedRelatedField:
    return serializers.HyperlinkedRelatedField(
        view_name=f"api:{view_name}-detail", read_only=True, source=source
    )


@extend_schema_field({"type": "string", "format": "uri"})
class ListLinkField(serializers.Field):
    """A link to a filtered list, e.g. /api/articles/?person=3."""

    def __init__(self, *, view_name: str, parameter: str, **kwargs):
        self.view_name = view_name
        self.parameter = parameter
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        path = f"{reverse(f'api:{self.view_name}-list')}?{self.parameter}={value.pk}"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


# --- Small references ----------------------------------------------------------


class OrganisationRefSerializer(serializers.ModelSerializer):
    url = _url("organisation")

    class Meta:
        model = Organisation
        fields = ["id", "name", "abbreviation", "url"]


class DirectiveRefSerializer(serializers.ModelSerializer):
    url = _url("directive")
    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Directive
        fields = ["id", "symbol", "kind", "number", "name", "issued_on", "url"]


class ArticleRefSerializer(serializers.ModelSerializer):
    url = _url("article")

    class Meta:
        model = Article
        fields = ["id", "title", "published_on", "url"]


# --- Lists ---------------------------------------------------------------------


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "description": "With `q`: an excerpt of the body around the first hit; `marks` are "
        "[start, end) character offsets of the searched phrases in `text`. Null without `q`.",
        "properties": {
            "text": {"type": "string"},
            "marks": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2},
            },
        },
    }
)
class SnippetField(serializers.Field):
    """Where the search (context["search"], a ParsedQuery) hit the article's body, as data."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict | None:
        parsed = self.context.get("search")
        if not parsed:
            return None
        text, marks = "", []
        for piece in snippet(value.body, find_hits(value.body, parsed.phrases)):
            if piece.marked:
                marks.append([len(text), len(text) + len(piece.text)])
            text += piece.text
        return {"text": text, "marks": marks}


class ArticleListSerializer(serializers.ModelSerializer):
    url = _url("article")
    snippet = SnippetField()

    class Meta:
        model = Article
        # The columns the list selector loads: a field shown but not loaded
        # would cost one query per row (the body only with a search).
        fields = [*ARTICLE_LIST_FIELDS, "url", "snippet"]


class PersonListSerializer(serializers.ModelSerializer):
    url = _url("person")

    class Meta:
        model = Person
        fields = ["id", "name", "rank", "url"]


class AliasNamesField(serializers.ListField):
    """The aliases' names (prefetched, so no query per row)."""

    child = serializers.CharField()

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, data):
        return [alias.name for alias in data.all()]


class OrganisationListSerializer(serializers.ModelSerializer):
    url = _url("organisation")
    aliases = AliasNamesField()

    class Meta:
        model = Organisation
        fields = ["id", "name", "abbreviation", "aliases", "url"]


class IssuerSerializer(serializers.ModelSerializer):
    url = _url("organisation")

    class Meta:
        model = Organisation
        fields = ["id", "name", "url"]


class DirectiveListSerializer(serializers.ModelSerializer):
    url = _url("directive")
    issuer = IssuerSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Directive
        fields = ["id", "symbol", "kind", "number", "issued_on", "issuer", "url"]


# --- Article detail: the entities it names, each with its mentions -------------


class MentionSerializer(serializers.Serializer):
    surface = serializers.CharField(help_text="The words as written in the article.")
    start = serializers.IntegerField(help_text="Offset of the first character in `text`.")
    end = serializers.IntegerField(help_text="Offset just past the last character in `text`.")
    sentence = serializers.CharField(help_text="The sentence the mention occurs in.")


@dataclass
class MentionGroup:
    """One entity an article names and all its mentions there, in text order."""

    entity: object
    mentions: list = field(default_factory=list)


def group_mentions(mentions, entity: str) -> list[MentionGroup]:
    """Mentions (ordered by offset) grouped by entity, entities in order of first mention."""
    groups: dict[int, MentionGroup] = {}
    for mention in mentions:
        record = getattr(mention, entity)
        groups.setdefault(record.pk, MentionGroup(entity=record)).mentions.append(mention)
    return list(groups.values())


class ArticleMentionSerializer(MentionSerializer):
    """One mention in the paged list of an article's mentions of one kind."""

    entity_id = serializers.SerializerMethodField()
    entity_name = serializers.SerializerMethodField()
    entity_url = serializers.SerializerMethodField()

    def _entity(self, mention):
        return getattr(mention, self.context["entity"])

    def get_entity_id(self, mention) -> int:
        return self._entity(mention).pk

    def get_entity_name(self, mention) -> str:
        return (
            str(self._entity(mention))
            if self.context["entity"] == "directive"
            else (self._entity(mention).name)
        )

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_entity_url(self, mention) -> str:
        entity = self._entity(mention)
        path = reverse(f"api:{self.context['entity']}-detail", args=[entity.pk])
        return self.context["request"].build_absolute_uri(path)


class MentionedPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="entity.pk")
    name = serializers.CharField(source="entity.name")
    url = _related_url("person", source="entity")
    mentions = MentionSerializer(many=True)


class MentionedOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="entity.pk")
    name = serializers.CharField(source="entity.name")
    abbreviation = serializers.CharField(source="entity.abbreviation")
    url = _related_url("organisation", source="entity")
    mentions = MentionSerializer(many=True)


class MentionedDirectiveSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="entity.pk")
    symbol = serializers.CharField(source="entity.symbol", allow_null=True)
    name = serializers.CharField(source="entity.__str__")
    url = _related_url("directive", source="entity")
    mentions = MentionSerializer(many=True)


class PublishedSerializer(serializers.Serializer):
    """The publication date as far as it is known (a date may lack its year)."""

    year = serializers.IntegerField(source="published_year", allow_null=True)
    month = serializers.IntegerField(source="published_month", allow_null=True)
    day = serializers.IntegerField(source="published_day", allow_null=True)
    precision = serializers.CharField(source="published_precision")
    year_inferred = serializers.BooleanField(source="published_year_inferred")
    year_evidence = serializers.CharField(
        source="published_evidence",
        help_text="How an inferred year was found (Vietnamese, completes 'năm suy ra từ …'); "
        "empty when the year is written or confirmed by an editor.",
    )


class MentionCountsSerializer(serializers.Serializer):
    people = serializers.IntegerField(source="person_mention_count")
    organisations = serializers.IntegerField(source="organisation_mention_count")
    directives = serializers.IntegerField(source="directive_mention_count")


class ArticleDetailSerializer(ArticleListSerializer):
    dateline = serializers.CharField(source="dateline_place", read_only=True)
    published = PublishedSerializer(source="*", read_only=True)
    people = serializers.SerializerMethodField(
        help_text=f"Entities of the first {EMBED_LIMIT} person mentions, in text order."
    )
    organisations = serializers.SerializerMethodField(
        help_text=f"Entities of the first {EMBED_LIMIT} organisation mentions, in text order."
    )
    directives = serializers.SerializerMethodField(
        help_text=f"Entities of the first {EMBED_LIMIT} directive mentions, in text order."
    )
    mention_counts = MentionCountsSerializer(
        source="*", read_only=True, help_text="All mentions of each kind, embedded or not."
    )
    mentions_url = serializers.HyperlinkedIdentityField(
        view_name="api:article-mentions",
        help_text="Every mention, paged: add ?kind=person, organisation or directive.",
    )

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            "published",
            "dateline",
            "body",
            "captions",
            "text",
            "origin",
            "notes",
            "edited_fields",
            "people",
            "organisations",
            "directives",
            "mention_counts",
            "mentions_url",
        ]

    def _groups(self, article, attribute: str, entity: str, serializer_class) -> list[dict]:
        groups = group_mentions(getattr(article, attribute), entity)
        return serializer_class(groups, many=True, context=self.context).data

    @extend_schema_field(MentionedPersonSerializer(many=True))
    def get_people(self, article) -> list[dict]:
        return self._groups(article, "person_mentions", "person", MentionedPersonSerializer)

    @extend_schema_field(MentionedOrganisationSerializer(many=True))
    def get_organisations(self, article) -> list[dict]:
        return self._groups(
            article, "organisation_mentions", "organisation", MentionedOrganisationSerializer
        )

    @extend_schema_field(MentionedDirectiveSerializer(many=True))
    def get_directives(self, article) -> list[dict]:
        return self._groups(
            article, "directive_mentions", "directive", MentionedDirectiveSerializer
        )


# --- Person, organisation and directive details --------------------------------


class PositionSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The post as the article states it.")
    role = serializers.CharField()
    former = serializers.BooleanField(help_text='Stated as a former post ("nguyên ...").')
    organisation = OrganisationRefSerializer(allow_null=True)
    article = ArticleRefSerializer(allow_null=True, help_text="The article stating the post.")


class StatedRankSerializer(serializers.Serializer):
    rank = serializers.CharField()
    former = serializers.BooleanField(help_text='Stated as a former rank ("nguyên Trung tá").')
    first_seen = serializers.DateField(allow_null=True, help_text="Earliest article stating it.")
    last_seen = serializers.DateField(allow_null=True, help_text="Latest article stating it.")
    articles = serializers.IntegerField(help_text="Number of articles stating it.")


class PersonDetailSerializer(PersonListSerializer):
    aliases = AliasNamesField()
    ranks = serializers.SerializerMethodField(
        help_text="Each rank the articles state, oldest first; `rank` is the latest. Read "
        "from the person's newest 1,000 rank statements: see `ranks_lower_bound`."
    )
    ranks_lower_bound = serializers.SerializerMethodField(
        help_text="True when the person has more rank statements than were read: the "
        "dates and counts of `ranks` are then those of the newest, and counts are minimums."
    )
    positions = PositionSerializer(
        source="latest_positions",
        many=True,
        read_only=True,
        help_text=f"Posts as stated by articles, newest first (at most {EMBED_LIMIT}).",
    )
    position_count = serializers.IntegerField(read_only=True)
    article_count = serializers.IntegerField(
        read_only=True, help_text="Number of articles mentioning the person."
    )
    articles = ListLinkField(view_name="article", parameter="person")

    class Meta(PersonListSerializer.Meta):
        fields = [
            *PersonListSerializer.Meta.fields,
            "academic_titles",
            "foreign",
            "aliases",
            "ranks",
            "ranks_lower_bound",
            "positions",
            "position_count",
            "article_count",
            "articles",
            "notes",
            "edited_fields",
        ]

    @extend_schema_field(StatedRankSerializer(many=True))
    def get_ranks(self, person):
        return StatedRankSerializer(self._ranks(person).ranks, many=True).data

    def get_ranks_lower_bound(self, person) -> bool:
        return self._ranks(person).lower_bound

    def _ranks(self, person) -> RankSummary:
        # Read once for both fields.
        if not hasattr(person, "_rank_summary"):
            person._rank_summary = person_rank_summary(person)
        return person._rank_summary


class PersonWithPostsSerializer(PersonListSerializer):
    posts = serializers.SerializerMethodField(help_text="The posts stated in this organisation.")

    class Meta(PersonListSerializer.Meta):
        fields = [*PersonListSerializer.Meta.fields, "posts"]

    def get_posts(self, person) -> list[str]:
        return list(dict.fromkeys(position.title for position in person.posts_here))


class OrganisationDetailSerializer(OrganisationListSerializer):
    parent = OrganisationRefSerializer(read_only=True, allow_null=True)
    children = OrganisationRefSerializer(
        source="first_children",
        many=True,
        read_only=True,
        help_text=f"Direct sub-units, by name (at most {EMBED_LIMIT}).",
    )
    child_count = serializers.IntegerField(read_only=True)
    people = PersonWithPostsSerializer(
        source="people_with_posts",
        many=True,
        read_only=True,
        help_text=f"People stated to hold a post in it, by name (at most {EMBED_LIMIT}).",
    )
    people_count = serializers.IntegerField(read_only=True)
    article_count = serializers.IntegerField(read_only=True)
    articles = ListLinkField(view_name="article", parameter="organisation")

    class Meta(OrganisationListSerializer.Meta):
        fields = [
            *OrganisationListSerializer.Meta.fields,
            "kind",
            "parent",
            "children",
            "child_count",
            "people",
            "people_count",
            "article_count",
            "articles",
            "notes",
            "edited_fields",
        ]


class DirectiveDetailSerializer(DirectiveListSerializer):
    issuers = serializers.SerializerMethodField(
        help_text="Every issuer in the document's order; the first is `issuer`."
    )
    implements = DirectiveRefSerializer(
        many=True, read_only=True, help_text="Directives this one implements."
    )
    implemented_by = DirectiveRefSerializer(
        many=True, read_only=True, help_text="Directives implementing this one."
    )
    citing_articles = ArticleListSerializer(
        many=True,
        read_only=True,
        help_text=f"Articles citing it, newest first (at most {EMBED_LIMIT}).",
    )
    article_count = serializers.IntegerField(read_only=True)
    articles = ListLinkField(view_name="article", parameter="directive")

    @extend_schema_field(IssuerSerializer(many=True))
    def get_issuers(self, directive):
        return IssuerSerializer(ordered_issuers(directive), many=True, context=self.context).data

    class Meta(DirectiveListSerializer.Meta):
        fields = [
            *DirectiveListSerializer.Meta.fields,
            "kind_code",
            "issued_year",
            "issuers",
            "summary",
            "implements",
            "implemented_by",
            "citing_articles",
            "article_count",
            "articles",
            "notes",
            "edited_fields",
        ]


# --- Import result -------------------------------------------------------------


class ExtractedSerializer(serializers.Serializer):
    """What the import found in the article (entity names) and wrote (counts)."""

    people = serializers.ListField(child=serializers.CharField())
    organisations = serializers.ListField(child=serializers.CharField())
    directives = serializers.ListField(child=serializers.CharField())
    mentions = serializers.DictField(
        child=serializers.IntegerField(), help_text="Mentions per kind of entity."
    )
    entities_created = serializers.DictField(
        child=serializers.IntegerField(), help_text="New records per kind of entity."
    )
    mentions_written = serializers.IntegerField()


class ArticleImportResultSerializer(serializers.Serializer):
    """The outcome of POST /api/articles/import/: {"article": ..., "outcome": ImportOutcome}."""

    status = serializers.ChoiceField(
        source="outcome.status",
        choices=["created", "updated", "unchanged"],
        help_text="unchanged: this text was already imported (under `duplicate_of` if another "
        "origin).",
    )
    origin = serializers.CharField(source="outcome.origin")
    duplicate_of = serializers.CharField(source="outcome.duplicate_of")
    article = ArticleDetailSerializer()
    extracted = serializers.SerializerMethodField()

    @extend_schema_field(ExtractedSerializer)
    def get_extracted(self, result) -> dict:
        article, outcome = result["article"], result["outcome"]
        groups = {
            "people": group_mentions(article.person_mentions, "person"),
            "organisations": group_mentions(article.organisation_mentions, "organisation"),
            "directives": group_mentions(article.directive_mentions, "directive"),
        }
        return ExtractedSerializer(
            {
                **{
                    kind: [str(g.entity) if kind == "directives" else g.entity.name for g in found]
                    for kind, found in groups.items()
                },
                "mentions": {
                    kind: sum(len(g.mentions) for g in found) for kind, found in groups.items()
                },
                "entities_created": dict(outcome.entities_created),
                "mentions_written": outcome.mentions_written,
            }
        ).data
