"""OpenAPI schema details drf-spectacular cannot infer: the error answers each endpoint gives.

Documenting them is what lets a client (and the schemathesis suite) tell an
expected 400 for a bad filter from an undocumented failure.
"""

from __future__ import annotations

import copy

from django.conf import settings
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema

from archive import filters
from archive.extraction.ranks import RANKS

_DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# {"parameter or field": ["message", ...]}; a list field's errors are keyed by index.
_FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {
        "oneOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "object"},
            {"type": "string"},
        ]
    },
}


EMPTY = {"type": "string", "enum": [""]}


def allow_empty(schema: dict) -> dict:
    """A query parameter's schema that also admits an empty value.

    `?published_after=` means the same as leaving the parameter out, as an
    HTML form sends it for a field left blank (the pages share these filters).
    """
    if schema.get("type") == "array":
        return {**schema, "items": {"anyOf": [schema["items"], EMPTY]}}
    if schema.get("type") == "string" and "format" not in schema and "enum" not in schema:
        return schema
    return {"anyOf": [schema, EMPTY]}


def _response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class ArchiveAutoSchema(AutoSchema):
    # Actions that take the list's filters without answering a page of rows.
    FILTERED_ACTIONS = ("export", "facets")

    def get_filter_backends(self):
        if getattr(self.view, "action", None) in self.FILTERED_ACTIONS:
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def get_auth(self):
        auths = super().get_auth()
        # Reading is open to anonymous users unless ARCHIVE_PUBLIC=0.
        if self.method.upper() in ("GET", "HEAD") and settings.ARCHIVE_PUBLIC and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        action = getattr(self.view, "action", None)
        if action in (
            "list",
            "export",
            "facets",
            "create",
            "update",
            "partial_update",
            "import_article",
            "mentions",
            "merge",
            "timeline",
        ):
            responses.setdefault(
                "400",
                _response(
                    "Invalid parameters or data: each message is keyed by the parameter or field.",
                    _FIELD_ERRORS,
                ),
            )
        # Writes need a login with the model permission; reading can be closed
        # to anonymous users by ARCHIVE_PUBLIC=0.
        responses.setdefault("401", _response("Not logged in.", _DETAIL))
        responses.setdefault("403", _response("Not allowed.", _DETAIL))
        responses.setdefault("429", _response("Too many requests: wait and retry.", _DETAIL))
        if action in (
            "list",
            "retrieve",
            "update",
            "partial_update",
            "destroy",
            "mentions",
            "related",
            "similar",
            "timeline",
            "posts",
            "units",
        ):
            description = "No such page." if action == "list" else "No such record."
            responses.setdefault("404", _response(description, _DETAIL))
        return responses


class ArchiveFilterExtension(DjangoFilterExtension):
    """Types of the archive's own filter classes, and every filter's help text as description."""

    target_class = "archive.api.views.ArchiveFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        schema = self._schema_of(filter_field)
        if schema is not None:
            annotated = copy.copy(filter_field)
            annotated._spectacular_annotation = {"field": schema}
            filter_field = annotated
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        help_text = filter_field.extra.get("help_text")
        for parameter in parameters:
            parameter["schema"] = allow_empty(parameter["schema"])
            if help_text and not parameter.get("description"):
                parameter["description"] = str(help_text)
        return parameters

    @staticmethod
    def _schema_of(filter_field) -> dict | None:
        if isinstance(filter_field, filters.EntityFilter):
            item = {"type": "integer", "minimum": 1, "maximum": filters.MAX_ID}
            if filter_field.extra.get("accept_symbol"):
                item = {"oneOf": [item, {"type": "string", "pattern": "[/-]"}]}
            return {"type": "array", "items": item, "maxItems": filter_field.extra["max_values"]}
        if isinstance(filter_field, filters.RankFilter):
            ranks = [*RANKS, *filters.RANK_GROUPS]
            item = {"type": "string", "enum": ranks}
            return {"type": "array", "items": item, "maxItems": filters.MAX_FILTER_VALUES}
        if isinstance(filter_field, filters.StrictBooleanFilter):
            return {"type": "boolean"}
        if isinstance(filter_field, filters.YearFilter):
            return {"type": "integer", "minimum": 1, "maximum": 9999}
        if isinstance(filter_field, filters.SymbolFilter):
            return {"type": "string", "maxLength": 80}
        return None
