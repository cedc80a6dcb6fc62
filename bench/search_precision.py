"""Precision of ten name queries on the project's sample articles, before and after phrase search.

    python bench/search_precision.py

Imports seeds/ and tests/extraction/articles/ into a scratch database (SQLite,
and PostgreSQL when DATABASE_URL points at one), then runs each query typed
without accents two ways:

- before: every syllable must occur somewhere in the article (the search as
  it was: whole syllables, any order, any distance);
- after: the archive's search now (the syllables as a phrase).

An article is relevant when its accent-folded title, body or captions hold
the name: its syllables in order, separated by white space only. Precision is
relevant hits / hits; recall is relevant hits / relevant articles.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from common import ROOT, run_on_each_backend, run_worker, setup_django

# Five people and five organisations of the sample articles, typed as a
# researcher would: no accents. The first is the query of issue 9.
QUERIES = [
    "luong tam quang",
    "nguyen huu thanh",
    "phan van quy",
    "tran dinh khang",
    "dang van tuan",
    "bo cong an",
    "chinh phu",
    "dang uy cong an trung uong",
    "bo chinh tri",
    "bo ngoai giao",
]
SAMPLES = ("seeds", "tests/extraction/articles")


def worker() -> dict:
    setup_django()
    from django.core.management import call_command

    from archive.models import Article

    call_command("migrate", verbosity=0)
    call_command("import_seeds", *(str(ROOT / path) for path in SAMPLES), verbosity=0)
    documents = dict(Article.objects.values_list("id", "search_document"))
    rows = []
    for query in QUERIES:
        words = query.split()
        pattern = re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?![^\W_])")
        relevant = {pk for pk, text in documents.items() if pattern.search(text)}
        every_word = " ".join(f'"{word}"' for word in words)
        before = set(Article.objects.search(every_word).values_list("id", flat=True))
        after = set(Article.objects.search(query).values_list("id", flat=True))
        rows.append(
            {
                "query": query,
                "relevant": len(relevant),
                "before": [len(before), len(before & relevant)],
                "after": [len(after), len(after & relevant)],
            }
        )
    return {"articles": len(documents), "rows": rows}


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def main() -> None:
    if "--worker" in sys.argv:
        print(json.dumps(worker()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = run_on_each_backend(
            lambda url: run_worker(__file__, [], url), folder=Path(tmp), suffix="search_precision"
        )
    for backend, result in results.items():
        print(f"\n{backend}: {result['articles']} sample articles\n")
        print(
            "| query | relevant | before: hits | precision | recall "
            "| after: hits | precision | recall |"
        )
        print("|---|---|---|---|---|---|---|---|")
        totals = {"before": [0, 0], "after": [0, 0]}
        relevant_total = 0
        for row in result["rows"]:
            cells = [f"`{row['query']}`", str(row["relevant"])]
            for when in ("before", "after"):
                hits, good = row[when]
                totals[when][0] += hits
                totals[when][1] += good
                cells += [str(hits), _ratio(good, hits), _ratio(good, row["relevant"])]
            relevant_total += row["relevant"]
            print("| " + " | ".join(cells) + " |")
        cells = ["all ten (pooled)", str(relevant_total)]
        for when in ("before", "after"):
            hits, good = totals[when]
            cells += [str(hits), _ratio(good, hits), _ratio(good, relevant_total)]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
