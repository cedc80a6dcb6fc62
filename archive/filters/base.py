"""The building blocks of the archive's FilterSets: fields, filters and the base FilterSet.

What belongs here: parsing and validating one query parameter (an id list, a
strict boolean, a symbol, a whitelisted ordering) without touching the
database, and the base class that explains an empty result. The FilterSets
themselves are in `filtersets.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import CharField, F, Q, QuerySet, Value
from django.utils.datastructures import MultiValueDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters import FilterSet, filters

from archive.extraction.directives import canonical_symbol
from archive.extraction.normalize import fold_accents
from archive.extraction.ranks import canonical_rank
from archive.search.syntax import parse_query
from archive.search_plans import newest_to_rank
from archive.selectors.redirects import redirected_ids, survivor_ids

# Several values of one entity filter are allowed ("all of them"); past this
# many the request is refused rather than compiled into a giant query.
MAX_FILTER_VALUES = 20
# Ids are 64-bit; a larger number would overflow the database's integer.
MAX_ID = 2**63 - 1
MAX_QUERY_LENGTH = 200
# Rank groups a filter can ask for by name: "cấp tướng", the four general
# ranks (general, colonel general, lieutenant general, major general).
GENERAL_RANKS = ("Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng")
RANK_GROUPS = {"cấp tướng": GENERAL_RANKS}
ISO_DATE = ["%Y-%m-%d"]
DATE_MESSAGES = {"invalid": _("enter a date as YYYY-MM-DD")}
# What an entity filter's values name, for its messages.
NOUNS = {
    "person": _("person"),
    "organisation": _("organisation"),
    "directive": _("directive"),
    "article": _("article"),
}
# The error codes the filters raise beside Django's own; the pages' form
# (archive.views.filter_form) words its messages by code and params.
TOO_MANY = "too_many"
UNKNOWN = "unknown"
DATE_ORDER = "date_order"

# --- Fields ----------------------------------------------------------------


class ValueListWidget(forms.TextInput):
    """Reads `?x=1&x=2` and `?x=1,2` alike; renders the values comma-separated."""

    def value_from_datadict(self, data, files, name):
        if isinstance(data, MultiValueDict):
            raw = data.getlist(name)
        else:
            raw = data.get(name)
            raw = raw if isinstance(raw, list) else [raw] if raw is not None else []
        parts = [part.strip() for item in raw for part in str(item).split(",")]
        # A parameter repeated more often than any filter takes is refused on its
        # raw count, blanks included, as the schema's maxItems says; otherwise
        # blank values (an empty select) are left out.
        return parts if len(raw) > MAX_FILTER_VALUES else [part for part in parts if part]

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def format_value(self, value):
        if isinstance(value, (list, tuple)):
            return ",".join(str(item) for item in value)
        return super().format_value(value)


class EntityListField(forms.Field):
    """A list of ids (or, for directives, ids and symbols): syntax only, no query."""

    widget = ValueListWidget
    many_values = True

    def __init__(self, *, noun: str, accept_symbol: bool, max_values: int, **kwargs):
        self.noun = noun
        self.accept_symbol = accept_symbol
        self.max_values = max_values
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[int | str]:
        if value in (None, "", [], ()):
            return []
        items = value if isinstance(value, (list, tuple)) else [value]
        if len(items) > self.max_values:
            if self.max_values == 1:
                raise forms.ValidationError(
                    _("give one %(noun)s id"), code=TOO_MANY, params={"noun": NOUNS[self.noun]}
                )
            raise forms.ValidationError(
                _("at most %(limit)d values, got %(count)d"),
                code=TOO_MANY,
                params={"limit": self.max_values, "count": len(items)},
            )
        result: list[int | str] = []
        for item in items:
            text = str(item).strip()
            if "\x00" in text:
                raise forms.ValidationError(_("null characters are not allowed"), code="null")
            if text.isascii() and text.isdigit():
                number = int(text)
                if not 1 <= number <= MAX_ID:
                    raise unknown_value(self.noun, text)
                result.append(number)
                continue
            symbol = canonical_symbol(text) if self.accept_symbol else None
            if symbol is None:
                message = (
                    _("%(value)r is not an id or a directive symbol such as 59-NQ/TW")
                    if self.accept_symbol
                    else _("%(value)r is not an id")
                )
                raise forms.ValidationError(message, code="invalid", params={"value": text[:40]})
            result.append(symbol)
        return list(dict.fromkeys(result))


_GROUPS_BY_FOLDED = {fold_accents(name): ranks for name, ranks in RANK_GROUPS.items()}


class RankListField(forms.Field):
    """Ranks, several allowed (a person has one, so they mean "any of them"), or a rank group.

    Any tone style or case is accepted ("Đại uý" is "Đại úy"); a group such as
    "cấp tướng" stands for its ranks.
    """

    widget = ValueListWidget
    many_values = True

    def to_python(self, value: Any) -> list[str]:
        items = value if isinstance(value, (list, tuple)) else [value] if value else []
        if len(items) > MAX_FILTER_VALUES:
            raise forms.ValidationError(
                _("at most %(limit)d values, got %(count)d"),
                code=TOO_MANY,
                params={"limit": MAX_FILTER_VALUES, "count": len(items)},
            )
        result: list[str] = []
        for item in items:
            text = str(item).strip()
            group = _GROUPS_BY_FOLDED.get(fold_accents(text))
            rank = canonical_rank(text)
            if group is None and rank is None:
                raise forms.ValidationError(
                    _("'%(value)s' is not a rank (see the list of ranks)"),
                    code="invalid_choice",
                    params={"value": text[:40]},
                )
            result.extend(group or (rank,))
        return list(dict.fromkeys(result))


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no); anything else is an error, never "not given"."""

    widget = forms.Select(choices=[("", "---------"), ("true", _("Yes")), ("false", _("No"))])
    TRUE = frozenset({"true", "1", "yes", "on"})
    FALSE = frozenset({"false", "0", "no", "off"})

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError(
            _("%(value)r is not a boolean (use true or false)"),
            code="invalid",
            params={"value": str(value)[:40]},
        )


# --- Filters ---------------------------------------------------------------


class EntityFilter(filters.Filter):
    """Rows linked to every given entity, through `apply(queryset, id_or_symbol)`.

    `model` is the entity's model, used only by `unknown_values` to explain an
    empty result.
    """

    field_class = EntityListField

    def __init__(
        self,
        *,
        apply: Callable[[QuerySet, int | str], QuerySet],
        model: type,
        noun: str,
        accept_symbol: bool = False,
        many: bool = True,
        **kwargs,
    ):
        self.apply = apply
        # Not `self.model`: the FilterSet sets that to the filtered model.
        self.entity_model = model
        kwargs.update(
            noun=noun,
            accept_symbol=accept_symbol,
            max_values=MAX_FILTER_VALUES if many else 1,
        )
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: list[int | str]) -> QuerySet:
        # A merged-away id filters by its survivor, read first (see survivor_ids).
        # Read once per FilterSet, which may apply a filter twice (undated_left_out).
        ids = tuple(item for item in value or () if isinstance(item, int))
        if getattr(self, "_survivors", (None, {}))[0] != ids:
            self._survivors = (ids, survivor_ids(model=self.entity_model, ids=list(ids)))
        survivors = self._survivors[1]
        for item in value or ():
            qs = self.apply(qs, survivors.get(item, item) if isinstance(item, int) else item)
        return qs

    def known_rows(self, value: list[int | str], *, parameter: str) -> list[QuerySet]:
        """(parameter, id, symbol) of the rows the values name, to be UNIONed.

        A merged-away id is known too: it names its survivor.
        """
        if not value:
            return []
        ids = [item for item in value if isinstance(item, int)]
        symbols = [item for item in value if isinstance(item, str)]
        condition = Q(id__in=ids)
        if symbols:
            condition |= Q(symbol__in=symbols)
        label = Value(parameter, output_field=CharField())
        no_symbol = Value(None, output_field=CharField())
        rows = [
            self.entity_model._default_manager.filter(condition)
            .order_by()
            .annotate(
                parameter=label,
                known_symbol=F("symbol") if symbols else no_symbol,
            )
            .values_list("parameter", "id", "known_symbol")
        ]
        redirected = redirected_ids(model=self.entity_model, ids=ids)
        if redirected is not None:
            rows.append(
                redirected.order_by()
                .annotate(parameter=label, known_symbol=no_symbol)
                .values_list("parameter", "old_id", "known_symbol")
            )
        return rows

    def unknown_values(
        self, value: list[int | str], known: set[int | str]
    ) -> list[forms.ValidationError]:
        """Errors for the values that are not among `known` (ids and symbols found)."""
        return [unknown_value(self.extra["noun"], item) for item in value if item not in known]


def unknown_value(noun: str, value: int | str) -> forms.ValidationError:
    """The error for an id or a symbol that names no `noun` (params: noun, kind, value).

    `noun` is the key of NOUNS; `kind` says "id" or "symbol", so a page can word it.
    """
    kind = "symbol" if isinstance(value, str) and not value.isdigit() else "id"
    message = (
        _("no %(noun)s with id %(value)s")
        if kind == "id"
        else _("no %(noun)s with symbol %(value)s")
    )
    return forms.ValidationError(
        message,
        code=UNKNOWN,
        params={"noun": NOUNS[noun], "noun_key": noun, "kind": kind, "value": value},
    )


class RankFilter(filters.Filter):
    """People holding any of the given ranks (`rank=Đại tá&rank=Thượng tá`, or a group)."""

    field_class = RankListField

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        return qs.filter(rank__in=value) if value else qs


class StrictBooleanFilter(filters.Filter):
    field_class = StrictBooleanField


class YearFilter(filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        # One message for every bad year.
        message = _("enter a year such as 2025 (1 to 9999)")
        kwargs.setdefault(
            "error_messages", {"invalid": message, "min_value": message, "max_value": message}
        )
        super().__init__(**kwargs)


class SearchFilter(filters.CharFilter):
    """Accent- and case-insensitive full-text search (Model.objects.search)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs.search(value) if value and value.strip() else qs


RELEVANCE = "relevance"


class ArchiveOrderingFilter(filters.OrderingFilter):
    """A whitelisted ordering that is always total (ties broken by id) and puts blanks last.

    Without the id tie-break two pages could show the same row; `nulls_last`
    keeps undated rows at the end in both directions on PostgreSQL and SQLite,
    which disagree about where NULL sorts.
    """

    def __init__(self, *, default: tuple[str, ...], nullable: tuple[str, ...] = (), **kwargs):
        self.default = default
        self.nullable = frozenset(nullable)
        kwargs.setdefault("label", _("Sort by"))
        # Relevance needs the search text, so ArchiveFilterSet applies it (see there).
        kwargs["fields"] = (*kwargs["fields"], (RELEVANCE, RELEVANCE))
        super().__init__(**kwargs)
        allowed = ", ".join(value for value, _ in self.extra["choices"])
        self.extra["error_messages"] = {
            "invalid_choice": format_lazy(
                _("'%(value)s' is not a sort order; use one of: {allowed}"), allowed=allowed
            )
        }

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        given = [param for param in value or () if param and param.lstrip("-") != RELEVANCE]
        params = given or list(self.default)
        ordering = []
        for param in params:
            descending = param.startswith("-")
            name = self.param_map.get(param.lstrip("-"), param.lstrip("-"))
            if name in self.nullable:
                expression = (
                    F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
                )
                ordering.append(expression)
            else:
                ordering.append(f"-{name}" if descending else name)
        if not any(param.lstrip("-") == "id" for param in params):
            ordering.append("-id" if params[0].startswith("-") else "id")
        return qs.order_by(*ordering)


class SymbolField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value and canonical_symbol(value) is None:
            # User input goes in params, never into the message: the message is
            # %-formatted later, and the input may contain "%".
            raise forms.ValidationError(
                _("%(value)r is not a directive symbol (e.g. 59-NQ/TW, 153/NQ-CP)"),
                code="invalid",
                params={"value": value[:40]},
            )
        return value


class SymbolFilter(filters.CharFilter):
    """One symbol, canonicalised like the importer does; a malformed one is an error."""

    field_class = SymbolField

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 80)
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value:
            return qs
        # Stored symbols are canonical, so the unique index serves this lookup.
        return qs.filter(symbol=canonical_symbol(value))


# --- FilterSets ------------------------------------------------------------


class FilterForm(forms.Form):
    """The FilterSets' form: one value per single-valued parameter, ranges in order.

    `?q=a&q=b` would otherwise use the last value and drop the first without a
    word; entity filters take several values and check their own count. A
    range whose end is before its start is refused, naming the end parameter.
    """

    date_ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        data = super().clean()
        if isinstance(self.data, MultiValueDict):
            self._refuse_repeated_values()
        for after, before in self.date_ranges:
            start, end = data.get(after), data.get(before)
            if start and end and end < start:
                error = forms.ValidationError(
                    _("%(before)s (%(end)s) is earlier than %(after)s (%(start)s)"),
                    code=DATE_ORDER,
                    params={"before": before, "end": end, "after": after, "start": start},
                )
                self.add_error(before, error)
        return data

    def _refuse_repeated_values(self) -> None:
        for name, field in self.fields.items():
            count = len(self.data.getlist(name))
            if count < 2 or getattr(field, "many_values", False):
                continue
            message = (
                _("give one value, not %(count)d (several sort keys: comma-separated)")
                if name == "ordering"
                else _("give one value, not %(count)d")
            )
            self.add_error(
                name, forms.ValidationError(message, code=TOO_MANY, params={"count": count})
            )


class ArchiveFilterSet(FilterSet):
    """Base for the archive's FilterSets: entity values are checked only when nothing matches.

    Usage (the API and the pages do the same)::

        filterset = ArticleFilter(request.GET, queryset=...)
        if not filterset.is_valid(): -> 400 / show filterset.errors
        rows = page of filterset.qs
        if not rows and (errors := filterset.unknown_entity_errors()): -> 400 / show errors
    """

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.order_by_relevance(super().filter_queryset(queryset))

    def order_by_relevance(self, queryset: QuerySet) -> QuerySet:
        """With a search, the best matches first unless another order was asked for.

        The list's own order (its default, or the one asked for after
        `relevance`) breaks ties, so equally good matches stay newest first.
        """
        text = (self.form.cleaned_data.get("q") or "") if "q" in self.filters else ""
        ordering = [param for param in self.form.cleaned_data.get("ordering") or () if param]
        if ordering and ordering[0].lstrip("-") != RELEVANCE:
            return queryset
        parsed = parse_query(text)
        if not parsed:
            return queryset
        best = (
            F(RELEVANCE).asc() if ordering and ordering[0].startswith("-") else F(RELEVANCE).desc()
        )
        own_order = list(queryset.query.order_by or queryset.model._meta.ordering)
        ranked = newest_to_rank(queryset, own_order).with_relevance(parsed)
        return ranked.order_by(best, *own_order)

    def unknown_entity_errors(self) -> dict[str, list[forms.ValidationError]]:
        """{parameter: [error "no person with id 9", ...]} for values naming no row (one query).

        Each error has the code UNKNOWN and the params of `unknown_value`.
        """
        if not self.is_valid():
            return {}
        given = {
            name: (filter_, self.form.cleaned_data.get(name) or [])
            for name, filter_ in self.filters.items()
            if isinstance(filter_, EntityFilter)
        }
        queries = [
            query
            for name, (filter_, value) in given.items()
            for query in filter_.known_rows(value, parameter=name)
        ]
        if not queries:
            return {}
        known: dict[str, set[int | str]] = {name: set() for name in given}
        for name, pk, symbol in queries[0].union(*queries[1:], all=True):
            known[name].update(item for item in (pk, symbol) if item is not None)
        errors = {
            name: filter_.unknown_values(value, known[name])
            for name, (filter_, value) in given.items()
        }
        return {name: messages for name, messages in errors.items() if messages}
