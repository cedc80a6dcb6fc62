"""Behaviour every archive admin shares: list options, accent-insensitive search, recorded edits."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive.display import article_date
from archive.extraction.normalize import fold_accents, matching_key
from archive.paging import CappedPaginator
from archive.selectors.articles import without_article_texts
from archive.services.editing import EditConflict, delete_record, save_edit

# Names sort in Vietnamese order by their indexed key (archive.collation): in
# code-point order "Bùi" would come before "Bạch" and "Đặng" after "Vũ".
BY_NAME = ["sort_key", "id"]
# Fields whose model gives no Vietnamese name of their own.
FIELD_LABELS = {"implements": _("implements")}


class ArchiveAdmin(admin.ModelAdmin):
    """List options of every archive admin.

    The result count is capped (no COUNT over a large table on each page):
    neither the full count nor the filtered one runs over the whole table.
    Facet counts are off: they cost one more count per filter option, and
    Django has no Vietnamese for their toggle.
    """

    list_per_page = 50
    # Past the cap the last pages are not offered; a search or a filter reaches them.
    paginator = CappedPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    empty_value_display = "—"


def labelled(field: str, description: str, *, ordering: str = ""):
    """A field shown under a Vietnamese heading, in a list or read-only on a form.

    For the fields whose model gives no Vietnamese name, and for foreign keys
    in lists: Django keeps a foreign-key column on one line, so a long name
    pushes the other columns out of sight, whereas this column wraps. A list
    showing a foreign key must select the related row (`list_select_related`).
    Also for the counts a queryset annotates (`article_count`), sorted by the
    annotation. `ordering` sorts the column by another field than its own.
    """

    @admin.display(description=description, ordering=ordering or field)
    def column(modeladmin, obj):
        value = getattr(obj, field)
        return modeladmin.get_empty_value_display() if value in (None, "") else value

    column.__name__ = f"{field}_column"
    return column


def date_column(field: str, description: str):
    """A date as day/month/year: the Vietnamese long form takes a column's width."""

    @admin.display(description=description, ordering=field)
    def column(modeladmin, obj):
        value = getattr(obj, field)
        return value.strftime("%d/%m/%Y") if value else modeladmin.get_empty_value_display()

    column.__name__ = f"{field}_column"
    return column


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
        elif self.alias_model is None:
            # The list itself is searched, not `pk IN (search)`: over a million rows
            # PostgreSQL then reads a common word's matches in the list's order, and
            # the date hierarchy's MIN and MAX stop at the first match.
            return queryset.search(term), False
        else:
            matches = model.objects.search(term)
        condition = Q(pk__in=matches.values("pk"))
        if self.alias_model is not None:
            aliases = self.alias_model.objects.filter(key__contains=matching_key(term))
            condition |= Q(pk__in=aliases.values(self.alias_field))
        return queryset.filter(condition), False


class OwnerSearchMixin:
    """Search rows (posts, aliases) by their owner's name without accents, or by their own text.

    `owner_field` names the foreign key to a searchable record, `text_field`
    the row's own text, matched as typed.
    """

    owner_field = ""
    text_field = ""

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        owners = queryset.model._meta.get_field(self.owner_field).related_model.objects
        condition = Q(**{f"{self.owner_field}__in": owners.search(term).values("pk")})
        condition |= Q(**{f"{self.text_field}__icontains": term})
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
        if not form.changed_data:
            super().save_model(request, obj, form, change)
            return
        # The service saves the record itself (it reads the old name first),
        # with the rules the API follows too: date parts, links, edit marks.
        links = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if obj._meta.get_field(name).many_to_many
        }
        try:
            save_edit(instance=obj, fields=form.changed_data, links=links)
        except EditConflict:
            raise ValidationError(
                _("Another record with the same value was just saved. Please reload the page.")
            ) from None

    def save_related(self, request, form, formsets, change):
        # The form's many-to-many fields were set by save_edit; only inlines remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # Deletes go through the service too, which keeps the per-entity counts.
    def delete_model(self, request, obj):
        delete_record(instance=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            delete_record(instance=obj)

    @admin.display(description=_("fields edited by hand"))
    def edited(self, obj):
        return ", ".join(field_label(obj, name) for name in obj.edited_fields) or "—"


def field_label(obj, name: str) -> str:
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    try:
        return str(obj._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


class ReadOnlyInline(admin.TabularInline):
    """An inline that shows rows and never edits them (mentions are written by imports)."""

    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False
    classes = ["archive-readonly"]

    class Media:
        css = {"all": ["archive/admin.css"]}

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def recent_mentions_field(owner_field: str, *, description: str = _("latest mentions")):
    """A read-only form field: the record's latest mentions (mentions_table).

    `owner_field` is the mentions' foreign key to the record ("person"), which
    also names the mention admin that lists all of them.
    """

    @admin.display(description=description)
    def field(modeladmin, obj):
        return mentions_table(
            obj.mentions.all(),
            total=obj.mentions.count(),
            more_url=reverse(f"admin:archive_{owner_field}mention_changelist")
            + f"?{owner_field}__id__exact={obj.pk}",
        )

    field.__name__ = "recent_mentions"
    return field


def mentions_table(mentions, *, total: int, more_url: str, limit: int = 20):
    """The latest mentions of an entity as a table, with a link to all of them."""
    if not total:
        return "—"
    latest = without_article_texts(mentions).order_by(
        F("article__published_on").desc(nulls_last=True), "-article_id", "start"
    )[:limit]
    return readonly_table(
        [_("Article"), _("Published on"), _("Sentence")],
        [
            [
                Cell.article(mention),
                Cell(article_date(mention.article)),
                Cell(mention.sentence),
            ]
            for mention in latest
        ],
        css_class="archive-mentions",
        more=(
            more_url,
            ngettext("See the %(count)d mention", "See all %(count)d mentions", total)
            % {"count": total},
        )
        if total > limit
        else None,
    )


@dataclass(frozen=True)
class Cell:
    """One cell of a read-only table: its text, linked to `url` if given."""

    text: object
    url: str = ""
    header: bool = False  # the row's heading

    @classmethod
    def article(cls, row) -> Cell:
        """The article of a row that has one (a mention, a position, a stated rank), linked
        to its admin page."""
        return cls(row.article, url=reverse("admin:archive_article_change", args=[row.article_id]))


def readonly_table(
    headings: list[str],
    rows: list[list[Cell]],
    *,
    css_class: str = "",
    more: tuple[str, str] | None = None,
) -> str:
    """A read-only field's table, drawn (and escaped) by its template; `more` is (url, text)."""
    more_url, more_text = more or ("", "")
    return render_to_string(
        "admin/archive/readonly_table.html",
        {
            "headings": headings,
            "rows": rows,
            "css_class": css_class,
            "more_url": more_url,
            "more_text": more_text,
        },
    )
