"""Extraction does work in proportion to the text, whatever the text repeats.

Adversarial texts (thousands of ranks, symbols, capitalised words, posts or
list separators in one line with no sentence break) are compared with a plain
article of the same length. Work is counted, not timed: the Python and
built-in calls extraction makes (deterministic, whatever the machine's load)
and the peak of memory it allocates. A quadratic path makes these ratios grow
with the text; at the size used here it would exceed the bounds many times
over (a 54 KB paragraph of symbols used to take 26 s against 0.3 s).
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from collections.abc import Callable
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.extraction.pipeline import extract

SIZE = 30_000  # characters

# Invented names and bodies; closed-class words (ranks, posts, document types).
FAMILY = ("Trịnh", "Đỗ", "Phan", "Vũ", "Lò", "Kiều", "Mạc", "Khúc")
GIVEN = ("Khải", "Luân", "Vĩnh", "Toàn", "Sính", "Tùng", "Phúc", "Thoa")
PLACES = ("Bình Khê", "Sơn Lâm", "Hải Vân", "Đông Hòa", "Tây Thủy")
RANKS = ("Đại tá", "Thượng tá", "Trung tướng", "Thiếu úy")
POSTS = ("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Bí thư", "Chủ tịch")
SENTENCES = (
    "Lực lượng chức năng tỉnh {place} đã triển khai nhiều biện pháp bảo đảm an ninh trật tự.",
    "Đại tá {name}, Giám đốc Công an tỉnh {place}, chủ trì hội nghị sơ kết công tác.",
    "Hội nghị quán triệt Nghị quyết số {n}/NQ-CP của Chính phủ về cải cách hành chính.",
    "Ông {name} cho biết, trong năm qua, Sở Tư pháp tỉnh {place} đã rà soát nhiều văn bản.",
)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}"


# Each unit is repeated until the text reaches SIZE.
ADVERSARIAL: dict[str, Callable[[random.Random], str]] = {
    "ranks": lambda rng: rng.choice(RANKS) + (f" {_name(rng)}" if rng.random() < 0.5 else ""),
    "symbols": lambda rng: f"{rng.randint(1, 9999)}/NQ-CP",
    "citations": lambda rng: rng.choice(
        ("{n}-NQ/TW", "Quyết định số {n}/QĐ-UBND", "Nghị quyết {n}")
    ).format(n=rng.randint(1, 9999)),
    "capitalised": lambda rng: rng.choice((*PLACES, *FAMILY, *GIVEN)),
    "posts": lambda rng: "Phó Giám đốc" if rng.random() < 0.9 else rng.choice(POSTS),
    "lists": lambda rng: rng.choice(("Bộ Công an", "Sở Tư pháp", "Công an tỉnh Bình Khê", "và")),
    "names": _name,
}
JOINERS = (" ", ", ", "; ", " và ", " - ")


def adversarial_text(kind: str, size: int, rng: random.Random, joiner: str, title: str) -> str:
    """One line of `size` characters, no sentence break: `kind`'s units joined."""
    units, length = [], 0
    while length < size:
        units.append(ADVERSARIAL[kind](rng))
        length += len(units[-1]) + len(joiner)
    return (title + "\n\n" if title else "") + joiner.join(units)[:size]


def plain_article(size: int) -> str:
    """An ordinary article: a title and paragraphs of varied sentences."""
    rng = random.Random(0)
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(
            rng.choice(SENTENCES).format(
                place=rng.choice(PLACES), name=_name(rng), n=rng.randint(1, 99)
            )
            for _ in range(4)
        )
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(["Công an tỉnh họp bàn công tác", *paragraphs])[:size]


def work(run: Callable[[str], object], text: str) -> tuple[int, int]:
    """(calls made, peak bytes allocated) while `run(text)` runs."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    tracemalloc.start()
    sys.setprofile(count)
    try:
        run(text)
    finally:
        sys.setprofile(None)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return calls, peak


@cache
def plain_work() -> tuple[int, int]:
    return work(extract, plain_article(SIZE))


# A linear extractor stays within these of a plain article of the same length
# (measured: at most 5.5x the calls and 3x the memory). The quadratic paths
# they guard against grow with the text: at this size a run of capitalised
# words made thousands of times a plain article's calls (minutes, not 0.2 s).
MAX_CALLS_RATIO = 12
MAX_MEMORY_RATIO = 6


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(ADVERSARIAL)),
    joiner=st.sampled_from(JOINERS),
    seed=st.integers(0, 2**16),
    title=st.sampled_from(("", "Tin tổng hợp")),
)
def test_repetitive_text_costs_no_more_than_a_plain_article_of_its_length(
    kind: str, joiner: str, seed: int, title: str
) -> None:
    calls, peak = work(extract, adversarial_text(kind, SIZE, random.Random(seed), joiner, title))
    plain_calls, plain_peak = plain_work()
    assert calls <= MAX_CALLS_RATIO * plain_calls
    assert peak <= MAX_MEMORY_RATIO * plain_peak
