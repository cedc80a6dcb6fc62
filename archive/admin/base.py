"""Behaviour every archive admin shares: accent-insensitive search and recorded edits."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import F, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from archive.extraction.normalize import fold_accents, matching_key
from archive.services import record_edit


class AccentSearchMixin:
    """Search the stored accent-folded `search_document`, so "dang uy" finds "Đảng uỷ".

    Django's own search runs `icontains` on the raw input, which never matches
    folded text. The changelist uses the model's `search()` verb (whole words,
    the GIN index on PostgreSQL); the autocomplete widgets match word prefixes
    instead, because they search while the editor is still typing.
    `alias_model` / `alias_field` also find a record by one of its other names.
    """

    search_fields = ["search_document"]
    alias_model = None
    alias_field = ""

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        model = queryset.model
        if _is_autocomplete(request):
            matches = model.objects.all()
            for word in fold_accents(term).split():
                matches = matches.filter(search_document__contains=word)
        else:
            matches = model.objects.search(term)
        condition = Q(pk__in=matches.values("pk"))
        if self.alias_model is not None:
            aliases = self.alias_model.objects.filter(key__contains=matching_key(term))
            condition |= Q(pk__in=aliases.values(self.alias_field))
        return queryset.filter(condition), False


def _is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "autocomplete"


class RecordedEditsMixin:
    """Changes made by an editor are marked so that a re-import keeps them.

    Django's admin log already records who changed what and when; the
    service adds the field names to `edited_fields` (and keeps an old name
    as an alias), which the import service reads. A record added by hand is
    marked too: an import that later finds it must not overwrite it.
    """

    def save_model(self, request, obj, form, change):
        if form.changed_data:
            # The service saves the record itself: it reads the old name first.
            record_edit(instance=obj, fields=form.changed_data)
        else:
            super().save_model(request, obj, form, change)


class ReadOnlyInline(admin.TabularInline):
    """An inline that shows rows and never edits them (mentions are written by imports)."""

    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def mentions_table(mentions, *, total: int, more_url: str, limit: int = 20):
    """The latest mentions of an entity as a table, with a link to all of them."""
    rows = format_html_join(
        "",
        '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td></tr>',
        (
            (
                reverse("admin:archive_article_change", args=[mention.article_id]),
                mention.article,
                mention.article.published_on or "—",
                mention.sentence,
            )
            for mention in mentions.select_related("article").order_by(
                F("article__published_on").desc(nulls_last=True), "-article_id", "start"
            )[:limit]
        ),
    )
    if not total:
        return "—"
    more = (
        format_html('<p><a href="{}">Xem tất cả {} lần nhắc đến</a></p>', more_url, total)
        if total > limit
        else ""
    )
    return format_html(
        '<table class="archive-mentions"><thead><tr><th scope="col">Bài viết</th>'
        '<th scope="col">Ngày đăng</th><th scope="col">Câu</th></tr></thead>'
        "<tbody>{}</tbody></table>{}",
        rows,
        more,
    )
