"""The batched import (import_seeds) stores exactly what importing the files one by one does.

The command writes new articles in growing batches (1, 2, 4, ... files), each
batch one transaction with its entities resolved together; the service
`import_text` writes one article at a time. Both must decide the same
archive: the same people, bodies, directives, aliases, mentions and posts.
"""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from archive.models import Article
from archive.services import import_text
from tests.archive.import_runs import invented_article
from tests.archive.order_corpus import ORDER_CORPUS, canonical_dump

pytestmark = pytest.mark.django_db

# A rank stated as former ("nguyên Thượng tá") is stored as such by both paths.
RETIRED = (
    "Công an tỉnh Bình Khê gặp mặt cán bộ hưu trí\n\n"
    "Sáng 20/5/2025, Công an tỉnh Bình Khê gặp mặt cán bộ hưu trí. Nguyên Thượng tá Lò Văn Hòa "
    "và Đại tá Mạc Đình Sính, Phó Giám đốc Công an tỉnh Bình Khê dự buổi gặp mặt.\n\n"
    "Minh Anh\n"
)
FILES = {
    **ORDER_CORPUS,
    "huu-tri.txt": RETIRED,
    **{f"giao-ban-{i:02}.txt": invented_article(i) for i in range(24)},
}


def test_the_batched_command_stores_what_the_one_by_one_service_does(tmp_path, caplog):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    caplog.set_level(logging.INFO, logger="archive.services.bulk_import")
    with transaction.atomic():
        out = StringIO()
        call_command("import_seeds", str(tmp_path), "--jobs", "1", stdout=out)
        batched = canonical_dump()
        transaction.set_rollback(True)
    # The batches were written as batches: none fell back to one article at a time,
    # which would store the same rows and hide a broken batch writer.
    assert not [r for r in caplog.records if "writing one by one" in r.getMessage()]
    assert f"{len(FILES)} created, 0 updated, 0 unchanged, 0 failed" in out.getvalue()
    with transaction.atomic():
        for name in sorted(FILES):
            assert import_text(data=FILES[name], origin=name).status == "created"
        one_by_one = canonical_dump()
        transaction.set_rollback(True)
    assert all(batched.values()), "every kind of record was stored"
    assert ("huu-tri.txt", "lò văn hòa", "Thượng tá", True) in batched["ranks"]
    assert batched == one_by_one


def _unindexable_article() -> str:
    """An invented text that PostgreSQL cannot index: over 1 MB of distinct words.

    A text search vector holds at most 1 MB (1,048,575 bytes) of words; this
    one has 560 distinct words of 1,995 characters each (just under the
    2,047-byte limit of one indexed word).
    """
    words = [f"{n:05d}" + "x" * 1990 for n in range(560)]
    return "Bảng kê dài bất thường\n\n" + "\n\n".join(words) + "\n"


def test_an_article_that_fails_in_its_batch_is_reported_and_the_others_of_the_batch_are_stored(
    tmp_path,
):
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL limits the words of one article's search index")
    files = {f"giao-ban-{i:02}.txt": invented_article(i) for i in range(6)}
    # Sorted between giao-ban-04 and giao-ban-05: in the third batch (1, 2, then 4 files),
    # with giao-ban-03, -04 and -05.
    files["giao-ban-04b.txt"] = _unindexable_article()
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 failed"):
        call_command("import_seeds", str(tmp_path), "--jobs", "1", stdout=out, stderr=err)
    report = out.getvalue() + err.getvalue()
    assert "6 created, 0 updated, 0 unchanged, 1 failed" in report
    assert "giao-ban-04b.txt: " in report
    assert "string is too long for tsvector" in report
    stored = set(Article.objects.values_list("origin", flat=True))
    assert stored == set(files) - {"giao-ban-04b.txt"}
    # The articles of the failed batch are whole: their people and mentions too.
    for origin in ("giao-ban-03.txt", "giao-ban-04.txt", "giao-ban-05.txt"):
        article = Article.objects.get(origin=origin)
        assert article.personmention_set.count() == 2
        assert article.directivemention_set.count() == 1
