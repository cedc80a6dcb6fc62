"""Sidebar filters shared by the archive's admin lists."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.display import kind_label
from archive.selectors.distinct import indexed_distinct_values


class EditedFilter(admin.SimpleListFilter):
    """Records an editor has corrected: their edited fields survive re-imports."""

    title = _("edited by hand")
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(edited_fields=[])
        if self.value() == "no":
            return queryset.filter(edited_fields=[])
        return queryset


def titled(base: type[admin.FieldListFilter], title: str) -> type[admin.FieldListFilter]:
    """A field filter with a title of our own, for fields whose verbose name is English."""

    class TitledFilter(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return TitledFilter


class OrganisationKindFilter(admin.SimpleListFilter):
    """The kind of an organisation, named by its Vietnamese head noun ("Bộ", "Cục")."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        kinds = (
            model_admin.model.objects.exclude(kind="")
            .order_by()
            .values_list("kind", flat=True)
            .distinct()
        )
        return sorted(((kind, kind_label(kind)) for kind in kinds), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class PositionSourceFilter(admin.SimpleListFilter):
    """Where a post comes from: stated by an article, or added by an editor."""

    title = _("source of the position")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("article", _("From an article")), ("editor", _("Added by an editor"))]

    def queryset(self, request, queryset):
        if self.value() == "article":
            return queryset.filter(article__isnull=False)
        if self.value() == "editor":
            return queryset.filter(article__isnull=True)
        return queryset


class IndexedValuesFilter(admin.AllValuesFieldListFilter):
    """Django's all-values filter, its values read by walking the column's index.

    The stock filter runs `SELECT DISTINCT` over the list's whole queryset
    (with its annotations) on each view; the column must be indexed.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = indexed_distinct_values(model, field.name)
