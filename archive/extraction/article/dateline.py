"""The dateline that opens an article's lead, and the year it leaves out.

What belongs here: "Sáng 16-1-2026, tại Hà Nội, ..." read into a date and a
place, and the evidence (a page stamp, a full date of the same day, a year
phrase in the lead) from which a missing year may be inferred and marked so.
"""

from __future__ import annotations

import re

from archive.extraction.dates import find_dates, infer_year
from archive.extraction.types import PartialDate

# Words that introduce the dateline: (dawn) morning, noon, afternoon,
# evening, night, late night, day, today/yesterday; "during (two) days"
# before a range ("Trong hai ngày 13-14/6").
_DATELINE_CUE = re.compile(
    r"^(?:(?:Rạng\s+)?(?:Sáng|Trưa|Chiều|Tối|Đêm|Khuya|Hôm)(?:\s+(?:nay|qua|mai))?\s+"
    r"|Trong(?:\s+(?:hai|ba|bốn|năm|\d{1,2}))?\s+)?"
    r"(?:\(?(?:thứ\s+\w+|chủ\s+nhật)\)?\s*,?\s*)?\(?$",
    re.IGNORECASE,
)
_AFTER_DATE = re.compile(
    r"\)?\s*(?:\([^)]{0,30}\))?\s*(?:,|–|-|:)\s*(?:tại\s+(?P<place>[^,.;:]{2,60}?)\s*(?=[,.;:]|$))?",
    re.IGNORECASE,
)
_DATELINE_WINDOW = 60
# Agencies open a lead with the place in capitals: "HẢI PHÒNG - Ngày 14/11, ...".
_CAPS_PLACE = re.compile(r"(?P<place>[^\W\d_]+(?:(?:\s+|\.)[^\W\d_]+){0,3})\s*[-–—]\s*")


def match_dateline(lead: str) -> tuple[PartialDate, str, int] | None:
    """(date, place, end offset in `lead`) when `lead` opens with a dateline."""
    caps = _CAPS_PLACE.match(lead)
    caps_place = ""
    if caps and caps.group("place").isupper() and len(caps.group("place")) > 1:
        # "HẢI PHÒNG" reads "Hải Phòng"; an abbreviation ("TP.HCM") stays as written.
        caps_place = caps.group("place")
        caps_place = caps_place if "." in caps_place else caps_place.title()
    opening = caps.end() if caps_place and caps else 0
    for start, end, date in find_dates(lead[:_DATELINE_WINDOW]):
        if start < opening or not _DATELINE_CUE.match(lead[opening:start]):
            return None
        after = _AFTER_DATE.match(lead, end)
        if after is None:
            return None
        place = after.group("place") or ""
        if not place and caps_place:
            return date, caps_place, end
        return date, place, after.end("place") if place else end
    return None


_YEAR_PHRASE = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
# A lead about a review (tổng kết, sơ kết: year-end / mid-term review) names
# the year under review, which is often not the year of the event (a January
# meeting reviewing the previous year), so its year is not evidence.
_REVIEW = re.compile(r"\b(?:tổng kết|sơ kết)\b", re.IGNORECASE)


def _lead_years(lead: str) -> list[int]:
    if _REVIEW.search(lead):
        return []
    dated = [(s, e) for s, e, _ in find_dates(lead)]
    years = {
        int(m.group("y"))
        for m in _YEAR_PHRASE.finditer(lead)
        if not any(s <= m.start() < e for s, e in dated)
    }
    return list(years) if len(years) == 1 else []


def date_only(date: PartialDate) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def with_year(date: PartialDate, text: str, stamps: list[PartialDate], lead: str) -> PartialDate:
    """The dateline's date, its year inferred from the strongest evidence in the article."""
    if date.year is not None:
        return date
    if stamps:
        # The page's publication stamp: the event happened on or before it.
        return infer_year(date, [], not_after=stamps[0])
    same_day = [
        d.year
        for _, _, d in find_dates(text)
        if d.year and (d.month, d.day) == (date.month, date.day)
    ]
    if same_day:
        return infer_year(date, same_day)
    return infer_year(date, _lead_years(lead))


def is_title_like(line: str) -> bool:
    stripped = line.rstrip("\"”’' ")
    if len(line) > 300 or len(line.split()) > 35:
        return False
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…")):
        return False
    return match_dateline(line) is None
