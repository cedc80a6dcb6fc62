"""Benchmark the import service: a full import of N synthetic articles, then a second run.

    python bench/bench_import.py [--articles 300] [--seed 7]

Generates N invented articles (recombined sentences with varying invented
names, units and directive symbols), then for SQLite and, when DATABASE_URL
points at PostgreSQL, for PostgreSQL too (in a scratch database
<name>_bench_import that is dropped afterwards), runs in a fresh process:

- the first import of every file (import_one, as the command does);
- the second, idempotent run over the same files;

and prints wall time (and, within the first import, the time extraction
took, so the rest is the service and the database), queries per article and
peak resident memory. Ratios (second run / first, PostgreSQL / SQLite) carry
across machines better than absolute numbers; record them with the machine
in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from pathlib import Path

from common import (
    peak_rss_mb,
    print_load_average,
    run_on_each_backend,
    run_worker,
    setup_django,
)
from synthetic import PLACES as PROVINCES
from synthetic import person_name

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
        (folder / f"{i:05d}.txt").write_text(synthetic_article(i, rng), encoding="utf-8")


# --- the worker: one backend, in a process of its own --------------------------


def worker(corpus: Path) -> dict:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from archive.models import Article, Organisation, Person
    from archive.services import importing
    from archive.services.batch import ImportSummary, find_article_files, import_one

    call_command("migrate", verbosity=0)
    files, problems = find_article_files(paths=[corpus])
    assert not problems, problems
    queries, extracting = 0, 0.0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    # The machine is shared: extraction is timed inside the same run (a
    # wrapper around the service's own call) rather than in a separate pass,
    # so that "the rest" is the service and database under the same load.
    extract = importing.extract

    def timed_extract(text):
        nonlocal extracting
        started = time.perf_counter()
        try:
            return extract(text)
        finally:
            extracting += time.perf_counter() - started

    importing.extract = timed_extract
    result: dict = {"rss_before_mb": peak_rss_mb()}
    os.chdir(corpus.parent)
    for run in ("first", "second"):
        summary, queries, extracting = ImportSummary(), 0, 0.0
        cpu = time.process_time()
        with connection.execute_wrapper(count):
            for file in files:
                summary.add(import_one(file=file))
        summary.finish()
        assert not summary.failures, summary.lines()
        result[f"{run}_s"] = summary.seconds
        result[f"{run}_cpu_s"] = time.process_time() - cpu
        result[f"{run}_extract_s"] = extracting
        result[f"{run}_queries"] = queries
        result[f"{run}_rss_mb"] = peak_rss_mb()
        result[f"{run}_statuses"] = dict(summary.statuses)
    result["stored"] = {
        "articles": Article.objects.count(),
        "people": Person.objects.count(),
        "organisations": Organisation.objects.count(),
    }
    result["vendor"] = connection.vendor
    return result


# --- the driver ------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles, args.seed)
        results = run_on_each_backend(
            lambda url: run_worker(__file__, [str(corpus)], url),
            folder=Path(tmp),
            suffix="bench_import",
        )

    n = args.articles
    print(f"{n} synthetic articles, seed {args.seed}")
    print(
        "| backend | first import | of which extraction | service + DB per article | "
        "queries/art | second run | queries/art | 2nd/1st | peak RSS (before) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        store_ms = (r["first_s"] - r["first_extract_s"]) / n * 1000
        print(
            f"| {name} | {r['first_s']:.2f} s | {r['first_extract_s']:.2f} s | "
            f"{store_ms:.1f} ms | {r['first_queries'] / n:.1f} | {r['second_s']:.2f} s | "
            f"{r['second_queries'] / n:.1f} | {r['second_s'] / r['first_s']:.3f} | "
            f"{r['second_rss_mb']:.0f} MB ({r['rss_before_mb']:.0f} MB) |"
        )
    for name, r in results.items():
        print(f"{name}: stored {r['stored']}; first run {r['first_statuses']}, "
              f"second run {r['second_statuses']}")  # fmt: skip
    if "PostgreSQL" in results:
        pg, lite = results["PostgreSQL"], results["SQLite"]

        def store(r: dict) -> float:
            return r["first_s"] - r["first_extract_s"]

        print(
            f"PostgreSQL / SQLite: first import {pg['first_s'] / lite['first_s']:.2f}, "
            f"service + DB part {store(pg) / store(lite):.2f}, "
            f"second run {pg['second_s'] / lite['second_s']:.2f}"
        )
    print_load_average()


if __name__ == "__main__":
    main()
