"""Copies of one report are told from independent reports of the same event.

tests/archive/stories/ holds, per event, an original, a reprint (other title,
dateline, byline and captions, small edits, for some the ending cut off) and
an independent report of the same event written in other sentences.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from archive.extraction.copies import Signature, is_copy, pack, signature, unpack
from archive.extraction.pipeline import extract

STORIES = Path(__file__).resolve().parents[1] / "archive" / "stories"
PAIRS = json.loads((STORIES / "pairs.json").read_text(encoding="utf-8"))


def body_signature(name: str) -> Signature:
    sig = signature(extract((STORIES / name).read_text(encoding="utf-8")).body)
    assert sig is not None, name
    return sig


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: f"{pair['a']}~{pair['b']}")
def test_a_reprint_is_a_copy_and_an_independent_report_is_not(pair):
    assert is_copy(body_signature(pair["a"]), body_signature(pair["b"])) is pair["copy"]


def test_no_two_reports_of_different_events_are_copies():
    names = sorted(path.name for path in STORIES.glob("*.txt"))
    assert len(names) >= 12
    events = itertools.combinations(names, 2)
    copies = [(a, b) for a, b in events if a[:2] != b[:2] and is_copy(*map(body_signature, (a, b)))]
    assert copies == []


def test_a_copy_needs_both_texts_in_either_order():
    a, b = body_signature(PAIRS[0]["a"]), body_signature(PAIRS[0]["b"])
    assert is_copy(a, b) and is_copy(b, a)


def test_a_text_too_short_has_no_signature():
    assert signature("Ngày 3/4, công an phường tuần tra.") is None


def test_a_signature_survives_storage():
    sig = body_signature(PAIRS[0]["a"])
    assert unpack(pack(sig)) == sig
