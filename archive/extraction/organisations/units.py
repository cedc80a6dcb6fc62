"""Where a body is: administrative places and levels after a name, and heads that are
not bodies of their own.

What belongs here: "tỉnh Quảng Ninh", "TP. Hồ Chí Minh", "xã Tân Lập" after a
name; "cấp xã" (the level standing for every commune); "Công an các tỉnh" (a
class of units); "Ban Tổ chức" (a head that is part of another head's name).
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.organisations.words import cap_run, place_length
from archive.extraction.tokens import Token, match_phrase

_PROVINCE_UNITS = frozenset(("tỉnh",))


def admin_place(tokens: Sequence[Token], k: int) -> int:
    """Tokens of "tỉnh Quảng Ninh" / "xã Tân Lập" / "TP. Hồ Chí Minh" at k, or 0."""
    unit = match_phrase(tokens, k, lx.ADMIN_UNIT_KEYS)
    if not unit:
        return 0
    j = k + unit
    if j < len(tokens) and tokens[j].text == "." and tokens[k].key == "tp":
        j += 1
    place = place_length(tokens, j)
    if not place:
        # Unknown places (communes, wards) have short names; a person's name
        # after them (inside a post) starts at a family name.
        place = min(cap_run(tokens, j), 4)
        if place >= 3 and tokens[j].key in lx.SURNAMES and not tokens[j - 1].is_cap:
            # "UBND thành phố Đinh Thị Hà": the city is known from context and
            # the holder's full name follows the unit.
            return 0
        if place >= 3 and tokens[k].key in _PROVINCE_UNITS:
            # Every province is a known place; three or more unknown capitalised
            # words after "tỉnh" are a person's name ("UBND tỉnh Rơ Châm Thuận").
            return 0
        for idx in range(1, place):
            if tokens[j + idx].key in lx.SURNAMES and cap_run(tokens, j + idx) >= 2:
                place = idx
                break
    return j - k + place if place else 0


def generic_force(tokens: Sequence[Token], k: int) -> bool:
    n = match_phrase(tokens, k, lx.HEAD_KEYS_BY_LENGTH)
    if not n or " ".join(t.key for t in tokens[k : k + n]) not in lx.FORCE_HEADS:
        return False
    return k + n < len(tokens) and tokens[k + n].key in lx.PLURAL_MARKERS


def level_length(tokens: Sequence[Token], k: int) -> int:
    """Tokens of "cấp xã" (commune level) at k: the class of all local chapters, or 0."""
    if k + 1 < len(tokens) and tokens[k].key == "cấp":
        n = match_phrase(tokens, k + 1, lx.ADMIN_UNIT_KEYS)
        return 1 + n if n else 0
    return 0


def is_function_head(tokens: Sequence[Token], j: int) -> bool:
    n = match_phrase(tokens, j, lx.HEAD_KEYS_BY_LENGTH)
    return bool(n) and " ".join(t.key for t in tokens[j : j + n]) in lx.FUNCTION_HEADS
