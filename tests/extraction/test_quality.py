"""The extractor's precision and recall over the hand-written corpora stay above a floor.

The floors sit a little under today's figures (bench/extraction_quality.py
prints them), so a change that makes extraction worse on articles of the
genre fails here. The held-out articles were written apart from the
extractor and never used to tune it; their floor is lower because they
measure text the rules have not seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.extraction.pipeline import extract
from tests.extraction.evaluation import compare, iter_corpus, load_expected, total

ROOT = Path(__file__).resolve().parents[2]


def corpus_scores(*, held_out: bool) -> dict[str, tuple[float, float]]:
    results = [
        compare(
            extract(item.text_path.read_text(encoding="utf-8")),
            load_expected(item.expected_path),
            name=item.name,
        )
        for item in iter_corpus(ROOT, held_out=held_out)
    ]
    assert results, "the corpus is empty"
    return {kind: (score.precision, score.recall) for kind, score in total(results).items()}


@pytest.mark.parametrize(
    ("held_out", "floor"),
    [(False, 0.95), (True, 0.85)],
    ids=["tuning-corpus", "held-out"],
)
def test_precision_and_recall_per_kind_stay_above_the_floor(held_out: bool, floor: float) -> None:
    scores = corpus_scores(held_out=held_out)
    assert set(scores) == {"people", "organisations", "directives"}
    for kind, (precision, recall) in scores.items():
        assert precision >= floor, f"{kind}: precision {precision:.3f} < {floor}"
        assert recall >= floor, f"{kind}: recall {recall:.3f} < {floor}"
