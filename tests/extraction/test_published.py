"""The year of a dateline without one, inferred from the article's own evidence.

Each case is a short article written for this test, with invented people,
bodies and documents (real symbols' shapes only), and the year a careful
reader would give it, or None where a careful reader cannot tell. The same
cases are counted in bench/RESULTS.md (bench/date_inference.py).
"""

from __future__ import annotations

import pytest

from archive.extraction.pipeline import extract
from archive.extraction.published import (
    FROM_ANNIVERSARY,
    FROM_CONGRESS,
    FROM_DIRECTIVES,
    FROM_LEAD,
    FROM_PERIOD,
    FROM_RELATIVE,
    FROM_SAME_DAY,
    FROM_SOURCE,
)
from tests.extraction.dated_cases import CASES, DatedCase


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_inferred_year_is_the_one_a_careful_reader_gives(case: DatedCase) -> None:
    parsed = extract(case.text)
    assert parsed.published is not None
    assert parsed.published.year == case.year
    if case.year is None:
        assert parsed.published_evidence == ""
    else:
        assert parsed.published.year_inferred
        assert parsed.published_evidence


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("lead-year", FROM_LEAD),
        ("same-day-full-date", FROM_SAME_DAY),
        ("anniversary-span", FROM_ANNIVERSARY),
        ("congress-term", FROM_CONGRESS),
        ("six-months-report", FROM_PERIOD),
        ("source-url", FROM_SOURCE),
        ("fresh-decision", FROM_DIRECTIVES),
        ("this-year-named", FROM_RELATIVE),
        ("same-period-of-last-year", FROM_RELATIVE),
        ("since-the-start-of-the-year", FROM_RELATIVE),
    ],
)
def test_the_evidence_says_how_the_year_was_found(name: str, label: str) -> None:
    case = next(c for c in CASES if c.name == name)
    assert label in extract(case.text).published_evidence


def test_a_written_year_is_not_marked_inferred() -> None:
    parsed = extract(
        "Sáng 3/4/2024, tại Hà Nội, Công an thành phố tổ chức hội nghị.\n\nHội nghị thành công.\n"
    )
    assert parsed.published is not None and parsed.published.year == 2024
    assert not parsed.published.year_inferred
    assert parsed.published_evidence == ""
