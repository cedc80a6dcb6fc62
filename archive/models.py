"""The archive's data: articles, the entities they mention, and the links between them.

Natural keys are enforced by the database (unique constraints), not only in
Python, so that two imports running at once cannot create a duplicate.
Entities are matched through `matching_key` (archive.extraction.normalize),
never through the name as written.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive import querysets
from archive.collation import sort_key
from archive.extraction import ranks
from archive.extraction.normalize import fold_accents, matching_key


def with_sort_key(kwargs: dict) -> dict:
    """save() arguments that also write sort_key when they name the fields to write."""
    fields = kwargs.get("update_fields")
    if fields is not None and "name" in fields:
        return {**kwargs, "update_fields": {*fields, "sort_key"}}
    return kwargs


class DatePrecision(models.TextChoices):
    FULL = "full", _("Day, month and year")
    MONTH = "month", _("Month and year")
    DAY_MONTH = "day_month", _("Day and month (no year)")
    UNKNOWN = "unknown", _("Unknown")


class EditableModel(models.Model):
    """Fields a person changed in the admin or the API; a re-import keeps them."""

    edited_fields = models.JSONField(default=list, blank=True, editable=False)
    notes = models.TextField(_("editors' notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def mark_edited(self, *field_names: str) -> None:
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))


class Article(EditableModel):
    title = models.CharField(_("title"), max_length=1000, blank=True)
    body = models.TextField(_("body"), blank=True)
    # The normalised text (NFC, Đ, spaces) that every mention offset refers to.
    text = models.TextField(blank=True)
    raw_text = models.TextField(_("original text"))
    # [{"kind": "title"|"lead"|..., "start": int, "end": int}, ...] over `text`.
    blocks = models.JSONField(default=list, blank=True)
    captions = models.JSONField(_("photo captions"), default=list, blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True, db_index=True)
    source_url = models.URLField(_("source address"), max_length=2000, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True, db_index=True)
    dateline_place = models.CharField(_("dateline"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True, db_index=True)
    published_year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    published_month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    published_day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    published_precision = models.CharField(
        _("precision of the date"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    published_year_inferred = models.BooleanField(_("year inferred"), default=False)
    # How an inferred year was found ("năm kỷ niệm", ...): pages say "năm suy ra từ …".
    published_evidence = models.CharField(_("year inferred from"), max_length=300, blank=True)
    origin = models.CharField(_("original file"), max_length=1000, unique=True)
    sha256 = models.CharField(_("SHA-256 hash"), max_length=64, unique=True)
    # SHA-256 of the file's bytes as last imported: a re-import of the very same
    # bytes is known unchanged before decoding. Only a short cut: the identity
    # stays `sha256`, of the decoded text.
    raw_sha256 = models.CharField(max_length=64, blank=True, default="", editable=False)
    search_document = models.TextField(blank=True, editable=False)

    objects = querysets.ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(published_precision__in=DatePrecision.values),
                name="article_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(published_month__isnull=True)
                | Q(published_month__gte=1, published_month__lte=12),
                name="article_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(published_day__isnull=True)
                | Q(published_day__gte=1, published_day__lte=31),
                name="article_day_valid",
            ),
        ]
        indexes = [
            # (title, id): `ordering=title` pages by title, ties broken by id.
            models.Index(fields=["title", "id"], name="article_title_id"),
            models.Index(fields=["created_at"]),
            # The admin's year filter walks this index for its values.
            models.Index(fields=["published_year"], name="article_published_year"),
        ]

    def __str__(self) -> str:
        return self.title or _("(untitled) %(origin)s") % {"origin": self.origin}

    def save(self, *args, **kwargs):
        self.derive_search_document()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:article_detail", args=[self.pk])

    def derive_search_document(self) -> None:
        """Set search_document from the texts (bulk_create skips save(): call this)."""
        self.search_document = fold_accents(" ".join([self.title, self.body, *self.captions]))


# An article's long texts: what a reader of its other fields defers.
ARTICLE_TEXT_FIELDS = ("raw_text", "text", "body", "search_document", "blocks", "captions")

# An article's publication date, part by part, as every reader of it needs it:
# the date, what is known of it, and whether the year was inferred (and from what).
ARTICLE_DATE_FIELDS = (
    "published_on",
    "published_year",
    "published_month",
    "published_day",
    "published_precision",
    "published_year_inferred",
    "published_evidence",
)

RANK_CHOICES = [(rank, rank) for rank in ranks.RANKS]


class Person(EditableModel):
    name = models.CharField(_("full name"), max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    # The latest rank the articles state (see PersonRank for each statement).
    rank = models.CharField(_("rank"), max_length=40, blank=True, choices=RANK_CHOICES)
    # Date of the article `rank` was taken from: a later article's rank replaces it.
    rank_stated_on = models.DateField(_("rank stated on"), null=True, blank=True, editable=False)
    academic_titles = models.CharField(_("academic titles"), max_length=60, blank=True)
    foreign = models.BooleanField(_("foreigner"), default=False)
    search_document = models.TextField(blank=True, editable=False)
    # The name in Vietnamese alphabetical order (archive.collation), for lists and choices.
    sort_key = models.CharField(max_length=255, blank=True, editable=False)

    objects = querysets.PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=Q(rank="") | Q(rank__in=ranks.RANKS), name="person_rank_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["name"]),
            models.Index(fields=["rank"]),
            models.Index(fields=["sort_key", "id"], name="person_sort_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.derive_from_name()
        super().save(*args, **with_sort_key(kwargs))

    def get_absolute_url(self) -> str:
        return reverse("archive:person_detail", args=[self.pk])

    def derive_from_name(self) -> None:
        """Set key, search_document and sort_key from name (bulk_create skips save(): call this)."""
        self.key = matching_key(self.name)
        self.search_document = fold_accents(self.name)
        self.sort_key = sort_key(self.name)


class Alias(models.Model):
    """What both alias tables derive from `name`: the matching key and the folded texts."""

    objects = querysets.SearchableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.derive_from_name()
        super().save(*args, **kwargs)

    def derive_from_name(self) -> None:
        """Set key, folded and search_document from name (bulk_create skips save(): call this)."""
        self.key = matching_key(self.name)
        self.folded = fold_accents(self.name)
        self.search_document = self.folded


class PersonAlias(Alias):
    """Another name of a person: a spelling seen in an article or a merged duplicate."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    # Accent-folded, for the filters' type-ahead ("tran quoc" finds "Trần Quốc Bảo").
    folded = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    # The folded name, indexed for search like the records' own.
    search_document = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("other name of a person")
        verbose_name_plural = _("other names of people")


class Organisation(EditableModel):
    class Kind(models.TextChoices):
        """The kinds the extractor assigns (extraction.lexicon), each read as its Vietnamese head.

        A kind that several head nouns share is named by all of them, or by
        their common name: its first head alone would mislabel the others (a
        "Vụ" is not a "Cục"). A test checks that every kind the lexicon can
        assign is here.
        """

        ACADEMY = "academy", _("Academy")
        AGENCY = "agency", _("Agency")
        ALLIANCE = "alliance", _("Alliance")
        ARMY_CORPS = "army_corps", _("Army corps")
        ASSOCIATION = "association", _("Association")
        AUDIT = "audit", _("Audit office")
        BANK = "bank", _("Bank")
        BAR_ASSOCIATION = "bar_association", _("Bar association")
        BOARD = "board", "Ban"
        BORDER_GUARD = "border_guard", _("Border guard")
        BRIGADE = "brigade", _("Brigade")
        BROADCASTER = "broadcaster", _("Broadcaster")
        CENTRAL_COMMITTEE = "central_committee", _("Party Central Committee")
        CENTRE = "centre", _("Centre")
        COAST_GUARD = "coast_guard", _("Vietnam Coast Guard")
        COLLEGE = "college", _("College")
        COMMAND = "command", _("Command")
        COMMITTEE = "committee", _("Committee")
        COMPANY = "company", _("Company")
        CONSULATE = "consulate", _("Consulate general")
        CORPORATION = "corporation", _("Corporation")
        COUNCIL = "council", _("Council")
        COURT = "court", _("Court")
        DELEGATION = "delegation", _("Delegation")
        DEPARTMENT = "department", _("Department")
        DIVISION = "division", _("Division")
        EMBASSY = "embassy", _("Embassy")
        FEDERATION = "federation", _("Federation")
        FRONT = "front", _("Front")
        FUND = "fund", _("Fund")
        GENERAL_DEPARTMENT = "general_department", _("General department")
        GENERAL_STAFF = "general_staff", _("General Staff")
        GOVERNMENT = "government", _("Government")
        GROUP = "group", _("Group")
        HOSPITAL = "hospital", _("Hospital")
        INSPECTORATE = "inspectorate", "Thanh tra"
        INSTITUTE = "institute", _("Institute")
        INTERNATIONAL = "international", _("United Nations")
        LEGISLATURE = "legislature", _("National Assembly")
        MILITARY = "military", _("Army")
        MILITARY_REGION = "military_region", _("Military region")
        MINISTRY = "ministry", _("Ministry")
        MISSION = "mission", _("Mission")
        MUSEUM = "museum", _("Museum")
        NEWS_AGENCY = "news_agency", _("News agency")
        OFFICE = "office", _("Office")
        ORGANISATION = "organisation", _("Organisation")
        PARTY = "party", _("Party")
        PARTY_CELL = "party_cell", _("Party cell")
        PARTY_COMMITTEE = "party_committee", _("Party committee")
        PARTY_ORGANISATION = "party_organisation", _("Party organisation")
        POLICE = "police", _("Police")
        POLITBURO = "politburo", _("Politburo")
        PORT_AUTHORITY = "port_authority", _("Port authority")
        PRISON = "prison", _("Prison")
        PROCURACY = "procuracy", _("Procuracy")
        PROVINCIAL_DEPARTMENT = "provincial_department", _("Provincial department")
        PUBLISHER = "publisher", _("Publisher")
        REGIMENT = "regiment", _("Regiment")
        SCHOOL = "school", _("School")
        SECRETARIAT = "secretariat", _("Secretariat")
        SERVICE_BRANCH = "service_branch", _("Service branch")
        SOCIAL_SECURITY = "social_security", _("Vietnam Social Security")
        STATION = "station", _("Station")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        SUB_DEPARTMENT = "sub_department", _("Sub-department")
        SUBCOMMITTEE = "subcommittee", _("Subcommittee")
        TASK_FORCE = "task_force", _("Task force")
        TEAM = "team", _("Team")
        UNIVERSITY = "university", _("University")
        YOUTH_UNION = "youth_union", _("Youth Union")

    name = models.CharField(_("name"), max_length=500)
    key = models.CharField(max_length=500, unique=True, editable=False)
    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True, db_index=True)
    kind = models.CharField(
        _("kind"), max_length=40, blank=True, db_index=True, choices=Kind.choices
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    search_document = models.TextField(blank=True, editable=False)
    sort_key = models.CharField(max_length=255, blank=True, editable=False)

    objects = querysets.OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organisation_not_own_parent"
            ),
        ]
        indexes = [
            models.Index(fields=["name"]),
            models.Index(fields=["sort_key", "id"], name="organisation_sort_key"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def save(self, *args, **kwargs):
        self.derive_from_name()
        super().save(*args, **with_sort_key(kwargs))

    def get_absolute_url(self) -> str:
        return reverse("archive:organisation_detail", args=[self.pk])

    def derive_from_name(self) -> None:
        """Set key, search_document and sort_key from name (bulk_create skips save(): call this)."""
        self.key = matching_key(self.name)
        self.search_document = fold_accents(f"{self.name} {self.abbreviation}")
        self.sort_key = sort_key(self.name)


class OrganisationAlias(Alias):
    """Another name of an organisation: an abbreviation, an old name, a merged duplicate."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    name = models.CharField(_("name"), max_length=500)
    key = models.CharField(max_length=500, unique=True, editable=False)
    folded = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    is_abbreviation = models.BooleanField(_("is an abbreviation"), default=False)
    search_document = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("other name of an organisation")
        verbose_name_plural = _("other names of organisations")


class Redirect(models.Model):
    """A merged-away record's id, kept so that its links still lead somewhere.

    The merge service keeps each row pointing at the final survivor (A into B,
    then B into C: A points at C), so a lookup is one primary-key read.
    """

    old_id = models.PositiveBigIntegerField(_("old id"), primary_key=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.old_id} → {self.target_id}"


class PersonRedirect(Redirect):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="redirects"
    )

    class Meta:
        verbose_name = _("old id of a merged person")
        verbose_name_plural = _("old ids of merged people")

    @property
    def target_id(self) -> int:
        return self.person_id


class OrganisationRedirect(Redirect):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="redirects",
    )

    class Meta:
        verbose_name = _("old id of a merged organisation")
        verbose_name_plural = _("old ids of merged organisations")

    @property
    def target_id(self) -> int:
        return self.organisation_id


class ChoicesVersion(models.Model):
    """One row whose number grows with every write that can change the filter forms' choices.

    The pages cache their choices under this number, so a write made by any
    process (an import, an editor) shows at once, with no timeout to wait for.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)


class Directive(EditableModel):
    """A Party or state document, identified by its symbol when the symbol is known."""

    kind = models.CharField(_("directive kind"), max_length=80, db_index=True)
    kind_code = models.CharField(_("kind code"), max_length=10, blank=True)
    number = models.CharField(_("number"), max_length=20, blank=True)
    # Canonical symbol ("59-NQ/TW"); NULL when only a symbol-less citation is known.
    symbol = models.CharField(
        _("number and symbol"), max_length=80, null=True, blank=True, unique=True
    )
    # The symbol, or for a symbol-less citation the key built from kind, number,
    # date and issuer: what an import matches on.
    key = models.CharField(max_length=200, unique=True, editable=False)
    issued_on = models.DateField(_("issued on"), null=True, blank=True, db_index=True)
    issued_year = models.PositiveSmallIntegerField(
        _("year issued"), null=True, blank=True, db_index=True
    )
    issuer = models.ForeignKey(
        Organisation,
        verbose_name=_("issuer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directives_issued",
    )
    # Every issuer in order; the first is `issuer`. A joint circular has several.
    issuers = models.ManyToManyField(
        Organisation,
        verbose_name=_("issuers"),
        through="DirectiveIssuer",
        blank=True,
        related_name="directives_co_issued",
    )
    summary = models.TextField(_("summary"), blank=True)
    implements = models.ManyToManyField(
        "self",
        verbose_name=_("implements"),
        symmetrical=False,
        blank=True,
        related_name="implemented_by",
    )
    search_document = models.TextField(blank=True, editable=False)

    objects = querysets.DirectiveQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "symbol", "id"]
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        constraints = [
            models.CheckConstraint(condition=~Q(symbol=""), name="directive_symbol_not_blank"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.symbol or self.number}".strip()

    def save(self, *args, **kwargs):
        if not self.symbol:
            self.symbol = None
        if not self.key:
            self.key = self.symbol or ""
        if self.issued_on:
            self.issued_year = self.issued_on.year
        self.search_document = fold_accents(
            f"{self.kind} {self.symbol or ''} {self.number} {self.summary}"
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:directive_detail", args=[self.pk])


def ordered_issuers(directive: Directive) -> list[Organisation]:
    """The directive's issuers in the document's order (prefetch `issuer_links__organisation`)."""
    return [link.organisation for link in directive.issuer_links.all()]


class DirectiveIssuer(models.Model):
    """One issuer of a directive, in the order the document lists them (0 = primary)."""

    directive = models.ForeignKey(
        Directive,
        verbose_name=_("directive"),
        on_delete=models.CASCADE,
        related_name="issuer_links",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("issuer"),
        on_delete=models.CASCADE,
        related_name="issuer_links",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["directive_id", "order", "id"]
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "organisation"], name="directive_issuer_unique"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "directive"])]

    def __str__(self) -> str:
        return str(self.organisation)


class Mention(models.Model):
    """One occurrence of an entity in an article: offsets into Article.text."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE)
    surface = models.CharField(_("surface form"), max_length=500)
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    sentence = models.TextField(_("sentence"))

    class Meta:
        abstract = True
        ordering = ["article_id", "start"]

    def __str__(self) -> str:
        return self.surface


def _mention_constraints(entity: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(
            fields=["article", entity, "start"], name=f"{entity}_mention_unique"
        ),
        models.CheckConstraint(condition=Q(end__gt=F("start")), name=f"{entity}_mention_span"),
    ]


class PersonMention(Mention):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="mentions"
    )

    class Meta(Mention.Meta):
        verbose_name = _("mention of a person")
        verbose_name_plural = _("mentions of people")
        constraints = _mention_constraints("person")
        indexes = [models.Index(fields=["person", "article"])]


class OrganisationMention(Mention):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="mentions",
    )

    class Meta(Mention.Meta):
        verbose_name = _("mention of an organisation")
        verbose_name_plural = _("mentions of organisations")
        constraints = _mention_constraints("organisation")
        indexes = [models.Index(fields=["organisation", "article"])]


class DirectiveMention(Mention):
    directive = models.ForeignKey(
        Directive, verbose_name=_("directive"), on_delete=models.CASCADE, related_name="mentions"
    )

    class Meta(Mention.Meta):
        verbose_name = _("citation of a directive")
        verbose_name_plural = _("citations of directives")
        constraints = _mention_constraints("directive")
        indexes = [models.Index(fields=["directive", "article"])]


class Position(models.Model):
    """A person's post as stated in one article: a fact of that article, not a timeless truth."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(_("position"), max_length=500)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="positions",
    )
    # NULL for a post an editor added by hand, not taken from an article.
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="positions",
    )
    # "nguyên Bộ trưởng": the article speaks of a post the person no longer holds.
    former = models.BooleanField(_("former (no longer held)"), default=False)

    class Meta:
        ordering = ["person_id", "-article_id", "id"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "article", "title"], name="position_unique_per_article"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "person"]),
            # One post of a person, to find its first and last dates again when
            # the articles stating them go (archive.services.counts).
            models.Index(fields=["person", "title"], name="position_person_title"),
            # A person's posts added by an editor, which no count covers.
            models.Index(
                fields=["person"], condition=Q(article__isnull=True), name="position_by_editor"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class StoryCopy(models.Model):
    """An article's text signature, and the story (one report in several outlets) it belongs to.

    `story` is the id of the story's first article; an article without a copy
    is a story of its own. The signature is archive.extraction.copies'.
    """

    article = models.OneToOneField(
        Article, primary_key=True, related_name="story_copy", on_delete=models.CASCADE
    )
    story = models.BigIntegerField(_("story"), db_index=True)
    signature = models.BinaryField()

    def __str__(self) -> str:
        return f"{self.article_id} ~ {self.story}"


class StoryBand(models.Model):
    """One band of an article's signature: articles sharing a band are candidate copies."""

    article = models.ForeignKey(Article, related_name="story_bands", on_delete=models.CASCADE)
    band = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "band"], name="story_band_unique")
        ]
        indexes = [
            # A band's first articles by id (the candidates of a new article) in an index
            # range scan, however many articles share the band.
            models.Index(fields=["band", "article"], name="story_band_first_articles"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.band}"


class PersonRank(models.Model):
    """A person's rank as one article states it: "Trung tướng" in 2020 and "Đại tướng" in 2025
    are both true, each on its own date."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="stated_ranks"
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="stated_ranks"
    )
    rank = models.CharField(_("rank"), max_length=40, choices=RANK_CHOICES)
    # "nguyên Trung tá": the article calls it a rank the person held before.
    former = models.BooleanField(_("former"), default=False)

    class Meta:
        ordering = ["person_id", "-article_id"]
        verbose_name = _("rank stated in an article")
        verbose_name_plural = _("ranks stated in articles")
        constraints = [
            models.UniqueConstraint(fields=["person", "article"], name="person_rank_per_article"),
            models.CheckConstraint(
                condition=Q(rank__in=ranks.RANKS), name="person_rank_statement_valid"
            ),
        ]
        indexes = [models.Index(fields=["article"])]

    def __str__(self) -> str:
        return f"nguyên {self.rank}" if self.former else self.rank


class EntityCount(models.Model):
    """How often one person, organisation or directive is mentioned in one month's articles.

    Kept exact by archive.services.counts on every write that adds, removes or
    re-dates mentions, so that an entity's page reads a few hundred rows instead
    of aggregating the hundreds of thousands of mentions of a hub entity. An
    entity's article count is the sum of `articles` over its months, since an
    article belongs to exactly one month (or to none).
    """

    class Kind(models.TextChoices):
        PERSON = "person"
        ORGANISATION = "organisation"
        DIRECTIVE = "directive"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    entity_id = models.PositiveBigIntegerField()
    # year * 100 + month of the articles' `published_on`; 0 for undated articles.
    month = models.PositiveIntegerField()
    mentions = models.PositiveIntegerField(default=0)
    # Of the mentions, those in articles whose year was inferred.
    inferred = models.PositiveIntegerField(default=0)
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "entity_id", "month"], name="entity_count_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.entity_id} {self.month}: {self.mentions}"


class PostCount(models.Model):
    """One post (title, organisation) the articles give a person: when first and last stated,
    and in how many articles (one position row each: a person holds a title once per
    article). Posts an editor added by hand (no article) are not counted here; the
    person's page adds them when it reads. Kept exact by archive.services.counts,
    like EntityCount."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="post_counts")
    title = models.CharField(max_length=500)
    organisation = models.ForeignKey(
        Organisation, null=True, on_delete=models.CASCADE, related_name="+"
    )
    first_seen = models.DateField(null=True)
    last_seen = models.DateField(null=True)
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "title", "organisation"],
                condition=Q(organisation__isnull=False),
                name="post_count_unique",
            ),
            models.UniqueConstraint(
                fields=["person", "title"],
                condition=Q(organisation__isnull=True),
                name="post_count_unique_without_organisation",
            ),
        ]
        # post_count_latest (person, last_seen DESC NULLS LAST, title) is made by
        # migration 0018 in each database's SQL.

    def __str__(self) -> str:
        return f"{self.title}: {self.articles}"


class ImportJob(models.Model):
    """One import of many files, run as tasks by any number of workers.

    Its files (ImportJobFile) say what is done, what failed and why, and what
    remains; the texts themselves travel in the tasks, never through a shared disk.
    """

    class Source(models.TextChoices):
        COMMAND = "command", _("The import_seeds command")
        API = "api", "API"
        ADMIN = "admin", _("The admin")

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    total = models.PositiveIntegerField(_("files"), default=0)
    batches = models.PositiveIntegerField(_("batches"), default=0)
    # Whether the job may replace the text of an article already stored under
    # the same origin (the API checks the user's permission to change articles).
    may_replace = models.BooleanField(default=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return ngettext("#%(id)s (%(count)d file)", "#%(id)s (%(count)d files)", self.total) % {
            "id": self.pk,
            "count": self.total,
        }


class ImportJobFile(models.Model):
    """One file of an import job and what became of it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        FAILED = "failed", _("Failed")

    job = models.ForeignKey(
        ImportJob, verbose_name=_("import job"), on_delete=models.CASCADE, related_name="files"
    )
    batch = models.PositiveIntegerField(_("batch"))
    origin = models.CharField(_("file origin"), max_length=1000)
    status = models.CharField(
        _("result"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["job_id", "id"]
        verbose_name = _("file of an import")
        verbose_name_plural = _("files of imports")
        indexes = [
            # Progress counts per status, and a batch's files when its task runs.
            models.Index(fields=["job", "status"]),
            models.Index(fields=["job", "batch"]),
        ]

    def __str__(self) -> str:
        return self.origin


class RequestRate(models.Model):
    """How many API requests one client made in the current window, and in the one before.

    One row per client and scope, counted by one statement per request
    (archive.services.rates), so that every web host sharing the database meets
    the same limit. The two windows give a sliding estimate: the previous
    window's count weighs as much as it still overlaps the last `length` seconds.
    """

    # DRF's cache key of the client: "throttle_<scope>_<address or user id>".
    key = models.CharField(primary_key=True, max_length=200)
    # The current window's start, in whole seconds since the epoch.
    window_start = models.BigIntegerField()
    hits = models.PositiveIntegerField()
    previous = models.PositiveIntegerField(default=0)
    # Seconds since the epoch after which the row counts nothing: it may be deleted.
    expires = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"
