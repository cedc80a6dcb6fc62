"""Import many files at once: cheap re-imports, extraction on all cores, writes in batches.

What belongs here: the fast path of `import_seeds` (the one-by-one path of
batch.py stays for dry runs, --fail-fast, the API and the admin). Per batch
of files, in order:

1. Read the files and hash their bytes; one query fetches the stored raw
   hashes of the batch's origins, and a file whose bytes are those of its
   stored article is unchanged without being decoded (the identity is still
   the decoded text's hash: this only skips work).
2. Decode, identify and extract the rest (preparing.py), in a pool of `jobs`
   processes when there are enough files to be worth starting one.
   Extraction runs ahead of the writer by a bounded number of batches, so
   memory does not grow with the number of files or of processes.
3. Write the batch in one transaction (batch_writing.py). When the batch
   fails, its articles are written one by one (importing.store_parsed_article),
   each in its own transaction, so one bad article never loses the others;
   a changed file takes that way too.

Outcomes come out per batch and in file order. A lost database connection is
reopened once per step, as batch.import_one does for one file.

`import_contents` is the same for one batch of texts already in memory (a
task of an import job, import_jobs.py): steps 1 to 3 in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from archive.models import Article
from archive.services.batch import reconnecting, store_guarded
from archive.services.batch_writing import write_batch
from archive.services.importing import (
    ArticleImportError,
    ImportOutcome,
    ImportStatus,
    check_origin,
    read_bounded,
)
from archive.services.preparing import Prepared, Refused, hash_bytes, prepare_many

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from archive.services.batch import ArticleFile

logger = logging.getLogger(__name__)

# Articles per transaction. The first batches are smaller (1, 2, 4, ...) so that
# the first results show at once and an early failure costs little.
BATCH_SIZE = 100
# Below this many files, starting processes costs more than it saves.
POOL_FROM = 200

# (origin, bytes, raw hash) of a file to prepare, with its index in the batch.
_Todo = tuple[int, str, bytes, str]


def batch_sizes(limit: int = BATCH_SIZE) -> Iterator[int]:
    size = 1
    while True:
        yield size
        size = min(size * 2, limit)


def _chunks(files: Sequence[ArticleFile], limit: int) -> Iterator[Sequence[ArticleFile]]:
    start = 0
    sizes = batch_sizes(limit)
    while start < len(files):
        size = next(sizes)
        yield files[start : start + size]
        start += size


def _ignore_interrupts() -> None:
    # Ctrl-C in a terminal reaches the whole process group: the main process
    # alone decides how to stop; the pool is shut down with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _InProcess:
    """The result of preparing a batch here, computed when it is asked for."""

    def __init__(self, items: list[tuple[str, bytes, str]]) -> None:
        self.items = items

    def result(self) -> list[Prepared | Refused]:
        return prepare_many(self.items)


def import_batches(
    files: Sequence[ArticleFile], *, jobs: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[list[ImportOutcome]]:
    """Import `files`; yield the outcomes of each batch once it is written, in file order."""
    pool = None
    if jobs > 1 and len(files) >= POOL_FROM:
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            # fork: the children need nothing but the pure extractor, and never
            # touch the database connection they inherit.
            mp_context=multiprocessing.get_context("fork"),
            initializer=_ignore_interrupts,
        )
    # Batches read and being extracted ahead of the writer: bounded, so memory
    # stays flat however many files and processes.
    ahead = jobs + 1 if pool else 0
    window: deque[tuple[list[ImportOutcome | None], list[_Todo], Future | _InProcess]] = deque()
    try:
        for chunk in _chunks(files, batch_size):
            ready, todo = _read(chunk)
            items = [(origin, data, raw) for _, origin, data, raw in todo]
            work: Future | _InProcess = (
                pool.submit(prepare_many, items) if pool and items else _InProcess(items)
            )
            window.append((ready, todo, work))
            while len(window) > ahead:
                yield _finish(*window.popleft())
        while window:
            yield _finish(*window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _read(
    chunk: Sequence[ArticleFile],
) -> tuple[list[ImportOutcome | None], list[_Todo]]:
    """Read a batch's files; settle the unreadable and the unchanged ones at once."""
    ready: list[ImportOutcome | None] = [None] * len(chunk)
    read: dict[int, tuple[bytes, str]] = {}
    for index, file in enumerate(chunk):
        try:
            data = read_bounded(file.path, origin=file.origin)
            check_origin(file.origin)
        except ArticleImportError as error:
            ready[index] = ImportOutcome.failure(origin=file.origin, error=error)
        else:
            read[index] = (data, hash_bytes(data))
    origins = [chunk[index].origin for index in read]
    stored = reconnecting(
        lambda: dict(
            Article.objects.filter(origin__in=origins).values_list("origin", "raw_sha256")
        ),
        what=origins[0] if origins else "",
    )
    todo: list[_Todo] = []
    for index, (data, raw) in read.items():
        origin = chunk[index].origin
        if stored.get(origin) == raw:
            ready[index] = ImportOutcome(origin=origin, status=ImportStatus.UNCHANGED)
        else:
            todo.append((index, origin, data, raw))
    return ready, todo


def _finish(
    ready: list[ImportOutcome | None], todo: list[_Todo], work: Future | _InProcess
) -> list[ImportOutcome]:
    """Write a batch whose preparation was started; its outcomes in file order."""
    index_of = {origin: index for index, origin, _, _ in todo}
    prepared: list[Prepared] = []
    for result in work.result():
        if isinstance(result, Refused):
            ready[index_of[result.origin]] = ImportOutcome.failure(
                origin=result.origin, error=result.error
            )
        else:
            prepared.append(result)
    for outcome in _write(prepared):
        ready[index_of[outcome.origin]] = outcome
    return [outcome for outcome in ready if outcome is not None]


def import_contents(
    items: Sequence[tuple[str, bytes]], *, refuse_changed: str = ""
) -> list[ImportOutcome]:
    """Import (origin, bytes) pairs as one batch here; their outcomes in the same order.

    With `refuse_changed`, a file whose origin is stored with another text fails
    with that reason instead of replacing it.
    """
    outcomes: dict[str, ImportOutcome] = {}
    read: list[tuple[str, bytes, str]] = []
    for origin, data in items:
        try:
            check_origin(origin)
        except ArticleImportError as error:
            outcomes[origin] = ImportOutcome.failure(origin=origin, error=error)
        else:
            read.append((origin, data, hash_bytes(data)))
    stored = {
        origin: (raw, sha)
        for origin, raw, sha in Article.objects.filter(
            origin__in=[origin for origin, _, _ in read]
        ).values_list("origin", "raw_sha256", "sha256")
    }
    todo = []
    for origin, data, raw in read:
        if origin in stored and stored[origin][0] == raw:
            outcomes[origin] = ImportOutcome(origin=origin, status=ImportStatus.UNCHANGED)
        else:
            todo.append((origin, data, raw))
    prepared = []
    for result in prepare_many(todo):
        if isinstance(result, Refused):
            outcomes[result.origin] = ImportOutcome.failure(
                origin=result.origin, error=result.error
            )
        elif (
            refuse_changed and stored.get(result.origin, (None, result.sha256))[1] != result.sha256
        ):
            error = ArticleImportError(refuse_changed, name=result.origin)
            outcomes[result.origin] = ImportOutcome.failure(origin=result.origin, error=error)
        else:
            prepared.append(result)
    for outcome in _write(prepared):
        outcomes[outcome.origin] = outcome
    return [outcomes[origin] for origin, _ in items]


def _write(items: list[Prepared]) -> list[ImportOutcome]:
    if not items:
        return []
    try:
        outcomes, one_by_one = reconnecting(lambda: write_batch(items), what=items[0].origin)
    except Exception as error:
        # Nothing of the batch was kept: each article is tried alone, and only
        # the one that fails again is reported.
        logger.info("batch from %s failed (%s); writing one by one", items[0].origin, error)
        outcomes, one_by_one = [], items
    for item in one_by_one:
        outcomes.append(store_guarded(item))
    return outcomes
