"""Two database workers on one PostgreSQL database; one is SIGKILLed mid-run.

The end state must be one clean run's: every article once, nothing half
written, the killed worker's batch picked up again. The database backend
itself leaves a task claimed by a killed worker RUNNING for ever (it has no
lease); `requeue_lost_imports` puts it back, and this test shows that the
batch's second run finishes the job without duplicating anything.
"""

from __future__ import annotations

import io
import signal
import subprocess
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    ImportJob,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)
from archive.services.import_jobs import job_progress
from tests.archive.import_runs import manage, write_corpus

ARTICLES = 300

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="workers on several processes claim with SELECT ... FOR UPDATE SKIP LOCKED: "
        "PostgreSQL (SQLite serialises all writers through one file lock)",
    ),
]


def archive_state() -> dict:
    mentions = [
        sorted(model.objects.values_list("article__origin", "start", "end", "surface"))
        for model in (PersonMention, OrganisationMention, DirectiveMention)
    ]
    return {
        "articles": sorted(Article.objects.values_list("origin", "sha256", "title", "body")),
        "people": sorted(Person.objects.values_list("name", "rank")),
        "organisations": sorted(Organisation.objects.values_list("name", flat=True)),
        "directives": sorted(Directive.objects.values_list("kind", "number", "symbol")),
        "mentions": mentions,
    }


def wait_for(condition, *, timeout: float = 300, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def running_on(worker: str) -> list[DBTaskResult]:
    return [t for t in DBTaskResult.objects.running() if t.worker_ids[-1:] == [worker]]


def test_a_killed_worker_s_batch_is_picked_up_again_and_the_end_state_is_one_clean_run(
    database_url, tmp_path
):
    write_corpus(tmp_path / "corpus", ARTICLES)
    out = io.StringIO()
    call_command(
        "import_seeds", "--enqueue", "--batch-size=10", str(tmp_path / "corpus"), stdout=out
    )
    job = ImportJob.objects.get(pk=int(out.getvalue()))
    workers = {
        name: manage("db_worker", "--no-startup-delay", "--interval=0.1", f"--worker-id={name}",
                     "-v0", database_url=database_url, cwd=tmp_path,
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for name in ("w1", "w2")
    }  # fmt: skip
    try:
        # Kill w1 while it holds a batch, once both have been at work.
        wait_for(lambda: job_progress(job=job).done >= 30 and running_on("w1"), what="w1 busy")
        workers["w1"].send_signal(signal.SIGKILL)
        workers["w1"].wait(timeout=30)
        lost = [t.pk for t in running_on("w1")]
        assert lost, "w1 finished its batch before the kill landed"

        # w2 empties the queue; w1's batch stays RUNNING and its files pending.
        wait_for(lambda: not DBTaskResult.objects.ready().exists() and not running_on("w2"),
                 what="w2 to empty the queue")  # fmt: skip
        assert [t.pk for t in DBTaskResult.objects.running()] == lost
        assert job_progress(job=job).remaining > 0

        call_command("requeue_lost_imports", "--older-than=0", stdout=io.StringIO())
        wait_for(lambda: job_progress(job=job).finished, what="the job to finish")
    finally:
        for process in workers.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=60)
    assert workers["w2"].returncode == 0, workers["w2"].stderr.read()

    progress = job_progress(job=job)
    assert (progress.done, progress.failed, progress.remaining) == (ARTICLES, 0, 0)
    after_kill = archive_state()
    assert len(after_kill["articles"]) == ARTICLES

    call_command("flush", "--noinput", verbosity=0)
    call_command("import_seeds", str(tmp_path / "corpus"), verbosity=0)
    assert archive_state() == after_kill
