"""Sidebar filters shared by the archive's admin lists."""

from __future__ import annotations

from django.contrib import admin


class EditedFilter(admin.SimpleListFilter):
    """Records an editor has corrected: their edited fields survive re-imports."""

    title = "đã sửa tay"
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("yes", "Có"), ("no", "Không")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(edited_fields=[])
        if self.value() == "no":
            return queryset.filter(edited_fields=[])
        return queryset
