"""`manage.py import_seeds`: which files it takes, what it reports, how it exits, and that
two runs at once on the same files end with one copy of everything."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import termios

import pytest
from django.core.management import CommandError, call_command

from archive.extraction.normalize import matching_key
from archive.extraction.pipeline import extract
from archive.models import Article, Directive, Person
from tests.archive.import_runs import (
    ROOT,
    finish,
    invented_article,
    manage,
    stored_counts,
    write_corpus,
)


def run(*args: str, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_seeds", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run_failing(*args: str, **options):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="failed"):
        call_command("import_seeds", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


# --- in-process runs ---------------------------------------------------------


@pytest.mark.django_db
def test_the_seeds_import_by_default_and_a_second_run_changes_nothing(monkeypatch):
    monkeypatch.chdir(ROOT)
    out, err = run()

    assert "files read:        2" in out
    assert "2 created, 0 updated, 0 unchanged, 0 failed" in out
    assert err == ""
    assert sorted(Article.objects.values_list("origin", flat=True)) == sorted(
        path.name for path in (ROOT / "seeds").glob("*.txt")
    )
    assert Directive.objects.filter(symbol="59-NQ/TW").exists()
    people = Person.objects.count()

    out, _ = run("seeds/")

    assert "0 created, 0 updated, 2 unchanged, 0 failed" in out
    assert "0 people, 0 organisations, 0 directives" in out
    assert "mentions written:  0" in out
    assert Person.objects.count() == people


@pytest.mark.django_db
def test_directories_are_searched_recursively_for_txt_files_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in" / "2025" / "03", 2)
    write_corpus(tmp_path / "in", 1, first=5)
    (tmp_path / "in" / "notes.md").write_text(invented_article(7))

    out, _ = run("in", verbosity=2)

    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "005.txt",
        "2025/03/000.txt",
        "2025/03/001.txt",
    ]
    assert "created   2025/03/001.txt" in out


@pytest.mark.django_db
def test_each_bad_input_is_named_with_its_reason_and_the_rest_still_imports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inbox = tmp_path / "inbox"
    write_corpus(inbox, 2)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.txt").write_bytes(b"\n  \n\t")
    (inbox / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (inbox / "legacy.txt").write_bytes("Công an tỉnh".encode("cp1258", errors="replace"))
    with (inbox / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "no-articles").mkdir()

    out, err = run_failing("inbox", "no-articles", "nowhere.txt")

    failures = sorted(line for line in err.splitlines() if line.startswith("FAILED"))
    assert failures == [
        "FAILED blank.txt: only whitespace",
        "FAILED empty.txt: empty file",
        "FAILED huge.txt: file is 50.0 MB; the limit is 5 MB",
        "FAILED legacy.txt: not valid UTF-8 (byte 0xf4 at offset 1); save the file as UTF-8",
        "FAILED no-articles: directory contains no .txt files",
        "FAILED nowhere.txt: no such file or directory",
        "FAILED photo.txt: binary file (contains NUL bytes)",
    ]
    assert "2 created, 0 updated, 0 unchanged, 7 failed" in out
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_dry_run_reports_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in", 3)

    out, _ = run("in", "--dry-run")

    assert out.startswith("Dry run: nothing was written.")
    assert "3 created" in out
    assert not Article.objects.exists()
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_fail_fast_stops_at_the_first_failure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "001.txt").write_bytes(b"")

    _, err = run_failing("in", "--fail-fast")

    assert "FAILED 001.txt: empty file" in err
    assert list(Article.objects.values_list("origin", flat=True)) == ["000.txt"]


@pytest.mark.django_db
def test_verbosity_zero_prints_only_failures_and_two_prints_every_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in", 2)

    assert run("in", verbosity=0) == ("", "")
    out, _ = run("in", verbosity=2)
    assert "unchanged 000.txt" in out
    assert "unchanged 001.txt" in out


# --- real processes: exit status, progress bar, two imports at once ----------


@pytest.mark.django_db(transaction=True)
def test_the_exit_status_is_zero_when_all_imported_and_non_zero_when_any_failed(
    database_url, tmp_path
):
    write_corpus(tmp_path / "good", 2)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}

    ok = finish(manage("import_seeds", "good", database_url=database_url, cwd=tmp_path, **pipes))
    bad = finish(
        manage("import_seeds", "bad", "good", database_url=database_url, cwd=tmp_path, **pipes)
    )

    assert ok[0] == 0, ok[2]
    assert bad[0] != 0
    assert "FAILED empty.txt: empty file" in bad[2]


@pytest.mark.django_db(transaction=True)
def test_the_progress_bar_is_drawn_only_on_a_terminal(database_url, tmp_path):
    write_corpus(tmp_path / "in", 3)
    terminal, side = pty.openpty()
    # A real terminal has a size; tqdm draws nothing in a zero-column one.
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = manage("import_seeds", "in", database_url=database_url, cwd=tmp_path,
                     stdout=subprocess.PIPE, stderr=side)  # fmt: skip
    os.close(side)
    drawn = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        drawn += chunk
    os.close(terminal)
    assert finish(process)[0] == 0
    piped = finish(manage("import_seeds", "in", database_url=database_url, cwd=tmp_path,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE))  # fmt: skip

    assert "| 0/3 [" in drawn.decode("utf-8", errors="replace")  # how far the redraws get varies
    assert piped[0] == 0
    assert piped[2] == ""


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_files_at_once_end_with_one_copy_of_everything(
    database_url, tmp_path
):
    paths = write_corpus(tmp_path / "corpus", 24)
    # What one import alone would store, from the extraction itself.
    parses = [extract(path.read_text(encoding="utf-8")) for path in paths]
    expected = {
        "articles": len(paths),
        "people": len({matching_key(e.name) for p in parses for e in p.people}),
        "organisations": len({matching_key(e.name) for p in parses for e in p.organisations}),
        "directives": len({e.key for p in parses for e in p.directives}),
        "mentions": sum(len(p.mentions) for p in parses),
        "same_sha": 0,
    }

    runs = [
        manage("import_seeds", "corpus", "-v2", database_url=database_url, cwd=tmp_path,
               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]  # fmt: skip
    results = [finish(process) for process in runs]

    for code, _, err in results:
        assert code == 0, err
        assert err == ""
    created = [
        line for _, out, _ in results for line in out.splitlines() if line.startswith("created")
    ]
    assert sorted(created) == sorted(f"created   {p.name}" for p in paths)
    assert stored_counts(database_url, tmp_path) == expected


@pytest.mark.django_db
def test_reextract_runs_extraction_again_on_every_stored_article_keeping_editors_changes(
    tmp_path, monkeypatch
):
    from archive.models import PersonMention
    from archive.services.editing import record_edit

    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in", 3)
    run("in")
    expected = set(PersonMention.objects.values_list("article", "person", "start"))
    PersonMention.objects.all().delete()  # as if an older extractor had missed them
    edited = Article.objects.order_by("pk").first()
    edited.title = "Tiêu đề do biên tập viên sửa"
    record_edit(instance=edited, fields=["title"])

    out, err = run(reextract=True)

    assert "Re-extraction finished." in out
    assert "0 created, 3 updated, 0 unchanged, 0 failed" in out
    assert err == ""
    assert set(PersonMention.objects.values_list("article", "person", "start")) == expected
    edited.refresh_from_db()
    assert edited.title == "Tiêu đề do biên tập viên sửa"

    out, _ = run(reextract=True)

    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out


@pytest.mark.django_db
def test_stored_articles_are_read_in_bounded_pages_and_each_comes_once(tmp_path, monkeypatch):
    from archive.services.batch import stored_articles

    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "in", 5)
    run("in")

    seen = [article.pk for article in stored_articles(page_size=2)]

    assert seen == sorted(Article.objects.values_list("pk", flat=True))
