"""The "merge selected" admin action: a confirmation page, then the merge service.

Like Django's own "delete selected", the action first answers with a page
listing what will happen; only the confirmed POST calls the service.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from archive.selectors.common import count_of


def merge_action(*, merge: Callable, counts: Callable, description: str):
    """Build a merge action around a service `merge(*, survivor, merged)`.

    `counts(queryset)` annotates the rows with what will move, for the
    confirmation page: a list of (attribute, Vietnamese label) pairs.
    """

    @admin.action(description=description, permissions=["change", "delete"])
    def merge_selected(modeladmin, request, queryset):
        opts = modeladmin.model._meta
        annotated, columns = counts(queryset)
        selected = list(annotated.order_by("pk"))
        if len(selected) < 2:
            modeladmin.message_user(
                request,
                _("Choose at least two %(records)s to merge.") % {"records": opts.verbose_name},
                messages.WARNING,
            )
            return None
        if request.POST.get("post") == "yes":
            survivor = next(
                (obj for obj in selected if str(obj.pk) == request.POST.get("survivor")), None
            )
            if survivor is not None:
                merged = [obj for obj in selected if obj.pk != survivor.pk]
                return _merge(modeladmin, request, merge, survivor, merged)
            modeladmin.message_user(request, _("Choose the record to keep."), messages.ERROR)
        # The default survivor is the record with the most material attached.
        default = max(selected, key=lambda obj: sum(getattr(obj, a) for a, _ in columns))
        rows = [{"obj": obj, "values": [getattr(obj, a) for a, _ in columns]} for obj in selected]
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": _("Merge %(records)s") % {"records": opts.verbose_name_plural},
            "subtitle": None,
            "opts": opts,
            "rows": rows,
            "columns": [label for _, label in columns],
            "default_survivor": default.pk,
            "action_name": request.POST.get("action", "merge_selected"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media,
        }
        request.current_app = modeladmin.admin_site.name
        return TemplateResponse(request, "admin/archive/merge_confirmation.html", context)

    return merge_selected


def merge_counts(*counted: tuple[str, str, type, str]) -> Callable:
    """The `counts` of merge_action: rows of other tables that point at each selected record.

    Each entry is (attribute, Vietnamese label, model, its foreign key to the record).
    """

    def counts(queryset):
        annotated = queryset.annotate(
            **{
                attribute: count_of(model.objects.all(), outer=outer, counted="id")
                for attribute, _, model, outer in counted
            }
        )
        return annotated, [(attribute, label) for attribute, label, _, _ in counted]

    return counts


def _merge(modeladmin, request, merge, survivor, merged) -> None:
    names = ", ".join(f"“{obj}”" for obj in merged)
    try:
        with transaction.atomic():
            # Logged before the service deletes them, while their rows still exist.
            modeladmin.log_deletions(
                request, modeladmin.model.objects.filter(pk__in=[obj.pk for obj in merged])
            )
            merge(survivor=survivor, merged=merged)
            modeladmin.log_change(
                request, survivor, _("Merged %(names)s into this record.") % {"names": names}
            )
    except ValueError as error:
        modeladmin.message_user(
            request, _("Could not merge: %(error)s") % {"error": error}, messages.ERROR
        )
        return None
    modeladmin.message_user(
        request,
        _("Merged %(names)s into “%(survivor)s”; the old names became other names.")
        % {"names": names, "survivor": survivor},
        messages.SUCCESS,
    )
    return None
