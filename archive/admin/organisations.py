"""Organisations in the admin: names, abbreviations, hierarchy, and merging duplicates."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse

from archive.admin.base import (
    BY_NAME,
    AccentSearchMixin,
    ArchiveAdmin,
    OwnerSearchMixin,
    RecordedEditsMixin,
    labelled,
    mentions_table,
)
from archive.admin.filters import EditedFilter, OrganisationKindFilter
from archive.admin.forms import OrganisationAliasForm, OrganisationForm
from archive.admin.merge import merge_action
from archive.models import (
    Directive,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Position,
)
from archive.selectors.pages import count_of, with_organisation_counts
from archive.services import merge_organisations
from archive.views.display import kind_label


def _organisation_merge_counts(queryset):
    annotated = queryset.annotate(
        mention_count=count_of(
            OrganisationMention.objects.all(), outer="organisation", counted="id"
        ),
        position_count=count_of(Position.objects.all(), outer="organisation", counted="id"),
        alias_count=count_of(OrganisationAlias.objects.all(), outer="organisation", counted="id"),
        issued_count=count_of(Directive.objects.all(), outer="issuer", counted="id"),
        children_count=count_of(Organisation.objects.all(), outer="parent", counted="id"),
    )
    return annotated, [
        ("mention_count", "Lần nhắc đến"),
        ("position_count", "Chức vụ"),
        ("alias_count", "Tên khác"),
        ("issued_count", "Văn bản ban hành"),
        ("children_count", "Đơn vị trực thuộc"),
    ]


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    form = OrganisationAliasForm
    extra = 0
    verbose_name_plural = "tên khác, tên viết tắt"


@admin.register(Organisation)
class OrganisationAdmin(AccentSearchMixin, RecordedEditsMixin, ArchiveAdmin):
    form = OrganisationForm
    alias_model = OrganisationAlias
    alias_field = "organisation"
    list_display = [
        "name_column",
        "abbreviation",
        "kind_name",
        "parent_column",
        "people_count",
        "article_count",
    ]
    list_filter = [OrganisationKindFilter, EditedFilter]
    date_hierarchy = "created_at"
    ordering = BY_NAME
    autocomplete_fields = ["parent"]
    inlines = [OrganisationAliasInline]
    fields = ["name", "abbreviation", "kind", "parent", "notes", "edited", "recent_mentions"]
    readonly_fields = ["edited", "recent_mentions"]
    actions = [
        merge_action(
            merge=merge_organisations,
            counts=_organisation_merge_counts,
            description="Hợp nhất các tổ chức đã chọn thành một",
        )
    ]

    def get_queryset(self, request):
        return with_organisation_counts(super().get_queryset(request))

    name_column = labelled("name", "Tên", ordering="search_document")
    parent_column = labelled("parent", "Trực thuộc")

    @admin.display(description="Loại", ordering="kind")
    def kind_name(self, organisation):
        return kind_label(organisation.kind) or "—"

    @admin.display(description="Số nhân vật", ordering="people_count")
    def people_count(self, organisation):
        return organisation.people_count

    @admin.display(description="Số bài viết", ordering="article_count")
    def article_count(self, organisation):
        return organisation.article_count

    @admin.display(description="các lần nhắc đến gần nhất")
    def recent_mentions(self, organisation):
        return mentions_table(
            organisation.mentions.all(),
            total=organisation.mentions.count(),
            more_url=reverse("admin:archive_organisationmention_changelist")
            + f"?organisation__id__exact={organisation.pk}",
        )


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(OwnerSearchMixin, ArchiveAdmin):
    form = OrganisationAliasForm
    list_display = ["name", "is_abbreviation", "organisation_column"]
    list_select_related = ["organisation"]
    list_filter = ["is_abbreviation"]
    autocomplete_fields = ["organisation"]
    fields = ["name", "is_abbreviation", "organisation"]
    search_fields = ["name"]
    owner_field = "organisation"
    text_field = "name"
    organisation_column = labelled("organisation", "Tổ chức")
