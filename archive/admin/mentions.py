"""Mentions in the admin: read-only lists, reached from an entity's "see all" link.

Mentions are written by the import service only; an editor corrects the
entity (or merges two) rather than a single occurrence.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.admin.base import ArchiveAdmin, labelled
from archive.models import DirectiveMention, OrganisationMention, PersonMention
from archive.selectors.articles import without_article_texts


class MentionAdmin(ArchiveAdmin):
    entity_field = ""
    list_display = ["surface", "entity", "article_column", "sentence"]
    fields = ["surface", "entity", "article_column", "start", "end", "sentence"]
    readonly_fields = fields

    article_column = labelled("article", _("Article"))

    def get_queryset(self, request):
        # A row names its article: the article's texts are not needed.
        return without_article_texts(
            super().get_queryset(request).select_related(self.entity_field)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonMention)
class PersonMentionAdmin(MentionAdmin):
    entity_field = "person"
    entity = labelled("person", _("Person"))


@admin.register(OrganisationMention)
class OrganisationMentionAdmin(MentionAdmin):
    entity_field = "organisation"
    entity = labelled("organisation", _("Organisation"))


@admin.register(DirectiveMention)
class DirectiveMentionAdmin(MentionAdmin):
    entity_field = "directive"
    entity = labelled("directive", _("Directive"))
