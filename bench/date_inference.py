"""Publication years inferred from the articles' own evidence: right, wrong, unknown.

Runs the pure extractor (no database) over
- the year-less datelines of tests/extraction/dated_cases.py, each with the
  year a careful reader would give or None ("cannot tell");
- the project's sample articles (seeds/ and tests/extraction/articles/),
  with the year a careful reader gives those whose dateline has no year
  (READER_YEARS below), and prints the dated share.

A year the reader cannot tell counts as right when the extractor leaves it
unknown and as wrong when it gives one.

    .venv/bin/python bench/date_inference.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from archive.extraction.decoding import decode_article  # noqa: E402
from archive.extraction.pipeline import extract  # noqa: E402

SAMPLES = [REPO_ROOT / "seeds", REPO_ROOT / "tests" / "extraction" / "articles"]

# The year a careful reader gives a sample article whose dateline has none,
# and why; None: the article does not tell. Files not listed have a year in
# the dateline or no dateline.
READER_YEARS: dict[str, int | None] = {
    "000_ae0d256a4d1ccbe2": 2025,  # cites 2025 resolutions, reviews the 2021–2025 period
    "102_hoi-dam-bo-noi-vu-lien-bang-nga": None,  # a 2025 resolution and a 2026–2030 plan
    "103_trien-khai-nghi-dinh-02-co-cau-bo-cong-an": 2025,  # rolls out a decree of 18/02/2025
    "104_cong-an-quang-ninh-so-ket-phong-trao": None,  # no year anywhere
    "105_dang-uy-cong-an-trung-uong-nghi-quyet-57": 2025,  # a programme of 10/3/2025
    "106_uy-ban-quoc-phong-an-ninh-tham-tra-du-an-luat": None,  # a 2025 law: lower bound only
    "107_dai-hoi-dang-bo-cuc-canh-sat-giao-thong": 2025,  # congress for the 2025–2030 term
    "108_so-ket-phoi-hop-cong-an-quan-doi": 2024,  # five years of a 2019 decree
    "109_tap-huan-van-thu-luu-tru": 2025,  # the title: "... năm 2025"
    "110_hop-tac-phong-chong-toi-pham-han-quoc": None,  # "hồi tháng 4-2025": lower bound
    "111_be-giang-khoa-dao-tao-hoc-vien-lao": 2025,  # a course that ended in April 2025
    "112_ky-niem-80-nam-ngay-truyen-thong-cand": 2025,  # 80 years (1945–2025)
    "113_triet-pha-duong-day-cho-vay-nang-lai": None,  # 2025 events: lower bound only
    "114_cong-dien-ung-pho-bao-so-3": None,  # no year anywhere
    "115_hoi-thao-bao-ve-nen-tang-tu-tuong": 2025,  # 7 years after 22/10/2018
    "118_ban-bi-thu-chi-dinh-thu-tuong-bo-nhiem-can-bo": 2025,  # a decision of 13/10/2025
    "119_quoc-hoi-thao-luan-luat-thi-hanh-an-hinh-su": 2025,  # a bill submitted 12/9/2025
    "122_vinh-long-khen-thuong-nguoi-dan-bat-cuop": None,  # no year anywhere
    "123_hai-phong-kiem-tra-pccc-khu-cong-nghiep": 2025,  # the page stamp 15/11/2025
}


def _grade(expected: int | None, got: int | None) -> str:
    if got is None:
        return "right" if expected is None else "unknown"
    return "right" if got == expected else "wrong"


def _tally(rows: list[tuple[str, int | None, int | None, str]], verbose: bool) -> dict[str, int]:
    tally = {"right": 0, "wrong": 0, "unknown": 0}
    for name, expected, got, evidence in rows:
        grade = _grade(expected, got)
        tally[grade] += 1
        if verbose:
            print(f"  {grade:7} {name[:48]:48} reader={expected} got={got} {evidence}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO_ROOT / "tests" / "extraction"))
    from dated_cases import CASES

    case_rows = []
    for case in CASES:
        parsed = extract(case.text)
        got = parsed.published.year if parsed.published else None
        case_rows.append((case.name, case.year, got, parsed.published_evidence))
    print(f"Test datelines without a year ({len(CASES)}):")
    print("  " + ", ".join(f"{k} {v}" for k, v in _tally(case_rows, args.verbose).items()))

    dated = total = 0
    sample_rows = []
    for folder in SAMPLES:
        for path in sorted(folder.glob("*.txt")):
            parsed = extract(decode_article(path.read_bytes(), name=path.name))
            year = parsed.published.year if parsed.published else None
            total += 1
            dated += year is not None
            if path.stem in READER_YEARS:
                sample_rows.append(
                    (path.stem, READER_YEARS[path.stem], year, parsed.published_evidence)
                )
    print(f"Sample articles whose dateline has no year ({len(sample_rows)}):")
    print("  " + ", ".join(f"{k} {v}" for k, v in _tally(sample_rows, args.verbose).items()))
    print(f"Dated share of seeds/ + tests/extraction/articles/: {dated}/{total}")


if __name__ == "__main__":
    main()
