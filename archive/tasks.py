"""Background tasks (Django's task framework: the django-tasks backport until Django 6).

Thin on purpose: a task's arguments are JSON, its body is a service's. On
Django 6 `from django.tasks import task` replaces the import below, nothing else.
"""

from __future__ import annotations

from django_tasks import task

from archive.services.import_jobs import run_import_batch


@task()
def import_batch(*, job_id: int, batch: int, files: list[dict[str, str]]) -> dict[str, int]:
    """Import one batch of a job: files are [{"origin", "text" | "base64"}]."""
    return run_import_batch(job_id=job_id, batch=batch, files=files)
