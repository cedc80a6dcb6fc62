"""Import jobs: many files imported by tasks, on any number of workers and machines.

What belongs here: splitting a job's files into batches and enqueuing one task
per batch that carries the batch's texts (workers need no shared disk),
running a batch through the bulk import's writer (`import_contents`), recording
each file's result, a job's progress, and putting back a batch whose worker
was killed. The command (`import_seeds --enqueue`), the API and the admin
start jobs through `start_import_job`; nothing here writes an article itself.

The tasks run on Django's task framework (settings.TASKS). With the database
backend a batch's task is enqueued in the same transaction as its file rows,
so a job never has a file without its task; other backends (Celery, RQ) get
the task when that transaction has committed.

A batch may run twice (a worker lost mid-batch, its task put back): files
already recorded are skipped, and importing a text again is "unchanged", so
the archive ends as after one clean run.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from archive.models import ARTICLE_TEXT_FIELDS, Article, ImportJob, ImportJobFile
from archive.services.bulk_import import import_contents
from archive.services.importing import (
    ArticleImportError,
    ImportOutcome,
    ImportStatus,
    read_bounded,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


Status = ImportJobFile.Status
NEEDS_CHANGE_PERMISSION = (
    "an article with this origin exists; replacing its text needs the permission to change articles"
)
SAME_ORIGIN = "another file in this import has the same origin"


@dataclass(frozen=True)
class JobFile:
    """A file of a job: its bytes, a file on disk, something that reads them, or an error.

    A path or an opener is read only when its batch is enqueued, so a job
    holds one batch's texts in memory, not all of them.
    """

    origin: str
    data: bytes | None = None
    path: Path | None = None
    opener: Callable[[], bytes] | None = None
    error: str = ""

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.opener is not None:
            return self.opener()
        if self.path is None:
            raise ArticleImportError(self.error or "no content", name=self.origin)
        return read_bounded(self.path, origin=self.origin)


def _batches(files: Sequence[JobFile], size: int) -> Iterator[Sequence[JobFile]]:
    for start in range(0, len(files), size):
        yield files[start : start + size]


def _payload(origin: str, data: bytes) -> dict[str, str]:
    # Text stays readable in the task row; bytes that are not UTF-8 (UTF-16,
    # binary) or hold NUL (which PostgreSQL's jsonb refuses) travel as base64.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return {"origin": origin, "text": text}
    return {"origin": origin, "base64": base64.b64encode(data).decode("ascii")}


def _data(item: dict[str, str]) -> bytes:
    if "base64" in item:
        return base64.b64decode(item["base64"])
    return item["text"].encode("utf-8")


def start_import_job(
    *,
    files: Sequence[JobFile],
    source: str,
    user: AbstractBaseUser | AnonymousUser | None = None,
    may_replace: bool = True,
    batch_size: int | None = None,
) -> ImportJob:
    """Record a job and enqueue one task per batch of its files; returns the job at once.

    Files that cannot be read (or whose origin repeats one before it) are
    recorded as failed with their reason and are not sent to a worker. Only
    one batch's texts are in memory at a time.
    """
    from archive.tasks import import_batch

    size = max(1, batch_size or settings.ARCHIVE_IMPORT_BATCH_SIZE)
    job = ImportJob.objects.create(
        source=source,
        created_by=user if user is not None and user.is_authenticated else None,
        total=len(files),
        batches=(len(files) + size - 1) // size,
        may_replace=may_replace,
    )
    seen: set[str] = set()
    for number, chunk in enumerate(_batches(files, size), start=1):
        rows, payload = [], []
        for file in chunk:
            row = ImportJobFile(job=job, batch=number, origin=file.origin)
            try:
                if file.error:
                    raise ArticleImportError(file.error, name=file.origin)
                if file.origin in seen:
                    raise ArticleImportError(SAME_ORIGIN, name=file.origin)
                seen.add(file.origin)
                payload.append(_payload(file.origin, file.read()))
            except ArticleImportError as error:
                row.status, row.error, row.finished_at = Status.FAILED, str(error), timezone.now()
            rows.append(row)
        with transaction.atomic():
            ImportJobFile.objects.bulk_create(rows)
            if payload:
                enqueue = partial(import_batch.enqueue, job_id=job.pk, batch=number, files=payload)
                if isinstance(import_batch.get_backend(), DatabaseBackend):
                    enqueue()
                else:
                    transaction.on_commit(enqueue)
    return job


def run_import_batch(*, job_id: int, batch: int, files: list[dict[str, str]]) -> dict[str, int]:
    """Import one batch's texts (the task's body); returns its counts per status.

    The batch goes through the bulk import's writer (bulk_import.import_contents:
    one transaction for its new articles, and article by article when that
    fails), then each file's result is recorded: a worker killed in between
    leaves those files pending, and the batch's next run finds their articles
    "unchanged".
    """
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return {}  # the job was deleted after its tasks were enqueued
    pending = {
        row.origin: row
        for row in ImportJobFile.objects.filter(job=job, batch=batch, status=Status.PENDING)
    }
    # Rows recorded by an earlier run of this batch are left as they are.
    todo = [(item["origin"], _data(item)) for item in files if item["origin"] in pending]
    outcomes = import_contents(
        todo, refuse_changed="" if job.may_replace else NEEDS_CHANGE_PERMISSION
    )
    articles = _articles_of(outcomes)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        row = pending[outcome.origin]
        status = outcome.status.value
        # Still pending: a slow run and its requeued twin record a file once.
        recorded = ImportJobFile.objects.filter(pk=row.pk, status=Status.PENDING).update(
            status=status,
            error=outcome.error,
            article=articles.get(outcome.origin),
            finished_at=timezone.now(),
        )
        if recorded:
            counts[status] = counts.get(status, 0) + 1
    return counts


def _articles_of(outcomes: list[ImportOutcome]) -> dict[str, Article]:
    """origin -> the article each imported file is: its own, or the one it duplicates."""
    articles = {o.origin: o.article for o in outcomes if o.article is not None}
    wanted = {
        o.origin: o.duplicate_of or o.origin
        for o in outcomes
        if o.article is None and o.status != ImportStatus.FAILED
    }
    if wanted:
        found = Article.objects.filter(origin__in=set(wanted.values())).defer(*ARTICLE_TEXT_FIELDS)
        by_origin = {article.origin: article for article in found}
        articles |= {o: by_origin[s] for o, s in wanted.items() if s in by_origin}
    return articles


@dataclass
class JobProgress:
    """Where a job stands: done (by result), failed with reasons, remaining."""

    job: ImportJob
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts.get(Status.FAILED, 0)

    @property
    def done(self) -> int:
        return sum(n for status, n in self.counts.items() if status not in (Status.PENDING,))

    @property
    def remaining(self) -> int:
        # Files not yet recorded (an enqueuer stopped midway) remain too.
        return self.job.total - self.done

    @property
    def finished(self) -> bool:
        return self.remaining == 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.job.pk,
            "created_at": self.job.created_at,
            "source": self.job.source,
            "total": self.job.total,
            "done": self.done,
            "created": self.counts.get(Status.CREATED, 0),
            "updated": self.counts.get(Status.UPDATED, 0),
            "unchanged": self.counts.get(Status.UNCHANGED, 0),
            "failed": self.failed,
            "remaining": self.remaining,
            "finished": self.finished,
            "failures": [{"origin": o, "error": e} for o, e in self.failures],
        }


def job_progress(*, job: ImportJob, failures_limit: int = 100) -> JobProgress:
    """A job's counts (one grouped query on its (job, status) index) and its first failures."""
    counts = dict(
        ImportJobFile.objects.filter(job=job)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
        .order_by()
    )
    failures = list(
        ImportJobFile.objects.filter(job=job, status=Status.FAILED)
        .order_by("id")
        .values_list("origin", "error")[:failures_limit]
    )
    return JobProgress(job=job, counts=counts, failures=failures)


class WorkerLost(RuntimeError):
    """The worker that claimed this task stopped without finishing it; the task was put back."""


def requeue_lost_batches(*, older_than: datetime.timedelta) -> int:
    """Enqueue again the import batches whose worker was lost; returns how many.

        The database backend marks a task RUNNING when a worker claims it and has
        no lease: a task whose worker was killed stays RUNNING for ever. A batch
        takes seconds, so one RUNNING for longer than `older_than` lost its
        worker; it is marked failed (WorkerLost) and its arguments enqueued as a
        new task. Were the worker only slow, both runs import each file (the
    second finds it unchanged) and the first to finish records it.
    """
    from django_tasks_db.models import DBTaskResult

    from archive.tasks import import_batch

    backend = import_batch.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return 0  # other backends redeliver lost tasks themselves (see the README)
    requeued = 0
    stale = DBTaskResult.objects.running().filter(
        task_path=import_batch.module_path,
        backend_name=backend.alias,
        started_at__lt=timezone.now() - older_than,
    )
    for lost in stale.iterator():
        with transaction.atomic():
            locked = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
                pk=lost.pk, status=lost.status
            )
            row = locked.first()
            if row is None:
                continue  # finished meanwhile, or another requeue has it
            row.set_failed(WorkerLost(f"worker {row.worker_ids[-1:]} lost; task put back"))
            import_batch.enqueue(**row.args_kwargs["kwargs"])
            requeued += 1
    return requeued
