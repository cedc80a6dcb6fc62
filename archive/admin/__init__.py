"""The editors' admin: one module per model family, registered on import."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.admin import articles, directives, mentions, organisations, people

admin.site.site_header = _("News archive — administration")
admin.site.site_title = _("Archive administration")
admin.site.index_title = _("Edit the data")

__all__ = ["articles", "directives", "mentions", "organisations", "people"]
