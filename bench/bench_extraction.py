"""Benchmark the extractor alone: time per article, throughput on two cores, one large article.

    python bench/bench_extraction.py [--repeats 3] [--rounds 5] [--large-mb 1.0]
                                     [--baseline REV ...] [--large-rounds N] [--no-large]
                                     [--synthetic 500] [--pool 2]

Workloads (all pure Python, no Django):

- corpus: every seeds/*.txt and tests/extraction/articles/*.txt, extracted
  once to warm up (that first pass is reported as "cold"), then `--repeats`
  more times; the figure is time per article.
- synthetic: `--synthetic` articles of 2-5 kB from the import benchmark's
  generator (bench_import.synthetic_article, fixed seed), the corpus the
  import throughput targets are set on; ms per article, one process.
- pool: the same synthetic articles extracted by a process pool of `--pool`
  workers, each result sent back to the parent as the importer would need
  it; articles per second of wall time (0 skips it).
- large: one synthetic article of about `--large-mb` MB, built by cycling
  through the corpus's paragraphs under one title, extracted once.

Each round runs every workload in a fresh process; the table shows the median
over `--rounds` rounds. The machine is shared and noisy, so two relative
figures are printed alongside the absolute ones:

- "/ref": extraction time divided by a fixed reference workload timed in the
  same process over the same text (NFC/NFD normalisation, a regex word split
  and a dict count, written here so that it never changes with the extractor);
- with `--baseline REV` (a commit, e.g. the one before an optimisation), the
  extractor of REV (archive/extraction taken from git into a temporary folder)
  runs in alternating processes with the working tree's, and "speed-up" is the
  median over rounds of baseline time / current time measured side by side.
  `--baseline` may be given more than once (e.g. the code before a whole
  piece of work and the branch point): every tree runs in each round.

Record the output, with the machine (`nproc`, `free -h`, python version, load
average), in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import ROOT, extraction_tree

CORPUS_GLOBS = ("seeds/*.txt", "tests/extraction/articles/*.txt")
_WORD = re.compile(r"\w+")


def corpus_texts() -> list[str]:
    files = sorted(path for pattern in CORPUS_GLOBS for path in ROOT.glob(pattern))
    return [path.read_text(encoding="utf-8") for path in files]


def large_article(texts: list[str], megabytes: float) -> str:
    """One article of about `megabytes` MB (UTF-8): a title, then corpus paragraphs in turn."""
    paragraphs = [p.strip() for text in texts for p in text.split("\n\n") if len(p.strip()) > 80]
    parts = ["Hội nghị tổng kết công tác năm của Công an tỉnh"]
    size, k = 0, 0
    while size < megabytes * 1_000_000:
        paragraph = paragraphs[k % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts) + "\n"


def reference_work(texts: list[str]) -> None:
    """A fixed amount of pure-Python text work, the yardstick for the machine's speed."""
    for text in texts * 10:  # long enough to time steadily
        counts: dict[str, int] = {}
        for word in _WORD.findall(unicodedata.normalize("NFC", text)):
            key = unicodedata.normalize("NFD", word).casefold()
            counts[key] = counts.get(key, 0) + 1


def _timed(work: object, *args: object) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of work(*args)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work(*args)  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


# --- the worker: one tree, one workload, in a process of its own ------------------


def synthetic_texts(count: int) -> list[str]:
    from bench_import import synthetic_article

    rng = random.Random(20)
    return [synthetic_article(i, rng) for i in range(count)]


def _pool_extract(text: str) -> object:
    from archive.extraction import pipeline

    return pipeline.extract(text)


def worker(tree: Path, workload: str, args: argparse.Namespace) -> dict[str, float]:
    repeats, megabytes = args.repeats, args.large_mb
    sys.path.insert(0, str(tree))
    from archive.extraction import pipeline

    assert Path(pipeline.__file__).resolve().is_relative_to(tree.resolve()), pipeline.__file__
    texts = corpus_texts()

    def extract_all(batch: list[str]) -> None:
        for text in batch:
            pipeline.extract(text)

    result: dict[str, float] = {}
    if workload == "corpus":
        ref_before = _timed(reference_work, texts * repeats)
        cold = _timed(extract_all, texts)
        warm = _timed(extract_all, texts * repeats)
        ref_after = _timed(reference_work, texts * repeats)
        count = len(texts) * repeats
        result["articles"] = len(texts)
        result["cold_ms"] = cold[0] / len(texts) * 1000
        result["wall_ms"] = warm[0] / count * 1000
        result["cpu_ms"] = warm[1] / count * 1000
        result["per_ref"] = warm[1] / ((ref_before[1] + ref_after[1]) / 2)
    elif workload == "synthetic":
        articles = synthetic_texts(args.synthetic)
        extract_all(articles[:50])  # warm up
        ref = _timed(reference_work, texts * repeats)
        took = _timed(extract_all, articles)
        result["articles"] = len(articles)
        result["kb_per_article"] = sum(len(a.encode()) for a in articles) / len(articles) / 1024
        result["wall_ms"] = took[0] / len(articles) * 1000
        result["cpu_ms"] = took[1] / len(articles) * 1000
        result["per_ref"] = took[1] / ref[1]
    elif workload == "pool":
        articles = synthetic_texts(args.synthetic)
        with ProcessPoolExecutor(args.pool) as pool:
            list(pool.map(_pool_extract, articles[: 20 * args.pool]))  # start and warm up
            wall = time.perf_counter()
            results = list(pool.map(_pool_extract, articles, chunksize=16))
            wall = time.perf_counter() - wall
        assert len(results) == len(articles)
        result["articles"] = len(articles)
        result["articles_per_s"] = len(articles) / wall
        result["wall_s"] = wall
    else:
        text = large_article(texts, megabytes)
        ref_before = _timed(reference_work, [text])
        took = _timed(pipeline.extract, text)
        ref_after = _timed(reference_work, [text])
        result["bytes"] = len(text.encode("utf-8"))
        result["wall_s"] = took[0]
        result["cpu_s"] = took[1]
        result["per_ref"] = took[1] / ((ref_before[1] + ref_after[1]) / 2)
    return result


# --- the driver ------------------------------------------------------------------


def _run_worker(tree: Path, workload: str, args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", str(tree), workload]
    command += ["--repeats", str(args.repeats), "--large-mb", str(args.large_mb)]
    command += ["--synthetic", str(args.synthetic), "--pool", str(args.pool)]
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _median(rows: list[dict[str, float]], field: str) -> float:
    return statistics.median(row[field] for row in rows)


Bases = dict[str, list[dict[str, float]]]  # rows of each baseline, by revision


def _report(label: str, current: list[dict[str, float]], bases: Bases, fields: list[str]) -> None:
    for name, rows in (("current", current), *bases.items()):
        figures = "  ".join(f"{f} {_median(rows, f):.3f}" for f in fields)
        print(f"{label:7} {name:9} {figures}  (median of {len(rows)})")
    for name, base in bases.items():
        timing = fields[1]  # CPU time: the least disturbed by other processes
        paired = [b[timing] / c[timing] for b, c in zip(base, current, strict=False)]
        print(
            f"{label:7} speed-up  {name}/current {statistics.median(paired):.2f}x "
            f"(rounds: {', '.join(f'{r:.2f}' for r in paired)}); "
            f"/ref ratio {_median(base, 'per_ref') / _median(current, 'per_ref'):.2f}x"
        )


def _report_pool(current: list[dict[str, float]], bases: Bases, workers: int) -> None:
    for name, rows in (("current", current), *bases.items()):
        rate = _median(rows, "articles_per_s")
        print(f"pool    {name:9} {rate:.0f} articles/s with {workers} workers (median)")
    for name, base in bases.items():
        paired = [
            c["articles_per_s"] / b["articles_per_s"] for b, c in zip(base, current, strict=True)
        ]
        print(
            f"pool    speed-up  current/{name} {statistics.median(paired):.2f}x "
            f"(rounds: {', '.join(f'{r:.2f}' for r in paired)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--large-mb", type=float, default=1.0)
    parser.add_argument("--large-rounds", type=int, default=None, help="default: --rounds")
    parser.add_argument("--no-large", action="store_true")
    parser.add_argument("--synthetic", type=int, default=500, help="synthetic articles")
    parser.add_argument("--pool", type=int, default=2, help="pool workers (0: no pool run)")
    parser.add_argument(
        "--baseline", metavar="REV", action="append", default=[], help="git revision to compare"
    )
    parser.add_argument("--worker", nargs=2, metavar=("TREE", "WORKLOAD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        tree, workload = args.worker
        print(json.dumps(worker(Path(tree), workload, args)))
        return

    with tempfile.TemporaryDirectory(prefix="bench_extraction_") as scratch:
        base_trees = {
            rev: extraction_tree(rev, Path(scratch) / str(k)) for k, rev in enumerate(args.baseline)
        }
        trees = [ROOT, *base_trees.values()]
        print(f"python {sys.version.split()[0]}, nproc {os.cpu_count()}, load {os.getloadavg()}")
        print(f"corpus: {len(corpus_texts())} articles x {args.repeats} repeats")
        plan = [("corpus", args.rounds), ("synthetic", args.rounds)]
        if args.pool:
            plan.append(("pool", args.rounds))
        if not args.no_large:
            plan.append(("large", args.large_rounds or args.rounds))
        for workload, rounds in plan:
            rows: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
            for round_ in range(rounds):
                # Alternate which tree goes first so that drifting load evens out.
                for tree in trees if round_ % 2 == 0 else trees[::-1]:
                    rows[tree].append(_run_worker(tree, workload, args))
            base_rows = {rev: rows[tree] for rev, tree in base_trees.items()}
            if workload == "corpus":
                fields = ["wall_ms", "cpu_ms", "cold_ms", "per_ref"]
                _report("corpus", rows[ROOT], base_rows, fields)
            elif workload == "synthetic":
                size = rows[ROOT][0]["kb_per_article"]
                print(f"synthetic: {args.synthetic} articles, {size:.1f} kB each on average")
                _report("synth", rows[ROOT], base_rows, ["wall_ms", "cpu_ms", "per_ref"])
            elif workload == "pool":
                _report_pool(rows[ROOT], base_rows, args.pool)
            else:
                print(f"large article: {int(rows[ROOT][0]['bytes']):,} bytes")
                _report("large", rows[ROOT], base_rows, ["wall_s", "cpu_s", "per_ref"])
        print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
