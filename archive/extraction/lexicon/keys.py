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


class Phrases(tuple[tuple[str, ...], ...]):
    """Phrases as key tuples in match order, indexed by their first key.

    A phrase list is tried at nearly every token of an article; the index lets
    `tokens.match_phrase` try only the phrases that start with the token's key
    instead of all of them. Order within the index is the tuple's order, so the
    first phrase that matches is the same one a linear scan finds.
    """

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, phrases: Iterable[tuple[str, ...]]) -> Phrases:
        self = super().__new__(cls, phrases)
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self:
            if not phrase:
                break  # an empty phrase matches anywhere: nothing after it is tried
            index.setdefault(phrase[0], []).append(phrase)
        self.by_first = {first: tuple(group) for first, group in index.items()}
        return self


def by_length(key_strings: Iterable[str]) -> Phrases:
    """Keys as token tuples, longest first, so that the longest phrase matches first."""
    return Phrases(sorted({tuple(k.split()) for k in key_strings}, key=len, reverse=True))
