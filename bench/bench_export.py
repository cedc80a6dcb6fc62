"""Benchmark export_archive and import_archive against dumpdata: size, time, peak memory.

    python bench/bench_export.py [--articles 2000 10000] [--seed 11]

For each size, on SQLite and, when DATABASE_URL points at PostgreSQL, on
PostgreSQL too (scratch databases <name>_bench_export_src and _dst, dropped
afterwards), fills a synthetic archive with synthetic.py (each mention's
sentence is its article's whole body, as the importer stores it today), then
in a fresh process each:

- export_archive into an empty directory (a full export);
- export_archive again into the same directory (an incremental run, nothing changed);
- dumpdata of the same apps (archive, auth, admin) as JSON, the format it replaces;
- import_archive into a second, freshly migrated database.

It prints the size and time per 10k articles and each process's peak RSS.
Per-10k figures that stay the same from the small to the large archive show
linear scaling; ratios against dumpdata, run side by side, carry across
machines better than absolute times. Record runs in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import peak_rss_mb, postgres_scratch, print_load_average, run_worker, setup_django

SCRIPT = str(Path(__file__).resolve())


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --- the workers: one step, in a process of its own -----------------------------------


def fill(*, articles: int, seed: int) -> dict:
    from django.db.models import OuterRef, Subquery
    from synthetic import migrate_and_fill

    from archive.models import Article, DirectiveMention, OrganisationMention, PersonMention

    ids, seconds = migrate_and_fill(articles=articles, seed=seed)
    body = Subquery(Article.objects.filter(pk=OuterRef("article_id")).values("body")[:1])
    for model in (PersonMention, OrganisationMention, DirectiveMention):
        model.objects.update(sentence=body)
    return {"counts": ids["counts"], "fill_s": seconds}


def export(*, folder: str) -> dict:
    from archive.services.exporting import export_archive

    rss_before = peak_rss_mb()
    started = time.perf_counter()
    summary = export_archive(directory=Path(folder))
    seconds = time.perf_counter() - started
    return {
        "s": seconds,
        "bytes": _size(Path(folder)),
        "rss_before_mb": rss_before,
        "rss_mb": peak_rss_mb(),
        "chunks_written": summary.chunks_written,
        "texts_written": summary.texts_written,
    }


def dumpdata(*, folder: str) -> dict:
    from django.core.management import call_command

    output = Path(folder) / "dump.json"
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    call_command("dumpdata", "archive", "auth", "admin", output=str(output), verbosity=0)
    seconds = time.perf_counter() - started
    return {
        "s": seconds,
        "bytes": output.stat().st_size,
        "rss_before_mb": rss_before,
        "rss_mb": peak_rss_mb(),
    }


def restore(*, folder: str) -> dict:
    from django.core.management import call_command

    from archive.services.restoring import restore_archive

    call_command("migrate", verbosity=0)
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    summary = restore_archive(directory=Path(folder))
    seconds = time.perf_counter() - started
    return {
        "s": seconds,
        "rows": sum(summary.rows.values()),
        "rss_before_mb": rss_before,
        "rss_mb": peak_rss_mb(),
    }


STEPS = {"fill": fill, "export": export, "dumpdata": dumpdata, "restore": restore}


def worker(step: str, arguments: dict) -> None:
    setup_django()
    print(json.dumps(STEPS[step](**arguments)))


# --- the driver ------------------------------------------------------------------------


def measure(*, articles: int, seed: int, source: str, target: str, folder: Path) -> dict:
    def step(name: str, url: str, **arguments) -> dict:
        return run_worker(SCRIPT, [name, json.dumps(arguments)], url)

    export_dir, dump_dir = folder / "export", folder / "dump"
    dump_dir.mkdir()
    result = {"fill": step("fill", source, articles=articles, seed=seed)}
    result["export"] = step("export", source, folder=str(export_dir))
    result["again"] = step("export", source, folder=str(export_dir))
    result["dumpdata"] = step("dumpdata", source, folder=str(dump_dir))
    result["restore"] = step("restore", target, folder=str(export_dir))
    return result


def backends(folder: Path):
    """(name, source url, target url, drop) for SQLite and, if configured, PostgreSQL."""
    yield "SQLite", f"sqlite:///{folder / 'src.sqlite3'}", f"sqlite:///{folder / 'dst.sqlite3'}"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        source, drop_source = postgres_scratch(url, suffix="bench_export_src")
        target, drop_target = postgres_scratch(url, suffix="bench_export_dst")
        try:
            yield "PostgreSQL", source, target
        finally:
            drop_source()
            drop_target()


def print_table(rows: list[tuple[str, int, dict]]) -> None:
    print(
        "| backend | articles | rows | export MB /10k | export s /10k | again s /10k | "
        "dumpdata MB /10k | dumpdata s /10k | size export/dumpdata | restore s /10k | "
        "peak RSS MB (before): export, restore, dumpdata |"
    )
    print("|" + "---|" * 11)
    for backend, articles, r in rows:
        per = 10_000 / articles
        mb = 1024 * 1024
        print(
            f"| {backend} | {articles} | {r['restore']['rows']} "
            f"| {r['export']['bytes'] * per / mb:.1f} | {r['export']['s'] * per:.1f} "
            f"| {r['again']['s'] * per:.1f} "
            f"| {r['dumpdata']['bytes'] * per / mb:.1f} | {r['dumpdata']['s'] * per:.1f} "
            f"| {r['export']['bytes'] / r['dumpdata']['bytes']:.3f} "
            f"| {r['restore']['s'] * per:.1f} "
            f"| {r['export']['rss_mb']:.0f} ({r['export']['rss_before_mb']:.0f}), "
            f"{r['restore']['rss_mb']:.0f} ({r['restore']['rss_before_mb']:.0f}), "
            f"{r['dumpdata']['rss_mb']:.0f} ({r['dumpdata']['rss_before_mb']:.0f}) |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], json.loads(args.worker[1]))
        return
    rows = []
    for articles in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            for backend, source, target in backends(Path(tmp)):
                folder = Path(tmp) / backend
                folder.mkdir()
                result = measure(
                    articles=articles, seed=args.seed, source=source, target=target, folder=folder
                )
                rows.append((backend, articles, result))
                print(f"{backend} {articles}: {json.dumps(result)}", file=sys.stderr)
                shutil.rmtree(folder)
    print_table(rows)
    print_load_average()


if __name__ == "__main__":
    main()
