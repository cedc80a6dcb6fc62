"""Import many files: find the article files under some paths, import each, sum up.

What belongs here: what a bulk import needs around `import_file` — walking
paths into a list of files (with a per-path error for a missing path or a
directory without articles), turning any failure of one file into a failed
outcome so that the rest still imports, the same for re-extracting stored
articles, and the totals of a run. The import
command and the benchmark use it; neither writes anything itself.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archive.models import Article
from archive.services.importing import (
    ArticleImportError,
    ImportOutcome,
    ImportStatus,
    import_file,
    origin_of,
    reextract_article,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

logger = logging.getLogger(__name__)

ARTICLE_SUFFIX = ".txt"


def find_article_files(*, paths: Iterable[Path]) -> tuple[list[Path], list[ImportOutcome]]:
    """The files to import, in a stable order, and a failed outcome per unusable path.

    A directory is searched recursively for `*.txt`; a file named directly is
    taken whatever its name. Each file appears once even if named twice.
    """
    files: dict[Path, None] = {}
    problems: list[ImportOutcome] = []

    def fail(path: Path, reason: str) -> None:
        error = ArticleImportError(reason, name=origin_of(path))
        problems.append(ImportOutcome.failure(origin=error.name, error=error))

    for path in map(Path, paths):
        if path.is_dir():
            walk_errors: list[OSError] = []
            found = sorted(
                Path(root, name)
                for root, _dirs, names in os.walk(path, onerror=walk_errors.append)
                # os.walk lists directories (and links to them) apart from these names.
                for name in names
                if name.endswith(ARTICLE_SUFFIX)
            )
            for error in walk_errors:
                fail(Path(error.filename or path), f"cannot be read ({error.strerror})")
            if not found and not walk_errors:
                fail(path, f"directory contains no {ARTICLE_SUFFIX} files")
            files.update(dict.fromkeys(Path(os.path.abspath(p)) for p in found))
        elif path.exists():
            files[Path(os.path.abspath(path))] = None
        else:
            fail(path, "no such file or directory")
    return list(files), problems


def import_one(*, path: Path, dry_run: bool = False) -> ImportOutcome:
    """Import a file; any failure becomes a failed outcome instead of an exception."""
    try:
        return import_file(path=path, dry_run=dry_run)
    except ArticleImportError as error:
        return ImportOutcome.failure(origin=error.name or origin_of(path), error=error)
    except Exception as error:
        # A bug or a database problem on one file must not stop the others;
        # the traceback goes to the log for whoever fixes it.
        logger.exception("importing %s failed", path)
        origin = origin_of(path)
        return ImportOutcome.failure(
            origin=origin, error=f"{origin}: unexpected error ({type(error).__name__}: {error})"
        )


def reextract_one(*, article: Article) -> ImportOutcome:
    """Extract a stored article again; any failure becomes a failed outcome instead of an exception.

    The admin action and `import_seeds --reextract` both go on after a failing
    article and report it by name.
    """
    try:
        return reextract_article(article=article)
    except Exception as error:
        logger.exception("re-extracting %s failed", article.origin)
        return ImportOutcome.failure(
            origin=article.origin,
            error=f"{article.origin}: unexpected error ({type(error).__name__}: {error})",
        )


def stored_articles(*, page_size: int = 200) -> Iterator[Article]:
    """Every stored article in primary-key order, read a page at a time.

    Keyset pages (pk > last) keep each query bounded however large the archive.
    """
    last = 0
    while True:
        page = list(Article.objects.filter(pk__gt=last).order_by("pk")[:page_size])
        yield from page
        if len(page) < page_size:
            return
        last = page[-1].pk


@dataclass
class ImportSummary:
    """Totals of one run of many imports."""

    dry_run: bool = False
    files_read: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    entities_created: Counter[str] = field(default_factory=Counter)
    mentions_written: int = 0
    duplicates: list[ImportOutcome] = field(default_factory=list)
    failures: list[ImportOutcome] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    def add(self, outcome: ImportOutcome, *, read: bool = True) -> None:
        self.files_read += read
        self.statuses[outcome.status] += 1
        self.entities_created.update(outcome.entities_created)
        self.mentions_written += outcome.mentions_written
        if outcome.duplicate_of:
            self.duplicates.append(outcome)
        if outcome.status == ImportStatus.FAILED:
            self.failures.append(outcome)

    def finish(self) -> None:
        self.finished = time.perf_counter()

    @property
    def seconds(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    @property
    def failed(self) -> int:
        return len(self.failures)

    def lines(self, *, heading: str = "Import finished.") -> list[str]:
        """The report a person reads at the end of a run."""
        s, e = self.statuses, self.entities_created
        lines = [
            "Dry run: nothing was written." if self.dry_run else heading,
            f"  files read:        {self.files_read}",
            f"  articles:          {s[ImportStatus.CREATED]} created, "
            f"{s[ImportStatus.UPDATED]} updated, {s[ImportStatus.UNCHANGED]} unchanged, "
            f"{s[ImportStatus.FAILED]} failed",
            f"  entities created:  {e['people']} people, {e['organisations']} organisations, "
            f"{e['directives']} directives",
            f"  mentions written:  {self.mentions_written}",
            f"  time taken:        {self.seconds:.1f} s",
        ]
        if self.dry_run:
            lines.append("  (a dry run counts each file as if it were imported alone)")
        for outcome in self.duplicates:
            lines.append(f"  {outcome.origin}: same content as {outcome.duplicate_of}")
        if self.failures:
            lines.append(f"Failed ({self.failed}):")
            lines += [f"  {outcome.error}" for outcome in self.failures]
        return lines
