"""Benchmark the public HTML pages and the admin lists over a large synthetic archive.

    python bench/bench_pages.py [--articles 20000] [--repeat 10] [--seed 11]

Fills a scratch database with the API benchmark's synthetic archive
(bench_api.fill: N articles, N/10 people, N/20 organisations, N/40
directives, hub entities named in half the articles), then times each page
in-process through Django's test client (middleware, templates included; no
network) and prints the median, the slowest and the number of SQL queries.
Runs on SQLite and, when DATABASE_URL points at PostgreSQL, also in a
scratch database <name>_bench_pages that is dropped afterwards.

What to read in the result: every list costs the same number of queries
whatever the filter; a filter matching half the archive stays fast because
the count stops at 1,000; the hub entities' pages (tens of thousands of
mentions) cost what a rare entity's page costs plus the chart's grouping.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))


def requests_to_time(ids: dict) -> list[tuple[str, str]]:
    p, q, o, d = ids["hub_person"], ids["second_person"], ids["hub_org"], ids["hub_directive"]
    return [
        ("/ (first page, all articles)", "/"),
        ("articles, page 40", "/articles/?page=40"),
        ("articles, search (many hits)", "/articles/?q=cong+an+trat+tu"),
        ("articles, hub person", f"/articles/?person={p}"),
        ("articles, two people", f"/articles/?person={p}&person={q}"),
        (
            "articles, person + organisation + search",
            f"/articles/?q=cong+an&person={p}&organisation={o}",
        ),
        ("articles, directive by symbol", f"/articles/?directive={d}"),
        ("articles, invalid filter (400)", "/articles/?person=abc&published_after=x"),
        ("article page", f"/articles/{ids['some_article']}/"),
        ("people list", "/people/"),
        ("people, search", "/people/?q=trinh+van"),
        ("person page (hub)", f"/people/{p}/"),
        ("organisations list", "/organisations/"),
        ("organisation page (hub)", f"/organisations/{o}/"),
        ("directives list", "/directives/"),
        ("admin: articles", "/admin/archive/article/"),
        ("admin: people", "/admin/archive/person/"),
        ("admin: people, search", "/admin/archive/person/?q=trinh+van"),
        ("admin: organisations", "/admin/archive/organisation/"),
        ("admin: person page (hub)", f"/admin/archive/person/{p}/change/"),
    ]


def worker(*, articles: int, repeat: int, seed: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from bench_api import fill
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from archive.models import Directive

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    ids = fill(articles=articles, seed=seed)
    # A directive page needs a chain: each of the first ten implements the hub.
    hub = Directive.objects.get(symbol=ids["hub_directive"])
    for other in Directive.objects.exclude(pk=hub.pk)[:10]:
        other.implements.add(hub)
    ids["hub_directive_id"] = hub.pk
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    fill_s = time.perf_counter() - started
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", "b@example.test", "x"))
    rows = []
    plan = [*requests_to_time(ids), ("directive page (hub)", f"/directives/{hub.pk}/")]
    for label, url in plan:
        client.get(url)  # warm caches and the connection
        times, queries = [], 0
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code in (200, 400), (url, response.status_code)
            queries = len(captured)
        rows.append([label, statistics.median(times), max(times), queries])
    return {"vendor": connection.vendor, "fill_s": fill_s, "counts": ids["counts"], "rows": rows}


def _run_worker(database_url: str, args: argparse.Namespace) -> dict:
    env = os.environ | {"DATABASE_URL": database_url}
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    command = [sys.executable, __file__, "--worker", "--articles", str(args.articles)]
    command += ["--repeat", str(args.repeat), "--seed", str(args.seed)]
    output = subprocess.run(
        command, env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _postgres_scratch(url: str):
    import psycopg

    base, _, name = url.rpartition("/")
    scratch = f"{name.split('?')[0]}_bench_pages"
    admin = f"{base}/postgres"

    def execute(sql: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql)

    execute(f'DROP DATABASE IF EXISTS "{scratch}"')
    execute(f'CREATE DATABASE "{scratch}"')
    return f"{base}/{scratch}", lambda: execute(f'DROP DATABASE IF EXISTS "{scratch}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(worker(articles=args.articles, repeat=args.repeat, seed=args.seed)))
        return
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["SQLite"] = _run_worker(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        scratch, drop = _postgres_scratch(url)
        try:
            results["PostgreSQL"] = _run_worker(scratch, args)
        finally:
            drop()
    first = next(iter(results.values()))
    print(f"synthetic archive: {first['counts']}; median of {args.repeat} requests each")
    names = list(results)
    print("| page | " + " | ".join(f"{n} median (max) ms | queries" for n in names) + " |")
    print("|---|" + "---|---|" * len(names))
    for index, row in enumerate(first["rows"]):
        cells = []
        for name in names:
            _, median, slowest, queries = results[name]["rows"][index]
            cells.append(f"{median:.1f} ({slowest:.1f}) | {queries}")
        print(f"| {row[0]} | " + " | ".join(cells) + " |")
    for name, r in results.items():
        print(f"{name}: filled in {r['fill_s']:.1f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
