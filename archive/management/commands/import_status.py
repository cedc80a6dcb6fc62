"""`manage.py import_status JOB`: where an import job stands (done, failed and why, remaining).

Thin: the counts are the service's (archive.services.import_jobs).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from archive.models import ImportJob
from archive.services.import_jobs import job_progress


class Command(BaseCommand):
    help = (
        "Show an import job's progress: files done (created, updated, unchanged), failed with "
        "their reasons, and remaining. Exits 1 when any file failed, 3 while files remain."
    )

    def add_arguments(self, parser):
        parser.add_argument("job", type=int, help="the job id printed by import_seeds --enqueue")
        parser.add_argument(
            "--failures", type=int, default=100, help="list at most this many failures"
        )

    def handle(self, *args, job, failures, **options):
        found = ImportJob.objects.filter(pk=job).first()
        if found is None:
            raise CommandError(f"no import job {job}")
        progress = job_progress(job=found, failures_limit=failures)
        data = progress.as_dict()
        self.stdout.write(
            "\n".join(
                [
                    f"Import job {found.pk} ({found.get_source_display()}, "
                    f"{found.created_at:%Y-%m-%d %H:%M}): "
                    + ("finished" if progress.finished else "running"),
                    f"  files:      {found.total} in {found.batches} batches",
                    f"  done:       {progress.done} ({data['created']} created, "
                    f"{data['updated']} updated, {data['unchanged']} unchanged, "
                    f"{progress.failed} failed)",
                    f"  remaining:  {progress.remaining}",
                ]
            )
        )
        if progress.failures:
            self.stdout.write(f"Failed ({progress.failed}):")
            for _, error in progress.failures:
                self.stdout.write(f"  {error}")
        if progress.failed:
            raise CommandError(f"{progress.failed} failed", returncode=1)
        if not progress.finished:
            raise CommandError(f"{progress.remaining} remaining", returncode=3)
