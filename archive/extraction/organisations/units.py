"""Where a body is: administrative places and levels after a name, and heads that are
not bodies of their own.

What belongs here: "tỉnh Quảng Ninh", "TP. Hồ Chí Minh", "xã Tân Lập" after a
name; "cấp xã" (the level standing for every commune); "Công an các tỉnh" (a
class of units); "Ban Tổ chức" (a head that is part of another head's name).
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.organisations.words import cap_run, country_length, place_length
from archive.extraction.tokens import Token, match_phrase

_PROVINCE_UNITS = frozenset(("tỉnh",))
_UNIT_FIRST = lx.ADMIN_UNIT_KEYS.by_first


def admin_place(tokens: Sequence[Token], k: int) -> int:
    """Tokens of "tỉnh Quảng Ninh" / "xã Tân Lập" / "TP. Hồ Chí Minh" at k, or 0."""
    if 0 <= k < len(tokens) and tokens[k].key not in _UNIT_FIRST:
        return 0  # the common case, answered without a phrase look-up
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
        run = cap_run(tokens, j)
        if run >= 5 and tokens[j + 2].key in lx.SURNAMES:
            # "Chủ tịch UBND tỉnh Cao Lạng Nông Quốc Tuấn": a two-syllable
            # place, then the holder's full name.
            return j - k + 2
        place = min(run, 4)
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


# What stands between "Cảnh sát" and a country in the name of a foreign
# police force: national, royal, federal.
_POLICE_QUALIFIERS = (("quốc", "gia"), ("hoàng", "gia"), ("liên", "bang"))


def foreign_police(tokens: Sequence[Token], i: int) -> int:
    """Tokens of "Cảnh sát quốc gia Hàn Quốc" / "Cảnh sát Hoàng gia Campuchia" at i, or 0.

    Vietnamese forces are "Cảnh sát <branch>" with no country; a foreign force
    is named by its country, which closes the name.
    """
    if not (
        i + 2 < len(tokens)
        and tokens[i].is_cap
        and (tokens[i].key, tokens[i + 1].key) == ("cảnh", "sát")
    ):
        return 0
    j = i + 2
    if j + 1 < len(tokens) and (tokens[j].key, tokens[j + 1].key) in _POLICE_QUALIFIERS:
        j += 2
    country = country_length(tokens, j)
    if not country and j == i + 2:
        # "Cảnh sát tỉnh Takeo": a foreign province's police (a Vietnamese one is "Công an tỉnh").
        country = admin_place(tokens, j)
    return j + country - i if country else 0


def border_gate(tokens: Sequence[Token], k: int) -> int:
    """Tokens of "cửa khẩu (quốc tế) Tà Lùng" (a border gate) at k, or 0: a place in a name."""
    if not (k + 2 < len(tokens) and (tokens[k].key, tokens[k + 1].key) == ("cửa", "khẩu")):
        return 0
    j = k + 2
    if j + 1 < len(tokens) and (tokens[j].key, tokens[j + 1].key) == ("quốc", "tế"):
        j += 2
    n = place_length(tokens, j) or min(cap_run(tokens, j), 3)
    return j + n - k if n else 0
