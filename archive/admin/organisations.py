"""Organisations in the admin: names, abbreviations, hierarchy, and merging duplicates."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.admin.base import (
    BY_NAME,
    AccentSearchMixin,
    ArchiveAdmin,
    OwnerSearchMixin,
    RecordedEditsMixin,
    labelled,
    recent_mentions_field,
)
from archive.admin.filters import EditedFilter, OrganisationKindFilter
from archive.admin.forms import OrganisationAliasForm, OrganisationForm
from archive.admin.merge import merge_action, merge_counts
from archive.display import kind_label
from archive.models import (
    Directive,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Position,
)
from archive.selectors.counts import with_organisation_counts
from archive.services import merge_organisations


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    form = OrganisationAliasForm
    extra = 0
    verbose_name_plural = _("other names, abbreviations")


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
    ordering = BY_NAME
    autocomplete_fields = ["parent"]
    inlines = [OrganisationAliasInline]
    fields = ["name", "abbreviation", "kind", "parent", "notes", "edited", "recent_mentions"]
    readonly_fields = ["edited", "recent_mentions"]
    actions = [
        merge_action(
            merge=merge_organisations,
            counts=merge_counts(
                ("mention_count", _("Mentions"), OrganisationMention, "organisation"),
                ("position_count", _("Positions"), Position, "organisation"),
                ("alias_count", _("Other names"), OrganisationAlias, "organisation"),
                ("issued_count", _("Directives issued"), Directive, "issuer"),
                ("children_count", _("Units under it"), Organisation, "parent"),
            ),
            description=_("Merge the selected organisations into one"),
        )
    ]

    def get_queryset(self, request):
        return with_organisation_counts(super().get_queryset(request))

    name_column = labelled("name", _("Name"), ordering="sort_key")
    parent_column = labelled("parent", _("Part of"))

    @admin.display(description=_("Kind"), ordering="kind")
    def kind_name(self, organisation):
        return kind_label(organisation.kind) or "—"

    people_count = labelled("people_count", _("Number of people"))
    article_count = labelled("article_count", _("Number of articles"))
    recent_mentions = recent_mentions_field("organisation")


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
    organisation_column = labelled("organisation", _("Organisation"))
