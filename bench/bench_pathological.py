"""Benchmark pathological texts: extraction before and after it became linear, and the import.

    python bench/bench_pathological.py [--baseline REV] [--timeout 300] [--no-import]

Texts (invented words, built here):

- symbols: 5,000 directive symbols in one 54 KB paragraph;
- capitalised: 54 KB of capitalised syllables (places, family and given names);
- posts: 54 KB of one post repeated ("Phó Giám đốc Phó Giám đốc ...");
- no breaks: 54 KB of lower-case words and names, without a full stop;
- 1 MB line: ordinary sentences, all on one line of one megabyte.

Each text is extracted in a fresh process, by the working tree and, with
`--baseline REV`, by archive/extraction as of REV (the baseline is stopped after
`--timeout` seconds). A process reports wall and CPU time, then tracemalloc's
peak over a second extraction. Then, unless `--no-import`, the working tree
imports the symbols text into a scratch SQLite database (time and the
process's peak RSS) and the API detail and first mentions page of that
article are fetched (response sizes). Record the output, with the machine,
in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (
    ROOT,
    extraction_tree,
    peak_rss_mb,
    print_load_average,
    setup_django,
    test_client,
)

SIZE = 54_000
TITLE = "Tổng hợp văn bản\n\n"
PLACES = ("Bình Khê", "Sơn Lâm", "Hải Vân", "Đông Hòa", "Tây Thủy", "Ngọc Sơn")
NAMES = ("Trịnh", "Đỗ", "Phan", "Vũ", "Khải", "Luân", "Vĩnh", "Toàn", "Phúc")


def _fill(unit, size: int, joiner: str = " ") -> str:
    rng = random.Random(0)
    parts, length = [], 0
    while length < size:
        parts.append(unit(rng, len(parts)))
        length += len(parts[-1]) + len(joiner)
    return joiner.join(parts)


def texts() -> dict[str, str]:
    symbols = ", ".join(f"{n}/NQ-CP" for n in range(1, 5001))
    sentence = (
        "Lực lượng chức năng tỉnh {place} đã triển khai nhiều biện pháp bảo đảm an ninh "
        "trật tự, ông {name} Văn {given} cho biết."
    )
    return {
        "symbols": TITLE + f"Ủy ban rà soát {symbols} trong năm\n",
        "capitalised": TITLE + _fill(lambda rng, k: rng.choice(PLACES + NAMES), SIZE),
        "posts": TITLE + _fill(lambda rng, k: "Phó Giám đốc", SIZE),
        "no breaks": TITLE
        + _fill(
            lambda rng, k: (
                f"công an tỉnh {rng.choice(PLACES)} cùng ông {rng.choice(NAMES)} Văn "
                f"{rng.choice(NAMES)} triển khai"
            ),
            SIZE,
        ),
        "1 MB line": TITLE
        + _fill(
            lambda rng, k: sentence.format(
                place=rng.choice(PLACES), name=rng.choice(NAMES), given=rng.choice(NAMES)
            ),
            1_000_000,
        ),
    }


# --- workers -------------------------------------------------------------------


def extract_worker(tree: str, name: str) -> dict:
    import tracemalloc

    sys.path.insert(0, tree)
    from archive.extraction.pipeline import extract

    text = texts()[name]
    wall, cpu = time.perf_counter(), time.process_time()
    result = extract(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    tracemalloc.start()
    extract(text)
    peak = tracemalloc.get_traced_memory()[1]
    return {
        "chars": len(text),
        "wall": wall,
        "cpu": cpu,
        "peak_mb": peak / 1e6,
        "mentions": len(result.mentions),
        "sentence_chars": sum(len(m.sentence) for m in result.mentions),
    }


def import_worker() -> dict:
    setup_django()
    from django.core.management import call_command

    from archive.services import import_text

    call_command("migrate", verbosity=0)
    text = texts()["symbols"]
    wall = time.perf_counter()
    outcome = import_text(data=text, origin="symbols.txt")
    wall = time.perf_counter() - wall
    client = test_client()
    detail = client.get(f"/api/articles/{outcome.article.pk}/")
    page = client.get(f"/api/articles/{outcome.article.pk}/mentions/?kind=directive")
    return {
        "wall": wall,
        "maxrss_mb": peak_rss_mb(),
        "detail_kb": len(detail.content) / 1000,
        "mentions_page_kb": len(page.content) / 1000,
        "mention_total": detail.json()["mention_counts"]["directives"],
    }


# --- the driver ----------------------------------------------------------------


def _run(command: list[str], env: dict | None = None, timeout: float | None = None) -> dict:
    try:
        output = subprocess.run(
            command, cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=timeout
        ).stdout
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    return json.loads(output.strip().splitlines()[-1])


def _cell(row: dict) -> str:
    if "timeout" in row:
        return f"> {row['timeout']:.0f} s"
    return f"{row['cpu']:.2f} s CPU, {row['peak_mb']:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REV")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        kind, *rest = args.worker
        result = extract_worker(*rest) if kind == "extract" else import_worker()
        print(json.dumps(result))
        return
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| text | chars | mentions | baseline | current | sentence chars stored |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        base = extraction_tree(args.baseline, Path(scratch)) if args.baseline else None
        for name in texts():
            command = [sys.executable, __file__, "--worker", "extract"]
            current = _run([*command, str(ROOT), name])
            before = _run([*command, str(base), name], timeout=args.timeout) if base else None
            print(
                f"| {name} | {current['chars']:,} | {current['mentions']:,} | "
                f"{_cell(before) if before else '—'} | {_cell(current)} | "
                f"{current['sentence_chars']:,} |",
                flush=True,
            )
        if not args.no_import:
            env = os.environ | {
                "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
                "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
            }
            row = _run([sys.executable, __file__, "--worker", "import"], env=env)
            print(
                f"\nimport of the symbols text (SQLite): {row['wall']:.1f} s wall, peak RSS "
                f"{row['maxrss_mb']:.0f} MB; API detail {row['detail_kb']:.0f} kB "
                f"({row['mention_total']:,} mentions counted, 100 embedded), first mentions "
                f"page {row['mentions_page_kb']:.0f} kB"
            )
    print_load_average()


if __name__ == "__main__":
    main()
