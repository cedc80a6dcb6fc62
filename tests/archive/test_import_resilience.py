"""The import command over awkward file systems, a lost database connection and Ctrl-C."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from archive.models import Article
from tests.archive.import_runs import invented_article, manage, stored_counts, write_corpus


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(CommandError):  # the failures are what is checked
        call_command("import_seeds", *args, "-v2", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_article_files_in_any_letter_case_are_imported(tmp_path):
    (tmp_path / "LOUD.TXT").write_text(invented_article(1), encoding="utf-8")
    (tmp_path / "Mixed.Txt").write_text(invented_article(2), encoding="utf-8")
    (tmp_path / "plain.txt").write_text(invented_article(3), encoding="utf-8")
    (tmp_path / "notes.md").write_text(invented_article(4), encoding="utf-8")

    run(str(tmp_path))

    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "LOUD.TXT",
        "Mixed.Txt",
        "plain.txt",
    ]


@pytest.mark.django_db
def test_a_broken_link_is_reported_as_a_broken_link(tmp_path):
    write_corpus(tmp_path / "in", 1)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "in" / "moved-away.txt")
    (tmp_path / "lost.txt").symlink_to("nowhere.txt")

    out, err = run(str(tmp_path / "in"), str(tmp_path / "lost.txt"))

    assert f"FAILED gone.txt: broken link (to {tmp_path / 'in' / 'moved-away.txt'})" in err
    assert "FAILED lost.txt: broken link (to nowhere.txt)" in err
    assert "1 created, 0 updated, 0 unchanged, 2 failed" in out
    assert Article.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_ctrl_c_prints_the_totals_so_far_without_a_traceback(database_url, tmp_path, monkeypatch):
    # Enough articles that the run cannot end before this process, however
    # starved of CPU on a loaded machine, reads the third line and interrupts it.
    write_corpus(tmp_path / "in", 1500)
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    # A shell's background job starts with Ctrl-C ignored, and a child inherits
    # that; the importer is run as a person runs it, with Ctrl-C on.
    process = manage("import_seeds", "in", "-v2", database_url=database_url, cwd=tmp_path,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    out, interrupted = "", False
    for line in process.stdout:  # to the end: the pipe is read here only
        out += line
        if out.count("created") == 3 and not interrupted:
            process.send_signal(signal.SIGINT)
            interrupted = True
    err = process.stderr.read()
    code = process.wait()

    assert code == 130
    assert "Traceback" not in err
    assert "interrupted after" in err
    assert "Import interrupted: the totals so far." in out
    created = int(out.split("articles:")[1].split("created")[0])
    # Each article is all or nothing: what the totals say is what is stored.
    assert 3 <= created < 1500
    assert stored_counts(database_url, tmp_path)["articles"] == created


@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_between_articles_is_reopened_and_the_run_goes_on(
    database_url,
    tmp_path,
    monkeypatch,
):
    if connection.vendor != "postgresql":
        pytest.skip("a server connection to terminate exists on PostgreSQL only")
    count = 60
    write_corpus(tmp_path / "in", count)
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    process = manage("import_seeds", "in", "-v2", database_url=database_url, cwd=tmp_path,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    killed, out = 0, ""
    for line in process.stdout:  # to the end: the pipe is read here only
        out += line
        if line.startswith("created") and killed < 2 and _ready(line, killed):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                killed += cursor.fetchone()[0]
    err = process.stderr.read()
    code = process.wait()

    assert killed == 2, "the importer's connection was not found to terminate"
    assert code == 0, err
    assert "Traceback" not in err
    assert f"{count} created, 0 updated, 0 unchanged, 0 failed" in out
    assert stored_counts(database_url, tmp_path)["articles"] == count


def _ready(line: str, killed: int) -> bool:
    # Terminate the importer's connection twice: after its 5th and its 20th article.
    number = int(os.path.basename(line.split()[-1]).split(".")[0])
    return number == (4 if killed == 0 else 19)
