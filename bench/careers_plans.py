"""What the career and circle reads cost the database, by the size of the person or body.

    DATABASE_URL=postgres://.../archive_analyst_100k python bench/careers_plans.py

On an archive filled by fill_million.py, for the three hubs (in 35%, 25% and
15% of the articles), an entity in about 1% and one in a handful, each read
runs once warm, then every statement it ran is run again under EXPLAIN
(ANALYZE, BUFFERS). The table gives the articles naming the entity, the
statements, the buffers they touched (shared hit + read: a count of pages
that does not depend on the machine's load) and the statements' own
execution time. A bounded read touches about as many buffers for the largest
hub as for a small entity.
"""

from __future__ import annotations

import functools
import os
import re
import sys

from common import ROOT, setup_django


def explained(sql: str, params) -> tuple[int, float]:
    """(buffers, ms) of one statement, from its EXPLAIN (ANALYZE, BUFFERS)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = plan[0] if isinstance(plan, list) else plan
    top = plan["Plan"]
    buffers = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
    return buffers, plan["Execution Time"]


def cost(read) -> tuple[int, int, float]:
    """(statements, buffers, ms) of one call of `read`, warm."""
    from django.db import connection

    read()
    statements = []

    def capture(run, sql, params, many, context):
        statements.append((sql, params))
        return run(sql, params, many, context)

    with connection.execute_wrapper(capture):
        read()
    buffers, ms = 0, 0.0
    for sql, params in statements:
        if not re.match(r"\s*\(?\s*SELECT", sql):
            continue
        b, t = explained(sql, params)
        buffers += b
        ms += t
    return len(statements), buffers, ms


def main() -> None:
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
    setup_django()
    from django.db.models import Count

    from archive.models import Article, OrganisationMention, PersonMention
    from archive.selectors.careers import organisation_posts, person_timeline
    from archive.selectors.related import organisation_circle, person_circle

    def sized(model, column: str) -> list[tuple[int, int]]:
        """(entity id, articles) for the three hubs, one near 1% and one in a few articles."""
        total = Article.objects.count()
        counts = dict(
            model.objects.values(column)
            .annotate(n=Count("article_id", distinct=True))
            .values_list(column, "n")
        )
        hubs = [(pk, counts[pk]) for pk in (1, 2, 3)]
        mid = min(counts.items(), key=lambda item: abs(item[1] - total // 100))
        small = min(counts.items(), key=lambda item: abs(item[1] - 5))
        return [*hubs, mid, small]

    middle = (
        Article.objects.filter(published_on__isnull=False)
        .order_by("published_on", "id")
        .only("id", "published_on")[Article.objects.count() // 2]
    )
    reads = [
        ("timeline, newest page", PersonMention, "person_id", lambda pk: person_timeline(pk)),
        (
            "timeline, page before the middle article",
            PersonMention,
            "person_id",
            lambda pk: person_timeline(pk, before=middle),
        ),
        ("person circle", PersonMention, "person_id", person_circle),
        ("organisation posts", OrganisationMention, "organisation_id", organisation_posts),
        ("organisation circle", OrganisationMention, "organisation_id", organisation_circle),
    ]
    lines = [
        f"Archive: {Article.objects.count():,} articles.",
        "",
        "| read | entity | articles naming it | SQL | buffers | SQL ms |",
        "|---|---|---|---|---|---|",
    ]
    for label, model, column, read in reads:
        for pk, articles in sized(model, column):
            statements, buffers, ms = cost(functools.partial(read, pk))
            lines.append(
                f"| {label} | {pk} | {articles:,} | {statements} | {buffers:,} | {ms:.1f} |"
            )
            print(lines[-1], flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
