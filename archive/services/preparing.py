"""Turn one file's bytes into what the writer needs: decoded text, identity, parse.

What belongs here: the part of an import that needs no database, so that a
pool of processes can do it for the bulk import (bulk_import.py) while the
main process writes. It is exactly what importing.import_text does before
writing: decode, hash the canonical text, refuse empty or binary text, run
the extractor; and it computes the text signature that finds copies of the
article (stories.py) and what a new article's text is searched by, which the
writer would otherwise compute. Nothing here touches the database, so it may run in a child
process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archive.extraction.copies import Signature, signature
from archive.extraction.decoding import (
    ArticleDecodeError,
    check_content,
    content_sha256,
    decode_bytes,
)
from archive.extraction.pipeline import extract
from archive.models import Article
from archive.services.storing import apply_article_fields

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
    # signature(parsed.body): what a new article's story is found by.
    signature: Signature | None
    # The new article's search_document (Article.derive_search_document), computed here
    # in the extraction processes rather than by the single writer.
    search_document: str


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
        sig = signature(parsed.body)
        search_document = _search_document(parsed, text=text, sha256=sha256)
    except Exception as error:  # a bug in the extractor must not stop the other files
        return Refused(
            origin=origin,
            error=f"{origin}: unexpected error ({type(error).__name__}: {error})",
        )
    return Prepared(
        origin=origin,
        raw_sha256=raw_hash,
        text=text,
        sha256=sha256,
        parsed=parsed,
        signature=sig,
        search_document=search_document,
    )


def _search_document(parsed: ParsedArticle, *, text: str, sha256: str) -> str:
    """What a new article's search_document will be: its fields as the writer sets them.

    No query: the article is only built in memory, as the writer builds it.
    """
    article = Article(origin="")
    apply_article_fields(article, parsed, raw_text=text, sha256=sha256)
    article.derive_search_document()
    return article.search_document


def prepare_many(items: list[tuple[str, bytes, str]]) -> list[Prepared | Refused]:
    """prepare() over (origin, bytes, raw hash) items: one task of the process pool."""
    return [prepare(*item) for item in items]
