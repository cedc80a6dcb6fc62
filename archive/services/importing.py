"""Import articles: bytes or a file in, an Article with its entities and mentions out.

What belongs here: the one way imported data enters the archive. The import
command, the API and the admin all call `import_file` / `import_text` /
`reextract_article`; nothing else writes articles, entities or mentions from
an article's text.

Guarantees:
- Each article is imported in one transaction: a failure leaves no trace of it.
- One text, one article: an article's identity is the SHA-256 of its text as
  decoded, in NFC and with LF line endings (`content_sha256`), so copies of a
  text in UTF-8, UTF-8 with a BOM, UTF-16 or with CRLF are one article.
- Idempotent: the same text at the same origin is "unchanged" and writes
  nothing (not even updated_at); the same text under another origin is
  reported as "unchanged" with `duplicate_of`, since the hash is unique.
- Race-safe: two imports of the same files at once end with one copy of each
  record. A unique-key clash with the other import inside an entity insert is
  absorbed by a savepoint; one anywhere else rolls the article back and the
  article is tried again, and then finds the other import's rows.
- An editor's work wins: fields in `edited_fields` are never re-imported over.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import IntegrityError, OperationalError, transaction

from archive.extraction.decoding import (
    MAX_ARTICLE_BYTES,
    ArticleDecodeError,
    check_content,
    check_size,
    content_sha256,
    decode_bytes,
)
from archive.extraction.pipeline import extract
from archive.models import Article
from archive.services import counts, stories, storing
from archive.services.directives import resolve_directives
from archive.services.entities import Resolved, resolve_organisations, resolve_people
from archive.services.preparing import hash_bytes

if TYPE_CHECKING:
    from archive.extraction.types import ParsedArticle

# Attempts per article when a concurrent import got in first (see module docstring).
_ATTEMPTS = 3
# PostgreSQL's deadlock_detected and serialization_failure: retrying is the cure.
_RETRYABLE_SQLSTATES = {"40P01", "40001"}
_ORIGIN_LENGTH = Article._meta.get_field("origin").max_length
# An unchanged re-import reads the article's row only to compare its hash.
_TEXTS = ("raw_text", "text", "body", "search_document")


class ArticleImportError(ValueError):
    """The input is not an article we can import; `str(error)` is "<name>: <reason>"."""

    def __init__(self, reason: str, *, name: str = "") -> None:
        self.reason = reason
        self.name = name
        super().__init__(f"{name}: {reason}" if name else reason)


class ImportStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


def no_entities() -> dict[str, int]:
    return {"people": 0, "organisations": 0, "directives": 0}


@dataclass
class ImportOutcome:
    """What importing one article did (or, in a dry run, would do)."""

    origin: str
    status: ImportStatus
    article: Article | None = None  # None when failed and in a dry run
    error: str = ""  # "<origin>: <reason>" when failed
    duplicate_of: str = ""  # origin of the article with the same bytes
    entities_created: dict[str, int] = field(default_factory=no_entities)
    mentions_written: int = 0
    mentions_deleted: int = 0
    mentions_skipped: int = 0
    parsed: ParsedArticle | None = None
    dry_run: bool = False

    @classmethod
    def failure(cls, *, origin: str, error: Exception | str) -> ImportOutcome:
        return cls(origin=origin, status=ImportStatus.FAILED, error=str(error))


def read_bounded(path: Path, *, origin: str) -> bytes:
    """A file's bytes, refused by name and reason before reading when it cannot be an article."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleImportError("is a directory, not a file", name=origin)
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device would block or never end.
            raise ArticleImportError("not a regular file", name=origin)
        # Refused before reading, so a huge file never sits in memory.
        check_size(info.st_size, name=origin)
        with path.open("rb") as handle:
            # One byte over the limit is enough to refuse a file that grew since stat().
            return handle.read(MAX_ARTICLE_BYTES + 1)
    except ArticleDecodeError as error:
        raise ArticleImportError(error.reason, name=origin) from None
    except FileNotFoundError:
        if path.is_symlink():
            target = os.readlink(path)
            raise ArticleImportError(f"broken link (to {target})", name=origin) from None
        raise ArticleImportError("no such file", name=origin) from None
    except PermissionError:
        raise ArticleImportError("cannot be read (permission denied)", name=origin) from None
    except OSError as error:
        raise ArticleImportError(f"cannot be read ({error.strerror})", name=origin) from None


def import_file(*, path: Path, origin: str = "", dry_run: bool = False) -> ImportOutcome:
    """Import one file under `origin` (default: the file's name).

    The import command gives each file its path relative to the import root
    (see batch.find_article_files), never one that depends on the working
    directory.
    """
    path = Path(path)
    origin = origin or path.name
    return import_text(data=read_bounded(path, origin=origin), origin=origin, dry_run=dry_run)


def identify_text(*, data: bytes | str, origin: str = "") -> tuple[str, str]:
    """(text, content hash) of an article given as bytes or text, before any other check.

    Only decoding and the canonical form: the cheap part that decides whether
    the text is already known. Raises ArticleImportError when it cannot be
    decoded at all.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    except UnicodeEncodeError as error:
        # Lone surrogates: what a broken client may send in a JSON string.
        reason = f"text has a character that is not Unicode text at offset {error.start}"
        raise ArticleImportError(reason, name=origin) from None
    try:
        text = decode_bytes(raw, name=origin)
    except ArticleDecodeError as error:
        raise ArticleImportError(error.reason, name=origin) from None
    return text, content_sha256(text)


def import_text(*, data: bytes | str, origin: str, dry_run: bool = False) -> ImportOutcome:
    """Import an article given as bytes (a file's content) or text (an API body).

    Text is encoded as UTF-8 first, so a text and the same file get the same
    checks; both are identified by their canonical text's hash. Raises
    ArticleImportError for input that is not an importable article.
    """
    check_origin(origin)
    raw_hash = hash_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    # Read-only short cuts before the costly checks and extraction; a known
    # text passed them when it was stored. store_parsed_article checks the
    # same again under its lock. The very same bytes need no decoding at all.
    known = Article.objects.filter(origin=origin).defer(*_TEXTS).first()
    if known is not None and known.raw_sha256 == raw_hash:
        return ImportOutcome(origin=origin, status=ImportStatus.UNCHANGED, article=known)
    text, sha256 = identify_text(data=data, origin=origin)
    if known is not None and known.sha256 == sha256:
        return ImportOutcome(origin=origin, status=ImportStatus.UNCHANGED, article=known)
    duplicate = _duplicate(origin=origin, sha256=sha256)
    if duplicate is not None:
        return duplicate
    try:
        check_content(text, name=origin)
    except ArticleDecodeError as error:
        raise ArticleImportError(error.reason, name=origin) from None
    return store_parsed_article(
        parsed=extract(text),
        raw_text=text,
        origin=origin,
        sha256=sha256,
        raw_sha256=raw_hash,
        dry_run=dry_run,
    )


def check_origin(origin: str) -> None:
    """Refuse an origin that cannot be stored (ArticleImportError)."""
    if not origin or len(origin) > _ORIGIN_LENGTH:
        raise ArticleImportError(
            f"the origin must be 1 to {_ORIGIN_LENGTH} characters long", name=origin[:80]
        )


def reextract_article(*, article: Article) -> ImportOutcome:
    """Run extraction again on an article's stored raw text (after the extractor improved)."""
    return store_parsed_article(
        parsed=extract(article.raw_text),
        raw_text=article.raw_text,
        origin=article.origin,
        sha256=article.sha256,
        reextract=True,
    )


def _duplicate(*, origin: str, sha256: str) -> ImportOutcome | None:
    other = Article.objects.filter(sha256=sha256).exclude(origin=origin).first()
    if other is None:
        return None
    return ImportOutcome(
        origin=origin, status=ImportStatus.UNCHANGED, article=other, duplicate_of=other.origin
    )


def _retryable(error: Exception) -> bool:
    if isinstance(error, IntegrityError):
        return True
    return getattr(error.__cause__, "sqlstate", None) in _RETRYABLE_SQLSTATES


def store_parsed_article(
    *,
    parsed: ParsedArticle,
    raw_text: str,
    origin: str,
    sha256: str,
    raw_sha256: str = "",
    dry_run: bool = False,
    reextract: bool = False,
) -> ImportOutcome:
    """Write a parsed article and its entities, mentions and positions in one transaction.

    `reextract` stores the parse even when the hash is unchanged. In a dry run
    everything is written and then rolled back, so the counts are exact and
    nothing remains; the outcome's `article` is then None.
    """
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return _store_once(
                parsed=parsed,
                raw_text=raw_text,
                origin=origin,
                sha256=sha256,
                raw_sha256=raw_sha256,
                dry_run=dry_run,
                reextract=reextract,
            )
        except (IntegrityError, OperationalError) as error:
            if attempt == _ATTEMPTS or not _retryable(error):
                raise
    raise AssertionError("unreachable")


def _store_once(
    *,
    parsed: ParsedArticle,
    raw_text: str,
    origin: str,
    sha256: str,
    raw_sha256: str,
    dry_run: bool,
    reextract: bool,
) -> ImportOutcome:
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(origin=origin).first()
        if not reextract:
            if article is not None and article.sha256 == sha256:
                return ImportOutcome(origin=origin, status=ImportStatus.UNCHANGED, article=article)
            duplicate = _duplicate(origin=origin, sha256=sha256)
            if duplicate is not None:
                return duplicate
        is_new = article is None
        if article is None:
            article = Article(origin=origin)
        else:
            # Before its date, mentions or posts change (archive.services.counts).
            counts.subtract_articles(article_ids=[article.pk])
        changed = storing.apply_article_fields(
            article, parsed, raw_text=raw_text, sha256=sha256, raw_sha256=raw_sha256
        )
        if is_new:
            article.save()
        elif changed:
            article.save(update_fields=[*changed, "search_document", "updated_at"])

        resolved = Resolved()
        resolved.organisations = resolve_organisations(parsed.organisations, resolved.created)
        resolved.people = resolve_people(parsed.people, resolved.created)
        resolved.directives = resolve_directives(
            parsed.directives, resolved.organisations, resolved.created
        )
        mentions = storing.replace_mentions(article, parsed, resolved, is_new=is_new)
        positions_changed = storing.replace_positions(article, parsed, resolved, is_new=is_new)
        ranks_changed = storing.replace_ranks(article, parsed, resolved, is_new=is_new)
        counts.add_articles(article_ids=[article.pk])
        if is_new or "body" in changed:
            stories.link_copies(article=article, is_new=is_new)

        wrote = (
            changed or mentions.written or mentions.deleted or positions_changed or ranks_changed
        )
        if is_new:
            status = ImportStatus.CREATED
        elif wrote or any(resolved.created.values()):
            status = ImportStatus.UPDATED
        else:
            status = ImportStatus.UNCHANGED
        if dry_run:
            transaction.set_rollback(True)
        return ImportOutcome(
            origin=origin,
            status=status,
            article=None if dry_run else article,
            entities_created=no_entities() | dict(resolved.created),
            mentions_written=mentions.written,
            mentions_deleted=mentions.deleted,
            mentions_skipped=mentions.skipped,
            parsed=parsed,
            dry_run=dry_run,
        )
