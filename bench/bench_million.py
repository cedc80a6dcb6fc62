"""Time every request of issue 10 on a filled PostgreSQL archive (see fill_million.py).

    DATABASE_URL=postgres://.../archive_scale_million python bench/bench_million.py \
        --label before [--repeat 20] [--write bench/RESULTS.md]

In-process through Django's test client (middleware, DRF, templates; no
network), warm: each request is made once untimed, then `--repeat` times
(fewer when one request takes seconds: the timed runs stop after ~15 s). Each
row reports p50, p95, the SQL count and p95 against a floor: the same page's
articles read with `Article.objects.values(<list fields>)` and `json.dumps`,
measured alternately with the request in the same run, since the machine is
shared and noisy. A request over its target gets the EXPLAIN (ANALYZE,
BUFFERS) of its slowest SQL statement appended. Nothing here writes to the
archive except one superuser for the admin pages.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

from common import ROOT, setup_django, test_client

FLOOR_FIELDS = ("id", "title", "published_on")
# Targets of issue 10, in ms of p95; issue 13's for facets, a hub's circle and similar articles.
API_LIST, HTML_LIST, SEARCH, ENTITY, ADMIN = 25, 50, 150, 100, 300
FACETS = RELATED = SIMILAR = 300
# Issue 13's target for careers and networks of a hub.
CAREERS = 300


def cursor_at(depth: int) -> str:
    """The `next` cursor of the feed page that ends `depth` rows down (as the API encodes it)."""
    from django.db.models import F

    from archive.models import Article

    # A smaller archive than the is paged halfway down instead.
    depth = min(depth, Article.objects.count() // 2)
    feed = Article.objects.order_by(F("published_on").desc(nulls_last=True), "-id")
    row = feed.values("published_on", "id")[depth]
    day = row["published_on"].isoformat() if row["published_on"] else None
    payload = {"d": "next", "o": ["-published_on", "-id"], "v": [day, row["id"]]}
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def requests_to_time() -> list[tuple[str, str, int]]:
    """(label, url, target p95 in ms)."""
    from archive.models import Article, Directive, Person

    # fill_million's hubs are ids 1-3 of each kind, in 35%, 25% and 15% of the articles.
    hub_person = hub_organisation = 1
    # The directive nearest to 1 article in 6 (fill_million's third hub).
    directive = Directive.objects.get(pk=3)
    name = Person.objects.get(pk=500).search_document
    deep, deeper = cursor_at(10_000), cursor_at(500_000)
    newest = Article.objects.order_by("-published_on", "-id").values_list("id", flat=True)[0]
    phrase = quote(f'"{name}"')
    return [
        ("API articles, first page of 20", "/api/articles/", API_LIST),
        ("API articles, page_size=100", "/api/articles/?page_size=100", API_LIST),
        ("API articles, cursor 10,000 rows deep", f"/api/articles/?cursor={deep}", API_LIST),
        ("API articles, cursor 500,000 rows deep", f"/api/articles/?cursor={deeper}", API_LIST),
        ("`directive=` a hub directive", f"/api/articles/?directive={directive.symbol}", API_LIST),
        ("`q=` a common word plus an absent word", "/api/articles/?q=ninh zyzzyvaquy", SEARCH),
        ("`q=` a common word", "/api/articles/?q=ninh", SEARCH),
        ("`q=` a rare word (0.8%)", "/api/articles/?q=khinhkhi", SEARCH),
        ("`q=` a word that occurs nowhere", "/api/articles/?q=zyzzyvaquy", SEARCH),
        ("`q=` a three-syllable person name", f"/api/articles/?q={name}", SEARCH),
        ("`q=` a name + `person=` a hub", f"/api/articles/?q={name}&person={hub_person}", SEARCH),
        ('`q="…"` a quoted phrase (a person\'s name)', f"/api/articles/?q={phrase}", SEARCH),
        (
            "`q=` a rare word + `organisation=` a hub",
            f"/api/articles/?q=khinhkhi&organisation={hub_organisation}",
            SEARCH,
        ),
        ("API facets, `person=` a hub", f"/api/articles/facets/?person={hub_person}", FACETS),
        (
            "API facets, a rare word + `person=` a hub",
            f"/api/articles/facets/?q=khinhkhi&person={hub_person}",
            FACETS,
        ),
        ("API related (circle) of the hub person", f"/api/people/{hub_person}/related/", RELATED),
        ("API similar articles, the newest article", f"/api/articles/{newest}/similar/", SIMILAR),
        ("`ordering=title`", "/api/articles/?ordering=title", API_LIST),
        ("API person detail, hub person", f"/api/people/{hub_person}/", ENTITY),
        ("API organisation detail, hub", f"/api/organisations/{hub_organisation}/", ENTITY),
        ("API directive detail, hub directive", f"/api/directives/{directive.pk}/", ENTITY),
        ("HTML person page, hub person", f"/people/{hub_person}/", ENTITY),
        ("HTML organisation page, hub", f"/organisations/{hub_organisation}/", ENTITY),
        ("HTML directive page, hub directive", f"/directives/{directive.pk}/", ENTITY),
        ("HTML /articles/", "/articles/", HTML_LIST),
        (
            "HTML /articles/?person= a hub, with its form",
            f"/articles/?person={hub_person}",
            HTML_LIST,
        ),
        ("HTML /people/", "/people/", HTML_LIST),
        # The blocks the pages above read in a second request (archive.views.fragments),
        # as the page's script asks for them.
        ("HTML block: facets of /articles/", "/articles/facets/", ENTITY),
        ("HTML block: facets of `person=` a hub", f"/articles/facets/?person={hub_person}", ENTITY),
        ("HTML block: circle of the hub person", f"/people/{hub_person}/circle/", ENTITY),
        ("HTML block: timeline of the hub person", f"/people/{hub_person}/timeline/", ENTITY),
        (
            "HTML block: circle of the hub organisation",
            f"/organisations/{hub_organisation}/circle/",
            ENTITY,
        ),
        (
            "HTML block: units, posts, people of the hub organisation",
            f"/organisations/{hub_organisation}/people/",
            ENTITY,
        ),
        ("admin article changelist", "/admin/archive/article/", ADMIN),
        ("admin article changelist with a search", f"/admin/archive/article/?q={name}", ADMIN),
        ("admin article changelist, common word", "/admin/archive/article/?q=ninh", ADMIN),
        ("admin person changelist", "/admin/archive/person/", ADMIN),
        ("admin organisation changelist", "/admin/archive/organisation/", ADMIN),
        ("admin directive changelist", "/admin/archive/directive/", ADMIN),
        ("issue 13: API timeline, hub person", f"/api/people/{hub_person}/timeline/", CAREERS),
        (
            "issue 13: API timeline, hub person, page before the middle article",
            f"/api/people/{hub_person}/timeline/?before={middle_article()}",
            CAREERS,
        ),
        (
            "issue 13: API related, hub organisation",
            f"/api/organisations/{hub_organisation}/related/",
            CAREERS,
        ),
        (
            "issue 13: API posts, hub organisation",
            f"/api/organisations/{hub_organisation}/posts/",
            CAREERS,
        ),
        (
            "issue 13: API units, hub organisation",
            f"/api/organisations/{hub_organisation}/units/",
            CAREERS,
        ),
    ]


def middle_article() -> int:
    """The dated article halfway down the archive by date: a timeline page deep in a career."""
    from archive.models import Article

    dated = Article.objects.filter(published_on__isnull=False)
    return dated.order_by("published_on", "id").values_list("pk", flat=True)[dated.count() // 2]


def floor_ids(response) -> list[int]:
    """The ids of the articles on the page, or the feed's first 20 when it is not an API list."""
    from archive.models import Article

    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        results = body.get("results") if isinstance(body, dict) else body
        if isinstance(results, list) and results and "published_on" in results[0]:
            return [row["id"] for row in results]
    return list(Article.objects.values_list("id", flat=True)[:20])


def time_floor(ids: list[int]) -> float:
    from archive.models import Article

    begin = time.perf_counter()
    rows = list(Article.objects.filter(id__in=ids).values(*FLOOR_FIELDS))
    json.dumps(rows, default=str)
    return (time.perf_counter() - begin) * 1000


def slowest_statement(captured) -> str:
    # Only reads can be EXPLAINed again; the throttle's count (an INSERT) is not the request's plan.
    reads = [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    return max(reads or captured.captured_queries, key=lambda q: float(q["time"]))["sql"]


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# The HTML blocks' URLs, asked for with the header their script sends.
BLOCKS = re.compile(
    r"^/(articles/facets/|people/\d+/(circle|timeline)/|organisations/\d+/(circle|people)/)"
)


def measure(client, url: str, *, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    headers = {"X-Archive-Fragment": "1"} if BLOCKS.match(url) else {}
    client.get(url, headers=headers)  # warm
    times, floors, budget = [], [], time.perf_counter() + 15
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = client.get(url, headers=headers)
            times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries, slowest = len(captured), slowest_statement(captured)
        floors.append(time_floor(floor_ids(response)))
        if time.perf_counter() > budget and len(times) >= 3:
            break
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "floor": percentile(floors, 0.95),
        "queries": queries,
        "runs": len(times),
        "slowest": slowest,
    }


def machine() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0].split(" on ")[0]
        cursor.execute("SELECT count(*) FROM archive_article")
        articles = cursor.fetchone()[0]
    load = os.getloadavg()[0]
    return (
        f"{articles:,} articles; {version}; {os.cpu_count()} CPUs shared with other work "
        f"(load average {load:.1f} at the end); Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--write", type=Path, help="append the table to this Markdown file")
    parser.add_argument("--only", help="time only the requests whose label contains this")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    setup_django()
    from django.contrib.auth import get_user_model

    client = test_client()
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client.force_login(user)
    lines = [
        "| request | p50 ms | p95 ms | target | × floor (p95) | SQL | runs |",
        "|---|---|---|---|---|---|---|",
    ]
    plans = []
    for label, url, target in requests_to_time():
        if args.only and args.only not in label:
            continue
        result = measure(client, url, repeat=args.repeat)
        over = result["p95"] > target
        ratio = result["p95"] / result["floor"]
        mark = " **over**" if over else ""
        lines.append(
            f"| {label} | {result['p50']:.1f} | {result['p95']:.1f}{mark} | {target} | "
            f"{ratio:,.1f} | {result['queries']} | {result['runs']} |"
        )
        print(lines[-1], flush=True)
        if over:
            plans.append(f"#### {label}\n\n```\n{explain(result['slowest'])}\n```\n")
    text = "\n".join(
        [
            f"### bench_million.py, {args.label}",
            "",
            f"Machine: {machine()}.",
            "",
            *lines,
            "",
            *(["EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each request over its "
               "target:", "", *plans] if plans else []),
        ]
    )  # fmt: skip
    print(text)
    if args.write:
        with args.write.open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
