"""Import many files: find the article files under some paths, import each, sum up.

What belongs here: what a bulk import needs around `import_file` — walking
paths into a list of files with their origins (with a per-path error for a
missing path, a broken link or a directory without articles), turning any
failure of one file into a failed outcome so that the rest still imports (the
same for re-extracting stored articles), getting over a lost database
connection, and the totals of a run. The import
command and the benchmark use it; neither writes anything itself.

An article's origin is its file's path relative to the import root named on
the command line (a file named directly: its name), with "/" between folders,
after an optional prefix. It does not depend on the working directory, nor on
whether the root was given as an absolute or a relative path.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from django.db import DatabaseError, InterfaceError, OperationalError, connection

from archive.models import Article
from archive.services.importing import (
    ArticleImportError,
    ImportOutcome,
    ImportStatus,
    import_file,
    reextract_article,
    store_parsed_article,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from archive.services.preparing import Prepared

T = TypeVar("T")

logger = logging.getLogger(__name__)

ARTICLE_SUFFIX = ".txt"


@dataclass(frozen=True)
class ArticleFile:
    """A file to import and the origin it is stored under."""

    path: Path
    origin: str


def is_article_name(name: str) -> bool:
    # "A.TXT" from a Windows share is as much an article as "a.txt".
    return name.casefold().endswith(ARTICLE_SUFFIX)


def origin_for(*, relative: str, prefix: str = "") -> str:
    """The origin of a file at `relative` (posix) under the import root, after `prefix`."""
    prefix = prefix.strip("/")
    return f"{prefix}/{relative}" if prefix else relative


def _broken_link(path: Path) -> str | None:
    """The target of a link that points nowhere, None for anything else."""
    if path.is_symlink() and not path.exists():
        return os.readlink(path)
    return None


def find_article_files(
    *, paths: Iterable[Path], origin_prefix: str = ""
) -> tuple[list[ArticleFile], list[ImportOutcome]]:
    """The files to import, in a stable order, and a failed outcome per unusable path.

    A directory is searched recursively for `*.txt` in any letter case; a
    file named directly is taken whatever its name. A link to nowhere is
    reported as a broken link. Each file appears once even if named twice;
    two files that would get one origin (the same relative path under two
    roots) are not both imported: the second is reported.
    """
    files: dict[Path, ArticleFile] = {}
    by_origin: dict[str, Path] = {}
    problems: list[ImportOutcome] = []

    def fail(name: str, reason: str) -> None:
        error = ArticleImportError(reason, name=name)
        problems.append(ImportOutcome.failure(origin=name, error=error))

    def add(path: Path, relative: str) -> None:
        absolute = Path(os.path.abspath(path))
        if absolute in files:
            return
        origin = origin_for(relative=relative, prefix=origin_prefix)
        target = _broken_link(path)
        if target is not None:
            fail(origin, f"broken link (to {target})")
        elif origin in by_origin:
            fail(
                origin,
                f"same origin as {by_origin[origin]}; give each collection its own --origin-prefix",
            )
        else:
            by_origin[origin] = absolute
            files[absolute] = ArticleFile(path=absolute, origin=origin)

    for path in map(Path, paths):
        if path.is_dir():
            walk_errors: list[OSError] = []
            found = sorted(
                Path(root, name)
                for root, _dirs, names in os.walk(path, onerror=walk_errors.append)
                # os.walk lists directories (and links to them) apart from these names.
                for name in names
                if is_article_name(name)
            )
            for error in walk_errors:
                fail(str(error.filename or path), f"cannot be read ({error.strerror})")
            if not found and not walk_errors:
                fail(str(path), f"directory contains no {ARTICLE_SUFFIX} files")
            for file in found:
                add(file, file.relative_to(path).as_posix())
        elif path.exists() or path.is_symlink():
            add(path, path.name)
        else:
            fail(str(path), "no such file or directory")
    return list(files.values()), problems


def _connection_lost() -> bool:
    """True when the database connection is dead (not when a query merely failed)."""
    if connection.connection is None:
        # Closed by the failed article's rollback, which found it dead.
        return True
    try:
        return not connection.is_usable()
    except DatabaseError:
        return True


def import_one(*, file: ArticleFile, dry_run: bool = False) -> ImportOutcome:
    """Import a file; any failure becomes a failed outcome instead of an exception.

    A connection lost before or during the article (a database restart, a
    killed backend) is closed and the article tried once more on a new one:
    its transaction was rolled back, so nothing of it is left half-written.
    """
    for attempt in (1, 2):
        before = connection.connection
        try:
            return import_file(path=file.path, origin=file.origin, dry_run=dry_run)
        except ArticleImportError as error:
            return ImportOutcome.failure(origin=file.origin, error=error)
        except (OperationalError, InterfaceError) as error:
            # A transaction that failed on a dead connection has already been
            # given a new one (Django reopens it to restore autocommit).
            replaced = connection.connection is not before
            if attempt == 1 and (replaced or _connection_lost()):
                logger.warning("connection lost at %s (%s); reconnecting", file.origin, error)
                connection.close()
                continue
            return _unexpected(file, error)
        except Exception as error:
            return _unexpected(file, error)
    raise AssertionError("unreachable")


def reconnecting(action: Callable[[], T], *, what: str) -> T:
    """Run `action`; if the connection was lost, run it once more on a new one.

    For a step that is all or nothing (a read, one transaction), as in import_one.
    """
    for attempt in (1, 2):
        before = connection.connection
        try:
            return action()
        except (OperationalError, InterfaceError) as error:
            replaced = connection.connection is not before
            if attempt == 1 and (replaced or _connection_lost()):
                logger.warning("connection lost at %s (%s); reconnecting", what, error)
                connection.close()
                continue
            raise
    raise AssertionError("unreachable")


def store_guarded(item: Prepared) -> ImportOutcome:
    """Write one prepared article in its own transaction; a failure becomes a failed outcome."""
    try:
        return reconnecting(
            lambda: store_parsed_article(
                parsed=item.parsed,
                raw_text=item.text,
                origin=item.origin,
                sha256=item.sha256,
                raw_sha256=item.raw_sha256,
            ),
            what=item.origin,
        )
    except Exception as error:
        logger.exception("importing %s failed", item.origin)
        return ImportOutcome.failure(
            origin=item.origin,
            error=f"{item.origin}: unexpected error ({type(error).__name__}: {error})",
        )


def _unexpected(file: ArticleFile, error: Exception) -> ImportOutcome:
    # A bug or a database problem on one file must not stop the others;
    # the traceback goes to the log for whoever fixes it.
    logger.exception("importing %s failed", file.path)
    return ImportOutcome.failure(
        origin=file.origin,
        error=f"{file.origin}: unexpected error ({type(error).__name__}: {error})",
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

    def lines(self, *, interrupted: bool = False, heading: str = "Import finished.") -> list[str]:
        """The report a person reads at the end of a run (or where it was stopped)."""
        s, e = self.statuses, self.entities_created
        if interrupted:
            first = "Import interrupted: the totals so far."
        else:
            first = "Dry run: nothing was written." if self.dry_run else heading
        lines = [
            first,
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
