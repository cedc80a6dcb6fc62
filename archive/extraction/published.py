"""The year of a dateline that gives none, read from the article's own evidence.

What belongs here: the rule that turns the evidence in one article into a
year, or into no year. A dateline such as "Ngày 11/11" leaves the year out
because the page around it showed it; the text still carries clues:

- points, each naming one year: a date in the source line or URL, a full date
  of the same day and month, an anniversary ("80 năm ... (1945–2025)",
  "kỷ niệm 7 năm ... 22/10/2018"), a congress's term ("Đại hội ... nhiệm kỳ
  2025–2030" sits in 2025), a reporting period ("6 tháng đầu năm 2025"), the
  one year the title and lead name; a year named relative to the article's
  own ("năm nay (2025)", "năm ngoái (2024)", "so với cùng kỳ năm 2024",
  "từ đầu năm 2025 đến nay");
- bounds: the article is not older than the newest directive it cites (its
  issue date, or the year in its symbol), and a period it reviews ("giai đoạn
  2021–2025", "nhiệm kỳ 2020–2025") has not long ended.

A wrong year is worse than none, so the points must agree with each other and
with the bounds; otherwise the year stays unknown. Bounds alone give a year
only when they leave exactly one, or when the newest cited directive was
issued a few weeks before the dateline (news reports a decision at once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from archive.extraction.dates import find_dates, is_valid_date
from archive.extraction.types import DatePrecision, PartialDate

# Labels that complete "năm suy ra từ …" (year inferred from …) on pages and the API.
FROM_STAMP = "dấu thời gian đăng trên trang"  # the page's publication stamp
FROM_SOURCE = "ngày trên dòng nguồn hoặc địa chỉ bài"  # the source line or URL
FROM_SAME_DAY = "ngày đầy đủ cùng ngày tháng trong bài"  # a full date of the same day
FROM_ANNIVERSARY = "năm kỷ niệm"  # an anniversary
FROM_CONGRESS = "nhiệm kỳ của đại hội"  # a congress's term
FROM_PERIOD = "kỳ báo cáo trong bài"  # "6 tháng đầu năm 2025"
FROM_LEAD = "năm nêu trong tiêu đề, đoạn mở đầu"  # the one year of the title and lead
FROM_RELATIVE = "năm nay, năm ngoái, cùng kỳ nêu trong bài"  # "năm nay (2025)", "cùng kỳ năm 2024"
FROM_DIRECTIVES = "ngày ban hành của văn bản được trích dẫn"  # cited directives
FROM_SPANS = "nhiệm kỳ, giai đoạn nêu trong bài"  # terms and periods

# A report on a period comes in its last months or the first quarter after it.
_LATE_REVIEW_MONTHS = 3
# A decision reported within this many days is news of that decision.
_FRESH_DAYS = 45
# A plan for a coming period is made at most this many years before it starts.
_PLAN_AHEAD_YEARS = 2

_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*[-–—]\s*"
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})(?:[/_-]?)(?P<m>0[1-9]|1[0-2])(?:[/_-]?)(?P<d>[0-3]\d)(?!\d)"
    r"|/(?P<y2>20\d{2})/(?P<m2>\d{1,2})/"
)
# Anniversary with both ends: "80 năm ... (19/8/1945 - 19/8/2025)", "(1945–2025)".
# A look-behind is checked after the first character it guards ("(?<!\d)\d" as
# "\d(?<!\d\d)", "\bnhiệm" as "n(?<!\wn)hiệm"), so that these patterns, run over
# the whole text, start with a character the regex engine can skip ahead to.
_ANNIVERSARY_SPAN = re.compile(
    r"(?P<n>\d(?<!\d\d)\d{0,2})\s+năm\b[^()]{0,200}?\("
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?P<a>" + _YEAR + r")" + _DASH
    + r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?P<b>" + _YEAR + r")\)"
)  # fmt: skip
# The case-insensitive patterns run over the whole text write their first letter
# in both cases (and K, KELVIN SIGN, which matches k without case) before "(?i:",
# so that the engine skips ahead to it: a pattern opening with a case-insensitive
# letter or "\b" is tried at every position.
# Anniversary of one year: "kỷ niệm 7 năm ... ngày 22/10/2018", "tròn 10 năm ... (2015)".
_ANNIVERSARY_FROM = re.compile(
    "[kK\u212atT](?<!\\w.)(?i:(?<=k)ỷ niệm|(?<=t)ròn)"
    r"(?i:\s+(?P<n>\d{1,3})\s+năm\b(?P<rest>[^.;]{0,200}))"
)
_CONGRESS = re.compile(
    r"\bĐại hội\b[^.;\n]{0,160}?\bnhiệm kỳ\s+(?P<a>" + _YEAR + r")" + _DASH
    + r"(?P<b>" + _YEAR + r")"
)  # fmt: skip
# Periods: nhiệm kỳ (term), giai đoạn (stage), thời kỳ (period).
_SPAN = re.compile(
    r"(?:n(?<!\wn)hiệm kỳ|g(?<!\wg)iai đoạn|t(?<!\wt)hời kỳ)\s+(?P<a>" + _YEAR + r")" + _DASH
    + r"(?P<b>" + _YEAR + r")"
)  # fmt: skip
# "6 tháng đầu năm 2025" (first six months of), "11 tháng năm 2025" (eleven months of).
_PERIOD = re.compile(r"(?P<n>\d(?<!\d\d)\d?)\s+tháng\s+(?:đầu\s+)?năm\s+(?P<y>" + _YEAR + r")\b")
# Years named relative to the article's own: "năm nay (2025)", "năm nay là năm 2025",
# "năm ngoái (2024)", "năm tới (2026)"; the offset is what the relative word adds.
_RELATIVE = re.compile(
    r"[nN](?<!\w[nN])(?i:ăm\s+(?P<word>nay|ngoái|trước|tới|sau)\s*(?:\(\s*|[,–—-]\s*|là\s+)"
    r"(?:năm\s+)?(?P<y>" + _YEAR + r")\b)"
)
_RELATIVE_OFFSET = {"nay": 0, "ngoái": 1, "trước": 1, "tới": -1, "sau": -1}
# "hai năm trước (2023)", "5 năm tới (2026-2030)" count years: no single offset.
_COUNTED = re.compile(
    r"(?:\d|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|mấy|nhiều|các|những))\s*$", re.IGNORECASE
)
# "so với cùng kỳ năm 2024" compares with the same months a year earlier.
_SAME_PERIOD = re.compile(r"[cC](?<!\w[cC])(?i:ùng kỳ\s+năm\s+(?P<y>" + _YEAR + r")\b)")
# "từ đầu năm 2025 đến nay": the period runs up to the article's own day.
_SINCE_START = re.compile(
    r"[tT](?<!\w[tT])(?i:ừ đầu năm\s+(?P<y>" + _YEAR + r")\s+(?:đến|tới)\s+nay\b)"
)
_LEAD_YEAR = re.compile(r"n(?<!\wn)ăm\s+(?P<y>" + _YEAR + r")\b")
# Years that say nothing of the article's date: birth years (sinh năm, SN).
_BIRTH = re.compile(r"(?:sinh|SN)\s*$", re.IGNORECASE)
# A lead about a review names the year under review, often the one before.
_REVIEW = re.compile(r"\b(?:tổng kết|sơ kết)\b", re.IGNORECASE)
_SYMBOL_YEAR = re.compile(r"/(?P<y>" + _YEAR + r")/")
_YEAR_IN_PARENTHESES = re.compile(r"\((" + _YEAR + r")\)")


@dataclass(frozen=True)
class Evidence:
    """What one article says about its own year."""

    text: str
    lead: str = ""  # the title and the lead
    source: str = ""  # the source line(s) and URL
    directive_dates: tuple[PartialDate, ...] = ()  # issue dates of the directives it cites
    directive_symbols: tuple[str, ...] = ()


def _points(date: PartialDate, evidence: Evidence) -> list[tuple[int, str]]:
    points: list[tuple[int, str]] = []
    points += [(year, FROM_SOURCE) for year in _source_years(date, evidence.source)]
    cited = {(d.year, d.month, d.day) for d in evidence.directive_dates}
    # The two ends of an anniversary ("19/8/1945 - 19/8/2025") fall on the
    # same day and month: they are read as an anniversary below.
    # Passes over the whole text are skipped where a literal word they need is missing.
    spans = list(_ANNIVERSARY_SPAN.finditer(evidence.text)) if "(" in evidence.text else []
    ends = [(m.start(), m.end()) for m in spans]
    points += [
        (d.year, FROM_SAME_DAY)
        for start, _, d in find_dates(evidence.text)
        if d.year
        and (d.month, d.day) == (date.month, date.day)
        # A directive issued on this day and month of an earlier year marks
        # an anniversary, not the article's year.
        and (d.year, d.month, d.day) not in cited
        and not any(s <= start < e for s, e in ends)
    ]
    points += [(year, FROM_ANNIVERSARY) for year in _anniversaries(evidence.text, spans)]
    points += [(int(m.group("a")), FROM_CONGRESS) for m in _CONGRESS.finditer(evidence.lead)]
    assert date.month is not None
    points += [
        (int(m.group("y")), FROM_PERIOD)
        for m in (_PERIOD.finditer(evidence.text) if "tháng" in evidence.text else ())
        if date.month >= int(m.group("n"))
    ]
    points += [(year, FROM_LEAD) for year in _lead_years(evidence.lead)]
    points += [(year, FROM_RELATIVE) for year in _relative_years(date, evidence.text)]
    return points


def _relative_years(date: PartialDate, text: str) -> list[int]:
    """Years that words relative to the article's own year give away."""
    assert date.month is not None
    years = [
        int(m.group("y")) + _RELATIVE_OFFSET[m.group("word").lower()]
        for m in _RELATIVE.finditer(text)
        if not _COUNTED.search(text[max(0, m.start() - 12) : m.start()])
    ]
    # In the first months a year's review compares that year with the one
    # before it, so "cùng kỳ" and "từ đầu năm ... đến nay" tell the year only later.
    if date.month > _LATE_REVIEW_MONTHS:
        years += [int(m.group("y")) + 1 for m in _SAME_PERIOD.finditer(text)]
        years += [int(m.group("y")) for m in _SINCE_START.finditer(text)]
    return years


def _source_years(date: PartialDate, source: str) -> list[int]:
    years = []
    for _, _, d in find_dates(source):
        if d.year is not None:
            years.append(_year_not_after(date, d))
    for m in _URL_DATE.finditer(source):
        if m.group("y"):
            stamp = PartialDate(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            years.append(_year_not_after(date, stamp))
        else:
            years.append(_year_not_after(date, PartialDate(int(m.group("y2")), int(m.group("m2")))))
    return years


def _year_not_after(date: PartialDate, stamp: PartialDate) -> int:
    # The event is reported on or after it happened: "11/11" under a page of
    # 16/01/2026 happened in 2025.
    assert stamp.year is not None and stamp.month is not None and date.month is not None
    if (date.month, date.day or 1) > (stamp.month, stamp.day or 31):
        return stamp.year - 1
    return stamp.year


def _anniversaries(text: str, spans: list[re.Match[str]]) -> list[int]:
    """Years of the anniversaries in `text`; `spans` are its `_ANNIVERSARY_SPAN` matches."""
    years = []
    for m in spans:
        n, a, b = int(m.group("n")), int(m.group("a")), int(m.group("b"))
        if b - a == n:
            years.append(b)
    for m in _ANNIVERSARY_FROM.finditer(text):
        rest = m.group("rest")
        if _ANNIVERSARY_SPAN.match(m.group(0)[m.start("n") - m.start() :]):
            continue  # read above with both ends
        started = [d.year for _, _, d in find_dates(rest) if d.year]
        started += [int(y.group("y")) for y in _LEAD_YEAR.finditer(rest)]
        started += [int(y) for y in _YEAR_IN_PARENTHESES.findall(rest)]
        if len(set(started)) == 1:
            years.append(started[0] + int(m.group("n")))
    return years


def _lead_years(lead: str) -> list[int]:
    if _REVIEW.search(lead):
        return []
    dated = [(s, e) for s, e, _ in find_dates(lead)]
    years = {
        int(m.group("y"))
        for m in _LEAD_YEAR.finditer(lead)
        if not any(s <= m.start() < e for s, e in dated)
        and not _BIRTH.search(lead[max(0, m.start() - 6) : m.start()])
    }
    return list(years) if len(years) == 1 else []


def _lowest_year(date: PartialDate, evidence: Evidence) -> tuple[int | None, PartialDate | None]:
    """The earliest possible year, and the newest full issue date it comes from."""
    assert date.month is not None
    lowest: int | None = None
    newest: PartialDate | None = None
    for issued in evidence.directive_dates:
        if issued.year is None:
            continue
        if issued.precision is DatePrecision.FULL:
            assert issued.month is not None and issued.day is not None
            year = issued.year + ((date.month, date.day or 1) < (issued.month, issued.day))
            if newest is None or (issued.year, issued.month, issued.day) > (
                newest.year or 0,
                newest.month or 0,
                newest.day or 0,
            ):
                newest = issued
        else:
            year = issued.year
        lowest = year if lowest is None else max(lowest, year)
    for symbol in evidence.directive_symbols:
        for m in _SYMBOL_YEAR.finditer(symbol):
            year = int(m.group("y"))
            lowest = year if lowest is None else max(lowest, year)
    return lowest, newest


def _span_bounds(date: PartialDate, text: str) -> tuple[int | None, int | None]:
    assert date.month is not None
    low: int | None = None
    high: int | None = None
    for m in _SPAN.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if b <= a:
            continue
        span_low = a - _PLAN_AHEAD_YEARS
        span_high = b + (date.month <= _LATE_REVIEW_MONTHS)
        low = span_low if low is None else max(low, span_low)
        high = span_high if high is None else min(high, span_high)
    return low, high


def _days_between(earlier: PartialDate, month: int, day: int) -> int:
    # Only used within one year and for a short distance: a 31-day month is near enough.
    assert earlier.month is not None and earlier.day is not None
    return (month - earlier.month) * 31 + (day - earlier.day)


def infer_published_year(date: PartialDate, evidence: Evidence) -> tuple[PartialDate, str]:
    """`date` with the year the evidence agrees on (marked inferred) and how it was found.

    Returns `date` unchanged and "" when the date has a year or no month, or
    when the evidence is missing or disagrees.
    """
    if date.year is not None or date.month is None:
        return date, ""
    points = _points(date, evidence)
    directive_low, newest = _lowest_year(date, evidence)
    span_low, span_high = _span_bounds(date, evidence.text)
    lows = [y for y in (directive_low, span_low) if y is not None]
    low = max(lows) if lows else None
    high = span_high
    if low is not None and high is not None and low > high:
        return date, ""
    labels: list[str] = []
    years = {year for year, _ in points}
    if len(years) > 1:
        return date, ""
    if years:
        (year,) = years
        if (low is not None and year < low) or (high is not None and year > high):
            return date, ""
        labels = [label for _, label in points]
    elif low is not None and low == high:
        year = low
        labels = [FROM_DIRECTIVES] if directive_low == low else []
        labels.append(FROM_SPANS)
    elif (
        newest is not None
        and directive_low is not None
        and newest.year == directive_low
        and (high is None or directive_low <= high)
        and 0 <= _days_between(newest, date.month, date.day or 1) <= _FRESH_DAYS
    ):
        year = directive_low
        labels = [FROM_DIRECTIVES]
    else:
        return date, ""
    inferred = _with_year(date, year)
    if inferred is None:
        return date, ""
    return inferred, ", ".join(dict.fromkeys(labels))


def _with_year(date: PartialDate, year: int) -> PartialDate | None:
    assert date.month is not None
    if date.day and not is_valid_date(year, date.month, date.day):
        return None  # 29/2 of a year that has none
    return PartialDate(year, date.month, date.day, year_inferred=True)


def directive_evidence(
    dates: Iterable[PartialDate | None], symbols: Iterable[str]
) -> tuple[tuple[PartialDate, ...], tuple[str, ...]]:
    """The issue dates and symbols of cited directives, as `Evidence` takes them."""
    return tuple(d for d in dates if d is not None and d.year), tuple(s for s in symbols if s)
