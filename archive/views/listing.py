"""What every list page shares: a filter form over a shared FilterSet, a capped count, pages.

The FilterSets (archive.filters) validate the query string for the API and
the pages alike; this module turns their errors into Vietnamese messages on
the form and never lets an invalid value reach the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect

from archive.selectors.pages import COUNT_CAP, article_list_rows, count_capped, newest_first
from archive.views.display import article_date

PAGE_SIZE = 20
# A page number past this is refused: OFFSET would only make the database work.
MAX_PAGE = 10_000

CODE_MESSAGES = {
    "invalid_choice": "Giá trị “{value}” không có trong danh sách.",
    "too_many": "Quá nhiều giá trị.",
    "null": "Có ký tự không hợp lệ.",
    "max_length": "Quá dài.",
    "max_value": "Giá trị quá lớn.",
    "min_value": "Giá trị quá nhỏ.",
}
FIELD_MESSAGES = {
    "date": "Ngày không hợp lệ: hãy nhập theo dạng năm-tháng-ngày, ví dụ 2025-01-31.",
    "entity": "“{value}” không phải là mã hợp lệ.",
    "directive": "“{value}” không phải mã hay số, ký hiệu văn bản (ví dụ 59-NQ/TW).",
    "year": "Năm không hợp lệ, ví dụ 2025.",
    "symbol": "Không phải số, ký hiệu văn bản (ví dụ 59-NQ/TW, 153/NQ-CP).",
}
NOUNS = {
    "person": "nhân vật",
    "organisation": "tổ chức",
    "directive": "văn bản",
    "article": "bài viết",
}
_UNKNOWN = re.compile(r"no (\w+) with (id|symbol) (.+)")
_QUOTED = re.compile(r"'([^']*)'")


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

    def controls(self) -> list[tuple[str, str]]:
        """(element id, value) for each control."""
        return [
            (f"id_{self.name}" if i == 0 else f"id_{self.name}_{i}", value)
            for i, value in enumerate(self.values or [""])
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


@dataclass
class Page:
    rows: list
    number: int
    size: int
    count: int
    more: bool  # the count stopped at COUNT_CAP
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def last(self) -> int | None:
        """The last page number, when the count is exact."""
        return None if self.more else max(1, -(-self.count // self.size))

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.size + 1


def paginate(request: HttpRequest, queryset: QuerySet, *, decorate=None, size: int = PAGE_SIZE):
    """(Page, error message or ""): a capped count, the page's ids, then its rows.

    `queryset` is filtered and ordered; `decorate(queryset)` adds what a row
    shows (counts, related rows). It runs on the page's ids only: in one
    query with the filter, PostgreSQL would compute the row's subqueries for
    every match before sorting, and a broad search would take seconds.
    """
    raw = request.GET.get("page", "1").strip() or "1"
    error = ""
    number = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not 1 <= number <= MAX_PAGE:
        number, error = 1, f"Số trang “{raw[:20]}” không hợp lệ; đang hiển thị trang 1."
    count, more = count_capped(queryset.values("pk"), cap=COUNT_CAP)
    offset = (number - 1) * size
    ids = []
    if more or offset < count:
        ids = list(queryset.values_list("pk", flat=True)[offset : offset + size + 1])
    rows = []
    if ids[:size]:
        shown = queryset.model._default_manager.filter(pk__in=ids[:size])
        position = {pk: index for index, pk in enumerate(ids)}
        rows = sorted(decorate(shown) if decorate else shown, key=lambda row: position[row.pk])
    page = Page(
        rows=rows,
        number=number,
        size=size,
        count=count,
        more=more,
        has_next=len(ids) > size,
    )
    return page, error


def without_blank_parameters(request: HttpRequest) -> HttpResponseRedirect | None:
    """A redirect to the same list without the form's empty fields, if it sent any.

    A GET form submits every field; dropping the blank ones leaves an address
    that says only what was chosen, fit to be shared.
    """
    query = request.GET.copy()
    blank = [key for key, values in query.lists() if not any(v.strip() for v in values)]
    if not blank:
        return None
    for key in blank:
        del query[key]
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)


def values_of(request: HttpRequest, name: str, *, split: bool = True) -> list[str]:
    """The values of a parameter as given (a comma also separates entity values)."""
    items = request.GET.getlist(name)
    if split:
        items = [part for item in items for part in item.split(",")]
    return [item.strip() for item in items if item.strip()] or [""]


def filtered_page(request: HttpRequest, filterset, *, rows, kinds: dict[str, str]):
    """Validate the filters, then count and slice: (page or None, errors by parameter).

    An invalid value never reaches the database; an empty result is checked
    for entities that do not exist, so "no such person" is not shown as
    "nothing matches".
    """
    if not filterset.is_valid():
        return None, vietnamese_errors(filterset, kinds)
    page, page_error = paginate(request, filterset.qs, decorate=rows)
    errors: dict[str, list[str]] = {"page": [page_error]} if page_error else {}
    if not page.rows:
        errors |= unknown_entity_messages(filterset)
    return page, errors


def vietnamese_errors(filterset, kinds: dict[str, str]) -> dict[str, list[str]]:
    """The FilterSet's errors as Vietnamese messages, by parameter.

    `kinds` says what a parameter holds ("date", "entity", "directive", "year",
    "symbol") where the generic message by error code would be vague.
    """
    result: dict[str, list[str]] = {}
    for name, errors in filterset.form.errors.as_data().items():
        for error in errors:
            result.setdefault(name, []).append(_message(name, error, kinds))
    return result


def _message(name: str, error, kinds: dict[str, str]) -> str:
    text = " ".join(error.messages)
    quoted = _QUOTED.search(text)
    value = quoted.group(1) if quoted else ""
    if "earlier than" in text:
        return "Ngày kết thúc sớm hơn ngày bắt đầu."
    if error.code == "unknown":
        return _unknown_message(text)
    if error.code in ("invalid", "invalid_choice") and name in kinds:
        return FIELD_MESSAGES[kinds[name]].format(value=value)
    if error.code in CODE_MESSAGES:
        return CODE_MESSAGES[error.code].format(value=value)
    return "Giá trị không hợp lệ."


def _unknown_message(text: str) -> str:
    match = _UNKNOWN.search(text)
    if not match:
        return "Không tìm thấy bản ghi này."
    noun, what, value = match.groups()
    what_vi = "mã" if what == "id" else "số, ký hiệu"
    return f"Không có {NOUNS.get(noun, noun)} nào với {what_vi} {value}."


def unknown_entity_messages(filterset) -> dict[str, list[str]]:
    """For an empty result: which chosen entities do not exist at all."""
    return {
        name: [_unknown_message(text) for text in texts]
        for name, texts in filterset.unknown_entity_errors().items()
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


def count_phrase(page: Page, noun: str) -> str:
    if page.more:
        return f"Hơn {COUNT_CAP} {noun}"
    if page.count == 0:
        return f"Không tìm thấy {noun} nào phù hợp."
    return f"Tìm thấy {page.count} {noun}"


def article_page(request: HttpRequest, articles: QuerySet) -> tuple[Page, str]:
    """A page of article rows for an entity's page, newest first, each with its date label."""
    page, error = paginate(request, newest_first(articles), decorate=article_list_rows)
    for article in page.rows:
        article.date_label = article_date(article)
    return page, error
