"""Fill a PostgreSQL archive with N synthetic articles (1,000,000 by default) through COPY.

    python bench/fill_million.py --database-url postgres://.../archive_scale_million
    python bench/fill_million.py --articles 100000 --database-url sqlite:///var/scale_100k.sqlite3

The database is dropped, re-created and migrated by the project's own
migrations, then filled straight into the project's tables with psycopg 3's
`cursor.copy`. Generated columns (`search_vector`) are computed by PostgreSQL
as the rows arrive. Secondary indexes, unique and foreign-key constraints of
the bulk tables are dropped for the load and re-created afterwards, which
validates every row against them in one pass instead of one probe per row;
check constraints stay in place throughout. The per-entity counts
(archive.services.counts) are then rebuilt by `manage.py recount_entities`,
and ANALYZE runs at the end.

The skew is the one that makes a large archive slow: a few hub people,
organisations and directives, each in 15-35% of the articles, then a long
(log-uniform) tail; about 33 mention rows per article (7 person, 24
organisation, 4-5 directive) as the importer writes them, two positions and
one stated rank per article, and 10% undated articles. `fill_rows` is also what the CI-sized test
uses, inside its own test database, without dropping anything.
"""

from __future__ import annotations

import argparse
import datetime
import io
import itertools
import json
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import FAMILY, GIVEN, MIDDLE, PLACES, TOPICS, UNITS  # noqa: E402

from archive.collation import sort_key  # noqa: E402
from archive.extraction.normalize import fold_accents, matching_key  # noqa: E402

# Hub entities: the share of articles each appears in (15-35%).
HUB_SHARES = (0.35, 0.25, 0.15)
PERSON_ROWS, ORGANISATION_ROWS = 7, 24
# A word in 0.8% of the articles, one in none, one in most (the bench's search terms).
RARE_WORD = "Khinhkhí"
RARE_SHARE = 0.008
ABSENT_WORD = "Zyzzyvaquy"
COMMON_WORD = "ninh"
BULK_TABLES = (
    "archive_article",
    "archive_personmention",
    "archive_organisationmention",
    "archive_directivemention",
    "archive_position",
    "archive_personrank",
)
START = datetime.date(2000, 1, 1)
DAYS = 9500
NOW = "2026-01-01 00:00:00+00"
RANKS = ("Đại tá", "Thiếu tướng", "Trung tướng")
POSTS = ("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Chánh Văn phòng", "Bí thư")
SENTENCES = (
    "Lực lượng chức năng tỉnh {place} triển khai nhiều biện pháp về {topic}, bảo đảm an ninh.",
    "Hội nghị tại {place} bàn về {topic} và công tác phối hợp giữa các đơn vị.",
    "Đồng chí {name} nhấn mạnh yêu cầu về {topic} trong thời gian tới.",
    "Đoàn công tác đã làm việc với {org} về kết quả {topic} tại {place}.",
)


class Sizes:
    """How many of each entity an archive of `articles` articles holds."""

    def __init__(self, articles: int) -> None:
        self.articles = articles
        self.people = max(articles // 10, 50)
        self.organisations = max(articles // 20, 50)
        self.directives = max(articles // 40, 50)


def _copy_text(value: object) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _lines(rows: Iterator[tuple]) -> Iterator[str]:
    for row in rows:
        yield "\t".join(_copy_text(value) for value in row) + "\n"


def _copy(cursor, table: str, columns: tuple[str, ...], rows: Iterator[tuple]) -> int:
    """COPY rows into table in chunks of text; return how many rows went in.

    On SQLite (no COPY) the same rows go in by executemany.
    """
    count = 0
    names = ", ".join(f'"{c}"' for c in columns)
    if isinstance(cursor, sqlite3.Cursor):
        counted = itertools.count(1)
        marks = ", ".join("?" * len(columns))
        statement = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        cursor.executemany(statement, (row for row, count in zip(rows, counted, strict=False)))
        return next(counted) - 1
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        buffer = io.StringIO()
        for line in _lines(rows):
            buffer.write(line)
            count += 1
            if count % 20000 == 0:
                copy.write(buffer.getvalue().encode())
                buffer = io.StringIO()
        copy.write(buffer.getvalue().encode())
    return count


class Picker:
    """Chooses entities for an article: hubs by their share, then a log-uniform tail."""

    def __init__(self, rng: random.Random, total: int) -> None:
        self.rng = rng
        self.total = total
        self.hubs = len(HUB_SHARES)

    def pick(self, distinct: int) -> list[int]:
        """`distinct` entity ids (1-based), hubs included by their share."""
        chosen = [hub + 1 for hub, share in enumerate(HUB_SHARES) if self.rng.random() < share]
        tail = self.total - self.hubs
        while len(chosen) < distinct:
            # Log-uniform over the tail: a few hundred entities are common, most are rare.
            index = self.hubs + int(tail ** self.rng.random())
            if index not in chosen:
                chosen.append(index)
        return chosen[:distinct] if len(chosen) > distinct else chosen


def person_name(n: int) -> str:
    """An invented three-syllable name, made unique by the family-middle-given triple and n."""
    family = FAMILY[n % len(FAMILY)]
    middle = MIDDLE[(n // len(FAMILY)) % len(MIDDLE)]
    given = GIVEN[(n // (len(FAMILY) * len(MIDDLE))) % len(GIVEN)]
    return f"{family} {middle} {given}"


def _entities(cursor, sizes: Sizes) -> None:
    editable = ("edited_fields", "notes", "created_at", "updated_at")
    base = ("[]", "", NOW, NOW)

    def people():
        for n in range(1, sizes.people + 1):
            # The first names are unique triples (the bench searches one); later ones repeat
            # a triple and carry a number, as namesakes do in a real archive.
            name = person_name(n - 1) if n <= 1000 else f"{person_name(n)} {n}"
            yield (
                n, *base, name, matching_key(name), "", "", False, fold_accents(name),
                sort_key(name),
            )  # fmt: skip

    _copy(
        cursor,
        "archive_person",
        (
            "id", *editable, "name", "key", "rank", "academic_titles", "foreign",
            "search_document", "sort_key",
        ),
        people(),
    )  # fmt: skip

    def organisations():
        for n in range(1, sizes.organisations + 1):
            unit = UNITS[n % len(UNITS)]
            name = f"{unit} {TOPICS[n % len(TOPICS)]} {PLACES[n % len(PLACES)]} {n}"
            parent = 1 if 1 < n <= 200 else None
            key, document = matching_key(name), fold_accents(name)
            yield (n, *base, name, key, f"V{n}", unit.lower(), parent, document, sort_key(name))

    _copy(
        cursor,
        "archive_organisation",
        (
            "id", *editable, "name", "key", "abbreviation", "kind", "parent_id",
            "search_document", "sort_key",
        ),
        organisations(),
    )  # fmt: skip
    _copy(
        cursor,
        "archive_organisationalias",
        ("id", "organisation_id", "name", "key", "is_abbreviation", "folded", "search_document"),
        (
            # folded and search_document as OrganisationAlias.save() writes them, lower case.
            (n, n, f"V{n}", f"v{n}", True, f"v{n}", f"v{n}")
            for n in range(1, sizes.organisations + 1)
        ),
    )

    def directives():
        for n in range(1, sizes.directives + 1):
            symbol = f"{n}-NQ/TW"
            issued = datetime.date(2000 + n % 26, 1 + n % 12, 1 + n % 28)
            issuer = 1 + n % sizes.organisations
            document = fold_accents(f"Nghị quyết {symbol}")
            yield (n, *base, "Nghị quyết", "NQ", str(n), symbol, symbol, issued, issued.year,
                   "", document, issuer)  # fmt: skip

    _copy(
        cursor,
        "archive_directive",
        (
            "id", *editable, "kind", "kind_code", "number", "symbol", "key", "issued_on",
            "issued_year", "summary", "search_document", "issuer_id",
        ),
        directives(),
    )  # fmt: skip


def _articles(cursor, sizes: Sizes, rng: random.Random) -> dict[str, int]:
    """COPY the articles and their mentions and positions, table by table."""
    people = Picker(rng, sizes.people)
    organisations = Picker(rng, sizes.organisations)
    directives = Picker(rng, sizes.directives)
    plans = []
    for n in range(1, sizes.articles + 1):
        person_ids = people.pick(3 + n % 3)
        organisation_ids = organisations.pick(6 + n % 5)
        directive_ids = directives.pick(2 + n % 2)
        plans.append((person_ids, organisation_ids, directive_ids))

    def articles():
        for n, (person_ids, _, _) in enumerate(plans, start=1):
            place, topic = PLACES[n % len(PLACES)], TOPICS[(n // 7) % len(TOPICS)]
            title = f"Công an tỉnh {place} triển khai công tác {topic} đợt {n}" if n % 10 else ""
            sentences = [
                template.format(
                    place=PLACES[(n + k) % len(PLACES)],
                    topic=TOPICS[(n + k) % len(TOPICS)],
                    name=person_name(person_ids[k % len(person_ids)] - 1),
                    org=f"{UNITS[k % len(UNITS)]} {PLACES[k % len(PLACES)]}",
                )
                for k, template in enumerate(SENTENCES)
            ]
            if rng.random() < RARE_SHARE:
                sentences.append(f"{RARE_WORD} được nhắc đến.")
            body = " ".join(sentences)
            text = f"{title}\n\n{body}" if title else body
            dated = n % 10 != 0
            day = START + datetime.timedelta(days=rng.randrange(DAYS)) if dated else None
            yield (
                n, "[]", "", NOW, NOW, title, body, text, text, "[]", "[]",
                ("Báo Mẫu", "Tạp chí Thử", "Bản tin Nội bộ", "")[n % 4], "",
                ("Minh Anh", "Hà Vĩ", "Thu Hà", "Lê Sơn", "")[n % 5], PLACES[n % len(PLACES)],
                day, day and day.year, day and day.month, day and day.day,
                "full" if dated else "unknown", False,
                f"bench/{n:07d}.txt", f"{n:064x}", fold_accents(f"{title} {body}"), "", "",
            )  # fmt: skip

    counts = {
        "articles": _copy(
            cursor,
            "archive_article",
            (
                "id", "edited_fields", "notes", "created_at", "updated_at", "title", "body",
                "text", "raw_text", "blocks", "captions", "source_name", "source_url", "author",
                "dateline_place", "published_on", "published_year", "published_month",
                "published_day", "published_precision", "published_year_inferred", "origin",
                "sha256", "search_document", "published_evidence", "raw_sha256",
            ),
            articles(),
        )
    }  # fmt: skip
    mention_columns = ("article_id", "surface", "start", "end", "sentence")

    def mentions(which: int, rows_per_article):
        for n, plan in enumerate(plans, start=1):
            ids = plan[which]
            for k in range(rows_per_article(n)):
                yield (n, f"tên {k}", k * 20, k * 20 + 8, f"Câu thứ {k}.", ids[k % len(ids)])

    counts["person mentions"] = _copy(
        cursor,
        "archive_personmention",
        (*mention_columns, "person_id"),
        mentions(0, lambda n: PERSON_ROWS),
    )
    counts["organisation mentions"] = _copy(
        cursor,
        "archive_organisationmention",
        (*mention_columns, "organisation_id"),
        mentions(1, lambda n: ORGANISATION_ROWS),
    )
    counts["directive mentions"] = _copy(
        cursor,
        "archive_directivemention",
        (*mention_columns, "directive_id"),
        mentions(2, lambda n: 4 + n % 2),
    )

    def positions():
        for n, (person_ids, organisation_ids, _) in enumerate(plans, start=1):
            for k in range(2):
                yield (
                    n,
                    person_ids[k],
                    POSTS[(n + k) % len(POSTS)],
                    "",
                    organisation_ids[k],
                    False,
                )

    counts["positions"] = _copy(
        cursor,
        "archive_position",
        ("article_id", "person_id", "title", "role", "organisation_id", "former"),
        positions(),
    )
    # One stated rank per article, for its first person: a hub's career is as long as its
    # posts. One in twenty is stated as former ("nguyên Đại tá").
    counts["stated ranks"] = _copy(
        cursor,
        "archive_personrank",
        ("article_id", "person_id", "rank", "former"),
        (
            (n, plan[0][0], RANKS[n % len(RANKS)], n % 20 == 0)
            for n, plan in enumerate(plans, start=1)
        ),
    )
    return counts


def fill_rows(connection, *, articles: int, seed: int) -> dict[str, int]:
    """COPY a synthetic archive of `articles` articles into an empty, migrated database."""
    rng = random.Random(seed)
    sizes = Sizes(articles)
    if isinstance(connection, sqlite3.Connection):
        cursor = connection.cursor()
        _entities(cursor, sizes)
        return _articles(cursor, sizes, rng)
    with connection.cursor() as cursor:
        _entities(cursor, sizes)
        counts = _articles(cursor, sizes, rng)
        for table in (
            "archive_person",
            "archive_organisation",
            "archive_organisationalias",
            "archive_directive",
            *BULK_TABLES,
        ):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    return counts


def _deferred_schema(cursor) -> tuple[list[str], list[str]]:
    """(drop statements, re-create statements) for the bulk tables' indexes and constraints.

    Primary keys and check constraints stay; unique and foreign-key constraints and
    plain indexes go for the load and come back after it, unique ones first.
    """
    tables = list(BULK_TABLES)
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) AND contype IN ('u', 'f')",
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
        "WHERE indrelid::regclass::text = ANY(%s) AND NOT indisprimary "
        "AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE contype IN ('u', 'p'))",
        [tables],
    )
    indexes = cursor.fetchall()
    drops = [f'ALTER TABLE {t} DROP CONSTRAINT "{name}"' for t, name, kind, _ in constraints]
    drops += [f"DROP INDEX {name}" for name, _ in indexes]
    ordered = sorted(constraints, key=lambda c: c[2] != "u")
    creates = [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, _, d in ordered]
    creates += [definition for _, definition in indexes]
    return drops, creates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.database_url.startswith("sqlite:///"):
        fill_sqlite(args)
        return

    import psycopg

    base, _, name = args.database_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {"DATABASE_URL": args.database_url, "DJANGO_SECRET_KEY": "bench-only-not-secret"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        check=True,
        env=env | {"PATH": "/usr/bin:/bin"},
    )
    began = time.perf_counter()
    with psycopg.connect(args.database_url) as connection:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
            cursor.execute("SET maintenance_work_mem = '1GB'")
            drops, creates = _deferred_schema(cursor)
            for statement in drops:
                cursor.execute(statement)
        counts = fill_rows(connection, articles=args.articles, seed=args.seed)
        loaded = time.perf_counter()
        print(f"loaded in {loaded - began:.0f} s: {json.dumps(counts)}", flush=True)
        with connection.cursor() as cursor:
            for statement in creates:
                cursor.execute(statement)
        connection.commit()
    indexed = time.perf_counter()
    print(f"indexes and constraints in {indexed - loaded:.0f} s", flush=True)
    # The per-entity counts, by the same from-scratch recount an operator runs to repair them.
    subprocess.run(
        [sys.executable, "manage.py", "recount_entities"],
        cwd=ROOT,
        check=True,
        env=env | {"PATH": "/usr/bin:/bin"},
    )
    print(f"entity counts in {time.perf_counter() - indexed:.0f} s", flush=True)
    with psycopg.connect(args.database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    print(f"filled in {time.perf_counter() - began:.0f} s", flush=True)


def _manage(database_url: str, *command: str) -> None:
    env = {"DATABASE_URL": database_url, "DJANGO_SECRET_KEY": "bench-only-not-secret"}
    subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        check=True,
        env=env | {"PATH": "/usr/bin:/bin"},
    )


def fill_sqlite(args) -> None:
    """The same rows into a new SQLite file, by executemany (its FTS5 triggers index them)."""
    path = Path(args.database_url.removeprefix("sqlite:///"))
    path.unlink(missing_ok=True)
    _manage(args.database_url, "migrate", "--noinput", "-v0")
    began = time.perf_counter()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    counts = fill_rows(connection, articles=args.articles, seed=args.seed)
    connection.commit()
    loaded = time.perf_counter()
    print(f"loaded in {loaded - began:.0f} s: {json.dumps(counts)}", flush=True)
    _manage(args.database_url, "recount_entities")
    connection.execute("ANALYZE")
    connection.close()
    print(f"filled in {time.perf_counter() - began:.0f} s", flush=True)


if __name__ == "__main__":
    main()
