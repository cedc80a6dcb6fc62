"""The harness the benchmarks share: one process per database backend, scratch databases, timing.

Every benchmark runs its measurements in a fresh worker process per backend
(SQLite in a temporary file and, when DATABASE_URL points at PostgreSQL, a
scratch database <name>_<suffix> that is dropped afterwards), so that one
backend's caches and memory do not colour the other's numbers. The worker
prints its result as JSON on its last line of output.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    """In a worker: make the project importable and set Django up."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def test_client():
    """In a worker: Django's test client, with its host allowed (DEBUG is off)."""
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    return Client()


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def extraction_tree(revision: str, folder: Path) -> Path:
    """archive/extraction as of `revision`, unpacked under folder (a baseline to compare)."""
    data = subprocess.run(
        ["git", "archive", revision, "archive/__init__.py", "archive/extraction"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder


@contextmanager
def baseline_tree(revision: str, folder: Path) -> Iterator[Path]:
    """The whole project as of `revision`, checked out as a git worktree under `folder`
    for the block, and removed after it."""
    tree = folder / "baseline"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "-q", str(tree), revision], cwd=ROOT, check=True
    )
    try:
        yield tree
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)


def analyze_if_postgres() -> None:
    """Refresh PostgreSQL's planner statistics after a bulk fill (SQLite needs none)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def run_worker(script: str, arguments: Iterable[str], database_url: str) -> dict:
    """Run `script --worker ARGUMENTS` against DATABASE_URL; return the JSON it printed last."""
    env = os.environ | {"DATABASE_URL": database_url}
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    output = subprocess.run(
        [sys.executable, script, "--worker", *arguments],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def postgres_scratch(url: str, *, suffix: str):
    """Create a scratch database next to DATABASE_URL's; return (url, drop)."""
    import psycopg

    base, _, name = url.rpartition("/")
    scratch = f"{name.split('?')[0]}_{suffix}"
    admin = f"{base}/postgres"

    def execute(sql: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql)

    execute(f'DROP DATABASE IF EXISTS "{scratch}"')
    execute(f'CREATE DATABASE "{scratch}"')
    return f"{base}/{scratch}", lambda: execute(f'DROP DATABASE IF EXISTS "{scratch}"')


def run_on_each_backend(
    run: Callable[[str], dict], *, folder: Path, suffix: str
) -> dict[str, dict]:
    """Call run(database_url) for SQLite (a file in folder), then for PostgreSQL if configured."""
    results = {"SQLite": run(f"sqlite:///{folder / 'bench.sqlite3'}")}
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        scratch, drop = postgres_scratch(url, suffix=suffix)
        try:
            results["PostgreSQL"] = run(scratch)
        finally:
            drop()
    return results


def read_benchmark(
    *, script: str, description: str, repeat: int, suffix: str, worker: Callable[..., dict]
) -> tuple[argparse.Namespace, dict[str, dict]] | None:
    """The command line the read benchmarks share: --articles, --repeat, --seed.

    In the worker process, print worker(articles=, repeat=, seed=) as JSON and return None; in
    the driver, run the workers on each backend, print what archive they timed and return
    (arguments, results per backend).
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(articles=args.articles, repeat=args.repeat, seed=args.seed)))
        return None
    options = ["--articles", str(args.articles), "--repeat", str(args.repeat)]
    options += ["--seed", str(args.seed)]
    with tempfile.TemporaryDirectory() as tmp:
        results = run_on_each_backend(
            lambda url: run_worker(script, options, url), folder=Path(tmp), suffix=suffix
        )
    first = next(iter(results.values()))
    print(f"synthetic archive: {first['counts']}; median of {args.repeat} requests each")
    return args, results


def time_get(client, url: str, *, repeat: int, statuses: tuple[int, ...] = (200,)):
    """GET url `repeat` times after a warm-up; return (times in ms, queries, last response)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches and the connection
    times, queries, response = [], 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code in statuses, (url, response.status_code, response.content[:300])
        queries = len(captured)
    return times, queries, response


def timing_row(label: str, times: list[float], queries: int) -> list:
    """One table row: label, median ms, slowest ms, queries."""
    return [label, statistics.median(times), max(times), queries]


def print_load_average(when: str = "end") -> None:
    print(f"load average at the {when}: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def print_timing_table(results: dict[str, dict], *, heading: str, rows_column: bool) -> None:
    """Print the rows of timing_row (plus, with rows_column, a shared fifth cell) per backend."""
    first = next(iter(results.values()))
    names = list(results)
    columns = " | ".join(f"{n} median (max) ms | queries" for n in names)
    print(f"| {heading} | {columns} |" + (" rows |" if rows_column else ""))
    print("|---|" + "---|---|" * len(names) + ("---|" if rows_column else ""))
    for index, row in enumerate(first["rows"]):
        cells = []
        for name in names:
            _, median, slowest, queries = results[name]["rows"][index][:4]
            cells.append(f"{median:.1f} ({slowest:.1f}) | {queries}")
        print(f"| {row[0]} | " + " | ".join(cells) + " |" + (f" {row[4]} |" if rows_column else ""))
