"""Benchmark the REST API's reads over a large synthetic archive.

    python bench/bench_api.py [--articles 20000] [--repeat 15] [--seed 11]

Fills a scratch database with the synthetic archive of synthetic.fill
(directly through the models, no extraction: this measures the API, not the
importer): N articles, N/10 people, N/20 organisations, N/40 directives and
~6 mentions per article, skewed so that one person, one organisation and one
directive occur in a large share of the articles. Then, in-process through
Django's test client (middleware, DRF, serialisation included; no network),
it times each request `--repeat` times and prints the median, the slowest
and the number of SQL queries.

Runs on SQLite (a temporary file) and, when DATABASE_URL points at
PostgreSQL, also in a scratch database <name>_bench_api that is dropped
afterwards. What to read in the result: the query count of a list is the
same for page size 20 and 100 and for every filter; a deep cursor page
costs what the first does; a search with no hit is not slower than one with
many; entity filters stay fast on the hub entity that half the articles name.
"""

from __future__ import annotations

import time

from common import (
    print_load_average,
    print_timing_table,
    read_benchmark,
    setup_django,
    test_client,
    time_get,
    timing_row,
)
from synthetic import RARE_WORD, migrate_and_fill


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
        ("people, a middle page", f"/api/people/?page={max(ids['counts']['people'] // 40, 1)}"),
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
    setup_django()
    from django.db import connection

    from archive.models import Article

    ids, fill_s = migrate_and_fill(articles=articles, seed=seed)
    client = test_client()
    rows = []
    for label, url in requests_to_time(ids):
        times, queries, response = time_get(client, url, repeat=repeat)
        body = response.json()
        shown = len(body.get("results", [])) if "results" in body else 1
        rows.append([*timing_row(label, times, queries), shown])

    # A deep page: follow 100-row cursor pages (up to 10,000 articles in).
    depth = max(min(100, articles // 100 - 2), 1)
    url = "/api/articles/?page_size=100"
    for _ in range(depth):
        url = client.get(url).json()["next"].replace("http://testserver", "")
    times, queries, response = time_get(client, url, repeat=repeat)
    label = f"articles, cursor page {depth + 1} (of 100)"
    rows.append([*timing_row(label, times, queries), len(response.json()["results"])])

    # For comparison: what a plain COUNT(*) of the whole table would cost.
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


def main() -> None:
    ran = read_benchmark(
        script=__file__,
        description=__doc__.split("\n")[0],
        repeat=15,
        suffix="bench_api",
        worker=worker,
    )
    if ran is None:
        return
    _, results = ran
    print_timing_table(results, heading="request", rows_column=True)
    for name, r in results.items():
        print(
            f"{name}: filled in {r['fill_s']:.1f} s; a full COUNT(*) of the articles takes "
            f"{r['full_count_ms']:.1f} ms (not run by any list)"
        )
    print_load_average()


if __name__ == "__main__":
    main()
