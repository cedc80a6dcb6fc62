"""`manage.py requeue_lost_imports`: put back import batches whose worker was killed.

The database task backend has no lease on a claimed task: a worker killed
mid-batch leaves it RUNNING for ever. Run this every few minutes (cron, a
systemd timer) next to the workers; see archive.services.import_jobs.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand

from archive.services.import_jobs import requeue_lost_batches


class Command(BaseCommand):
    help = (
        "Enqueue again the import batches that have been running for longer than --older-than "
        "seconds (their worker was lost); files already recorded are not imported twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=float,
            default=600,
            help="seconds a batch may run before its worker counts as lost (default 600; a "
            "batch of 50 articles takes a few seconds)",
        )

    def handle(self, *args, older_than, verbosity, **options):
        count = requeue_lost_batches(older_than=datetime.timedelta(seconds=older_than))
        if verbosity >= 1:
            self.stdout.write(f"{count} lost batches enqueued again")
