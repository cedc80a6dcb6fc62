"""`manage.py export_archive DIR`: write the archive (or bring an earlier export up to date).

Thin on purpose: the format and the work are archive.services.exporting's.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from archive.services.exporting import export_archive


class Command(BaseCommand):
    help = (
        "Export every article's original text and every table (entities, mentions, editors' "
        "changes, users, groups, token hashes) to DIR, with a manifest of SHA-256 checksums. "
        "Run again on the same DIR to rewrite only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="the export directory (created if needed)")

    def handle(self, *args, directory: Path, verbosity: int, **options):
        summary = export_archive(directory=directory)
        if verbosity >= 1:
            total = sum(summary.rows.values())
            self.stdout.write(
                f"exported {total} rows in {len(summary.rows)} tables to {directory}: "
                f"{summary.chunks_written} chunk files written, {summary.chunks_unchanged} "
                f"unchanged; {summary.texts_written} article texts written, "
                f"{summary.texts_unchanged} unchanged; {summary.files_removed} files removed"
            )
        if verbosity >= 2:
            for label, rows in summary.rows.items():
                self.stdout.write(f"  {label:40} {rows}")
