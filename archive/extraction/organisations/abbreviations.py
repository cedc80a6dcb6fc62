"""Abbreviations after an organisation name: "(CAND)", and the words that lead to one.

What belongs here: reading "(ABC)" after a name, and deciding whether the few
words between a name and a later "(ABC)" belong to that name ("Hiệp hội các
quốc gia Đông Nam Á (ASEAN)", "Văn phòng Liên hợp quốc về Ma túy và Tội phạm
(UNODC)") or are the sentence going on.
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.organisations.lists import head_at, stops_name
from archive.extraction.organisations.words import closes_name
from archive.extraction.tokens import Token


def abbreviation_at(tokens: Sequence[Token], k: int) -> tuple[str, int]:
    """("CAND", index after ")") when "(CAND)" stands at k, else ("", 0)."""
    if (
        k + 2 < len(tokens)
        and tokens[k].text == "("
        and tokens[k + 2].text == ")"
        and tokens[k + 1].is_acronym
    ):
        return tokens[k + 1].text, k + 3
    return "", 0


_MAX_RUN_TO_ABBREVIATION = 12
# Lower-case words a spelled-out name may hold before its abbreviation:
# about, of, the plural "các", and, across ("... ma túy qua biên giới (BLO)").
NAME_LINKS = frozenset(("về", "của", "các", "và", "qua"))


def _list_comma(tokens: Sequence[Token], j: int) -> bool:
    """A comma between lower-case items ("trại giam, cơ sở giáo dục bắt buộc, ...")."""
    return (
        tokens[j].text == ","
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].is_lower_word
        and tokens[j + 1].is_lower_word
        and tokens[j + 1].key not in lx.FUNCTION_WORDS
    )


def run_to_abbreviation(tokens: Sequence[Token], k: int) -> int:
    """Index of "(" when a few name words at k lead straight to "(ABC)", else 0.

    The words may not start another body, a post or a predicate, nor hold
    punctuation: then the abbreviation names what they are, not this body.
    """
    # Most names have no abbreviation near: look for "(ABC)" before judging the words.
    paren = 0
    for j in range(k, min(k + _MAX_RUN_TO_ABBREVIATION, len(tokens))):
        if tokens[j].text == "(":
            paren = j if j > k and abbreviation_at(tokens, j)[0] else 0
            break
        if not tokens[j].is_word and not _list_comma(tokens, j):
            return 0
    if not paren:
        return 0
    for j in range(k, paren):
        tok = tokens[j]
        if _list_comma(tokens, j):
            continue
        if not tok.is_word or tok.is_acronym:
            return 0
        if tok.is_cap:
            # "về Phòng chống Ma túy": after "về" a head noun is the topic's word.
            topical = j > k and tokens[j - 1].key == "về"
            if (head_at(tokens, j)[0] and not topical) or stops_name(tokens, j):
                return 0
        elif tok.key not in NAME_LINKS and closes_name(tokens, j):
            # Only a function word or a known verb ("phối hợp", "gửi"): the
            # abbreviation closing the phrase vouches for syllables that only
            # look like a verb's ("bắt buộc").
            return 0
    return paren
