"""The editors' admin: one module per model family, registered on import."""

from django.contrib import admin

from archive.admin import articles, directives, mentions, organisations, people

admin.site.site_header = "Kho lưu trữ tin bài — Quản trị"
admin.site.site_title = "Quản trị kho lưu trữ"
admin.site.index_title = "Biên tập dữ liệu"

__all__ = ["articles", "directives", "mentions", "organisations", "people"]
