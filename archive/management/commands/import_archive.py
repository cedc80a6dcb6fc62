"""`manage.py import_archive DIR`: restore an export into an empty, migrated database.

Thin on purpose: the checks and the writing are archive.services.restoring's.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.services.restoring import RestoreRefused, restore_archive


class Command(BaseCommand):
    help = (
        "Restore an export written by export_archive into an empty database, keeping every id. "
        "Every checksum is verified before anything is written; API tokens are not restored "
        "(their holders ask for new ones)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a directory written by export_archive")

    def handle(self, *args, directory: Path, verbosity: int, **options):
        try:
            summary = restore_archive(directory=directory)
        except RestoreRefused as error:
            raise CommandError(f"nothing restored: {error}") from error
        if verbosity >= 1:
            total = sum(summary.rows.values())
            self.stdout.write(f"restored {total} rows in {len(summary.rows)} tables")
            if summary.tokens_not_restored:
                self.stdout.write(
                    f"{summary.tokens_not_restored} API tokens were not restored: their "
                    "holders must ask for new ones (POST /api/auth/token/)"
                )
        if verbosity >= 2:
            for label, rows in summary.rows.items():
                self.stdout.write(f"  {label:40} {rows}")
