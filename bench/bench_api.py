"""Benchmark the REST API's reads over a large synthetic archive.

    python bench/bench_api.py [--articles 20000] [--repeat 15] [--seed 11]

Fills a scratch database directly through the models (no extraction: this
measures the API, not the importer) with N articles, N/10 people, N/20
organisations, N/40 directives and ~6 mentions per article, skewed so that
one person, one organisation and one directive occur in a large share of
the articles. Then, in-process through Django's test client (middleware,
DRF, serialisation included; no network), it times each request `--repeat`
times and prints the median, the slowest and the number of SQL queries.

Runs on SQLite (a temporary file) and, when DATABASE_URL points at
PostgreSQL, also in a scratch database <name>_bench_api that is dropped
afterwards. What to read in the result: the query count of a list is the
same for page size 20 and 100 and for every filter; a deep cursor page
costs what the first does; a search with no hit is not slower than one with
many; entity filters stay fast on the hub entity that half the articles name.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Invented names and words, recombined.
FAMILY = ("Trịnh", "Đỗ", "Phan", "Vũ", "Lò", "Hà", "Kiều", "Mạc", "Tạ", "Âu", "Khúc", "Lục")
MIDDLE = ("Văn", "Minh", "Đình", "Quang", "Hữu", "Thị", "Ngọc", "Xuân")
GIVEN = ("Khải", "Luân", "Vĩnh", "Toàn", "Sính", "Tùng", "Phúc", "Hạnh", "Thoa", "Duy", "Kiên")
PLACES = ("Bình Khê", "Sơn Lâm", "Hải Vân", "Đông Hòa", "Tây Thủy", "Ngọc Sơn", "Lạc Hồng")
TOPICS = ("phòng cháy", "trật tự an toàn giao thông", "phòng chống ma túy", "cải cách hành chính")
UNITS = ("Phòng", "Đội", "Ban", "Cục", "Trung tâm")
SENTENCE = (
    "Lực lượng chức năng tỉnh {place} đã triển khai nhiều biện pháp về {topic}, "
    "bảo đảm an ninh trật tự trên địa bàn."
)
RARE_WORD = "Khinhkhí"  # occurs in exactly three articles


def _name(rng: random.Random, n: int) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {n}"


def fill(*, articles: int, seed: int) -> dict:
    """Create the synthetic archive with bulk inserts; return the ids the requests use."""
    import datetime

    from archive.extraction.normalize import fold_accents, matching_key
    from archive.models import (
        Article,
        Directive,
        DirectiveMention,
        Organisation,
        OrganisationAlias,
        OrganisationMention,
        Person,
        PersonMention,
        Position,
    )

    rng = random.Random(seed)
    batch = 2000

    organisations = Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"{rng.choice(UNITS)} {rng.choice(TOPICS)} {rng.choice(PLACES)} {n}",
                key=f"org-{n}",
                kind=rng.choice(UNITS).lower(),
                search_document=fold_accents(f"{rng.choice(UNITS)} {rng.choice(PLACES)} {n}"),
            )
            for n in range(max(articles // 20, 10))
        ),
        batch_size=batch,
    )
    hub_org = organisations[0]
    Organisation.objects.filter(pk__in=[o.pk for o in organisations[1:200]]).update(parent=hub_org)
    OrganisationAlias.objects.bulk_create(
        (
            OrganisationAlias(organisation=o, name=f"V{n}", key=f"v{n}")
            for n, o in enumerate(organisations)
        ),
        batch_size=batch,
    )
    names = [_name(rng, n) for n in range(max(articles // 10, 10))]
    people = Person.objects.bulk_create(
        (
            Person(name=name, key=matching_key(name), search_document=fold_accents(name))
            for name in names
        ),
        batch_size=batch,
    )
    directives = Directive.objects.bulk_create(
        (
            Directive(
                kind="Nghị quyết",
                kind_code="NQ",
                number=str(n + 1),
                symbol=f"{n + 1}-NQ/TW",
                key=f"{n + 1}-NQ/TW",
                issued_on=datetime.date(2015 + n % 10, 1 + n % 12, 1 + n % 28),
                issued_year=2015 + n % 10,
                issuer=rng.choice(organisations),
                search_document=fold_accents(f"Nghị quyết {n + 1}-NQ/TW"),
            )
            for n in range(max(articles // 40, 10))
        ),
        batch_size=batch,
    )
    start = datetime.date(2024, 1, 1)
    rare = set(rng.sample(range(articles), 3))
    rows = []
    for n in range(articles):
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        title = f"Công an tỉnh {place} triển khai công tác {topic} đợt {n}"
        body = " ".join(
            SENTENCE.format(place=rng.choice(PLACES), topic=rng.choice(TOPICS)) for _ in range(6)
        )
        if n in rare:
            body += f" {RARE_WORD}."
        text = f"{title}\n\n{body}"
        rows.append(
            Article(
                title=title if n % 17 else "",
                body=body,
                text=text,
                raw_text=text,
                origin=f"bench/{n:06d}.txt",
                sha256=f"{n:064x}",
                author=rng.choice(("Minh Anh", "Hà Vĩ", "Thu Hà", "")),
                source_name=rng.choice(("Báo Mẫu", "Tạp chí Thử", "")),
                published_on=None if n % 20 == 0 else start + datetime.timedelta(days=n % 700),
                search_document=fold_accents(f"{title} {body}"),
            )
        )
    created = Article.objects.bulk_create(rows, batch_size=batch)

    def span(k: int) -> dict:
        return {"surface": "x", "start": k * 10, "end": k * 10 + 5, "sentence": "x"}

    person_mentions, organisation_mentions, directive_mentions, positions = [], [], [], []
    for n, article in enumerate(created):
        chosen = {people[0]} if n % 2 == 0 else set()  # the hub person: every other article
        if n % 3 == 0:
            chosen.add(people[1])
        while len(chosen) < 3:
            chosen.add(rng.choice(people))
        person_mentions += [
            PersonMention(article=article, person=p, **span(k)) for k, p in enumerate(chosen)
        ]
        orgs = {hub_org} if n % 2 == 1 else set()
        while len(orgs) < 2:
            orgs.add(rng.choice(organisations))
        organisation_mentions += [
            OrganisationMention(article=article, organisation=o, **span(k))
            for k, o in enumerate(orgs)
        ]
        directive = directives[0] if n % 4 == 0 else rng.choice(directives)
        directive_mentions.append(DirectiveMention(article=article, directive=directive, **span(0)))
        positions.append(
            Position(
                person=rng.choice(tuple(chosen)),
                title="Giám đốc",
                organisation=rng.choice(tuple(orgs)),
                article=article,
            )
        )
    PersonMention.objects.bulk_create(person_mentions, batch_size=batch)
    OrganisationMention.objects.bulk_create(organisation_mentions, batch_size=batch)
    DirectiveMention.objects.bulk_create(directive_mentions, batch_size=batch)
    Position.objects.bulk_create(positions, batch_size=batch, ignore_conflicts=True)
    return {
        "hub_person": people[0].pk,
        "second_person": people[1].pk,
        "hub_org": hub_org.pk,
        "hub_directive": directives[0].symbol,
        "some_article": created[len(created) // 2].pk,
        "counts": {
            "articles": len(created),
            "people": len(people),
            "organisations": len(organisations),
            "directives": len(directives),
            "mentions": len(person_mentions) + len(organisation_mentions) + len(directive_mentions),
        },
    }


def requests_to_time(ids: dict) -> list[tuple[str, str]]:
    p, q, o, d = ids["hub_person"], ids["second_person"], ids["hub_org"], ids["hub_directive"]
    return [
        ("articles, first page (20)", "/api/articles/"),
        ("articles, page of 100", "/api/articles/?page_size=100"),
        ("articles, ordered by title", "/api/articles/?ordering=title&page_size=100"),
        ("search, many hits", "/api/articles/?q=cong an trat tu"),
        ("search, 3 hits", f"/api/articles/?q={RARE_WORD.lower()}"),
        ("search, no hit", "/api/articles/?q=khongcotunay"),
        ("person (half the articles)", f"/api/articles/?person={p}&page_size=100"),
        ("two people (all of them)", f"/api/articles/?person={p}&person={q}&page_size=100"),
        ("directive by symbol", f"/api/articles/?directive={d}&page_size=100"),
        ("search + person + organisation", f"/api/articles/?q=cong an&person={p}&organisation={o}"),
        (
            "dates + has_title",
            "/api/articles/?published_after=2024-06-01&published_before=2024-09-01&has_title=true",
        ),
        ("people, page 1", "/api/people/"),
        ("people, a middle page", f"/api/people/?page={ids['counts']['people'] // 40}"),
        ("people, search", "/api/people/?q=trinh van"),
        ("people holding a post in the hub", f"/api/people/?organisation={o}"),
        ("organisations, page 1", "/api/organisations/?page_size=100"),
        ("organisations under the hub", f"/api/organisations/?parent={o}"),
        ("directives of 2020", "/api/directives/?year=2020&page_size=100"),
        ("article detail", f"/api/articles/{ids['some_article']}/"),
        ("person detail (hub)", f"/api/people/{p}/"),
        ("organisation detail (hub)", f"/api/organisations/{o}/"),
    ]


def worker(*, articles: int, repeat: int, seed: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    ids = fill(articles=articles, seed=seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    fill_s = time.perf_counter() - started
    client = Client()
    rows = []

    def timed(url: str) -> tuple[list[float], int, dict]:
        client.get(url)  # warm caches and the connection
        times, body, queries = [], {}, 0
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (url, response.content[:300])
            body, queries = response.json(), len(captured)
        return times, queries, body

    for label, url in requests_to_time(ids):
        times, queries, body = timed(url)
        shown = len(body.get("results", [])) if "results" in body else 1
        rows.append([label, statistics.median(times), max(times), queries, shown])

    # A deep page: follow 100-row cursor pages (up to 10,000 articles in).
    depth = max(min(100, articles // 100 - 2), 1)
    url = "/api/articles/?page_size=100"
    for _ in range(depth):
        url = client.get(url).json()["next"].replace("http://testserver", "")
    times, queries, body = timed(url)
    label = f"articles, cursor page {depth + 1} (of 100)"
    rows.append([label, statistics.median(times), max(times), queries, len(body["results"])])

    # For comparison: what a plain COUNT(*) of the whole table would cost.
    from archive.models import Article

    begin = time.perf_counter()
    for _ in range(repeat):
        Article.objects.count()
    count_ms = (time.perf_counter() - begin) * 1000 / repeat
    return {
        "vendor": connection.vendor,
        "fill_s": fill_s,
        "counts": ids["counts"],
        "rows": rows,
        "full_count_ms": count_ms,
    }


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
    """Create a scratch database next to DATABASE_URL's; return (url, drop)."""
    import psycopg

    base, _, name = url.rpartition("/")
    scratch = f"{name.split('?')[0]}_bench_api"
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
    parser.add_argument("--repeat", type=int, default=15)
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
    print(
        "| request | " + " | ".join(f"{n} median (max) ms | queries" for n in names) + " | rows |"
    )
    print("|---|" + "---|---|" * len(names) + "---|")
    for index, row in enumerate(first["rows"]):
        cells = []
        for name in names:
            _, median, slowest, queries, _ = results[name]["rows"][index]
            cells.append(f"{median:.1f} ({slowest:.1f}) | {queries}")
        print(f"| {row[0]} | " + " | ".join(cells) + f" | {row[4]} |")
    for name, r in results.items():
        print(
            f"{name}: filled in {r['fill_s']:.1f} s; a full COUNT(*) of the articles takes "
            f"{r['full_count_ms']:.1f} ms (not run by any list)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
