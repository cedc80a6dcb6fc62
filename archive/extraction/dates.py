"""Dates as Vietnamese news writes them -> PartialDate, with their spans.

What belongs here: the date grammar of the genre (DOMAIN §3) and the rule for
inferring a missing year from evidence. Nothing here knows about articles;
`article.py` decides which evidence counts.

Forms: "24/01/2025", "16-1-2026", "1.7.2025", "ngày 24 tháng 01 năm 2025",
"tháng 4-2025", "tháng 4/2025", "tháng 4 năm 2025", ranges "13-18/8" (the
first day is taken), and year-less "29-5", "Ngày 11/11", "ngày 1.7".

Year-less numeric dates look like many other things ("3-4 người" is "3 or 4
people", "1/2" is a half), so `find_dates` takes them only after a word that
introduces a date (ngày, sáng, chiều, tối, từ, đến, thứ Hai, ...). A span
includes a leading "ngày"/"tháng" but not the other cue words.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Iterator

from archive.extraction.types import DatePrecision, PartialDate

_MIN_YEAR, _MAX_YEAR = 1900, 2100
# A leap year, so that "29/2" without a year is accepted.
_ANY_LEAP_YEAR = 2024

# Not preceded by a word character or by a digit separator: "2020-2025" must
# not yield "20-20", and "59-NQ/TW" has no date in it.
_L = r"(?<![\w/.\-–])"
# Not followed by a word character or by a separator and a digit ("13/18/x").
_R = r"(?![\w]|[/.\-–]\d)"
_NGAY = r"(?:(?P<ngay>[Nn]gày)\s+)?"

_WORDS = re.compile(
    _L + _NGAY + r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,?\s*năm\s+(?P<y>\d{4}))?" + _R
)
_MONTH_YEAR = re.compile(
    _L + r"[Tt]háng\s+(?P<m>\d{1,2})(?:\s*[-–/.]\s*|\s+năm\s+)(?P<y>\d{4})" + _R
)
_RANGE = re.compile(
    _L
    + _NGAY
    + r"(?P<d>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?"
    + _R
)
_NUMERIC_FULL = re.compile(
    _L + _NGAY + r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})" + _R
)
_NUMERIC_DAY_MONTH = re.compile(_L + _NGAY + r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})" + _R)

# Words after which a year-less "11/11" is a date: ngày (day), hôm (day),
# sáng/trưa/chiều/tối/đêm/khuya (morning/noon/afternoon/evening/night/late
# night), rạng sáng (dawn), từ/đến/tới (from/to), thứ Hai..Bảy (weekdays),
# chủ nhật (Sunday).
_CUE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|từ|đến|tới"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
    r"\s*(?:nay|qua|mai)?\s*[,(]?\s*$",
    re.IGNORECASE,
)
_CUE_WINDOW = 30


def is_valid_date(year: int | None, month: int, day: int | None) -> bool:
    """The calendar has this date (a year-less "29/2" is accepted); years 1900-2100."""
    if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
        return False
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year or _ANY_LEAP_YEAR, month)[1]


def _optional_int(value: str | None) -> int | None:
    return int(value) if value else None


def _has_cue(text: str, start: int) -> bool:
    return bool(_CUE_BEFORE.search(text[max(0, start - _CUE_WINDOW) : start]))


# Where a date can start. Every pattern above opens with a look-behind, which
# keeps the regex engine from skipping ahead: it tries each position of the
# text in turn, a pass that costs more than the rest of the date reading. A
# match starts at "Ngày"/"ngày", at "Tháng"/"tháng" or at the first digit of
# a run (the look-behind refuses a digit after a word character), so trying
# the patterns at those places only finds exactly what `finditer` finds.
_DIGIT_RUN = re.compile(r"\d\d*")  # starts with a character class: scanned fast
_OPENING_WORDS = ("Ngày", "ngày", "Tháng", "tháng")
_DIGIT = re.compile(r"\d")


def _date_starts(text: str) -> list[int]:
    """Sorted positions where a match of the date patterns can start."""
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    for word in _OPENING_WORDS:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    starts.sort()
    return starts


def _finditer(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), trying only the given start positions (see `_date_starts`)."""
    end = 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()


def _candidates(text: str, *, require_cue: bool) -> list[tuple[int, int, PartialDate]]:
    found: list[tuple[int, int, PartialDate]] = []
    starts = _date_starts(text)

    def add(match: re.Match[str], year: int | None, month: int, day: int | None) -> None:
        if is_valid_date(year, month, day):
            found.append((match.start(), match.end(), PartialDate(year, month, day)))

    # Each pattern below is a pass over the whole text; the literal words a
    # pattern needs tell when a pass would find nothing.
    for m in _finditer(_WORDS, text, starts) if "tháng" in text else ():
        year = _optional_int(m.group("y"))
        # "3 tháng 4" alone could be a duration ("3 months"); need ngày or a year.
        if m.group("ngay") or year or not require_cue:
            add(m, year, int(m.group("m")), int(m.group("d")))
    for m in _finditer(_MONTH_YEAR, text, starts) if "háng" in text else ():
        add(m, int(m.group("y")), int(m.group("m")), None)
    for m in _finditer(_RANGE, text, starts) if "/" in text else ():
        year, month = _optional_int(m.group("y")), int(m.group("m"))
        first, last = int(m.group("d")), int(m.group("d2"))
        if first < last and is_valid_date(year, month, last):
            add(m, year, month, first)
    for m in _finditer(_NUMERIC_FULL, text, starts):
        add(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in _finditer(_NUMERIC_DAY_MONTH, text, starts):
        if not require_cue or m.group("ngay") or _has_cue(text, m.start()):
            add(m, None, int(m.group("m")), int(m.group("d")))
    return found


def _without_overlaps(
    candidates: list[tuple[int, int, PartialDate]],
) -> list[tuple[int, int, PartialDate]]:
    # The longest reading at each place wins: "ngày 24 tháng 01 năm 2025" over
    # "tháng 01 năm 2025", "16-1-2026" over "16-1".
    chosen: list[tuple[int, int, PartialDate]] = []
    for start, end, date in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, date))
    return chosen


def find_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Every date in `text` as (start, end, date), in text order, spans not overlapping."""
    if _DIGIT.search(text) is None:
        return []  # every date pattern has a digit: a title or a name has none
    return _without_overlaps(_candidates(text, require_cue=True))


def parse_date(s: str) -> PartialDate | None:
    """Parse a string that is one date ("11/11", "ngày 1.7", "tháng 4-2025"), else None."""
    stripped = s.strip()
    for start, end, date in _without_overlaps(_candidates(stripped, require_cue=False)):
        if start == 0 and end == len(stripped):
            return date
    return None


def infer_year(
    date: PartialDate,
    evidence_years: Iterable[int],
    *,
    not_after: PartialDate | None = None,
) -> PartialDate:
    """Give a year-less date the year the evidence shows, marked as inferred.

    `evidence_years` lists years found in the same article, strongest first;
    the first one is used. `not_after` is a date the event cannot follow (the
    page's publication timestamp): a "11/11" in an article stamped 16/01/2026
    happened in 2025. Without evidence the date is returned unchanged.
    """
    if date.year is not None or date.month is None:
        return date
    years = list(evidence_years)
    if not years and not_after is not None and not_after.year is not None:
        years = [not_after.year]
    if not years:
        return date
    year = years[0]
    if (
        not_after is not None
        and not_after.precision is DatePrecision.FULL
        and year == not_after.year
        and (date.month, date.day or 1) > (not_after.month, not_after.day)
    ):
        year -= 1
    if not is_valid_date(year, date.month, date.day):
        return date
    return PartialDate(year, date.month, date.day, year_inferred=True)


def full_date(date: PartialDate | None) -> datetime.date | None:
    """The calendar date of a partial date that has its day, month and year; else None."""
    if date is None or not (date.year and date.month and date.day):
        return None
    try:
        return datetime.date(date.year, date.month, date.day)
    except ValueError:
        return None
