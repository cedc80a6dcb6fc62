"""Cutting article text into sentences, and finding the sentence at an offset.

What belongs here: where a sentence ends in this genre ([.!?…] then a space
and a capital, except after abbreviations such as "TS." or "TP." and initials).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from operator import attrgetter

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key
from archive.extraction.types import ArticleStructure, Sentence

# "[.!?…]+" written as "[.!?…][.!?…]*": a pattern that opens with a character
# class lets the regex engine skip to the next candidate instead of trying every position.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"”’»)\]]*")
_OPENERS = '"“‘«([ '
_NON_SPACE = re.compile(r"\S")
# Abbreviations that end with a dot inside a sentence: professor, associate
# professor, doctor, master, physician, engineer, bachelor, PhD candidate,
# city, district, ward, "etc." and English honorifics.
_ABBREVIATIONS = frozenset(
    {"GS", "PGS", "TS", "ThS", "Th", "S", "BS", "KS", "CN", "NCS", "TP", "Tp", "tp",
     "Q", "P", "TX", "St", "Mr", "Mrs", "Ms", "Dr", "v.v", "vv"}
)  # fmt: skip

_CAPITAL_LETTER = re.compile(r"[A-ZĐ]")  # compiled once, not at every full stop
# The last characters of an abbreviation or an initial before a dot.
_ABBREVIATION_ENDS = frozenset(
    {word[-1] for word in _ABBREVIATIONS} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
)


def _word_before(text: str, end: int) -> str:
    """The last whitespace-separated word of text[:end], or "".

    Read backwards from `end` rather than by splitting text[:end], which
    would copy the whole text before every full stop.
    """
    e = end
    while e > 0 and text[e - 1].isspace():
        e -= 1
    s = e
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    return text[s:e]


def _is_abbreviation(text: str, dot: int) -> bool:
    if dot == 0:
        return False
    last_char = text[dot - 1]
    if last_char not in _ABBREVIATION_ENDS and not last_char.isspace() and last_char != ".":
        # Most sentences end in a lower-case word: no abbreviation nor initial
        # ends with its last letter, so the word need not be read.
        return False
    token = _word_before(text, dot).lstrip('("“')
    if not token:
        return False
    last = token.rsplit(".", 1)[-1]
    if token in _ABBREVIATIONS or last in _ABBREVIATIONS:
        return True
    if not _CAPITAL_LETTER.fullmatch(last):
        return False
    if token != last:
        return True  # "T.H.", "N.V.A.": initials
    # A lone capital after a capitalised word ends a Vietnamese name, given
    # name last ("Giàng A."); after anything else it is a foreign first
    # name's initial ("ông J. Smith").
    word = _word_before(text, dot - len(token))
    if matching_key(word) in lx.HONORIFICS or matching_key(word) in lx.PERSON_NOUNS:
        return True  # "Ông J. Smith": the honorific opens a sentence, capitalised
    return not (word[:1].isupper() and word.isalpha())


def _cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in text[start:end] where one sentence ends and the next begins."""
    for m in _SENTENCE_END.finditer(text, start, end):
        # Positions, not slices of the rest of the block: a slice per full stop
        # would make a long paragraph quadratic.
        word = _NON_SPACE.search(text, m.end(), end)
        if word is None:
            break
        if word.start() == m.end():
            continue  # "1.7", "TP.HCM", URLs: no space after the dot
        k = word.start()
        while k < end and text[k] in _OPENERS:
            k += 1
        if not (k < end and text[k].isupper()):
            continue
        if m.group().startswith(".") and len(m.group()) == 1 and _is_abbreviation(text, m.start()):
            continue
        yield m.end()


def has_sentence_break(text: str) -> bool:
    """Whether `text` holds two sentences or more: what `split_sentences` would cut."""
    # Each cut leaves a sentence on both sides (the end mark before, a capital after).
    return next(_cuts(text, 0, len(text)), None) is not None


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end]: a break is [.!?…] then space and a capital, or the end."""
    cuts = list(_cuts(text, start, end))
    sentences = []
    for s, e in zip([start, *cuts], [*cuts, end], strict=True):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            sentences.append(Sentence(s, e, text[s:e]))
    return sentences


_START = attrgetter("start")


def sentence_at(structure: ArticleStructure, offset: int) -> Sentence | None:
    """The sentence containing character `offset`, or None outside any sentence."""
    index = bisect.bisect_right(structure.sentences, offset, key=_START) - 1
    if index >= 0 and offset < structure.sentences[index].end:
        return structure.sentences[index]
    return None


# A mention keeps its sentence as context, but a "sentence" can be a whole
# paragraph without a full stop: each of its mentions would store all of it.
MAX_CONTEXT = 400


def context_window(text: str, *, lo: int, hi: int, start: int, end: int) -> str:
    """text[lo:hi] (the sentence or line of the mention at [start, end)), capped.

    When longer than MAX_CONTEXT, a window of about MAX_CONTEXT characters
    around the mention, cut at word boundaries and marked "…" where cut. The
    mention itself is always whole.
    """
    if hi - lo <= MAX_CONTEXT:
        return text[lo:hi]
    room = max(0, MAX_CONTEXT - (end - start))
    right = min(hi, end + room // 2)
    left = max(lo, start - (room - (right - end)))
    right = min(hi, end + (room - (start - left)))
    # Move each cut to the nearest word boundary inside the window.
    while left > lo and left < start and not text[left - 1].isspace():
        left += 1
    while right < hi and right > end and not text[right].isspace():
        right -= 1
    core = text[left:right].strip()
    return ("…" if left > lo else "") + core + ("…" if right < hi else "")
