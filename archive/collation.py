"""Vietnamese alphabetical order as a plain string key, so the database can index and sort it.

Vietnamese orders letters a ă â b c d đ e ê … o ô ơ … u ư …, and compares
tone marks only after all the letters (ngang, huyền, hỏi, ngã, sắc, nặng):
"Ba" < "Bà" < "Bác" < "Bạch" < "Băng". Code-point order puts every name
starting with Â, Đ, Ô or Ư at the end instead.

The key spells each letter as two lowercase ASCII letters, so any database
collation (C, en_US, SQLite's binary) sorts it the same way, and an ordinary
B-tree index serves ORDER BY. Pure Python, no Django.
"""

from __future__ import annotations

import functools
import unicodedata

# The alphabet in Vietnamese order; f, j, w, z occur in foreign names.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone marks as combining characters, in the order they sort.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
KEY_LENGTH = 255

_END = 0  # after the last letter: "An" before "Anh"
_SPACE = 1  # between words: "Lê An" before "Lê Anh" and "Lêa"
_DIGITS = 2  # then 0-9, then the letters
_LETTERS = _DIGITS + 10


def _code(number: int) -> str:
    return chr(97 + number // 26) + chr(97 + number % 26)


def _letter_and_tone(char: str) -> tuple[str, int]:
    """'ậ' -> ('â', 5): the letter with its vowel marks, and its tone."""
    tone = 0
    kept = []
    for part in unicodedata.normalize("NFD", char):
        if part in TONES:
            tone = TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


# The filter forms sort the same few hundred names on every request: remembered,
# a key costs a lookup instead of some hundred character normalisations.
@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> str:
    """The key of `text` in Vietnamese order: letters first, tones as the tie-break."""
    letters: list[str] = []
    tones: list[str] = []
    pending_space = False
    for char in unicodedata.normalize("NFC", text.replace("Ð", "Đ")).casefold():
        letter, tone = _letter_and_tone(char)
        if letter.isdigit() and letter.isascii():
            code = _DIGITS + int(letter)
        elif letter in ALPHABET:
            code = _LETTERS + ALPHABET.index(letter)
        else:
            # Spaces and punctuation separate words; other scripts are skipped.
            pending_space = pending_space or (bool(letters) and not letter.isalnum())
            continue
        if pending_space:
            letters.append(_code(_SPACE))
            pending_space = False
        letters.append(_code(code))
        tones.append(chr(97 + tone))
    return ("".join(letters) + _code(_END) + "".join(tones))[:KEY_LENGTH]
