"""The filter form of a list page: its controls, and the FilterSet's errors as messages.

The FilterSets (archive.filters) validate the query string for the API and
the pages alike, with terse messages for the API; this module words the
same errors for the form, by error code and params, next to the control.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.collation import sort_key
from archive.filters import MAX_FILTER_VALUES
from archive.filters.base import DATE_ORDER, UNKNOWN

CODE_MESSAGES = {
    "invalid_choice": gettext_lazy("The value “%(value)s” is not in the list."),
    "too_many": gettext_lazy("Too many values."),
    "null": gettext_lazy("The value holds a character that is not allowed."),
    "max_length": gettext_lazy("Too long."),
    "max_value": gettext_lazy("The value is too large."),
    "min_value": gettext_lazy("The value is too small."),
    DATE_ORDER: gettext_lazy("The end date is earlier than the start date."),
}
# A date box shows nothing for a value it cannot read: the message repeats it.
FIELD_MESSAGES = {
    "date": gettext_lazy(
        "The date “%(value)s” is not valid: enter it as year-month-day, for example 2025-01-31."
    ),
    "entity": gettext_lazy("“%(value)s” is not a valid id."),
    "directive": gettext_lazy(
        "“%(value)s” is neither an id nor a directive's number and symbol (for example 59-NQ/TW)."
    ),
    "year": gettext_lazy("The year “%(value)s” is not valid; for example 2025."),
    "symbol": gettext_lazy(
        "Not a directive's number and symbol (for example 59-NQ/TW, 153/NQ-CP)."
    ),
    "boolean": gettext_lazy("“%(value)s” is not valid: use true or false."),
}
# An id or a symbol that names nothing, by (noun, kind) of archive.filters.base.unknown_value.
UNKNOWN_MESSAGES = {
    ("person", "id"): gettext_lazy("There is no person with the id %(value)s."),
    ("organisation", "id"): gettext_lazy("There is no organisation with the id %(value)s."),
    ("directive", "id"): gettext_lazy("There is no directive with the id %(value)s."),
    ("article", "id"): gettext_lazy("There is no article with the id %(value)s."),
    ("directive", "symbol"): gettext_lazy(
        "There is no directive with the number and symbol %(value)s."
    ),
}
# A message quotes at most this much of a value as given.
MAX_SHOWN_VALUE = 40


@dataclass
class FormField:
    """One control of a filter form, as the template draws it."""

    name: str
    label: str
    widget: str  # "search", "select", "date", "number"
    # One control per value: a repeatable parameter (person=1&person=2) gets
    # one select box for each, so every active filter stays visible.
    values: list[str] = field(default_factory=lambda: [""])
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    errors: list[str] = field(default_factory=list)
    help: str = ""
    # A parameter that takes several values gets one more, blank control to add one.
    many: bool = False
    # The API list whose `q` suggests values (type-ahead), for the page's script.
    suggest: str = ""

    @property
    def suggest_url(self) -> str:
        return reverse(f"api:suggest-{self.suggest}") if self.suggest else ""

    def controls(self) -> list[tuple[str, str]]:
        """(element id, value) for each control."""
        values = [value for value in self.values if value] or [""]
        if self.many and values[-1] and len(values) < MAX_FILTER_VALUES:
            values.append("")
        return [
            (f"id_{self.name}" if i == 0 else f"id_{self.name}_{i}", value)
            for i, value in enumerate(values)
        ]

    def choose(self, options: list[tuple[str, str]], *, blank: str) -> FormField:
        """Offer `options`; a value in none of them is still offered, as written.

        Values match options case-insensitively, so ?directive=59-nq/tw selects 59-NQ/TW.
        """
        by_fold = {value.casefold(): value for value, _ in options}
        self.values = [by_fold.get(v.casefold(), v) for v in self.values] or [""]
        extra = [(v, v) for v in self.values if v and v.casefold() not in by_fold]
        self.options = [("", blank), *options, *extra]
        return self

    @cached_property
    def options_key(self) -> str:
        """A digest of the options, under which the template caches their rendered markup:
        a select box of a few hundred names took most of a list page's rendering time.
        Computed once: the template reads it for each of a field's controls."""
        return hashlib.blake2b(repr(self.options).encode(), digest_size=16).hexdigest()


def search_field(request: HttpRequest, label: str, *, help: str) -> FormField:
    """The free-text search box of a list (parameter q, taken whole: commas are text)."""
    values = values_of(request, "q", split=False)[:1]
    return FormField("q", label, "search", values=values, help=help)


def ordering_field(request: HttpRequest, orderings: list[tuple[str, str]]) -> FormField:
    """The sort box of a list: `orderings` are (value, label), the first one the default.

    With a search the default is relevance (see ArchiveFilterSet), so the
    list's own default becomes a choice like the others.
    """
    values = values_of(request, "ordering")[:1]
    field = FormField("ordering", _("Sort by"), "select", values=values)
    if any(value.strip() for value in values_of(request, "q", split=False)):
        # Relevance ranks the newest matches (search_plans.RANKED_MATCHES).
        return field.choose(orderings, blank=_("Best match"))
    return field.choose(orderings[1:], blank=orderings[0][1])


def by_name(records) -> list[tuple[str, str]]:
    """Select-box options (id, name) for records, in Vietnamese order like the lists."""
    return in_vietnamese_order((str(record.pk), str(record)) for record in records)


def in_vietnamese_order(options) -> list[tuple[str, str]]:
    """(value, label) options sorted by label in Vietnamese alphabetical order."""
    return sorted(options, key=lambda option: (sort_key(option[1]), option[1]))


def without_blank_parameters(request: HttpRequest) -> HttpResponseRedirect | None:
    """A redirect to the same list without the form's empty fields, if it sent any.

    A GET form submits every field (and a blank control to add one more value
    to a repeatable one); dropping the blank values leaves an address that
    says only what was chosen, fit to be shared.
    """
    query = request.GET.copy()
    blank = [key for key, values in query.lists() if not all(v.strip() for v in values)]
    if not blank:
        return None
    for key in blank:
        kept = [value for value in query.getlist(key) if value.strip()]
        if kept:
            query.setlist(key, kept)
        else:
            del query[key]
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)


# Parameters of a list page that select no rows: an export or a feed drops them.
NOT_FILTERS = ("format", "page", "ordering")


def filter_parameters(request: HttpRequest) -> QueryDict:
    """The request's filters alone, without the page's paging, ordering and format."""
    params = request.GET.copy()
    for name in NOT_FILTERS:
        params.pop(name, None)
    return params


def values_of(request: HttpRequest, name: str, *, split: bool = True) -> list[str]:
    """The values of a parameter as given (a comma also separates entity values)."""
    items = request.GET.getlist(name)
    if split:
        items = [part for item in items for part in item.split(",")]
    return [item.strip() for item in items if item.strip()] or [""]


def ids_in(values: list[str]) -> list[int]:
    """The values that can be ids (a select box must still offer a chosen id)."""
    return [int(v) for v in values if v.isascii() and v.isdigit() and len(v) < 19]


def form_errors(filterset, kinds: dict[str, str]) -> dict[str, list[str]]:
    """The FilterSet's errors as the form's messages, by parameter.

    `kinds` says what a parameter holds ("date", "entity", "directive", "year",
    "symbol", "boolean") where the generic message by error code would be vague.
    """
    result: dict[str, list[str]] = {}
    for name, errors in filterset.form.errors.as_data().items():
        given = str(filterset.data.get(name, ""))[:MAX_SHOWN_VALUE]
        for error in errors:
            result.setdefault(name, []).append(_message(name, error, kinds, given))
    return result


def _message(name: str, error, kinds: dict[str, str], given: str) -> str:
    params = error.params or {}
    value = str(params.get("value", given))[:MAX_SHOWN_VALUE]
    if error.code == UNKNOWN:
        return _unknown_message(error)
    if error.code in ("invalid", "invalid_choice") and name in kinds:
        return FIELD_MESSAGES[kinds[name]] % {"value": value}
    if error.code in CODE_MESSAGES:
        return CODE_MESSAGES[error.code] % {"value": value}
    return _("The value is not valid.")


def _unknown_message(error) -> str:
    params = error.params or {}
    message = UNKNOWN_MESSAGES.get((params.get("noun_key"), params.get("kind")))
    if message is None:
        return _("No such record.")
    return message % {"value": params["value"]}


def unknown_entity_messages(filterset) -> dict[str, list[str]]:
    """For an empty result: which chosen entities do not exist at all."""
    return {
        name: [_unknown_message(error) for error in errors]
        for name, errors in filterset.unknown_entity_errors().items()
    }


def attach_errors(fields: list[FormField], errors: dict[str, list[str]]) -> list[str]:
    """Put each error on its control; return the ones no control shows (e.g. ordering)."""
    by_name = {f.name: f for f in fields}
    stray = []
    for name, messages in errors.items():
        if name in by_name:
            by_name[name].errors.extend(messages)
        else:
            stray.extend(messages)
    return stray


def error_summary(fields: list[FormField], stray: list[str]) -> list[str]:
    """The messages for the box above the form, each naming its control."""
    return [f"{f.label}: {message}" for f in fields for message in f.errors] + stray
