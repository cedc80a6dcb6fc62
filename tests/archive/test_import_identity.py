"""One text, one article: its identity is its canonical text, its origin is stable.

The same article saved in another encoding, with a BOM, with CRLF line endings
or with decomposed accents is one article; the origin is the path relative to
the import root, whatever the working directory; the migration merges the
copies that the old byte hash let in.
"""

from __future__ import annotations

import codecs
import importlib
import io
import unicodedata

import pytest
from django.apps import apps
from django.core.management import call_command

from archive.models import Article, Person, PersonMention
from archive.services import import_text, record_edit
from tests.archive.import_runs import invented_article, write_corpus

pytestmark = pytest.mark.django_db

TEXT = invented_article(3)
COPIES = {
    "utf8.txt": TEXT.encode("utf-8"),
    "bom.txt": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf16.txt": TEXT.encode("utf-16"),  # with its BOM
    "crlf.txt": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "nfd.txt": unicodedata.normalize("NFD", TEXT).encode("utf-8"),
}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_seeds", *args, "-v2", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_one_text_in_any_encoding_or_line_ending_is_one_article(tmp_path):
    for name, data in COPIES.items():
        (tmp_path / name).write_bytes(data)

    out = run(str(tmp_path))

    assert Article.objects.count() == 1
    assert "1 created, 0 updated, 4 unchanged, 0 failed" in out
    first = Article.objects.get().origin
    assert out.count(f"(same content as {first})") == 4


def test_the_same_text_sent_to_the_service_as_bytes_or_text_is_one_article():
    created = import_text(data=COPIES["crlf.txt"], origin="a.txt")
    again = import_text(data=TEXT, origin="b.txt")

    assert created.status == "created"
    assert (again.status, again.duplicate_of) == ("unchanged", "a.txt")


def test_the_origin_is_relative_to_the_import_root_not_the_working_directory(tmp_path, monkeypatch):
    corpus = tmp_path / "kho" / "2025"
    write_corpus(corpus, 2)
    monkeypatch.chdir(tmp_path)
    run("kho")
    stored = sorted(Article.objects.values_list("origin", flat=True))

    # The same root by absolute path, from another directory, after an edit of a file.
    (corpus / "000.txt").write_text(invented_article(40), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = run(str(tmp_path / "kho"))

    assert stored == ["2025/000.txt", "2025/001.txt"]
    assert sorted(Article.objects.values_list("origin", flat=True)) == stored
    assert "0 created, 1 updated, 1 unchanged" in out
    assert Article.objects.get(origin="2025/000.txt").raw_text == invented_article(40)


def test_an_origin_prefix_keeps_two_collections_with_the_same_names_apart(tmp_path):
    write_corpus(tmp_path / "first", 1)
    write_corpus(tmp_path / "second", 1, first=9)
    (tmp_path / "second" / "009.txt").rename(tmp_path / "second" / "000.txt")

    run(str(tmp_path / "first"), "--origin-prefix", "bao-a")
    run(str(tmp_path / "second"), "--origin-prefix", "bao-b/")

    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "bao-a/000.txt",
        "bao-b/000.txt",
    ]


def test_two_roots_giving_one_origin_in_one_run_are_reported_not_mixed_up(tmp_path):
    write_corpus(tmp_path / "first", 1)
    write_corpus(tmp_path / "second", 1, first=9)
    (tmp_path / "second" / "009.txt").rename(tmp_path / "second" / "000.txt")
    err = io.StringIO()

    with pytest.raises(Exception, match="1 failed"):
        call_command(
            "import_seeds", str(tmp_path / "first"), str(tmp_path / "second"), stderr=err,
            stdout=io.StringIO(),
        )  # fmt: skip

    assert Article.objects.get().raw_text == invented_article(0)
    assert f"FAILED 000.txt: same origin as {tmp_path / 'first' / '000.txt'}" in err.getvalue()
    assert "--origin-prefix" in err.getvalue()


# --- the migration ------------------------------------------------------------


def _recompute_hashes():
    migration = importlib.import_module("archive.migrations.0007_content_hash")
    migration.recompute_hashes(apps, None)


def _as_before(data: bytes, origin: str) -> Article:
    """An article as the byte hash stored it: its own row for each copy of a text."""
    import hashlib

    outcome = import_text(data=data, origin=origin)
    article = outcome.article
    if outcome.duplicate_of:
        # The old rule would have created it: store the copy as it then did.
        article = Article.objects.get(origin=outcome.duplicate_of)
        article.pk = None
        article.origin = origin
    article.raw_text = data.decode("utf-16" if data[:2] == codecs.BOM_UTF16_LE else "utf-8-sig")
    article.sha256 = hashlib.sha256(data).hexdigest()
    article.save()
    return article


def test_the_migration_merges_copies_keeping_editors_changes_and_consistent_mentions():
    original = _as_before(COPIES["utf8.txt"], "a/utf8.txt")
    crlf = _as_before(COPIES["crlf.txt"], "b/crlf.txt")
    utf16 = _as_before(COPIES["utf16.txt"], "c/utf16.txt")
    other = _as_before(invented_article(11).encode("utf-8"), "d/other.txt")
    crlf.title = "Tiêu đề do biên tập viên sửa"
    crlf.notes = "Đã đối chiếu với bản in."
    record_edit(instance=crlf, fields=["title", "notes"])
    assert Article.objects.count() == 4
    mentions = PersonMention.objects.filter(article=original).count()

    _recompute_hashes()

    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "a/utf8.txt",
        "d/other.txt",
    ]
    survivor = Article.objects.get(pk=original.pk)
    assert survivor.title == "Tiêu đề do biên tập viên sửa"
    assert {"title", "notes"} <= set(survivor.edited_fields)
    assert survivor.notes == "Đã đối chiếu với bản in."
    assert "bien tap vien sua" in survivor.search_document
    assert PersonMention.objects.filter(article=survivor).count() == mentions > 0
    assert not PersonMention.objects.filter(article_id__in=[crlf.pk, utf16.pk]).exists()
    assert Person.objects.filter(mentions__isnull=True).count() == 0
    # A re-import of any copy now finds the article instead of making another.
    for data in COPIES.values():
        assert import_text(data=data, origin="a/utf8.txt").status == "unchanged"
    assert Article.objects.get(pk=other.pk).sha256 == other.sha256
