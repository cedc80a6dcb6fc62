"""Pagination for the API's lists, neither of which counts the whole table.

Articles (the feed, the one large table) use keyset ("cursor") pagination:
each page is `WHERE (sort key) > (last row seen) ORDER BY ... LIMIT n`, a
row comparison that the database reads as one index range, so page 1,000
costs what page 1 costs and no COUNT(*) runs at all. DRF's own
CursorPagination keys on the first ordering field only and cannot handle a
NULL in it (undated articles), so the cursor here carries the whole sort key,
ties broken by id, and NULLs sort last in both directions.

People, organisations and directives are smaller tables browsed by page
number (archive.paging); their `count` stops at COUNT_CAP (`count_capped` says so), so a broad
filter never counts every row either.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy

# Django's own row-value comparison (used by composite primary keys); it falls
# back to an equivalent OR on a database without row values.
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from archive.api.schema import allow_empty
from archive.paging import COUNT_CAP, CappedPaginator

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


def requested_page_size(request) -> int:
    """`page_size` from the query, or a 400 naming it: never silently capped."""
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return DEFAULT_PAGE_SIZE
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise ValidationError(
            {"page_size": [_("must be a whole number from 1 to %(top)d") % {"top": MAX_PAGE_SIZE}]}
        )
    return int(raw)


def _page_size_parameter() -> dict[str, Any]:
    return {
        "name": "page_size",
        "required": False,
        "in": "query",
        "description": f"Results per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
        "schema": allow_empty({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}),
    }


# --- Keyset pagination ---------------------------------------------------------


@dataclass(frozen=True)
class SortKey:
    name: str
    descending: bool
    nullable: bool
    nulls_last: bool = True

    def expression(self) -> OrderBy:
        field = F(self.name)
        if not self.nullable:
            return field.desc() if self.descending else field.asc()
        nulls = {"nulls_last": True} if self.nulls_last else {"nulls_first": True}
        return field.desc(**nulls) if self.descending else field.asc(**nulls)

    def reversed(self) -> SortKey:
        return SortKey(self.name, not self.descending, self.nullable, not self.nulls_last)

    def equal(self, value: Any) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def after(self, value: Any) -> Q | None:
        """Rows strictly after `value` in this key's order; None when there are none."""
        if value is None:
            return None if self.nulls_last else Q(**{f"{self.name}__isnull": False})
        condition = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        if self.nullable and self.nulls_last:
            condition |= Q(**{f"{self.name}__isnull": True})
        return condition


def sort_keys_of(queryset: QuerySet) -> list[SortKey]:
    """The queryset's ordering as sort keys, made total by a final id key."""
    meta = queryset.model._meta
    keys: list[SortKey] = []
    for item in queryset.query.order_by or meta.ordering:
        if isinstance(item, str):
            descending, name = item.startswith("-"), item.lstrip("-")
            nulls_last = True
        elif isinstance(item, OrderBy) and isinstance(item.expression, F):
            descending, name = item.descending, item.expression.name
            nulls_last = not item.nulls_first
        else:
            raise ImproperlyConfigured(f"keyset pagination cannot order by {item!r}")
        name = "id" if name == "pk" else name
        if name in queryset.query.annotations:
            # A computed score (search relevance): never NULL, compared as it was read.
            keys.append(SortKey(name, descending, False, nulls_last))
            continue
        field = meta.get_field(name)
        if field.is_relation:
            raise ImproperlyConfigured(f"keyset pagination cannot order by a relation ({name})")
        keys.append(SortKey(name, descending, field.null, nulls_last))
        if name == "id":
            return keys
    return [*keys, SortKey("id", bool(keys) and keys[0].descending, False)]


def keyset_condition(keys: list[SortKey], values: list[Any]) -> Q:
    """Rows after the row whose sort key is `values`: (k1 > v1) or (k1 = v1 and k2 > v2) or ..."""
    condition = Q(pk__in=[])
    prefix = Q()
    for key, value in zip(keys, values, strict=True):
        after = key.after(value)
        if after is not None:
            condition |= prefix & after
        prefix &= key.equal(value)
    return condition


def _row_after(keys: list[SortKey], values: list[Any]) -> Q:
    """`(k1, k2, ...) < (v1, v2, ...)` (or `>`): one index range, unlike an OR of conditions."""
    lookup = TupleLessThan if keys[0].descending else TupleGreaterThan
    if len(keys) == 1:
        return Q(**{f"{keys[0].name}__{'lt' if keys[0].descending else 'gt'}": values[0]})
    return Q(lookup(Tuple(*[F(key.name) for key in keys]), tuple(values)))


def keyset_passes(keys: list[SortKey], values: list[Any]) -> list[Q]:
    """The rows after `values`, as conditions read one after the other, each an index range.

    A nullable first key splits the order into its dated and its NULL part; a
    single condition `k < v OR k IS NULL` would make PostgreSQL filter the
    whole index from its start. So each part is its own pass, and the second
    runs only when the first did not fill the page. Orderings the row
    comparison cannot express (mixed directions, a nullable later key) keep
    the single OR condition.
    """
    first, rest = keys[0], keys[1:]
    if any(k.nullable or k.descending != first.descending for k in rest):
        return [keyset_condition(keys, values)]
    if not first.nullable:
        return [_row_after(keys, values)]
    is_null, not_null = Q(**{f"{first.name}__isnull": True}), Q(**{f"{first.name}__isnull": False})
    if values[0] is None:
        within = is_null & _row_after(rest, values[1:]) if rest else Q(pk__in=[])
        return [within] if first.nulls_last else [within, not_null]
    dated = _row_after(keys, values)
    return [dated, is_null] if first.nulls_last else [dated]


def _is_cursor_value(value: Any) -> bool:
    """What `_values` writes: None, an int, a finite float, or text a query and a URL can carry."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        # A "\udc00" escape decodes to a lone surrogate, which no query or URL can carry.
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class KeysetPagination(BasePagination):
    """`?cursor=` pages over any ordering of plain columns; see the module docstring."""

    cursor_query_param = "cursor"
    query_parameters = (cursor_query_param, "page_size")
    # What a client used to page numbers may send, and what to do instead.
    parameter_hints = dict.fromkeys(
        ("page", "offset", "limit"),
        gettext_lazy("the article feed is paged by cursor: follow the `next` and `previous` links"),
    )

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = requested_page_size(request)
        self.model = queryset.model
        self.keys = sort_keys_of(queryset)
        self.annotations = frozenset(queryset.query.annotations)
        self.signature = [f"{'-' if k.descending else ''}{k.name}" for k in self.keys]
        cursor = self._decode_cursor(request.query_params.get(self.cursor_query_param))
        backwards = cursor is not None and cursor["direction"] == "previous"
        keys = [key.reversed() for key in self.keys] if backwards else self.keys
        queryset = queryset.order_by(*[key.expression() for key in keys])
        if cursor is None:
            rows = list(queryset[: self.page_size + 1])
        else:
            rows = []
            for condition in keyset_passes(keys, cursor["values"]):
                rows += queryset.filter(condition)[: self.page_size + 1 - len(rows)]
                if len(rows) > self.page_size:
                    break
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if backwards:
            rows.reverse()
            self.has_previous, self.has_next = more, True
        else:
            self.has_previous, self.has_next = cursor is not None, more
        self.page = rows
        return rows

    def _values(self, row) -> list[Any]:
        values = []
        for key in self.keys:
            value = getattr(row, key.name)
            values.append(value.isoformat() if hasattr(value, "isoformat") else value)
        return values

    def _encode_cursor(self, *, direction: str, row) -> str:
        payload = {"d": direction, "o": self.signature, "v": self._values(row)}
        text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")

    def _decode_cursor(self, raw: str | None) -> dict[str, Any] | None:
        if raw is None or raw == "":
            return None
        invalid = ValidationError({self.cursor_query_param: [_("invalid cursor")]})
        try:
            padded = raw + "=" * (-len(raw) % 4)
            payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            direction, signature, values = payload["d"], payload["o"], payload["v"]
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError):
            raise invalid from None
        if direction not in ("next", "previous") or not isinstance(values, list):
            raise invalid
        if signature != self.signature or len(values) != len(self.keys):
            raise ValidationError(
                {self.cursor_query_param: [_("this cursor belongs to another ordering")]}
            )
        return {"direction": direction, "values": self._parse_values(values, invalid)}

    def _parse_values(self, values: list[Any], invalid: ValidationError) -> list[Any]:
        parsed = []
        for key, value in zip(self.keys, values, strict=True):
            if (value is None and not key.nullable) or not _is_cursor_value(value):
                raise invalid
            if key.name not in self.annotations:
                if isinstance(value, float):
                    raise invalid
                field = self.model._meta.get_field(key.name)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                parsed.append(float(value))
                continue
            else:
                raise invalid
            try:
                parsed.append(None if value is None else field.to_python(value))
            except (DjangoValidationError, TypeError, ValueError):
                raise invalid from None
            if key.name == "id" and not (isinstance(parsed[-1], int) and 0 < parsed[-1] < 2**63):
                raise invalid
        return parsed

    def _link(self, *, direction: str, row) -> str:
        url = self.request.build_absolute_uri()
        return replace_query_param(
            url, self.cursor_query_param, self._encode_cursor(direction=direction, row=row)
        )

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.page:
            return None
        return self._link(direction="next", row=self.page[-1])

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        if not self.page:
            return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        return self._link(direction="previous", row=self.page[0])

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link; valid only "
                "with the same ordering.",
                "schema": {"type": "string"},
            },
            _page_size_parameter(),
        ]


# --- Page numbers with a capped count ----------------------------------------


class CappedPageNumberPagination(PageNumberPagination):
    """DRF's page-number pagination over the archive's one paginator (archive.paging).

    A malformed `page` or `page_size` is a 400 naming it, never silently
    replaced; a page past the last is a 404.
    """

    django_paginator_class = CappedPaginator
    page_query_param = "page"
    invalid_page_message = gettext_lazy("page {page_number} is past the last page")
    query_parameters = (page_query_param, "page_size")
    parameter_hints = dict.fromkeys(
        ("cursor", "offset", "limit"),
        gettext_lazy("this list is paged by number: use page and page_size"),
    )

    def get_page_size(self, request) -> int:
        return requested_page_size(request)

    def get_page_number(self, request, paginator) -> int:
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw == "":
            return 1
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
            raise ValidationError(
                {
                    self.page_query_param: [
                        _("must be a whole number from 1 to %(top)d") % {"top": MAX_PAGE}
                    ]
                }
            )
        return int(raw)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_capped": self.page.paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "count_capped", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": f"Number of results, counted up to {COUNT_CAP}.",
                },
                "count_capped": {
                    "type": "boolean",
                    "description": f"True when there are more than {COUNT_CAP} results.",
                },
                "next": link,
                "previous": link,
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1.",
                "schema": allow_empty({"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
            },
            _page_size_parameter(),
        ]
