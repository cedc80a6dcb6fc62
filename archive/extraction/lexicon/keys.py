"""Helpers that turn the word lists into keyed sets (see `normalize.matching_key`)."""

from __future__ import annotations

from collections.abc import Iterable

from archive.extraction.normalize import matching_key


def keys(words: Iterable[str]) -> frozenset[str]:
    """The matching keys of words, so that "úy"/"uý" and any case compare equal."""
    return frozenset(matching_key(w) for w in words)


def words(text: str) -> tuple[str, ...]:
    """Single-syllable word lists are written as one string to keep them readable."""
    return tuple(text.split())


def by_length(key_strings: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Keys as token tuples, longest first, so that the longest phrase matches first."""
    return tuple(sorted({tuple(k.split()) for k in key_strings}, key=len, reverse=True))
