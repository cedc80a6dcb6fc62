"""Import jobs: `import_seeds --enqueue`, the database worker, `import_status`, lost workers."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from archive.models import Article, ImportJob, ImportJobFile
from archive.services.import_jobs import JobFile, job_progress, start_import_job
from tests.archive.import_runs import invented_article, write_corpus
from tests.archive.jobs import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def enqueue(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_seeds", "--enqueue", *args, stdout=out, stderr=err)
    return int(out.getvalue().strip()), err.getvalue()


def status(job: int) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("import_status", str(job), stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


def test_enqueue_splits_into_batch_tasks_that_a_worker_imports(tmp_path):
    write_corpus(tmp_path / "in", 7)
    job_id, said = enqueue(str(tmp_path / "in"), "--batch-size=3")
    assert "import_status" in said
    job = ImportJob.objects.get(pk=job_id)
    assert (job.total, job.batches) == (7, 3)
    # Nothing imported yet: the texts wait in three tasks, not on a shared disk.
    assert Article.objects.count() == 0
    tasks = DBTaskResult.objects.filter(task_path="archive.tasks.import_batch")
    assert tasks.count() == 3
    carried = [f["origin"] for t in tasks for f in t.args_kwargs["kwargs"]["files"]]
    assert sorted(carried) == [f"{i:03d}.txt" for i in range(7)]
    code, report = status(job_id)
    assert code == 3
    assert "remaining:  7" in report

    run_worker()

    assert Article.objects.count() == 7
    code, report = status(job_id)
    assert code == 0, report
    assert "finished" in report
    assert "done:       7 (7 created, 0 updated, 0 unchanged, 0 failed)" in report
    assert "remaining:  0" in report
    assert set(ImportJobFile.objects.values_list("article__origin", flat=True)) == {
        f"{i:03d}.txt" for i in range(7)
    }


def test_failed_files_are_listed_with_their_reasons_and_the_rest_imports(tmp_path):
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    job_id, _ = enqueue(str(tmp_path / "in"), str(tmp_path / "missing"))
    run_worker()
    code, report = status(job_id)
    assert code == 1
    assert "2 created, 0 updated, 0 unchanged, 3 failed" in report
    assert "remaining:  0" in report
    assert "empty.txt: " in report
    assert "binary.txt: " in report
    assert "missing: no such file or directory" in report
    assert Article.objects.count() == 2


def test_a_second_job_of_the_same_files_reports_them_unchanged(tmp_path):
    write_corpus(tmp_path / "in", 3)
    enqueue(str(tmp_path / "in"))
    run_worker()
    job_id, _ = enqueue(str(tmp_path / "in"))
    run_worker()
    assert "0 created, 0 updated, 3 unchanged" in status(job_id)[1]
    assert Article.objects.count() == 3


def test_a_batch_whose_worker_was_lost_is_put_back_and_imported_once(tmp_path):
    write_corpus(tmp_path / "in", 4)
    job_id, _ = enqueue(str(tmp_path / "in"), "--batch-size=2")
    # A worker claims a batch and is killed before finishing it: the backend
    # leaves the task RUNNING, and nothing else would ever run it.
    lost = DBTaskResult.objects.ready().first()
    lost.claim("killed-worker")
    DBTaskResult.objects.filter(pk=lost.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    run_worker()
    assert job_progress(job=ImportJob.objects.get(pk=job_id)).remaining == 2

    out = io.StringIO()
    call_command("requeue_lost_imports", "--older-than=600", stdout=out)
    assert out.getvalue().startswith("1 lost batches")
    run_worker()

    progress = job_progress(job=ImportJob.objects.get(pk=job_id))
    assert (progress.remaining, progress.failed, progress.counts["created"]) == (0, 0, 4)
    lost.refresh_from_db()
    assert lost.status == "FAILED"
    assert lost.exception_class_path.endswith("WorkerLost")
    # A second sweep finds nothing: the lost task is not put back twice.
    call_command("requeue_lost_imports", "--older-than=0", stdout=io.StringIO())
    assert not DBTaskResult.objects.ready().exists()


def test_a_running_batch_is_not_taken_for_lost_before_its_time(tmp_path):
    write_corpus(tmp_path / "in", 2)
    enqueue(str(tmp_path / "in"))
    DBTaskResult.objects.ready().first().claim("busy-worker")
    out = io.StringIO()
    call_command("requeue_lost_imports", "--older-than=600", stdout=out)
    assert out.getvalue().startswith("0 lost batches")


def test_two_files_with_one_origin_in_a_job_import_the_first_only():
    first, second = invented_article(1).encode(), invented_article(2).encode()
    job = start_import_job(
        files=[JobFile("a.txt", data=first), JobFile("a.txt", data=second)], source="api"
    )
    run_worker()
    progress = job_progress(job=job)
    assert progress.counts == {"created": 1, "failed": 1}
    assert progress.failures == [
        ("a.txt", "a.txt: another file in this import has the same origin")
    ]
    assert Article.objects.get(origin="a.txt").raw_text == invented_article(1)


def test_a_job_that_may_not_replace_leaves_an_existing_article_as_it_was():
    start_import_job(files=[JobFile("a.txt", data=invented_article(1).encode())], source="api")
    run_worker()
    job = start_import_job(
        files=[
            JobFile("a.txt", data=invented_article(2).encode()),
            JobFile("b.txt", data=invented_article(3).encode()),
        ],
        source="api",
        may_replace=False,
    )
    run_worker()
    progress = job_progress(job=job)
    assert progress.counts == {"created": 1, "failed": 1}
    assert "needs the permission to change articles" in progress.failures[0][1]
    assert Article.objects.get(origin="a.txt").raw_text == invented_article(1)


def test_text_that_is_not_utf8_travels_in_the_task_and_imports_as_from_disk(tmp_path):
    text = invented_article(5)
    job = start_import_job(
        files=[JobFile("utf16.txt", data=codecs_utf16(text))], source="api", batch_size=10
    )
    run_worker()
    assert job_progress(job=job).counts == {"created": 1}
    assert Article.objects.get(origin="utf16.txt").raw_text == text


def codecs_utf16(text: str) -> bytes:
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
