"""Extraction quality on the hand-made corpus: precision, recall and F1 per entity kind.

Runs `archive.extraction.pipeline.extract` over tests/extraction/articles/ and
the seeds (expectations in tests/extraction/seeds_expected/, texts in seeds/)
and prints one row per kind. With --verbose, lists per article what was
missed and what was invented.

    .venv/bin/python bench/extraction_quality.py [--verbose] [--json] [--held-out]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from archive.extraction.types import ParsedArticle  # noqa: E402
from tests.extraction.evaluation import (  # noqa: E402
    KINDS,
    STRUCTURE_FIELDS,
    ArticleResult,
    compare,
    iter_corpus,
    load_expected,
    total,
)

Extractor = Callable[[str], ParsedArticle]


def _load_extractor() -> Extractor:
    module = importlib.import_module("archive.extraction.pipeline")
    extract: Extractor = module.extract
    return extract


def run(
    root: Path, extract: Extractor, *, strict: bool = False, held_out: bool = False
) -> list[ArticleResult]:
    results: list[ArticleResult] = []
    for item in iter_corpus(root, held_out=held_out):
        expected = load_expected(item.expected_path)
        raw = item.text_path.read_text(encoding="utf-8")
        try:
            article = extract(raw)
        except Exception:
            if strict:
                raise
            print(f"ERROR extracting {item.name}:", file=sys.stderr)
            traceback.print_exc()
            article = ParsedArticle(text=raw)  # scored as finding nothing
        results.append(compare(article, expected, name=item.name))
    return results


def _table(results: Sequence[ArticleResult]) -> str:
    totals = total(results)
    lines = [f"{'kind':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in KINDS:
        s = totals[kind]
        lines.append(
            f"{kind:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    n = len(results)
    agreement = "  ".join(
        f"{field} {sum(r.structure[field] for r in results)}/{n}" for field in STRUCTURE_FIELDS
    )
    lines.append(f"structure ({n} articles): {agreement}")
    return "\n".join(lines)


def _details(results: Sequence[ArticleResult]) -> str:
    lines: list[str] = []
    for result in results:
        lines.append(f"== {result.name}")
        wrong = [field for field in STRUCTURE_FIELDS if not result.structure[field]]
        if wrong:
            lines.append(f"   structure wrong: {', '.join(wrong)}")
        for kind in KINDS:
            kr = result.kinds[kind]
            s = kr.score
            lines.append(f"   {kind}: tp={s.tp} fp={s.fp} fn={s.fn}")
            if kr.missed:
                lines.append(f"      missed:   {' | '.join(kr.missed)}")
            if kr.spurious:
                flagged = set(kr.not_entity_hits)
                names = [f"{n} [not-entity]" if n in flagged else n for n in kr.spurious]
                lines.append(f"      spurious: {' | '.join(names)}")
    return "\n".join(lines)


def _as_json(results: Sequence[ArticleResult]) -> str:
    totals = total(results)
    payload = {
        "totals": {
            kind: {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
            }
            for kind, s in totals.items()
        },
        "articles": [
            {
                "name": r.name,
                "structure": dict(r.structure),
                **{
                    kind: {
                        "missed": list(r.kinds[kind].missed),
                        "spurious": list(r.kinds[kind].spurious),
                        "not_entity_hits": list(r.kinds[kind].not_entity_hits),
                    }
                    for kind in KINDS
                },
            }
            for r in results
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="per-article misses and extras"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--strict", action="store_true", help="stop at the first extractor error")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="score the held-out articles (tests/extraction/heldout/) instead",
    )
    args = parser.parse_args(argv)
    try:
        extract = _load_extractor()
    except ImportError as exc:
        print(f"cannot import archive.extraction.pipeline.extract: {exc}", file=sys.stderr)
        return 2
    results = run(args.root, extract, strict=args.strict, held_out=args.held_out)
    if not results:
        print(f"no expected files found under {args.root}", file=sys.stderr)
        return 1
    if args.json:
        print(_as_json(results))
        return 0
    if args.verbose:
        print(_details(results))
        print()
    print(_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
