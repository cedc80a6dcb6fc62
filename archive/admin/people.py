"""People in the admin: their names, aliases and posts, and merging duplicates."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive.admin.base import (
    BY_NAME,
    AccentSearchMixin,
    ArchiveAdmin,
    Cell,
    OwnerSearchMixin,
    RecordedEditsMixin,
    labelled,
    readonly_table,
    recent_mentions_field,
)
from archive.admin.filters import EditedFilter, PositionSourceFilter
from archive.admin.forms import PersonAliasForm, PersonForm, PositionForm
from archive.admin.merge import merge_action, merge_counts
from archive.models import Person, PersonAlias, PersonMention, Position
from archive.selectors.articles import without_article_texts
from archive.selectors.common import newest_first_ordering
from archive.selectors.counts import with_person_summary
from archive.selectors.positions import person_posts
from archive.services import merge_people
from archive.services.editing import delete_record, save_position

POSTS_SHOWN = 30


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    form = PersonAliasForm
    extra = 0
    verbose_name_plural = _(
        "other names (an article that writes this name is linked to this person)"
    )


class HandAddedPositionInline(admin.TabularInline):
    """Posts an editor adds by hand; posts stated by articles are listed read-only."""

    model = Position
    fields = ["title", "role", "organisation"]
    autocomplete_fields = ["organisation"]
    extra = 0
    verbose_name_plural = _("positions added by editors")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(article__isnull=True)


@admin.register(Person)
class PersonAdmin(AccentSearchMixin, RecordedEditsMixin, ArchiveAdmin):
    form = PersonForm
    alias_model = PersonAlias
    alias_field = "person"
    list_display = ["name_column", "rank", "latest_post", "article_count", "foreign"]
    ordering = BY_NAME
    list_filter = ["rank", "foreign", EditedFilter]
    inlines = [PersonAliasInline, HandAddedPositionInline]
    fields = [
        "name",
        "rank",
        "academic_titles",
        "foreign",
        "notes",
        "edited",
        "ranks_from_articles",
        "posts_from_articles",
        "recent_mentions",
    ]
    readonly_fields = ["edited", "ranks_from_articles", "posts_from_articles", "recent_mentions"]
    actions = [
        merge_action(
            merge=merge_people,
            counts=merge_counts(
                ("mention_count", _("Mentions"), PersonMention, "person"),
                ("position_count", _("Positions"), Position, "person"),
                ("alias_count", _("Other names"), PersonAlias, "person"),
            ),
            description=_("Merge the selected people into one"),
        )
    ]

    def get_queryset(self, request):
        return with_person_summary(super().get_queryset(request))

    name_column = labelled("name", _("Full name"), ordering="sort_key")

    @admin.display(description=_("Latest position"), ordering="latest_post")
    def latest_post(self, person):
        return person.latest_post or "—"

    article_count = labelled("article_count", _("Number of articles"))
    recent_mentions = recent_mentions_field("person")

    @admin.display(description=_("ranks from articles"))
    def ranks_from_articles(self, person):
        """Each article's rank for the person, newest first; "nguyên" marks a former one."""
        ranks = without_article_texts(person.stated_ranks.all()).order_by(
            *newest_first_ordering("article__")
        )
        rows = [
            [Cell(stated.rank), Cell(_("former") if stated.former else "—"), Cell.article(stated)]
            for stated in ranks[:POSTS_SHOWN]
        ]
        if not rows:
            return "—"
        return readonly_table([_("Rank"), _("Former"), _("Article")], rows)

    @admin.display(description=_("positions from articles"))
    def posts_from_articles(self, person):
        posts = person_posts(person).filter(article__isnull=False)
        total = posts.count()
        if not total:
            return "—"
        more_url = reverse("admin:archive_position_changelist") + f"?person__id__exact={person.pk}"
        return readonly_table(
            [_("Positions"), _("Organisation"), _("Article")],
            [
                [
                    Cell(post.title, url=reverse("admin:archive_position_change", args=[post.pk])),
                    Cell(post.organisation or "—"),
                    Cell.article(post),
                ]
                for post in posts[:POSTS_SHOWN]
            ],
            more=(
                more_url,
                ngettext("See the %(count)d position", "See all %(count)d positions", total)
                % {"count": total},
            )
            if total > POSTS_SHOWN
            else None,
        )


@admin.register(Position)
class PositionAdmin(OwnerSearchMixin, ArchiveAdmin):
    form = PositionForm
    list_display = ["title", "person_column", "organisation_column", "article_column"]
    list_filter = [PositionSourceFilter]
    autocomplete_fields = ["person", "organisation", "article"]
    search_fields = ["title"]
    owner_field = "person"
    text_field = "title"

    person_column = labelled("person", _("Person"))
    organisation_column = labelled("organisation", _("Organisation"))
    article_column = labelled("article", _("Article"))

    # Through the services, which keep the person's post counts.
    def save_model(self, request, obj, form, change):
        save_position(position=obj)

    def delete_model(self, request, obj):
        delete_record(instance=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            delete_record(instance=obj)

    def get_queryset(self, request):
        # Selected here, not by list_select_related (which the changelist skips
        # once a queryset selects anything): a row names its article, without its texts.
        return without_article_texts(
            super().get_queryset(request).select_related("person", "organisation")
        )


@admin.register(PersonAlias)
class PersonAliasAdmin(OwnerSearchMixin, ArchiveAdmin):
    form = PersonAliasForm
    list_display = ["name", "person_column"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
    fields = ["name", "person"]
    search_fields = ["name"]
    owner_field = "person"
    text_field = "name"

    person_column = labelled("person", _("Person"))
