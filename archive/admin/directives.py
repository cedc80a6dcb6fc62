"""Directives in the admin: identity, issuer, and the implementation links between them."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from archive.admin.base import (
    AccentSearchMixin,
    ArchiveAdmin,
    RecordedEditsMixin,
    date_column,
    labelled,
    recent_mentions_field,
)
from archive.admin.filters import EditedFilter
from archive.admin.forms import DirectiveForm
from archive.models import Directive
from archive.selectors.counts import with_directive_counts


@admin.register(Directive)
class DirectiveAdmin(AccentSearchMixin, RecordedEditsMixin, ArchiveAdmin):
    form = DirectiveForm
    # The name carries the symbol ("Nghị quyết 59-NQ/TW"): no column of its own.
    list_display = ["__str__", "issued_on_column", "issuer_column", "article_count"]
    list_filter = ["kind", "issued_year", EditedFilter]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuer", "implements"]
    fields = [
        ("kind", "kind_code"),
        ("number", "symbol"),
        "issued_on",
        "issuer",
        "summary",
        "implements",
        "implemented_by_list",
        "notes",
        "edited",
        "recent_mentions",
    ]
    readonly_fields = ["implemented_by_list", "edited", "recent_mentions"]

    def get_queryset(self, request):
        return with_directive_counts(super().get_queryset(request))

    issued_on_column = date_column("issued_on", _("Issued on"))
    issuer_column = labelled("issuer", _("Issuer"))

    article_count = labelled("article_count", _("Number of articles"))
    recent_mentions = recent_mentions_field("directive", description=_("latest citations"))

    @admin.display(description=_("implemented by"))
    def implemented_by_list(self, directive):
        implementers = list(directive.implemented_by.all())
        if not implementers:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("admin:archive_directive_change", args=[item.pk]), item)
                    for item in implementers
                ),
            ),
        )
