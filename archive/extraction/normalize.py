"""Text normalisation and matching keys for Vietnamese text.

What belongs here: turning text into the forms the extractors compare on.
Article text itself is never rewritten by these functions for storage: the
archive keeps the raw text verbatim and uses `normalize_text` only for
analysis, and `matching_key` / `fold_accents` only for comparison and search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks that carry the five Vietnamese tones (grave, acute, tilde,
# hook above, dot below). Vowel-quality marks (circumflex, breve, horn) are not
# tones and stay on their letter.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
# Open syllables ending in these clusters are the only place where the old
# ("hòa", "thủy") and new ("hoà", "thuỷ") tone styles differ.
_STYLE_CLUSTERS = ("oa", "oe", "uy")
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"[^\S\n]+")
# What `fold_spaces` would change: a space-like character other than " " (a
# tab, U+00A0 ...) or two spaces in a row. Most lines have none, and looking for
# one is cheaper than rewriting every single space with itself.
_ODD_SPACE = re.compile(r"[^\S\n ]")
# Characters that look like a space or hyphen in scraped text.
_SPACE_LIKE = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " "}
_INVISIBLE = {"\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""}


def normalize_text(text: str) -> str:
    """Return text fit for analysis: NFC, Ð (eth) as Đ, odd spaces as spaces.

    The result keeps line structure; zero-width characters are dropped. Length
    may differ from the input only where NFC composes or invisible characters go.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, repl in (_SPACE_LIKE | _INVISIBLE).items():
        text = text.replace(char, repl)
    return text


def _split_tone(syllable: str) -> tuple[str, str, int]:
    """Return (syllable without tone, tone mark or "", index of the toned letter)."""
    letters: list[str] = []
    tone, where = "", -1
    for index, char in enumerate(syllable):
        parts = unicodedata.normalize("NFD", char)
        marks = "".join(m for m in parts[1:] if m in _TONE_MARKS)
        if marks:
            tone, where = marks[0], index
        letters.append(
            unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        )
    return "".join(letters), tone, where


# A name or phrase that is new to `matching_key` is still made of syllables it
# has seen: each syllable is rewritten once.
@lru_cache(maxsize=1 << 16)
def _old_style_syllable(syllable: str) -> str:
    bare, tone, where = _split_tone(syllable)
    if not tone:
        return syllable
    lower = bare.lower()
    for cluster in _STYLE_CLUSTERS:
        if not lower.endswith(cluster):
            continue
        start = len(lower) - 2
        onset = lower[:start]
        # "quy", "quý": the u belongs to the consonant qu; "hoai" etc. never end here.
        if onset.endswith("q") or any(c in _VOWELS for c in onset):
            break
        where = start
        break
    letters = list(bare)
    letters[where] = unicodedata.normalize("NFC", letters[where] + tone)
    return "".join(letters)


def unify_tone_style(text: str) -> str:
    """Rewrite new-style tone placement ("hoà", "uỷ") into the old style ("hòa", "ủy")."""
    return _WORD.sub(lambda m: _old_style_syllable(m.group(0)), unicodedata.normalize("NFC", text))


def fold_spaces(text: str) -> str:
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


# Extraction keys the same words and names over and over (every token, every
# candidate name); the key depends on the text alone, so it is computed once.
@lru_cache(maxsize=1 << 16)
def matching_key(text: str) -> str:
    """The key under which two spellings of one name compare equal.

    NFC, Ð→Đ, one tone style, case-folded, whitespace folded. Accents other
    than tone placement are kept: "Lê" and "Le" are different names.
    """
    text = normalize_text(text)
    return fold_spaces(unify_tone_style(text)).casefold()


def fold_accents(text: str) -> str:
    """Accent-free, lower-case form for search: "Đảng ủy" -> "dang uy".

    Unicode decomposition leaves đ alone, so it is mapped explicitly.
    """
    text = normalize_text(text).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return fold_spaces(stripped).casefold()
