"""Invented data the benchmarks share: name pools and a synthetic archive filled in bulk.

fill() builds the archive the API and page benchmarks read (bench_api.py,
bench_pages.py): N articles, N/10 people, N/20 organisations, N/40
directives and ~6 mentions per article, skewed so that one person, one
organisation and one directive occur in a large share of the articles. It
writes through the models directly (no extraction: those benchmarks measure
reads, not the importer). The import benchmark builds its text corpus from
the same name pools.
"""

from __future__ import annotations

import random

# Invented names and words, recombined. The import benchmark's corpus uses the same people
# and places.
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


def person_name(rng: random.Random) -> str:
    """An invented full name: family, middle and given name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


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
    aliases = [OrganisationAlias(organisation=o, name=f"V{n}") for n, o in enumerate(organisations)]
    for alias in aliases:
        alias.derive_from_name()
    OrganisationAlias.objects.bulk_create(aliases, batch_size=batch)
    names = [f"{person_name(rng)} {n}" for n in range(max(articles // 10, 10))]
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


def migrate_and_fill(*, articles: int, seed: int, then=None) -> tuple[dict, float]:
    """In a worker: migrate the scratch database and fill it; return (fill's ids, seconds taken).

    then(ids), when given, adds to the archive within the timed fill; PostgreSQL's planner
    statistics are refreshed afterwards so that the first timed queries see the real tables.
    """
    import time

    from common import analyze_if_postgres
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    ids = fill(articles=articles, seed=seed)
    if then is not None:
        then(ids)
    analyze_if_postgres()
    return ids, time.perf_counter() - started
