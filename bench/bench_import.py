"""Benchmark `import_seeds` on PostgreSQL: today's code, the new import, extraction alone.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_x \\
        python bench/bench_import.py [--articles 10000] [--baseline REV] [--jobs 1,2]

Generates N invented articles (recombined sentences with invented names,
units and directive symbols, from synthetic.py's pools), then, side by side
in one run, each in fresh processes and a scratch database of its own
(<name>_bench_import, dropped afterwards):

- the baseline: `manage.py import_seeds` of the code at REV (default: main
  before the set-based batch writer), run from a git worktree of it, with
  its --jobs (default 2; `--baseline-jobs 0` runs it without the option, as
  commits older than the process pool need);
- the new import with each --jobs value;
- extraction alone on all cores (and on one): read, decode, hash and extract
  every file in a process pool, with no database (the extractor only: not
  the story signature and search text that the import's pool computes too).

For each import it prints the time the command reports for the first import
and for a second, unchanged run over the same files, articles/s, the peak
resident memory of the command's main process and of its largest extraction
process, and the rows stored, which must be the same for every variant.
Record the table, the machine and the load average in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, baseline_tree, postgres_scratch, print_load_average, setup_django
from synthetic import PLACES as PROVINCES
from synthetic import person_name

# Main before the set-based batch writer: what "today's import" means here.
BASELINE = "992356c"

# Invented ranks, units and documents; with synthetic's people and places, every article
# recombines them.
RANKS = ("Đại tá", "Thượng tá", "Trung tá", "Thiếu tướng", "Thiếu tá", "Đại úy")
UNITS = ("Phòng Cảnh sát hình sự", "Phòng An ninh kinh tế", "Phòng Cảnh sát giao thông")
DIRECTIVES = (
    ("Chỉ thị", "{n}-CT/TW", "Ban Bí thư"),
    ("Nghị quyết", "{n}-NQ/TW", "Bộ Chính trị"),
    ("Kế hoạch", "{n}/KH-BCA", "Bộ Công an"),
    ("Nghị định", "{n}/2025/NĐ-CP", "Chính phủ"),
)

TITLES = (
    "Công an tỉnh {province} tổng kết công tác {topic}",
    "{province} triển khai đợt cao điểm {topic}",
    "Hội nghị sơ kết công tác {topic} tại {province}",
)
TOPICS = ("phòng cháy", "bảo đảm trật tự an toàn giao thông", "đấu tranh phòng chống ma túy")
LEADS = (
    "Sáng {day}/{month}/2025, tại thành phố {province}, Công an tỉnh {province} tổ chức "
    "hội nghị tổng kết công tác {topic}.",
    "Chiều {day}/{month}, Công an tỉnh {province} tổ chức lễ ra quân đợt cao điểm {topic}.",
)
SENTENCES = (
    "{rank} {person}, Giám đốc Công an tỉnh {province} chủ trì hội nghị.",
    "Tham dự có {rank} {person}, Phó Giám đốc Công an tỉnh {province}.",
    "{rank} {person}, Trưởng {unit} Công an tỉnh {province}, báo cáo kết quả thực hiện.",
    "Hội nghị đã quán triệt {kind} số {symbol} ngày {day}/{month}/2024 của {issuer}.",
    "Các đơn vị cần thực hiện nghiêm {kind} {symbol} và các văn bản hướng dẫn.",
    "Phát biểu chỉ đạo, {rank} {person} đề nghị các đơn vị tiếp tục nâng cao chất lượng "
    "công tác {topic}.",
    "Trong năm, lực lượng chức năng đã phát hiện và xử lý {count} vụ việc vi phạm.",
)
CAPTIONS = ("Toàn cảnh hội nghị.", "Các đại biểu dự hội nghị.", "Quang cảnh lễ ra quân.")

STORED = """
import json
from archive.models import *
print(json.dumps({m.__name__: m.objects.count() for m in (
    Article, Person, PersonAlias, Organisation, OrganisationAlias, Directive, DirectiveIssuer,
    PersonMention, OrganisationMention, DirectiveMention, Position, PersonRank, StoryCopy,
    StoryBand)}))
"""


def _fill(template: str, rng: random.Random, province: str, topic: str) -> str:
    kind, symbol, issuer = rng.choice(DIRECTIVES)
    return template.format(
        province=province,
        topic=topic,
        rank=rng.choice(RANKS),
        person=person_name(rng),
        unit=rng.choice(UNITS),
        kind=kind,
        symbol=symbol.format(n=rng.randint(1, 60)),
        issuer=issuer,
        day=rng.randint(1, 28),
        month=rng.randint(1, 12),
        count=rng.randint(3, 900),
    )


def synthetic_article(i: int, rng: random.Random) -> str:
    province, topic = rng.choice(PROVINCES), rng.choice(TOPICS)
    fill = lambda template: _fill(template, rng, province, topic)  # noqa: E731
    paragraphs = [fill(rng.choice(TITLES)), fill(rng.choice(LEADS)) + f" Đây là đợt thứ {i}."]
    for _ in range(rng.randint(3, 7)):
        paragraphs.append(" ".join(fill(rng.choice(SENTENCES)) for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.3:
            caption = rng.choice(CAPTIONS)
            paragraphs += [caption, caption]  # scraped pages repeat captions
    paragraphs.append(rng.choice(("Minh Anh", "Hà Vĩ", "Thu Hà")))
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(count):
        # A folder per thousand, as a large collection would be laid out.
        path = folder / f"{i // 1000:03d}" / f"{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(synthetic_article(i, rng), encoding="utf-8")


# --- extraction alone, in a process of its own ------------------------------------


def _extract_many(items: list[tuple[str, bytes, str]]) -> int:
    """Decode, identify, check and extract each item, as preparing.prepare does; the refused."""
    from archive.extraction.decoding import check_content, content_sha256, decode_bytes
    from archive.extraction.pipeline import extract

    refused = 0
    for origin, data, _raw in items:
        try:
            text = decode_bytes(data, name=origin)
            content_sha256(text)
            check_content(text, name=origin)
            extract(text)
        except Exception:
            refused += 1
    return refused


def extract_only(corpus: Path, jobs: int) -> dict:
    """Read, decode, hash and extract every file on `jobs` processes; no database."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    setup_django()  # archive.services, the package, loads the models
    from archive.services.preparing import hash_bytes

    files = sorted(corpus.rglob("*.txt"))
    started = time.perf_counter()
    chunks = [files[i : i + 100] for i in range(0, len(files), 100)]

    def items(chunk):
        return [(p.name, data, hash_bytes(data)) for p in chunk for data in [p.read_bytes()]]

    refused = 0
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        # As the importer does: the main process reads and hashes, the pool extracts.
        pending = [pool.submit(_extract_many, items(chunk)) for chunk in chunks[: jobs + 1]]
        for chunk in chunks[jobs + 1 :]:
            refused += pending.pop(0).result()
            pending.append(pool.submit(_extract_many, items(chunk)))
        for future in pending:
            refused += future.result()
    seconds = time.perf_counter() - started
    assert not refused
    return {"seconds": seconds, "articles": len(files)}


# --- the driver ------------------------------------------------------------------


def _run(tree: Path, args: list[str], database_url: str) -> tuple[str, float, float]:
    """Run manage.py ARGS in `tree`: (stdout, wall seconds, peak RSS in MB).

    The peak is that of the largest process of the run: the command or one
    of its extraction processes (wait4 reports the child's and its children's).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DATABASE_URL": database_url, "DJANGO_SECRET_KEY": "bench-only-not-secret"}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(tree / "manage.py"), *args],
            cwd=tree,
            env=env,
            stdout=out,
            stderr=err,
            text=True,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"{args} failed in {tree}:\n{err.read()[-3000:]}")
        return out.read(), wall, usage.ru_maxrss / 1024


def _import(tree: Path, corpus: Path, database_url: str, extra: list[str]) -> dict:
    """First and second import of the corpus with the code in `tree`, into a fresh database."""
    url, drop = postgres_scratch(database_url, suffix="bench_import")
    try:
        _run(tree, ["migrate", "-v0"], url)
        result = {}
        for run in ("first", "second"):
            out, wall, rss = _run(tree, ["import_seeds", str(corpus), *extra], url)
            seconds = float(re.search(r"time taken:\s+([\d.]+) s", out).group(1))
            result[run] = {
                "seconds": seconds,
                "wall": wall,
                "peak_rss_mb": rss,
                "articles": re.search(r"articles:\s+(.*)", out).group(1),
            }
        stored, _, _ = _run(tree, ["shell", "-c", STORED], url)
        result["stored"] = json.loads(stored.strip().splitlines()[-1])
        return result
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--baseline", default=BASELINE, help="revision of today's import")
    parser.add_argument("--baseline-jobs", type=int, default=2, help="its --jobs (0: none)")
    parser.add_argument("--no-baseline", action="store_true", help="skip today's import")
    parser.add_argument("--jobs", default="1,2", help="--jobs values of the new import")
    parser.add_argument("--extract-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extract-jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract_only:
        print(json.dumps(extract_only(args.extract_only, args.extract_jobs)))
        return
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at PostgreSQL")

    cores = os.cpu_count() or 1
    print_load_average("start")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles, args.seed)
        size = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / args.articles
        for jobs in sorted({1, cores}):
            out = subprocess.run(
                [sys.executable, __file__, "--extract-only", str(corpus),
                 "--extract-jobs", str(jobs)],
                check=True, capture_output=True, text=True,
                env=os.environ | {"DJANGO_SECRET_KEY": "bench-only-not-secret"},
            ).stdout  # fmt: skip
            results[f"extraction alone, {jobs} process(es)"] = json.loads(out.splitlines()[-1])
        if not args.no_baseline:
            jobs = ["--jobs", str(args.baseline_jobs)] if args.baseline_jobs else []
            label = f"today's import ({args.baseline}{', --jobs ' + jobs[1] if jobs else ''})"
            with baseline_tree(args.baseline, Path(tmp)) as tree:
                results[label] = _import(tree, corpus, database_url, ["-v1", *jobs])
        for jobs in (int(j) for j in args.jobs.split(",")):
            results[f"new import, --jobs {jobs}"] = _import(
                ROOT, corpus, database_url, ["-v1", "--jobs", str(jobs)]
            )

    n = args.articles
    print(f"{n} synthetic articles (seed {args.seed}, {size / 1024:.1f} KB on average), PostgreSQL")
    print("| run | first import | articles/s | re-import (unchanged) | articles/s | peak RSS |")
    print("|---|---|---|---|---|---|")
    extraction_rate = 0.0
    for name, r in results.items():
        if "first" not in r:
            rate = r["articles"] / r["seconds"]
            if f"{cores} process" in name:
                extraction_rate = rate
            print(f"| {name} | {r['seconds']:.1f} s | {rate:.0f} | | | |")
            continue
        first, second = r["first"], r["second"]
        print(
            f"| {name} | {first['seconds']:.1f} s | {n / first['seconds']:.0f} | "
            f"{second['seconds']:.2f} s | {n / second['seconds']:.0f} | "
            f"{first['peak_rss_mb']:.0f} MB |"
        )
    baseline = next((r for name, r in results.items() if name.startswith("today")), None)
    for name, r in results.items():
        if "first" in r:
            rate = n / r["first"]["seconds"]
            share = f"{rate / extraction_rate:.0%}" if extraction_rate else "n/a"
            versus = ""
            if baseline:
                first = baseline["first"]["seconds"] / r["first"]["seconds"]
                second = baseline["second"]["seconds"] / r["second"]["seconds"]
                versus = f"{first:.1f}× today's first import, {second:.1f}× its re-import; "
            print(
                f"{name}: {share} of extraction alone on {cores} cores; {versus}"
                f"first run {r['first']['articles']}; second {r['second']['articles']}"
            )
    stored = {json.dumps(r["stored"], sort_keys=True) for r in results.values() if "stored" in r}
    print("rows stored: " + ("the same for every import" if len(stored) == 1 else "DIFFER"))
    for name, r in results.items():
        if "stored" in r:
            print(f"  {name}: {r['stored']}")
    print_load_average()


if __name__ == "__main__":
    main()
