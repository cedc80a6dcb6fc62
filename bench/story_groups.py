"""Copies of one report: precision and recall on the test pairs, and the cost per article.

    python bench/story_groups.py

Reads tests/archive/stories/ (an original, a reprint and an independent
report per event; pairs.json says which pairs are copies), scores every pair
of texts (the listed pairs, plus every pair across events, which are never
copies), and times the signature against extraction on the same texts.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.extraction.copies import is_copy, signature  # noqa: E402
from archive.extraction.pipeline import extract  # noqa: E402

STORIES = ROOT / "tests" / "archive" / "stories"


def main() -> None:
    pairs = json.loads((STORIES / "pairs.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(STORIES.glob("*.txt"))}
    bodies = {name: extract(text).body for name, text in texts.items()}
    sigs = {name: signature(body) for name, body in bodies.items()}
    truth = {frozenset((p["a"], p["b"])): p["copy"] for p in pairs}
    for a, b in itertools.combinations(texts, 2):
        truth.setdefault(frozenset((a, b)), False)
    tp = fp = fn = 0
    for pair, expected in truth.items():
        a, b = tuple(pair)
        found = is_copy(sigs[a], sigs[b])
        tp += found and expected
        fp += found and not expected
        fn += expected and not found
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        for body in bodies.values():
            signature(body)
    sign_ms = (time.perf_counter() - started) / (rounds * len(bodies)) * 1000
    started = time.perf_counter()
    for _ in range(5):
        for text in texts.values():
            extract(text)
    extract_ms = (time.perf_counter() - started) / (5 * len(texts)) * 1000
    print(
        json.dumps(
            {
                "pairs": len(truth),
                "copies": sum(truth.values()),
                "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                "recall": round(tp / (tp + fn), 3) if tp + fn else None,
                "signature_ms_per_article": round(sign_ms, 3),
                "extraction_ms_per_article": round(extract_ms, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
