"""Articles in the admin: what an editor scans, reads and corrects."""

from __future__ import annotations

from collections import Counter

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

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
    "title": "Tiêu đề",
    "lead": "Đoạn mở đầu",
    "paragraph": "Đoạn văn",
    "caption": "Chú thích ảnh",
    "caption_repeat": "Chú thích lặp lại",
    "byline": "Tác giả",
    "source": "Nguồn",
    "furniture": "Phần trang web",
}
STATUS_LABELS = {"updated": "cập nhật", "unchanged": "không đổi", "failed": "lỗi"}


class MentionInline(ReadOnlyInline):
    entity_field = ""
    fields = ["surface", "entity", "sentence", "offsets"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.entity_field)

    @admin.display(description="bản ghi")
    def entity(self, mention):
        target = getattr(mention, self.entity_field)
        opts = target._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a>', url, target)

    @admin.display(description="vị trí trong văn bản")
    def offsets(self, mention):
        return f"{mention.start}–{mention.end}"


class PersonMentionInline(MentionInline):
    model = PersonMention
    entity_field = "person"
    verbose_name_plural = "nhắc đến nhân vật"


class OrganisationMentionInline(MentionInline):
    model = OrganisationMention
    entity_field = "organisation"
    verbose_name_plural = "nhắc đến tổ chức"


class DirectiveMentionInline(MentionInline):
    model = DirectiveMention
    entity_field = "directive"
    verbose_name_plural = "trích dẫn văn bản"


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
        ("published_precision", titled(admin.ChoicesFieldListFilter, "độ chính xác của ngày")),
        ("published_year", titled(IndexedValuesFilter, "năm đăng")),
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
        ("Cấu trúc trích xuất", {"fields": ["structure"]}),
        (
            "Văn bản gốc",
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
    checksum = labelled("sha256", "mã băm SHA-256")
    imported_at = labelled("created_at", "nhập vào kho lúc")
    updated_at_column = labelled("updated_at", "cập nhật lần cuối lúc")

    def get_queryset(self, request):
        queryset = with_article_counts(super().get_queryset(request))
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            # A list row shows none of the texts; they are most of a row's bytes.
            queryset = queryset.defer(*ARTICLE_TEXTS)
        return queryset

    def has_add_permission(self, request):
        # Articles enter the archive through the import service only.
        return False

    @admin.display(description="Ngày đăng", ordering="published_on")
    def date_label(self, article):
        return article_date(article)

    people_count = labelled("people_count", "Nhân vật")
    organisation_count = labelled("organisation_count", "Tổ chức")
    directive_count = labelled("directive_count", "Văn bản")

    @admin.display(description="các khối văn bản")
    def structure(self, article):
        if not article.blocks:
            return "—"
        return readonly_table(
            ["Loại", "Vị trí", "Nội dung"],
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

    @admin.action(description="Trích xuất lại các bài viết đã chọn", permissions=["change"])
    def reextract_selected(self, request, queryset):
        statuses: Counter[str] = Counter()
        for article in queryset:
            outcome = reextract_one(article=article)
            statuses[outcome.status] += 1
            if outcome.status == "failed":
                self.message_user(request, f"“{article}”: {outcome.error}", messages.ERROR)
            else:
                self.log_change(request, article, "Trích xuất lại.")
        summary = ", ".join(f"{STATUS_LABELS.get(s, s)}: {n}" for s, n in sorted(statuses.items()))
        self.message_user(request, f"Đã trích xuất lại {statuses.total()} bài viết ({summary}).")
