"""What ordering a search by relevance costs, against the same search newest first, side by side.

    python bench/bench_search.py [--articles 20000] [--repeat 10] [--seed 11]

Fills a scratch database with the API benchmark's synthetic archive (SQLite,
and PostgreSQL when DATABASE_URL points at one), then times each search twice
in the same process: in the default order with a query (relevance, then
newest first) and with `ordering=-published_on` (the order every search had
before relevance existed). The ratio of the two is the cost of ranking;
it carries over to other machines better than either time. The site-wide
search (four kinds at once) is timed too.
"""

from __future__ import annotations

import statistics

from common import (
    print_load_average,
    read_benchmark,
    setup_django,
    test_client,
    time_get,
)
from synthetic import RARE_WORD, migrate_and_fill

SEARCHES = [
    ("a phrase in many articles", "cong an"),
    ("a longer phrase", "cong an trat tu"),
    ("a rare word (3 articles)", RARE_WORD.lower()),
    ("no hit", "khongcotunay"),
    ("a common word, an absent word excluded", "cong -khongcotunay"),
]


def worker(*, articles: int, repeat: int, seed: int) -> dict:
    setup_django()
    from django.db import connection

    ids, _ = migrate_and_fill(articles=articles, seed=seed)
    client = test_client()
    rows = []
    for label, query in SEARCHES:
        for where, base in (("API", "/api/articles/"), ("page", "/articles/")):
            ranked, _, _ = time_get(client, f"{base}?q={query}", repeat=repeat)
            dated, _, _ = time_get(
                client, f"{base}?q={query}&ordering=-published_on", repeat=repeat
            )
            rows.append([f"{where}: {label}", statistics.median(ranked), statistics.median(dated)])
    everything, queries, _ = time_get(client, "/search/?q=cong an", repeat=repeat)
    return {
        "vendor": connection.vendor,
        "counts": ids["counts"],
        "rows": rows,
        "site_search": [statistics.median(everything), queries],
    }


def main() -> None:
    ran = read_benchmark(
        script=__file__,
        description=__doc__.split("\n")[0],
        repeat=10,
        suffix="bench_search",
        worker=worker,
    )
    if ran is None:
        return
    _, results = ran
    names = list(results)
    print("| search | " + " | ".join(f"{n}: relevance / newest ms | ratio" for n in names) + " |")
    print("|---|" + "---|---|" * len(names))
    first = next(iter(results.values()))
    for index, row in enumerate(first["rows"]):
        cells = []
        for name in names:
            _, ranked, dated = results[name]["rows"][index]
            cells.append(f"{ranked:.1f} / {dated:.1f} | {ranked / dated:.2f}")
        print(f"| {row[0]} | " + " | ".join(cells) + " |")
    for name, result in results.items():
        ms, queries = result["site_search"]
        print(f"{name}: site-wide search 'cong an': {ms:.1f} ms median, {queries} queries")
    print_load_average()


if __name__ == "__main__":
    main()
