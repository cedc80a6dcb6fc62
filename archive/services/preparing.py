"""Turn one file's bytes into what the writer needs: decoded text, identity, parse.

What belongs here: the part of an import that needs no database, so that a
pool of processes can do it for the bulk import (bulk_import.py) while the
main process writes. It is exactly what importing.import_text does before
writing: decode, hash the canonical text, refuse empty or binary text, run
the extractor. Nothing here touches the database, so it may run in a child
process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archive.extraction.decoding import (
    ArticleDecodeError,
    check_content,
    content_sha256,
    decode_bytes,
)
from archive.extraction.pipeline import extract

if TYPE_CHECKING:
    from archive.extraction.types import ParsedArticle


@dataclass(frozen=True)
class Prepared:
    """An article ready to be written: its text, both hashes and its parse."""

    origin: str
    raw_sha256: str
    text: str
    sha256: str
    parsed: ParsedArticle


@dataclass(frozen=True)
class Refused:
    """A file that cannot be imported; `error` is "<origin>: <reason>"."""

    origin: str
    error: str


def hash_bytes(data: bytes) -> str:
    """The hash of a file's bytes as they are: compared before anything is decoded."""
    return hashlib.sha256(data).hexdigest()


def prepare(origin: str, data: bytes, raw_hash: str) -> Prepared | Refused:
    """Decode, identify, check and extract one article's bytes."""
    try:
        text = decode_bytes(data, name=origin)
        sha256 = content_sha256(text)
        check_content(text, name=origin)
    except ArticleDecodeError as error:
        return Refused(origin=origin, error=f"{origin}: {error.reason}")
    try:
        parsed = extract(text)
    except Exception as error:  # a bug in the extractor must not stop the other files
        return Refused(
            origin=origin,
            error=f"{origin}: unexpected error ({type(error).__name__}: {error})",
        )
    return Prepared(origin=origin, raw_sha256=raw_hash, text=text, sha256=sha256, parsed=parsed)


def prepare_many(items: list[tuple[str, bytes, str]]) -> list[Prepared | Refused]:
    """prepare() over (origin, bytes, raw hash) items: one task of the process pool."""
    return [prepare(*item) for item in items]
