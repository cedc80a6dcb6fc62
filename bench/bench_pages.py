"""Benchmark the public HTML pages and the admin lists over a large synthetic archive.

    python bench/bench_pages.py [--articles 20000] [--repeat 10] [--seed 11]

Fills a scratch database with the API benchmark's synthetic archive
(synthetic.fill: N articles, N/10 people, N/20 organisations, N/40
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

from common import (
    print_load_average,
    print_timing_table,
    read_benchmark,
    setup_django,
    test_client,
    time_get,
    timing_row,
)
from synthetic import migrate_and_fill


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
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from archive.models import Directive

    def chain_directives(ids: dict) -> None:
        # A directive page needs a chain: each of the first ten implements the hub.
        hub = Directive.objects.get(symbol=ids["hub_directive"])
        for other in Directive.objects.exclude(pk=hub.pk)[:10]:
            other.implements.add(hub)
        ids["hub_directive_id"] = hub.pk

    ids, fill_s = migrate_and_fill(articles=articles, seed=seed, then=chain_directives)
    client = test_client()
    client.force_login(get_user_model().objects.create_superuser("bench", "b@example.test", "x"))
    rows = []
    plan = [
        *requests_to_time(ids),
        ("directive page (hub)", f"/directives/{ids['hub_directive_id']}/"),
    ]
    for label, url in plan:
        times, queries, _ = time_get(client, url, repeat=repeat, statuses=(200, 400))
        rows.append(timing_row(label, times, queries))
    return {"vendor": connection.vendor, "fill_s": fill_s, "counts": ids["counts"], "rows": rows}


def main() -> None:
    ran = read_benchmark(
        script=__file__,
        description=__doc__.split("\n")[0],
        repeat=10,
        suffix="bench_pages",
        worker=worker,
    )
    if ran is None:
        return
    _, results = ran
    print_timing_table(results, heading="page", rows_column=False)
    for name, r in results.items():
        print(f"{name}: filled in {r['fill_s']:.1f} s")
    print_load_average()


if __name__ == "__main__":
    main()
