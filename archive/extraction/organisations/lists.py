"""Lists and capitalised words inside an organisation name.

What belongs here: the parts of the name grammar that decide whether a comma,
"và" or "về" continues a name ("Ủy ban Quốc phòng, An ninh và Đối ngoại",
"Cục Pháp chế và cải cách hành chính, tư pháp", "về chính trị, quốc phòng,
an ninh") or ends it, and which capitalised words may stand inside a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.organisations.units import admin_place
from archive.extraction.organisations.words import (
    closes_name,
    continuation,
    looks_like_person,
    place_length,
    starts_post,
    starts_rank,
    stops_at,
)
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_NON_NAME = keyed_phrases(lx.NON_NAME_CAPITALS)
_HEAD_FIRST = lx.HEAD_KEYS_BY_LENGTH.by_first
_GENERIC = keyed_phrases(lx.GENERIC_LIST_NOUNS)
_MAX_LIST_ITEM = 8
# An item of a steering committee's topic list is a short noun phrase
# ("lãng phí", "gian lận thương mại"); a longer run is the next clause.
_MAX_TOPIC_ITEM = 4


def head_at(tokens: Sequence[Token], i: int) -> tuple[int, str]:
    """(tokens, kind) of an organisation head noun at i, or (0, "")."""
    if 0 <= i < len(tokens) and tokens[i].key not in _HEAD_FIRST:
        return 0, ""  # the common case, answered without a phrase look-up
    n = match_phrase(tokens, i, lx.HEAD_KEYS_BY_LENGTH)
    if not n:
        return 0, ""
    return n, lx.HEAD_KIND_BY_KEY[" ".join(t.key for t in tokens[i : i + n])]


def stops_name(tokens: Sequence[Token], i: int) -> bool:
    """Capitalised words that never continue an organisation name."""
    return bool(
        match_phrase(tokens, i, _NON_NAME)
        or starts_rank(tokens, i)
        or starts_post(tokens, i)
        or tokens[i].is_acronym
    )


def plain_cap_word(tokens: Sequence[Token], j: int, in_post: bool) -> bool:
    """A capitalised word that can stand inside a name (not a head, place, post...)."""
    if j >= len(tokens) or not tokens[j].is_word or not tokens[j].is_cap:
        return False
    if head_at(tokens, j)[0] or place_length(tokens, j) or stops_name(tokens, j):
        return False
    if match_phrase(tokens, j, lx.STANDALONE_KEYS_BY_LENGTH):
        return False  # "Sở Y tế và Bảo hiểm xã hội": two bodies, not one name
    return not (in_post and looks_like_person(tokens, j, in_post=True))


def lower_item(tokens: Sequence[Token], k: int, limit: int, free: bool = False) -> int:
    """Length of a lower-case list item at k ("cải cách hành chính"), or 0."""
    if match_phrase(tokens, k, _GENERIC):
        return 0
    n = 0
    while k + n < len(tokens) and n < limit and tokens[k + n].is_lower_word:
        cont = continuation(tokens, k + n)
        if cont:
            n += cont
            continue
        if free:
            # "về ma túy triệt phá": the topic ends where a verb starts.
            if closes_name(tokens, k + n):
                break
            if _unit_ends_topic(tokens, k + n):
                if n and not admin_place(tokens, k + n):
                    # "..., tiêu cực tỉnh cần ...": the province's committee, then the clause.
                    n += match_phrase(tokens, k + n, lx.ADMIN_UNIT_KEYS)
                break
        elif stops_at(tokens, k + n):
            break
        n += 1
    return n


def _unit_ends_topic(tokens: Sequence[Token], k: int) -> bool:
    """ "..., tiêu cực tỉnh X" / ", tỉnh đã ...": the place served, or the next clause.

    "cấp xã" (a level) and "xã hội" (society) go on.
    """
    unit = match_phrase(tokens, k, lx.ADMIN_UNIT_KEYS)
    if not unit or (k > 0 and tokens[k - 1].key == "cấp"):
        return False
    if admin_place(tokens, k):
        return True
    after = k + unit
    return after < len(tokens) and tokens[after].key in lx.FUNCTION_WORDS


def _boundary(tokens: Sequence[Token], k: int) -> bool:
    """Where a list inside a name may end: punctuation, end, a stop word, a capital, a place."""
    if k >= len(tokens) or not tokens[k].is_word:
        return True
    return tokens[k].is_cap or stops_at(tokens, k) or bool(admin_place(tokens, k))


def lower_list(tokens: Sequence[Token], k: int, *, open_list: bool, free: bool) -> int:
    """End of ", chiến lược và lịch sử" / "và cải cách hành chính, tư pháp" at k, or 0.

    A list of lower-case items belongs to a name only when it is closed by
    "và" (or was opened by one, or follows "về"), so that a comma before the
    rest of the sentence does not pull the sentence in.
    """
    j, end, closed = k, 0, open_list
    while j < len(tokens) and tokens[j].text in {",", "và"}:
        n = lower_item(tokens, j + 1, _MAX_TOPIC_ITEM + 1 if free else _MAX_LIST_ITEM, free)
        if not n or (free and n > _MAX_TOPIC_ITEM):
            break
        closed = closed or tokens[j].text == "và"
        j += 1 + n
        if (
            closed and _boundary(tokens, j) and not (j < len(tokens) and tokens[j].text == ",")
        ) or (closed and j < len(tokens) and tokens[j].text in {",", "và"}):
            end = j
    return end


def cap_list(tokens: Sequence[Token], k: int, in_post: bool) -> int:
    """End of ", An ninh và Đối ngoại" at k (a capitalised list inside a name), or 0."""
    j = k
    while j < len(tokens) and tokens[j].text in {",", "và"}:
        sep = tokens[j].text
        j += 1
        if not plain_cap_word(tokens, j, in_post):
            return 0
        while j < len(tokens) and (
            plain_cap_word(tokens, j, in_post)
            or (tokens[j].is_lower_word and not stops_at(tokens, j))
        ):
            j += 1
        if sep == "và":
            return j
    return 0


def topic(tokens: Sequence[Token], k: int) -> int:
    """End of a lower-case topic after "về" ("chính trị, quốc phòng, an ninh"), or 0."""
    n = lower_item(tokens, k, 4, free=True)
    if not n:
        return 0
    return lower_list(tokens, k + n, open_list=True, free=True) or k + n
