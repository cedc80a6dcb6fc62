"""Bytes of an uploaded or imported file -> the article's text, or a clear refusal.

What belongs here: deciding whether a file is an article we can read (size,
encoding, not binary, not empty) and decoding it. Nothing here looks at the
article's content beyond that; normalisation is `normalize.normalize_text`.

The error messages are shown to people (the import command's report, the API's
400 answer, the admin), so they say what is wrong in plain words.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_MB = 1024 * 1024

# Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F)
# other than the ones plain text legitimately contains (\t \n \v \f \r,
# U+0009-U+000D). One regex pass counts them; a Python loop asking
# unicodedata.category() of every character cost more than decoding.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A real article has hardly any other control character; a file where more
# than this share of characters are controls is binary or mis-decoded.
_MAX_CONTROL_SHARE = 0.01
# ...but one or two stray controls (a pasted \x0b, \x1f) in a real article
# must not reject it, so a small absolute number is always tolerated.
_TOLERATED_CONTROLS = 8


class ArticleDecodeError(ValueError):
    """The file is not a readable article; `str(error)` is a human message."""

    def __init__(self, reason: str, *, name: str = "") -> None:
        self.reason = reason
        self.name = name
        super().__init__(f"{name}: {reason}" if name else reason)


class ArticleTooLargeError(ArticleDecodeError):
    """The file is larger than MAX_ARTICLE_BYTES."""


def _format_mb(size: int) -> str:
    return f"{size / _MB:.1f} MB"


def check_size(size: int, *, name: str) -> None:
    """Refuse a file larger than MAX_ARTICLE_BYTES before reading it whole.

    Separate from `decode_article` so that callers holding only a size (an
    upload's Content-Length, a file's stat) can refuse early.
    """
    if size > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(
            f"file is {_format_mb(size)}; the limit is {MAX_ARTICLE_BYTES // _MB} MB",
            name=name,
        )


def _decode_utf16(data: bytes, *, name: str) -> str:
    # The BOM tells the byte order; the "utf-16" codec reads it and drops it.
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise ArticleDecodeError(
            f"not valid UTF-16 (bad bytes at offset {error.start})", name=name
        ) from None


def _decode_utf8(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        # NUL never occurs in UTF-8 text; it means a binary file or UTF-16
        # without a byte-order mark, which we cannot tell apart reliably.
        raise ArticleDecodeError("binary file (contains NUL bytes)", name=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise ArticleDecodeError(
            f"not valid UTF-8 (byte 0x{byte:02x} at offset {error.start}); save the file as UTF-8",
            name=name,
        ) from None
    return text.removeprefix("\ufeff")


def check_content(text: str, *, name: str = "") -> None:
    """Refuse a decoded text that is empty, blank or binary (ArticleDecodeError)."""
    if not text:
        raise ArticleDecodeError("empty file", name=name)
    if text.isspace():  # as `not text.strip()`, without copying the text
        raise ArticleDecodeError("only whitespace", name=name)
    if "\x00" in text:
        raise ArticleDecodeError("binary file (contains NUL bytes)", name=name)
    if _STRAY_CONTROL.search(text) is None:
        return  # the usual case: one scan and no list
    controls = len(_STRAY_CONTROL.findall(text))
    if controls > _TOLERATED_CONTROLS and controls > _MAX_CONTROL_SHARE * len(text):
        raise ArticleDecodeError(
            f"binary file ({controls} control characters in {len(text)})", name=name
        )


def decode_bytes(data: bytes, *, name: str = "") -> str:
    """Decode an article file's bytes without judging the text: the cheap half of decoding.

    UTF-8 (with or without BOM) or UTF-16 with a BOM; raises ArticleDecodeError
    otherwise. `check_content` is the other half.
    """
    check_size(len(data), name=name)
    if not data:
        raise ArticleDecodeError("empty file", name=name)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # FF FE 00 00 also starts with the UTF-16 LE BOM: test UTF-32 first.
        raise ArticleDecodeError("UTF-32 text is not supported; save it as UTF-8", name=name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, name=name)
    return _decode_utf8(data, name=name)


def decode_article(data: bytes, *, name: str = "") -> str:
    """Decode an article file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises ArticleDecodeError (ArticleTooLargeError for size) with a message
    naming the problem. The text is returned as decoded, BOM removed and
    otherwise untouched: the archive keeps what the file says.
    """
    text = decode_bytes(data, name=name)
    check_content(text, name=name)
    return text


def canonical_text(text: str) -> str:
    """The form in which two copies of one text are equal: NFC, line endings as LF.

    A text saved as UTF-16, with a BOM, with CRLF or by an editor that
    decomposes accents is still the same text; this is what its identity
    (`content_sha256`) is computed on. Nothing else is folded: two texts that
    differ in a visible character are two texts.
    """
    if not unicodedata.is_normalized("NFC", text):  # a quick check; most files are NFC
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def content_sha256(text: str) -> str:
    """The identity of a decoded text: SHA-256 of its canonical form as UTF-8."""
    return hashlib.sha256(canonical_text(text).encode("utf-8")).hexdigest()
