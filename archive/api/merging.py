"""POST /api/people/merge/ and /api/organisations/merge/: an editor's merge, as in the admin.

The same service (archive.services.merging) and the same permissions as the
admin's merge action: changing the survivor and deleting the merged records.
The answer is the survivor's detail; the merged ids then redirect to it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from archive.api.permissions import ArchivePermission
from archive.selectors.redirects import MAX_ID

# One request merges at most this many records: a merge locks every row it moves.
MAX_MERGED = 100


class MergeSerializer(serializers.Serializer):
    survivor = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The record that stays."
    )
    merged = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=MAX_MERGED,
        help_text="The duplicates to merge into it; their names become its other names.",
    )

    def validate(self, data):
        if data["survivor"] in data["merged"]:
            raise ValidationError({"merged": [_("must not hold the survivor itself")]})
        return data


class MergePermission(ArchivePermission):
    """A merge changes the survivor and deletes the others: both permissions, as in the admin."""

    perms_map = {
        **ArchivePermission.perms_map,
        "POST": ["%(app_label)s.change_%(model_name)s", "%(app_label)s.delete_%(model_name)s"],
    }


class MergeMixin:
    """Adds `merge/` to a viewset whose `merge_service(survivor=, merged=)` merges its records."""

    merge_service: staticmethod

    @action(detail=False, methods=["post"], url_path="merge", permission_classes=[MergePermission])
    def merge(self, request):
        serializer = MergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        survivor_id = serializer.validated_data["survivor"]
        merged_ids = serializer.validated_data["merged"]
        found = self.model.objects.in_bulk([survivor_id, *merged_ids])
        errors = {}
        if survivor_id not in found:
            errors["survivor"] = [_("no record with id %(ids)s") % {"ids": survivor_id}]
        missing = sorted({pk for pk in merged_ids if pk not in found})
        if missing:
            errors["merged"] = [
                _("no record with id %(ids)s") % {"ids": ", ".join(map(str, missing))}
            ]
        if errors:
            raise ValidationError(errors)
        try:
            survivor = self.merge_service(
                survivor=found[survivor_id], merged=[found[pk] for pk in merged_ids]
            )
        except ValueError as error:
            raise ValidationError({"merged": [str(error)]}) from None
        return self.detail_response(survivor.pk)


def document_merge(detail):
    """Schema of `merge/`: the request above, the survivor's detail in answer."""
    return extend_schema(
        summary="Merge duplicates into one record",
        request=MergeSerializer,
        responses={200: OpenApiResponse(detail, "The survivor, as stored after the merge.")},
    )
