"""Vietnamese date forms -> PartialDate, and what must not be read as a date."""

from __future__ import annotations

import datetime

import pytest

from archive.extraction.dates import find_dates, full_date, infer_year, parse_date
from archive.extraction.types import DatePrecision, PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24/01/2025", PartialDate(2025, 1, 24)),
        ("ngày 24/01/2025", PartialDate(2025, 1, 24)),
        ("31/5/2025", PartialDate(2025, 5, 31)),
        ("ngày 24 tháng 01 năm 2025", PartialDate(2025, 1, 24)),
        ("ngày 24 tháng 1, năm 2025", PartialDate(2025, 1, 24)),
        ("29-5", PartialDate(None, 5, 29)),
        ("16-1-2026", PartialDate(2026, 1, 16)),
        ("1.7.2025", PartialDate(2025, 7, 1)),
        ("tháng 4-2025", PartialDate(2025, 4, None)),
        ("tháng 4/2025", PartialDate(2025, 4, None)),
        ("tháng 4 năm 2025", PartialDate(2025, 4, None)),
        ("ngày 1.7", PartialDate(None, 7, 1)),
        ("13-18/8", PartialDate(None, 8, 13)),
        ("13–18/8/2024", PartialDate(2024, 8, 13)),
        ("Ngày 11/11", PartialDate(None, 11, 11)),
        ("29/2", PartialDate(None, 2, 29)),
    ],
)
def test_parse_date_reads_each_form(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/2/2025",
        "29/2/2025",
        "12/13/2025",
        "13/18",
        "0/5",
        "2021–2025",
        "2020-2025",
        "59-NQ/TW",
        "153/NQ-CP",
        "18-13/8",
        "hôm nay",
        "",
    ],
)
def test_parse_date_refuses_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_precision_of_each_kind_of_date() -> None:
    assert parse_date("24/01/2025").precision is DatePrecision.FULL  # type: ignore[union-attr]
    assert parse_date("tháng 4-2025").precision is DatePrecision.MONTH  # type: ignore[union-attr]
    assert parse_date("Ngày 11/11").precision is DatePrecision.DAY_MONTH  # type: ignore[union-attr]


def _found(text: str) -> list[tuple[str, PartialDate]]:
    return [(text[s:e], d) for s, e, d in find_dates(text)]


def test_find_dates_gives_spans_including_ngay() -> None:
    text = "Nghị quyết số 7-NQ/TW, ngày 24/01/2025 của Ban Bí thư về công tác cán bộ."
    assert _found(text) == [("ngày 24/01/2025", PartialDate(2025, 1, 24))]


def test_find_dates_keeps_the_longest_reading() -> None:
    text = "Ban hành ngày 5 tháng 3 năm 2024 và có hiệu lực từ tháng 6/2024."
    assert _found(text) == [
        ("ngày 5 tháng 3 năm 2024", PartialDate(2024, 3, 5)),
        ("tháng 6/2024", PartialDate(2024, 6, None)),
    ]


def test_find_dates_takes_yearless_dates_after_a_time_of_day() -> None:
    text = "Sáng 16-1, tại Hà Nội, đoàn công tác làm việc; chiều 19/8 đoàn về Huế."
    assert _found(text) == [("16-1", PartialDate(None, 1, 16)), ("19/8", PartialDate(None, 8, 19))]


def test_find_dates_takes_a_weekday_before_a_yearless_date() -> None:
    assert _found("Thứ Hai, 11/11, hội nghị khai mạc.") == [("11/11", PartialDate(None, 11, 11))]


def test_find_dates_ignores_yearless_numbers_without_a_cue() -> None:
    assert _found("Có 3-4 người bị thương và 1/2 số xe bị hỏng.") == []


def test_find_dates_ignores_terms_of_office_and_symbols() -> None:
    text = "Nhiệm kỳ 2020-2025, giai đoạn 2021–2025, Chỉ thị 03/CT-BCA-X11 và Luật 72/2025/QH15."
    assert find_dates(text) == []


def test_find_dates_ignores_ordinary_numbers() -> None:
    assert find_dates("Hơn 1.200 cán bộ, tỷ lệ 12.5%, lúc 17:58.") == []


def test_find_dates_reads_a_range_as_its_first_day() -> None:
    text = "Từ ngày 13-18/8, đoàn đại biểu thăm Lào."
    assert _found(text) == [("ngày 13-18/8", PartialDate(None, 8, 13))]


def test_find_dates_reads_ngay_with_dots() -> None:
    assert _found("Luật có hiệu lực từ ngày 1.7.") == [("ngày 1.7", PartialDate(None, 7, 1))]


def test_infer_year_uses_evidence_and_marks_it() -> None:
    assert infer_year(PartialDate(None, 11, 11), [2025]) == PartialDate(
        2025, 11, 11, year_inferred=True
    )


def test_infer_year_without_evidence_keeps_the_date_partial() -> None:
    assert infer_year(PartialDate(None, 11, 11), []) == PartialDate(None, 11, 11)


def test_infer_year_leaves_a_full_date_alone() -> None:
    date = PartialDate(2024, 6, 7)
    assert infer_year(date, [2025]) is date


def test_infer_year_steps_back_when_the_date_would_follow_the_timestamp() -> None:
    stamp = PartialDate(2026, 1, 16)
    assert infer_year(PartialDate(None, 11, 11), [], not_after=stamp) == PartialDate(
        2025, 11, 11, year_inferred=True
    )
    assert infer_year(PartialDate(None, 1, 16), [], not_after=stamp).year == 2026


def test_infer_year_refuses_a_29_february_in_a_common_year() -> None:
    assert infer_year(PartialDate(None, 2, 29), [2025]) == PartialDate(None, 2, 29)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (PartialDate(2025, 1, 24), datetime.date(2025, 1, 24)),
        (PartialDate(2025, 4, None), None),
        (PartialDate(None, 5, 29), None),
        (PartialDate(2025, 2, 29), None),  # no 29 February in 2025
        (None, None),
    ],
)
def test_full_date_is_a_calendar_date_only_when_day_month_and_year_are_known(
    date: PartialDate | None, expected: datetime.date | None
) -> None:
    assert full_date(date) == expected
