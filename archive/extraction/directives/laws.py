"""Laws, codes and ordinances cited by name: "Bộ luật Hình sự", "Luật Công an nhân dân 2018".

What belongs here: finding a law's name after its kind word ("Bộ luật", "Luật",
"Pháp lệnh") where the text gives no symbol, and deciding whether the name is
given precisely enough to record. A law's name is a capitalised word and the
words after it ("Tố tụng hình sự", "Xử lý vi phạm hành chính"), ended by a year,
"số", punctuation, or a function word or verb. Where the end is unclear ("về",
"và" or a comma before more lower-case words may go on with the name, as in
"Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ") nothing is recorded: a
wrong name would be a wrong directive. No symbol is ever made up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key

# Code (of law), law, ordinance: the kinds named rather than numbered.
LAW_KIND_WORDS: tuple[str, ...] = ("Bộ luật", "Luật", "Pháp lệnh")
# "(?<!\w)" is checked after the first letter, so that the pattern opens with a
# letter and the regex engine skips to the next candidate instead of trying every position.
_KIND = re.compile(r"(B(?<!\wB)ộ luật|L(?<!\wL)uật|P(?<!\wP)háp lệnh)\s+(?=[A-ZĐ])")
_WORD = re.compile(r"\s*([^\W\d_][\w-]*|\d+|\S)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_NAME_WORDS = 10
# A draft or bill ("dự án Luật", "dự thảo Luật") is not (yet) a law.
_DRAFT_BEFORE = ("dự án", "dự thảo")
# Words that may stand inside a law's name, so that a name ending before
# them is uncertain: about, and.
_INNER_LINKS = frozenset(("về", "và"))
# "Đại học Luật", "Khoa Luật": a school's name, not a law.
_SCHOOL_BEFORE = frozenset(("học", "khoa", "viện", "trường", "ngành"))


@dataclass(frozen=True)
class NamedLaw:
    start: int
    end: int
    kind: str  # "Bộ luật", "Luật", "Pháp lệnh"
    name: str  # "Hình sự", "Công an nhân dân"
    year: int | None = None


def named_laws(text: str, lo: int, hi: int) -> list[NamedLaw]:
    """Laws cited by a precise name in text[lo:hi], without a symbol."""
    found = []
    for m in _KIND.finditer(text, lo, hi):
        if _after_draft_or_school(text, lo, m.start()):
            continue
        law = _read_name(text, m.end(), hi)
        if law is not None:
            words, end, year = law
            found.append(NamedLaw(m.start(), end, m.group(1), words, year))
    return found


def _after_draft_or_school(text: str, lo: int, at: int) -> bool:
    before = text[max(lo, at - 20) : at].split()
    if not before:
        return False
    if matching_key(before[-1]) in _SCHOOL_BEFORE:
        return True  # "Đại học Luật Hà Nội"
    return matching_key(" ".join(before[-2:])) in _DRAFT_BEFORE


def _read_name(text: str, pos: int, hi: int) -> tuple[str, int, int | None] | None:
    """(name, end, year) of the name at pos when it ends cleanly, else None."""
    words: list[tuple[str, int]] = []
    while True:
        m = _WORD.match(text, pos, hi)
        if m is None:
            break  # the span ends: a clean end
        token = m.group(1)
        key = matching_key(token)
        if not words:
            if not token[0].isupper() or matching_key(token) in lx.PLACE_KEYS:
                return None
        elif _YEAR.fullmatch(token):
            return _name(text, words), m.end(), int(token)
        elif key == "năm" and (year := _YEAR.match(text, m.end() + 1, hi)):
            return _name(text, words), year.end(), int(year.group())
        elif not token[0].isalnum():
            if token == "," and matching_key(words[-1][0]) == "phòng":
                pos = m.end()  # "Luật Phòng, chống ma túy": one phrase
                continue
            if token == "," and _lower_word_after(text, m.end(), hi):
                # "Luật Phòng cháy, chữa cháy ...": the name may go on; a year ends it.
                return _name_to_year(text, m.start(), hi, words)
            break
        elif key in _INNER_LINKS:
            if _KIND.match(text, m.end() + 1, hi):
                break  # "Bộ luật Hình sự và Luật Xử lý ...": the next law begins
            return _name_to_year(text, m.start(), hi, words)
        elif token[0].islower() and (key in lx.FUNCTION_WORDS or _verb_at(text, m.start(), hi)):
            # "Luật Tổ chức cơ quan điều tra hình sự 2015": a verb inside the
            # name, which the year after it shows.
            return _name_to_year(text, m.start(), hi, words) or (
                (_name(text, words), words[-1][1], None) if words else None
            )
        elif token[0].isdigit():
            return None  # a number that is not a year: not a name we can read
        words.append((token, m.end()))
        if len(words) > _MAX_NAME_WORDS:
            return None
        pos = m.end()
    if not words:
        return None
    return _name(text, words), words[-1][1], None


def _name_to_year(
    text: str, pos: int, hi: int, words: list[tuple[str, int]]
) -> tuple[str, int, int | None] | None:
    """The name read on from pos to a year right after it ("Luật Thi hành tạm giữ, tạm giam
    năm 2015"), or None when something else comes first: the year is the name's clear end."""
    if not words:
        return None
    taken = list(words)
    while sum(w != "," for w, _ in taken) <= _MAX_NAME_WORDS:
        m = _WORD.match(text, pos, hi)
        if m is None or _KIND.match(text, m.start(1)):
            return None  # the span ends, or another law begins
        token = m.group(1)
        key = matching_key(token)
        if _YEAR.fullmatch(token):
            return _name(text, taken), m.end(), int(token)
        if key == "năm" and (year := _YEAR.match(text, m.end() + 1, hi)):
            return _name(text, taken), year.end(), int(year.group())
        if token == ",":
            if taken[-1][0] == ",":
                return None
        elif not token[0].isalpha() or (key in lx.FUNCTION_WORDS and key not in _INNER_LINKS):
            return None
        taken.append((token, m.end()))
        pos = m.end()
    return None


def _name(text: str, words: list[tuple[str, int]]) -> str:
    return " ".join(w for w, _ in words).replace(" ,", ",")


def _lower_word_after(text: str, pos: int, hi: int) -> bool:
    m = _WORD.match(text, pos, hi)
    if m is None or not m.group(1)[0].islower():
        return False
    return matching_key(m.group(1)) not in lx.FUNCTION_WORDS


def _verb_at(text: str, pos: int, hi: int) -> bool:
    first = _WORD.match(text, pos, hi)
    if first is None:
        return False
    key = matching_key(first.group(1))
    if key in lx.VERB_PHRASES:
        return True
    second = _WORD.match(text, first.end(), hi)
    return second is not None and f"{key} {matching_key(second.group(1))}" in lx.VERB_PHRASES
