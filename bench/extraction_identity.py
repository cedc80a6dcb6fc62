"""The guard of every extractor speed-up: the output must stay byte-identical.

    .venv/bin/python bench/extraction_identity.py --baseline REV [--synthetic 3000] [--mixes 200]

Runs `pipeline.extract` of the working tree and of REV (archive/extraction
taken from git into a temporary folder) over the same texts, each in a
process of its own, and compares a canonical dump of everything the result
carries: text, title, blocks, sentences and their offsets, dateline, dates,
author, source, captions, people with ranks, posts and aliases,
organisations with aliases and abbreviations, directives, mentions. Each
article's dump is the JSON of `dataclasses.asdict(result)` (sorted keys) plus
the SHA-256 of `repr(result)`, which also tells a tuple from a list and an
enum from a string.

Texts: every seeds/*.txt, tests/extraction/articles/*.txt and
tests/extraction/heldout/*.txt; `--synthetic` articles of the import
benchmark's generator (bench_import.synthetic_article, fixed seed);
`--mixes` random mixes of the corpus's paragraphs (fixed seed); and one
article of about 150 kB made of the corpus's paragraphs.

The baseline's dump is kept in /tmp by revision and corpus size, so that
checking after each change costs one extraction pass. Exit status 1 when
any article differs; the first differences are printed field by field.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, extraction_tree

CORPUS_GLOBS = ("seeds/*.txt", "tests/extraction/articles/*.txt", "tests/extraction/heldout/*.txt")


def texts(synthetic: int, mixes: int) -> list[tuple[str, str]]:
    """(name, text) of every article the guard checks, always in the same order."""
    from bench_import import synthetic_article

    files = sorted(path for pattern in CORPUS_GLOBS for path in ROOT.glob(pattern))
    corpus = [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in files]
    rng = random.Random(12)
    generated = [(f"synthetic/{i}", synthetic_article(i, rng)) for i in range(synthetic)]
    paragraphs = [p for _, text in corpus for p in text.split("\n\n") if p.strip()]
    rng = random.Random(34)
    mixed = [
        (f"mix/{i}", "\n\n".join(rng.sample(paragraphs, rng.randint(2, 14))) + "\n")
        for i in range(mixes)
    ]
    large, size = [], 0
    while size < 150_000:
        large.append(paragraphs[len(large) % len(paragraphs)])
        size += len(large[-1]) + 2
    return corpus + generated + mixed + [("large/150kB", "\n\n".join(large) + "\n")]


def dump(result: object) -> dict[str, object]:
    return {
        "output": dataclasses.asdict(result),  # type: ignore[call-overload]
        "repr_sha256": hashlib.sha256(repr(result).encode("utf-8")).hexdigest(),
    }


def worker(tree: Path, out: Path, synthetic: int, mixes: int) -> None:
    sys.path.insert(0, str(tree))
    from archive.extraction import pipeline

    assert Path(pipeline.__file__).resolve().is_relative_to(tree.resolve()), pipeline.__file__
    with out.open("w", encoding="utf-8") as stream:
        for name, text in texts(synthetic, mixes):
            line = {"name": name, **dump(pipeline.extract(text))}
            stream.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def _run(tree: Path, out: Path, args: argparse.Namespace) -> None:
    command = [sys.executable, __file__, "--worker", str(tree), str(out)]
    command += ["--synthetic", str(args.synthetic), "--mixes", str(args.mixes)]
    subprocess.run(command, cwd=ROOT, check=True)


def _differences(before: dict, after: dict, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in sorted(set(before) | set(after)):
            found += _differences(before.get(key), after.get(key), f"{path}.{key}")
        return found
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        found = []
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            found += _differences(b, a, f"{path}[{i}]")
        return found
    return [] if before == after else [f"{path}: {before!r:.200} -> {after!r:.200}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", metavar="REV", help="git revision to compare against")
    parser.add_argument("--synthetic", type=int, default=3000)
    parser.add_argument("--mixes", type=int, default=200)
    parser.add_argument("--worker", nargs=2, metavar=("TREE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), args.synthetic, args.mixes)
        return
    if not args.baseline:
        parser.error("--baseline REV is required")

    commit = subprocess.run(
        ["git", "rev-parse", args.baseline], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    cached = Path(tempfile.gettempdir()) / (
        f"extraction_identity_{commit[:12]}_{args.synthetic}_{args.mixes}.jsonl"
    )
    if not cached.exists():
        with tempfile.TemporaryDirectory(prefix="extraction_identity_") as scratch:
            partial = cached.with_suffix(".partial")
            _run(extraction_tree(commit, Path(scratch)), partial, args)
            partial.rename(cached)
    with tempfile.TemporaryDirectory(prefix="extraction_identity_") as scratch:
        current = Path(scratch) / "current.jsonl"
        _run(ROOT, current, args)
        before_lines = cached.read_text(encoding="utf-8").splitlines()
        after_lines = current.read_text(encoding="utf-8").splitlines()

    digest = hashlib.sha256("\n".join(after_lines).encode("utf-8")).hexdigest()
    differing = [
        (json.loads(b), json.loads(a))
        for b, a in zip(before_lines, after_lines, strict=True)
        if b != a
    ]
    print(f"baseline {commit[:12]} ({cached}); {len(after_lines)} articles; dump sha256 {digest}")
    for before, after in differing[:5]:
        print(f"DIFFERS {before['name']}")
        for line in _differences(before, after)[:10]:
            print(f"  {line}")
    if differing:
        print(f"{len(differing)} of {len(after_lines)} articles differ")
        sys.exit(1)
    print(f"identical: all {len(after_lines)} articles")


if __name__ == "__main__":
    main()
