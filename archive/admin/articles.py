"""Articles in the admin: what an editor scans, reads and corrects."""

from __future__ import annotations

from collections import Counter

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive.admin.base import (
    AccentSearchMixin,
    ArchiveAdmin,
    Cell,
    ReadOnlyInline,
    RecordedEditsMixin,
    labelled,
    readonly_table,
)
from archive.admin.filters import EditedFilter, IndexedValuesFilter, titled
from archive.admin.forms import ArticleForm
from archive.admin.imports import ImportArticlesMixin
from archive.display import article_date
from archive.models import Article, DirectiveMention, OrganisationMention, PersonMention
from archive.selectors.articles import ARTICLE_TEXTS, with_article_counts
from archive.selectors.common import newest_first_ordering
from archive.services.batch import reextract_one

BLOCK_LABELS = {
    "title": _("Title"),
    "lead": _("Lead"),
    "paragraph": _("Paragraph"),
    "caption": _("Photo caption"),
    "caption_repeat": _("Repeated caption"),
    "byline": _("Author"),
    "source": _("Source"),
    "furniture": _("Web page furniture"),
}
STATUS_LABELS = {"updated": _("updated"), "unchanged": _("unchanged"), "failed": _("error")}


class MentionInline(ReadOnlyInline):
    entity_field = ""
    fields = ["surface", "entity", "sentence", "offsets"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.entity_field)

    @admin.display(description=_("record"))
    def entity(self, mention):
        target = getattr(mention, self.entity_field)
        opts = target._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a>', url, target)

    @admin.display(description=_("offsets in the text"))
    def offsets(self, mention):
        return f"{mention.start}–{mention.end}"


class PersonMentionInline(MentionInline):
    model = PersonMention
    entity_field = "person"
    verbose_name_plural = _("people mentioned")


class OrganisationMentionInline(MentionInline):
    model = OrganisationMention
    entity_field = "organisation"
    verbose_name_plural = _("organisations mentioned")


class DirectiveMentionInline(MentionInline):
    model = DirectiveMention
    entity_field = "directive"
    verbose_name_plural = _("directives cited")


@admin.register(Article)
class ArticleAdmin(ImportArticlesMixin, AccentSearchMixin, RecordedEditsMixin, ArchiveAdmin):
    list_display = [
        "__str__",
        "date_label",
        "source_name",
        "people_count",
        "organisation_count",
        "directive_count",
    ]
    form = ArticleForm
    list_filter = [
        ("source_name", IndexedValuesFilter),
        ("published_precision", titled(admin.ChoicesFieldListFilter, _("precision of the date"))),
        ("published_year", titled(IndexedValuesFilter, _("year published"))),
        # Inferred years are what an editor confirms or corrects.
        "published_year_inferred",
        EditedFilter,
    ]
    date_hierarchy = "published_on"
    # The feed's order and index: Meta's "-published_on" is DESC NULLS FIRST on
    # PostgreSQL, which no index serves, so each view sorted a million rows.
    ordering = newest_first_ordering()
    actions = ["reextract_selected"]
    inlines = [PersonMentionInline, OrganisationMentionInline, DirectiveMentionInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("published_on", "published_precision"),
                    ("published_year_inferred", "published_evidence"),
                    "dateline_place",
                    "author",
                    ("source_name", "source_url"),
                    "notes",
                    "edited",
                ]
            },
        ),
        (_("Extracted structure"), {"fields": ["structure"]}),
        (
            _("Original text"),
            {
                "classes": ["collapse"],
                "fields": ["raw_text", "origin", "checksum", "imported_at", "updated_at_column"],
            },
        ),
    ]
    readonly_fields = [
        "published_evidence",
        "structure",
        "raw_text",
        "origin",
        "checksum",
        "imported_at",
        "updated_at_column",
        "edited",
    ]
    checksum = labelled("sha256", _("SHA-256 hash"))
    imported_at = labelled("created_at", _("imported at"))
    updated_at_column = labelled("updated_at", _("last updated at"))

    def get_queryset(self, request):
        queryset = with_article_counts(super().get_queryset(request))
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            # A list row shows none of the texts; they are most of a row's bytes.
            queryset = queryset.defer(*ARTICLE_TEXTS)
        return queryset

    def has_add_permission(self, request):
        # Articles enter the archive through the import service only.
        return False

    @admin.display(description=_("Published on"), ordering="published_on")
    def date_label(self, article):
        return article_date(article)

    people_count = labelled("people_count", _("Person"))
    organisation_count = labelled("organisation_count", _("Organisation"))
    directive_count = labelled("directive_count", _("Directive"))

    @admin.display(description=_("text blocks"))
    def structure(self, article):
        if not article.blocks:
            return "—"
        return readonly_table(
            [_("Kind"), _("Position in the text"), _("Content")],
            [
                [
                    Cell(BLOCK_LABELS.get(block["kind"], block["kind"]), header=True),
                    Cell(f"{block['start']}–{block['end']}"),
                    Cell(article.text[block["start"] : block["end"]]),
                ]
                for block in article.blocks
            ],
            css_class="archive-structure",
        )

    @admin.action(description=_("Extract the selected articles again"), permissions=["change"])
    def reextract_selected(self, request, queryset):
        statuses: Counter[str] = Counter()
        for article in queryset:
            outcome = reextract_one(article=article)
            statuses[outcome.status] += 1
            if outcome.status == "failed":
                self.message_user(request, f"“{article}”: {outcome.error}", messages.ERROR)
            else:
                self.log_change(request, article, _("Extracted again."))
        summary = ", ".join(f"{STATUS_LABELS.get(s, s)}: {n}" for s, n in sorted(statuses.items()))
        total = statuses.total()
        message = ngettext(
            "Extracted %(count)d article again (%(summary)s).",
            "Extracted %(count)d articles again (%(summary)s).",
            total,
        )
        self.message_user(request, message % {"count": total, "summary": summary})
