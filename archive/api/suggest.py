"""The filter forms' type-ahead: `GET /api/suggest/<people|organisations|directives>/?q=`.

Small and always bounded (archive.selectors.suggest), so the page's script
can ask on every keystroke. What a suggestion's `value` is matches what the
list filters take: an id, or for a directive its symbol when it has one.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from archive.api.schema import ArchiveAutoSchema
from archive.selectors.suggest import MAX_TYPED, SUGGEST_LIMIT, SUGGESTERS

SUGGESTION = inline_serializer(
    "Suggestion",
    {
        "value": serializers.CharField(help_text="What the list's filter takes (id or symbol)."),
        "label": serializers.CharField(),
        "also_known_as": serializers.CharField(
            help_text="The alias that matched what was typed, if not the name; else empty."
        ),
    },
)


class SuggestView(APIView):
    """Up to 10 records whose name (or an alias) begins like `q`, accent-insensitive."""

    schema = ArchiveAutoSchema()
    kind = "people"  # each route sets its own (archive.api.urls)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                description=f"What was typed; each word matches the beginning of a word "
                f"(first {MAX_TYPED} characters).",
            ),
        ],
        responses={
            200: inline_serializer(
                "Suggestions",
                {"results": serializers.ListField(child=SUGGESTION, max_length=SUGGEST_LIMIT)},
            )
        },
    )
    def get(self, request):
        typed = request.query_params.get("q", "")
        suggestions = SUGGESTERS[self.kind](typed=typed)
        return Response({"results": [vars(suggestion) for suggestion in suggestions]})
