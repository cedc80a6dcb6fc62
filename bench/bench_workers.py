"""Import throughput with 1, 2 and 4 task workers (`manage.py db_worker`), and the enqueue cost.

PostgreSQL only (DATABASE_URL): each run gets a scratch database, migrated,
then `import_seeds --enqueue` puts the synthetic corpus of bench_import.py
into tasks (timed in-process: the enqueue cost per article), and N workers
in batch mode (`db_worker --batch`, they exit when the queue is empty) run
it. The baseline, in the same run, is `import_seeds` in one process.
Wall time includes each process's start-up (about a second), as a
deployment pays it once per worker. The machine's load is printed: on a
shared machine compare the ratios, not the times. With --baseline REV the
same runs are made first with the code at REV (a git worktree of it), side
by side in one run.

    DATABASE_URL=postgres://... python bench/bench_workers.py --articles 2000 [--baseline 992356c]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench_import import write_corpus
from common import ROOT, baseline_tree, postgres_scratch, print_load_average

ENQUEUE = """
import io, json, time
from django.core.management import call_command
from archive.models import ImportJob
out = io.StringIO()
started = time.perf_counter()
call_command("import_seeds", "--enqueue", "--batch-size={batch}", "{corpus}", stdout=out,
             stderr=io.StringIO())
print(json.dumps({{"seconds": time.perf_counter() - started, "job": int(out.getvalue())}}))
"""

REPORT = """
import json
from archive.models import ImportJob
from archive.services.import_jobs import job_progress
print(json.dumps(job_progress(job=ImportJob.objects.get(pk={job})).as_dict(), default=str))
"""


def manage(*args: str, url: str, tree: Path = ROOT, **popen) -> subprocess.Popen:
    env = os.environ | {"DATABASE_URL": url}
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    env["DJANGO_DEBUG"] = "0"
    return subprocess.Popen(
        [sys.executable, str(tree / "manage.py"), *args], cwd=tree, env=env, **popen
    )


def last_json(process: subprocess.Popen) -> dict:
    out, err = process.communicate()
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def run(*, base_url: str, corpus: Path, workers: int, batch: int, tree: Path = ROOT) -> dict:
    url, drop = postgres_scratch(base_url, suffix=f"bench_workers{workers}")
    try:
        assert manage("migrate", "-v0", url=url, tree=tree).wait() == 0
        if workers == 0:
            started = time.perf_counter()
            assert manage("import_seeds", "-v0", str(corpus), url=url, tree=tree).wait() == 0
            return {"seconds": time.perf_counter() - started}
        pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
        code = ENQUEUE.format(batch=batch, corpus=corpus)
        enqueued = last_json(manage("shell", "-c", code, url=url, tree=tree, **pipes))
        started = time.perf_counter()
        pool = [
            manage("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval=0",
                   "-v0", url=url, tree=tree)
            for _ in range(workers)
        ]  # fmt: skip
        assert all(process.wait() == 0 for process in pool)
        seconds = time.perf_counter() - started
        report = last_json(manage("shell", "-c", REPORT.format(job=enqueued["job"]), url=url,
                                  tree=tree, **pipes))  # fmt: skip
        return {"seconds": seconds, "enqueue_seconds": enqueued["seconds"], "report": report}
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--workers", default="0,1,2,4", help="0 is import_seeds in one process")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--baseline", help="also run the code at this revision, first")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at PostgreSQL: workers on SQLite share one file lock")

    print_load_average("start")
    runs: dict[str, dict[int, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles, args.seed)
        with ExitStack() as stack:
            trees = {"this tree": ROOT}
            if args.baseline:
                tree = stack.enter_context(baseline_tree(args.baseline, Path(tmp)))
                trees = {args.baseline: tree, **trees}
            for label, tree in trees.items():
                runs[label] = {
                    workers: run(base_url=base_url, corpus=corpus, workers=workers,
                                 batch=args.batch_size, tree=tree)
                    for workers in map(int, args.workers.split(","))
                }  # fmt: skip

    n = args.articles
    print(f"{n} synthetic articles (bench_import.py, seed {args.seed}), batches of "
          f"{args.batch_size}, PostgreSQL")  # fmt: skip
    print("| code | run | wall time | articles/s | vs import_seeds | enqueue | "
          "enqueue per article | done / failed |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for code, results in runs.items():
        base = results.get(0, results[min(results)])["seconds"]
        for workers, r in results.items():
            label = "import_seeds, one process" if workers == 0 else f"{workers} worker(s)"
            enqueue = (
                f"{r['enqueue_seconds']:.2f} s | {r['enqueue_seconds'] / n * 1000:.2f} ms"
                if "enqueue_seconds" in r
                else "– | –"
            )
            outcome = (
                f"{r['report']['done']} / {r['report']['failed']}" if "report" in r else f"{n} / 0"
            )
            print(f"| {code} | {label} | {r['seconds']:.1f} s | {n / r['seconds']:.1f} | "
                  f"{base / r['seconds']:.2f}× | {enqueue} | {outcome} |")  # fmt: skip
    if len(runs) == 2:
        old, new = runs.values()
        for workers in new:
            if workers in old:
                ratio = old[workers]["seconds"] / new[workers]["seconds"]
                print(f"{workers or 'import_seeds'} worker(s): this tree {ratio:.1f}× the baseline")
    print(f"cores: {os.cpu_count()}")
    print_load_average()


if __name__ == "__main__":
    main()
