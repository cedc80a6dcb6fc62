"""Where a search's phrases occur in a text, and a short marked excerpt around the first one.

Pure Python over the text as stored: offsets are into the given string, so a
template can mark them in the original spelling (accents, capitals) although
the match itself is accent- and case-insensitive. One pass over the text's
syllables, whatever the number of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from archive.extraction.normalize import fold_accents
from archive.search.syntax import words_of

# A syllable of stored text: letters and digits, with any combining marks a
# decomposed text carries (fold_accents drops them).
_SYLLABLE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
SNIPPET_LENGTH = 240


@dataclass(frozen=True)
class Piece:
    """A stretch of a snippet: text, and whether it is a hit the reader should see marked."""

    text: str
    marked: bool = False


@lru_cache(maxsize=1 << 16)
def _fold(syllable: str) -> str:
    # Articles repeat their vocabulary; each distinct syllable is folded once.
    return fold_accents(syllable)


def find_hits(text: str, phrases: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of a phrase in `text`, in order, never overlapping.

    Where two phrases start at the same syllable, the longer one is marked.
    """
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = words_of(phrase)
        if words:
            by_first.setdefault(words[0], []).append(words)
    for candidates in by_first.values():
        candidates.sort(key=len, reverse=True)
    syllables = [(m.start(), m.end(), _fold(m.group())) for m in _SYLLABLE.finditer(text)]
    folded = [word for _, _, word in syllables]
    hits: list[tuple[int, int]] = []
    index = 0
    while index < len(syllables):
        for words in by_first.get(folded[index], ()):
            end = index + len(words)
            if tuple(folded[index:end]) == words:
                hits.append((syllables[index][0], syllables[end - 1][1]))
                index = end
                break
        else:
            index += 1
    return hits


def snippet(
    text: str, hits: Sequence[tuple[int, int]], *, length: int = SNIPPET_LENGTH
) -> list[Piece]:
    """About `length` characters of `text` around its first hit, the hits in it marked.

    Without a hit, the start of the text. Cut at spaces, with "…" where text
    was left out; runs of white space (line breaks) become one space.
    """
    first = hits[0][0] if hits else 0
    start = _word_start(text, max(0, first - length // 4))
    end = _word_end(text, min(len(text), start + length))
    pieces: list[Piece] = [Piece("… ")] if start > 0 else []
    cursor = start
    for hit_start, hit_end in hits:
        if hit_start < cursor:
            continue
        if hit_end > end:
            break
        pieces.append(Piece(_spaces(text[cursor:hit_start])))
        pieces.append(Piece(_spaces(text[hit_start:hit_end]), marked=True))
        cursor = hit_end
    pieces.append(Piece(_spaces(text[cursor:end])))
    if end < len(text):
        pieces.append(Piece(" …"))
    return [piece for piece in pieces if piece.text]


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _word_start(text: str, index: int) -> int:
    """`index`, moved forward past a word it would cut."""
    if index == 0 or text[index - 1].isspace():
        return index
    space = text.find(" ", index)
    return index if space == -1 else space + 1


def _word_end(text: str, index: int) -> int:
    """`index`, moved back before a word it would cut."""
    if index >= len(text) or text[index].isspace():
        return index
    space = text.rfind(" ", 0, index)
    return index if space == -1 else space


def marked(text: str, hits: Sequence[tuple[int, int]]) -> list[Piece]:
    """The whole of `text` (a title), its hits marked."""
    pieces, cursor = [], 0
    for start, end in hits:
        pieces += [Piece(text[cursor:start]), Piece(text[start:end], marked=True)]
        cursor = end
    pieces.append(Piece(text[cursor:]))
    return [piece for piece in pieces if piece.text]
