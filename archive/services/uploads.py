"""Uploaded files and zips -> the files of an import job, within limits.

What belongs here: what the API and the admin accept as "several files or a
zip", checked before anything is enqueued. A zip is read entry by entry with
every size bounded by what is actually read, never by what the zip declares,
so a zip bomb costs at most the limits below. An entry's path becomes its
origin (after an optional prefix) only when it is a plain relative path: an
absolute path, "..", a drive letter or a link is refused by name, and no
entry is unpacked to disk. Entries (and uploaded files) are read again when
their batch is enqueued, so a job holds one batch's texts in memory.
"""

from __future__ import annotations

import posixpath
import stat
import zipfile
from functools import partial
from typing import TYPE_CHECKING

from archive.extraction.decoding import MAX_ARTICLE_BYTES
from archive.services.batch import is_article_name, origin_for
from archive.services.import_jobs import JobFile

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.core.files.uploadedfile import UploadedFile

# One request: at most this much sent (files or zips together) ...
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
# ... and, unpacked, at most this many articles and bytes.
MAX_FILES = 10_000
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 64 * 1024


class UploadError(ValueError):
    """The upload as a whole is refused (too large, too many files, not a zip): nothing queued."""


def is_zip(upload: UploadedFile) -> bool:
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC))
    upload.seek(0)
    return head == ZIP_MAGIC


def _unsafe(name: str) -> str:
    """Why an entry's path may not be an origin, or "" when it may."""
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "absolute or Windows path in the zip"
    if any(part in ("", ".", "..") for part in name.rstrip("/").split("/")):
        return "path in the zip with '..', '.' or an empty folder name"
    return ""


class _Budget:
    def __init__(self) -> None:
        self.files = 0
        self.bytes = 0

    def take(self, size: int) -> None:
        self.files += 1
        self.bytes += size
        if self.files > MAX_FILES:
            raise UploadError(f"more than {MAX_FILES} files in one import; split it")
        if self.bytes > MAX_UNPACKED_BYTES:
            raise UploadError(
                f"more than {MAX_UNPACKED_BYTES // 1024 // 1024} MB of articles in one import "
                "once unpacked; split it"
            )


def _too_large(name: str) -> JobFile:
    limit = MAX_ARTICLE_BYTES // 1024 // 1024
    return JobFile(origin=name, error=f"file is larger than {limit} MB")


def _zip_files(upload: UploadedFile, *, prefix: str, budget: _Budget) -> Iterable[JobFile]:
    try:
        # Left open: its entries are read again when their batch is enqueued,
        # within the request that holds the upload.
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadError(f"{upload.name}: not a readable zip ({error})") from None
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or not is_article_name(name):
            continue  # folders and other files, as the command skips them
        problem = _unsafe(name)
        origin = origin_for(relative=posixpath.normpath(name), prefix=prefix)
        if problem:
            yield JobFile(origin=name[:200], error=problem)
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            yield JobFile(origin=origin, error="a link in the zip, not a file")
            continue
        if info.flag_bits & 0x1:
            yield JobFile(origin=origin, error="encrypted in the zip")
            continue
        if info.file_size > MAX_ARTICLE_BYTES:
            budget.take(0)
            yield _too_large(origin)
            continue
        try:
            # The declared size may lie: what is read is counted, and bounded.
            size = _unpacked_size(archive, info)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as error:
            yield JobFile(origin=origin, error=f"cannot be unpacked ({error})")
            continue
        budget.take(size)
        if size > MAX_ARTICLE_BYTES:
            yield _too_large(origin)
            continue
        # Unpacked again when its batch is enqueued: one batch in memory at a time.
        yield JobFile(origin=origin, opener=partial(_unpack, archive, info))


def _unpacked_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """The entry's size as unpacked (checking its CRC), stopping one byte past the limit."""
    size = 0
    with archive.open(info) as entry:
        while size <= MAX_ARTICLE_BYTES and (chunk := entry.read(CHUNK)):
            size += len(chunk)
    return size


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as entry:
        return entry.read(MAX_ARTICLE_BYTES + 1)


def _read_upload(upload: UploadedFile) -> bytes:
    upload.seek(0)
    return upload.read(MAX_ARTICLE_BYTES + 1)


def files_from_uploads(*, uploads: Iterable[UploadedFile], prefix: str = "") -> list[JobFile]:
    """The articles in some uploaded files, each a zip of articles or one article.

    A file's origin is its name (a zip entry's: its path in the zip), after
    `prefix`. Raises UploadError when the upload as a whole is refused; a
    single unusable file or entry is a JobFile with its error instead.
    """
    uploads = list(uploads)
    sent = sum(upload.size or 0 for upload in uploads)
    if sent > MAX_UPLOAD_BYTES:
        raise UploadError(
            f"{sent / 1024 / 1024:.1f} MB sent; one import may send at most "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB (files and zips together)"
        )
    budget = _Budget()
    files: list[JobFile] = []
    for upload in uploads:
        name = posixpath.basename((upload.name or "").replace("\\", "/")) or "upload.txt"
        if is_zip(upload):
            files.extend(_zip_files(upload, prefix=prefix, budget=budget))
            continue
        origin = origin_for(relative=name, prefix=prefix)
        if (upload.size or 0) > MAX_ARTICLE_BYTES:
            budget.take(0)
            files.append(_too_large(origin))
            continue
        budget.take(upload.size or 0)
        files.append(JobFile(origin=origin, opener=partial(_read_upload, upload)))
    if not files:
        raise UploadError("no article files (*.txt) in the upload")
    return files
