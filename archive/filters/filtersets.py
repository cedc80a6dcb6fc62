"""The four FilterSets: articles, people, organisations, directives.

Entity filters apply the QuerySet verbs of archive.querysets (subqueries), so
several values mean "all of them" and a filtered list never repeats a row.
"""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import filters

from archive.filters.base import (
    DATE_MESSAGES,
    ISO_DATE,
    ArchiveFilterSet,
    ArchiveOrderingFilter,
    EntityFilter,
    FilterForm,
    RankFilter,
    SearchFilter,
    StrictBooleanFilter,
    SymbolFilter,
    YearFilter,
)
from archive.models import (
    Article,
    Directive,
    Organisation,
    Person,
)


def _mentioning_person(qs: QuerySet, person_id: int | str) -> QuerySet:
    return qs.mentioning_person(person_id)


def _mentioning_organisation(qs: QuerySet, organisation_id: int | str) -> QuerySet:
    return qs.mentioning_organisation(organisation_id)


class _ResolvedOnce:
    """Articles citing a directive, given by id or by symbol; each symbol is looked up
    once per instance, however often the filters are applied (the list, then the count
    of undated articles left out). A filterset holds its own instance."""

    def __init__(self) -> None:
        self.ids: dict[str, int | None] = {}

    def __call__(self, qs: QuerySet, directive: int | str) -> QuerySet:
        if isinstance(directive, str):
            # A symbol (already canonical, as stored) is resolved to its id first, in
            # a query of its own: given the id as a constant, PostgreSQL knows from
            # its statistics how many articles cite the directive and walks the feed
            # for a directive cited everywhere, instead of joining every citation.
            if directive not in self.ids:
                found = Directive.objects.filter(symbol=directive).values_list("id", flat=True)
                self.ids[directive] = found.first()
            if self.ids[directive] is None:
                return qs.none()
            directive = self.ids[directive]
        return qs.citing_directive(directive)


def _citing_directive(qs: QuerySet, directive: int | str) -> QuerySet:
    return _ResolvedOnce()(qs, directive)


_DATE_PARAMETERS = ("published_after", "published_before", "include_undated")


class ArticleForm(FilterForm):
    date_ranges = (("published_after", "published_before"),)


class ArticleFilter(ArchiveFilterSet):
    q = SearchFilter(
        help_text="Full-text search in title, body and captions; accent- and case-insensitive "
        "('cong an' finds 'Công an'). Plain words match as a phrase (in order, adjacent); "
        'several "quoted phrases" must all occur, anywhere; OR between two phrases: either; '
        '-word or -"phrase": leave out. Sorted by relevance unless `ordering` says otherwise.'
    )
    person = EntityFilter(
        apply=_mentioning_person,
        model=Person,
        noun="person",
        label=_("Person"),
        help_text="Person id; repeat the parameter (person=1&person=2) or separate ids by "
        "commas: articles mentioning all of them.",
    )
    organisation = EntityFilter(
        apply=_mentioning_organisation,
        model=Organisation,
        noun="organisation",
        label=_("Organisation"),
        help_text="Organisation id; several values: articles mentioning all of them.",
    )
    directive = EntityFilter(
        apply=_citing_directive,
        model=Directive,
        noun="directive",
        accept_symbol=True,
        label=_("Directive"),
        help_text="Directive id or symbol (59-NQ/TW); several values: articles citing all of them.",
    )
    author = filters.CharFilter(
        lookup_expr="iexact",
        max_length=200,
        label=_("Author"),
        help_text="Author (byline) as written, case-insensitive exact match.",
    )
    source_name = filters.CharFilter(
        lookup_expr="iexact",
        max_length=200,
        label=_("Source"),
        help_text="Publication name, case-insensitive exact match.",
    )
    published_after = filters.DateFilter(
        method="filter_published_after",
        input_formats=ISO_DATE,
        error_messages=DATE_MESSAGES,
        label=_("Published from"),
        help_text="Published on or after this date (YYYY-MM-DD); undated articles are left "
        "out unless include_undated is true, and the API list's undated_left_out "
        "{count, capped} says how many.",
    )
    published_before = filters.DateFilter(
        method="filter_published_before",
        input_formats=ISO_DATE,
        error_messages=DATE_MESSAGES,
        label=_("Published until"),
        help_text="Published on or before this date (YYYY-MM-DD); undated articles are left "
        "out unless include_undated is true.",
    )
    include_undated = StrictBooleanFilter(
        method="filter_include_undated",
        label=_("Include articles of unknown year"),
        help_text="true: a date filter keeps the articles whose date is not known "
        "(no year, or no day).",
    )
    has_title = StrictBooleanFilter(
        method="filter_has_title",
        label=_("Has a title"),
        help_text="true: only articles with a title; false: only articles without one.",
    )
    group_copies = StrictBooleanFilter(
        method="filter_group_copies",
        label=_("Group copies of a story"),
        help_text="true: one row per story (the same report in several outlets), its first "
        "printing; the others are listed on its page.",
    )
    ordering = ArchiveOrderingFilter(
        fields=(("published_on", "published_on"), ("title", "title"), ("id", "id")),
        default=("-published_on",),
        nullable=("published_on",),
        help_text="Sort order: published_on, title, id or relevance, '-' for descending "
        "(default: relevance with q, else -published_on; undated articles last).",
    )

    class Meta:
        model = Article
        fields: list[str] = []
        form = ArticleForm

    def _dated(self, queryset: QuerySet, condition: Q) -> QuerySet:
        if self.form.cleaned_data.get("include_undated"):
            condition |= Q(published_on__isnull=True)
        return queryset.filter(condition)

    def filter_published_after(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return self._dated(queryset, Q(published_on__gte=value))

    def filter_published_before(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return self._dated(queryset, Q(published_on__lte=value))

    def filter_include_undated(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # it widens the date filters above

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["directive"].apply = _ResolvedOnce()

    def undated_left_out(self, *, cap: int) -> tuple[int, bool] | None:
        """(count, more) of the undated articles a date filter left out; None without one.

        The other filters still apply. Counting stops past `cap` and reads the
        published_on index (IS NULL), so it stays cheap on a large archive.
        """
        if not self.is_valid():
            return None
        data = self.form.cleaned_data
        dated = data.get("published_after") or data.get("published_before")
        if not dated or data.get("include_undated"):
            return None
        queryset = self.queryset
        for name, value in data.items():
            if name in _DATE_PARAMETERS or name == "ordering":
                continue
            queryset = self.filters[name].filter(queryset, value)
        count = queryset.filter(published_on__isnull=True).order_by()[: cap + 1].count()
        return min(count, cap), count > cap

    def filter_has_title(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.exclude(title="") if value else queryset.filter(title="")

    def filter_group_copies(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        # A story's later printings carry the id of its first, which is smaller.
        return queryset.exclude(story_copy__story__lt=F("pk")) if value else queryset


def _person_holding_post_in(qs: QuerySet, organisation_id: int | str) -> QuerySet:
    return qs.holding_post_in(organisation_id)


def _mentioned_in(qs: QuerySet, article_id: int | str) -> QuerySet:
    return qs.mentioned_in(article_id)


class PersonFilter(ArchiveFilterSet):
    q = SearchFilter(
        help_text="Search in names and other names (old names, variant spellings, names of "
        "merged records), accent- and case-insensitive; the syntax of the article search."
    )
    rank = RankFilter(
        label=_("Rank"),
        help_text="Rank as listed (e.g. 'Đại tướng'), any tone style; several values (repeat "
        "the parameter or separate by commas): any of them; 'cấp tướng' means the four "
        "general ranks.",
    )
    organisation = EntityFilter(
        apply=_person_holding_post_in,
        model=Organisation,
        noun="organisation",
        label=_("Organisation"),
        help_text="Organisation id: people stated to hold a post in it (several: in all of them).",
    )
    article = EntityFilter(
        apply=_mentioned_in,
        model=Article,
        noun="article",
        label=_("Article"),
        help_text="Article id: people mentioned in it (several: in all of them).",
    )
    ordering = ArchiveOrderingFilter(
        # Vietnamese alphabetical order (Bạch before Bùi, Dương before Đặng):
        # the indexed sort key (archive.collation), not the database's collation.
        fields=(("sort_key", "name"), ("id", "id")),
        default=("name",),
        help_text="Sort order: name, id or relevance, '-' for descending "
        "(default: relevance with q, else name).",
    )

    class Meta:
        model = Person
        fields: list[str] = []
        form = FilterForm


class OrganisationFilter(ArchiveFilterSet):
    q = SearchFilter(
        help_text="Search in names, abbreviations and other names (old names, variants, names "
        "of merged records), accent- and case-insensitive; the syntax of the article search."
    )
    kind = filters.CharFilter(
        lookup_expr="iexact",
        max_length=40,
        label=_("Kind"),
        help_text="Kind of organisation, case-insensitive exact match.",
    )
    parent = EntityFilter(
        apply=lambda qs, parent_id: qs.filter(parent_id=parent_id),
        model=Organisation,
        noun="organisation",
        many=False,
        label=_("Part of"),
        help_text="Organisation id: its direct sub-units.",
    )
    article = EntityFilter(
        apply=_mentioned_in,
        model=Article,
        noun="article",
        label=_("Article"),
        help_text="Article id: organisations mentioned in it (several: in all of them).",
    )
    ordering = ArchiveOrderingFilter(
        fields=(("sort_key", "name"), ("abbreviation", "abbreviation"), ("id", "id")),
        default=("name",),
        help_text="Sort order: name, abbreviation, id or relevance, '-' for descending "
        "(default: relevance with q, else name).",
    )

    class Meta:
        model = Organisation
        fields: list[str] = []
        form = FilterForm


def _cited_in(qs: QuerySet, article_id: int | str) -> QuerySet:
    return qs.cited_in(article_id)


class DirectiveForm(FilterForm):
    date_ranges = (("issued_after", "issued_before"),)


class DirectiveFilter(ArchiveFilterSet):
    q = SearchFilter(help_text="Search in kind, symbol, number and summary, accent-insensitive.")
    kind = filters.CharFilter(
        method="filter_kind",
        max_length=80,
        label=_("Directive kind"),
        help_text="Kind, as a word ('Nghị quyết') or its code ('NQ'); case-insensitive.",
    )
    issuer = EntityFilter(
        apply=lambda qs, organisation_id: qs.issued_by(organisation_id),
        model=Organisation,
        noun="organisation",
        many=False,
        label=_("Issuer"),
        help_text="Organisation id of an issuer (the primary one or any co-issuer).",
    )
    issued_after = filters.DateFilter(
        field_name="issued_on",
        lookup_expr="gte",
        input_formats=ISO_DATE,
        error_messages=DATE_MESSAGES,
        label=_("Issued from"),
        help_text="Issued on or after this date (YYYY-MM-DD).",
    )
    issued_before = filters.DateFilter(
        field_name="issued_on",
        lookup_expr="lte",
        input_formats=ISO_DATE,
        error_messages=DATE_MESSAGES,
        label=_("Issued until"),
        help_text="Issued on or before this date (YYYY-MM-DD).",
    )
    year = YearFilter(
        field_name="issued_year",
        label=_("Year issued"),
        help_text="Year of issue (also for directives whose full date is unknown).",
    )
    symbol = SymbolFilter(
        label=_("Number and symbol"),
        help_text="Exact symbol such as 59-NQ/TW, in any spacing, dash or case.",
    )
    article = EntityFilter(
        apply=_cited_in,
        model=Article,
        noun="article",
        label=_("Article"),
        help_text="Article id: directives cited in it (several: in all of them).",
    )
    ordering = ArchiveOrderingFilter(
        fields=(("issued_on", "issued_on"), ("symbol", "symbol"), ("id", "id")),
        default=("-issued_on",),
        nullable=("issued_on", "symbol"),
        help_text="Sort order: issued_on, symbol, id or relevance, '-' for descending "
        "(default: relevance with q, else -issued_on; undated directives last).",
    )

    class Meta:
        model = Directive
        fields: list[str] = []
        form = DirectiveForm

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(kind__iexact=value) | Q(kind_code__iexact=value))
