"""`manage.py import_seeds [PATH ...]`: import article files through the import service.

Thin on purpose: paths in, report out. Reading, parsing and writing are the
service's (archive.services); this command only chooses the files, shows
progress and prints the totals. Each article's origin is its path relative to
the path given here (see archive.services.batch), after --origin-prefix.

A run goes through archive.services.bulk_import (extraction on --jobs
processes, articles written in batches); a dry run and --fail-fast go one
file at a time, so that nothing is written past the first failure. Ctrl-C
stops once the batch being written is committed (a second Ctrl-C: at once,
rolling it back) and prints the totals so far, which are what is stored.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from types import SimpleNamespace

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.models import ImportJob
from archive.services.batch import (
    ImportSummary,
    find_article_files,
    import_one,
    reextract_one,
    stored_articles,
)
from archive.services.bulk_import import import_batches
from archive.services.import_jobs import JobFile, start_import_job
from archive.services.importing import ImportStatus


@contextmanager
def _interrupt_between_batches():
    """Turn the first Ctrl-C into a request to stop after the current batch.

    A batch is committed as a whole; stopping between batches keeps the
    printed totals equal to what is stored. A second Ctrl-C interrupts at once
    (the batch being written is rolled back).
    """
    state = SimpleNamespace(requested=False)

    def request(signum, frame):
        state.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    try:
        previous = signal.signal(signal.SIGINT, request)
    except ValueError:  # not the main thread: no signals to catch
        yield state
        return
    try:
        yield state
    finally:
        signal.signal(signal.SIGINT, previous)


class Command(BaseCommand):
    help = (
        "Import article files (*.txt in any letter case, searched recursively in directories) "
        "into the archive. An article's origin is its path relative to the directory given "
        "(a file given directly: its name), after --origin-prefix. Exits non-zero when any "
        "file failed; the others are imported all the same."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", default=["seeds/"], help="files or directories (default: seeds/)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and report, write nothing"
        )
        parser.add_argument(
            "--fail-fast", action="store_true", help="stop at the first file that fails"
        )
        parser.add_argument(
            "--origin-prefix",
            default="",
            help="put this before every origin, e.g. 'vnexpress' gives 'vnexpress/2025/a.txt' "
            "(keeps collections with the same file names apart)",
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="extract every stored article again from its raw text (no files are read); "
            "editors' changes are kept",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="do not import here: split the files into batches, enqueue one task per batch "
            "(the task carries the texts) for `manage.py db_worker` on any machine, print the "
            "job id (follow it with `manage.py import_status JOB`)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help="articles per task with --enqueue (default: ARCHIVE_IMPORT_BATCH_SIZE, 50)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="processes that extract articles while this one writes (default: one per core)",
        )

    def handle(
        self, *args, paths, dry_run, fail_fast, origin_prefix, reextract, jobs, verbosity, **options
    ):
        self.verbosity = verbosity
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more")
        if options["enqueue"]:
            if dry_run or reextract or fail_fast:
                raise CommandError(
                    "--enqueue runs the import on workers: no --dry-run, --reextract or --fail-fast"
                )
            self._enqueue(paths, origin_prefix=origin_prefix, batch_size=options["batch_size"])
            return
        if reextract:
            if dry_run:
                raise CommandError("--reextract writes what it finds; it has no dry run")
            self._reextract(fail_fast=fail_fast)
            return
        summary = ImportSummary(dry_run=dry_run)
        files, problems = find_article_files(
            paths=[Path(p) for p in paths], origin_prefix=origin_prefix
        )
        for outcome in problems:
            summary.add(outcome, read=False)
            self._report(outcome)
        interrupted = False
        try:
            if dry_run or fail_fast:
                if not (fail_fast and problems):
                    self._import(files, summary, dry_run=dry_run, fail_fast=fail_fast)
            else:
                self._import_batches(files, summary, jobs=jobs)
        except KeyboardInterrupt:
            # The article being written was rolled back with its transaction;
            # the person who pressed Ctrl-C wants to know how far it got.
            interrupted = True
        summary.finish()
        if verbosity >= 1 or interrupted:
            self.stdout.write("\n".join(summary.lines(interrupted=interrupted)))
        if interrupted:
            raise CommandError(
                f"interrupted after {summary.files_read} of {len(files)} files", returncode=130
            )
        if summary.failed:
            raise CommandError(f"{summary.failed} failed; see the list above")

    def _enqueue(self, paths, *, origin_prefix: str, batch_size: int | None) -> None:
        files, problems = find_article_files(
            paths=[Path(p) for p in paths], origin_prefix=origin_prefix
        )
        job = start_import_job(
            files=[
                *(JobFile(origin=f.origin, path=f.path) for f in files),
                *(
                    JobFile(origin=p.origin, error=p.error.removeprefix(f"{p.origin}: "))
                    for p in problems
                ),
            ],
            source=ImportJob.Source.COMMAND,
            batch_size=batch_size,
        )
        if self.verbosity >= 1:
            self.stderr.write(
                f"Enqueued {job.total} files in {job.batches} tasks; "
                f"follow with: manage.py import_status {job.pk}"
            )
        # The job id alone on stdout, for scripts.
        self.stdout.write(str(job.pk))

    def _reextract(self, *, fail_fast: bool) -> None:
        summary = ImportSummary()
        for article in stored_articles():
            outcome = reextract_one(article=article)
            summary.add(outcome)
            self._report(outcome)
            if fail_fast and outcome.status == ImportStatus.FAILED:
                break
        summary.finish()
        if self.verbosity >= 1:
            self.stdout.write("\n".join(summary.lines(heading="Re-extraction finished.")))
        if summary.failed:
            raise CommandError(f"{summary.failed} failed; see the list above")

    def _import(self, files, summary: ImportSummary, *, dry_run: bool, fail_fast: bool) -> None:
        # A progress bar only for a person watching a terminal, never in logs or pipes.
        show_bar = self.verbosity >= 1 and sys.stderr.isatty()
        bar = tqdm(files, unit="file", file=sys.stderr, disable=not show_bar, leave=False)
        try:
            for file in bar:
                outcome = import_one(file=file, dry_run=dry_run)
                summary.add(outcome)
                # Lines printed while the bar is drawn must not be torn by it.
                with tqdm.external_write_mode(file=sys.stderr) if show_bar else nullcontext():
                    self._report(outcome)
                if fail_fast and outcome.status == ImportStatus.FAILED:
                    break
        finally:
            bar.close()

    def _import_batches(self, files, summary: ImportSummary, *, jobs: int) -> None:
        show_bar = self.verbosity >= 1 and sys.stderr.isatty()
        bar = tqdm(
            total=len(files), unit="file", file=sys.stderr, disable=not show_bar, leave=False
        )
        batches = import_batches(files, jobs=jobs)
        try:
            with _interrupt_between_batches() as stop, closing(batches):
                for outcomes in batches:
                    with tqdm.external_write_mode(file=sys.stderr) if show_bar else nullcontext():
                        for outcome in outcomes:
                            summary.add(outcome)
                            self._report(outcome)
                    bar.update(len(outcomes))
                    if stop.requested:
                        raise KeyboardInterrupt
        finally:
            bar.close()

    def _report(self, outcome) -> None:
        if outcome.status == ImportStatus.FAILED:
            # Failures are shown at every verbosity: they are what needs acting on.
            self.stderr.write(f"FAILED {outcome.error}")
            return
        if self.verbosity < 2:
            return
        detail = f" (same content as {outcome.duplicate_of})" if outcome.duplicate_of else ""
        self.stdout.write(f"{outcome.status.value:9} {outcome.origin}{detail}")
        if self.verbosity >= 3 and outcome.parsed is not None:
            created = ", ".join(f"{n} {kind}" for kind, n in outcome.entities_created.items())
            self.stdout.write(
                f"          new: {created}; mentions written: {outcome.mentions_written}, "
                f"removed: {outcome.mentions_deleted}"
            )
