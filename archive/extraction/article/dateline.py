"""The dateline that opens an article's lead, and the year it leaves out.

What belongs here: "Sáng 16-1-2026, tại Hà Nội, ..." read into a date and a
place, and the year the page's own stamp gives it when the dateline has none.
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


def date_only(date: PartialDate) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def with_year(date: PartialDate, stamps: list[PartialDate]) -> PartialDate:
    """The dateline's date, its year taken from the page's publication stamp if any.

    The other evidence (same-day dates, directives, anniversaries...) is
    weighed once the whole article is read (extraction.published).
    """
    if date.year is not None or not stamps:
        return date
    # The page's publication stamp: the event happened on or before it.
    return infer_year(date, [], not_after=stamps[0])


def is_title_like(line: str) -> bool:
    stripped = line.rstrip("\"”’' ")
    if len(line) > 300 or len(line.split()) > 35:
        return False
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…")):
        return False
    return match_dateline(line) is None
