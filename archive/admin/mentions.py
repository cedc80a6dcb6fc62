"""Mentions in the admin: read-only lists, reached from an entity's "see all" link.

Mentions are written by the import service only; an editor corrects the
entity (or merges two) rather than a single occurrence.
"""

from __future__ import annotations

from django.contrib import admin

from archive.models import DirectiveMention, OrganisationMention, PersonMention


class MentionAdmin(admin.ModelAdmin):
    entity_field = ""
    list_per_page = 50
    show_full_result_count = False

    def get_list_display(self, request):
        return ["surface", self.entity_field, "article", "sentence"]

    def get_list_select_related(self, request):
        return [self.entity_field, "article"]

    def get_fields(self, request, obj=None):
        return ["surface", self.entity_field, "article", "start", "end", "sentence"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonMention)
class PersonMentionAdmin(MentionAdmin):
    entity_field = "person"


@admin.register(OrganisationMention)
class OrganisationMentionAdmin(MentionAdmin):
    entity_field = "organisation"


@admin.register(DirectiveMention)
class DirectiveMentionAdmin(MentionAdmin):
    entity_field = "directive"
