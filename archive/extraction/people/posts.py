"""The grammar of a post: "Bộ trưởng Bộ Công an", "Phó Trưởng phòng Tham mưu ...".

What belongs here: `parse_post`, which reads a post at a token position into
its role ("Bộ trưởng", "Phó Trưởng") and the body it names, with the parent
body an article adds after a comma ("Vụ trưởng Vụ Đào tạo, Bộ Công an Lào"),
and the countries that make a post foreign ("Đại sứ Trung Quốc tại Việt Nam").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.extraction import lexicon as lx
from archive.extraction.organisations.grammar import (
    PLACE_NAMED_HEADS,
    parse_organisation_at,
    place_then_name,
)
from archive.extraction.organisations.lists import head_at
from archive.extraction.organisations.units import admin_place
from archive.extraction.organisations.words import (
    cap_run,
    country_length,
    place_length,
    starts_post,
    starts_rank,
    stops_at,
)
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_SUFFIXES = keyed_phrases(lx.POST_SUFFIXES)
_VIETNAM = frozenset({"việt nam"})
# Posts whose last word is the head of their body: "Trưởng phòng Tham mưu" is
# the head (trưởng) of "phòng Tham mưu"; likewise ban, khoa, đoàn, đội.
_BODY_WORDS = frozenset({"phòng", "ban", "khoa", "đoàn", "đội"})
_ADMIN_WORDS = frozenset({"thôn", "bản", "xã", "phường"})
_MAX_SECTION_WORDS = 3


@dataclass(frozen=True)
class PostMatch:
    """A post at token positions [start, end); its title ends at title_end."""

    start: int
    end: int  # where reading resumes (after an abbreviation in parentheses)
    title_end: int
    role_end: int
    organisation: tuple[int, int] | None = None  # token span of the body named
    foreign: bool = False


def parse_post(tokens: Sequence[Token], i: int) -> PostMatch | None:
    """A post at i: "Bộ trưởng Bộ Công an", "Phó Thủ tướng", "Đại sứ Trung Quốc tại Việt Nam"."""
    n = starts_post(tokens, i)
    if not n:
        return None
    last = i + n - 1
    j = i + n + match_phrase(tokens, i + n, _SUFFIXES)
    if tokens[last].key in _BODY_WORDS and j < len(tokens) and tokens[j].is_cap:
        org = parse_organisation_at(tokens, last, in_post=True, lower_head=True)
        if org is not None:
            return _with_parent(tokens, i, last, org.start, org.end, org.abbreviation_end)
    if tokens[last].key in _BODY_WORDS and j < len(tokens) and tokens[j].is_lower_word:
        # "Trưởng phòng kinh doanh,": the section named by what it does, then a comma.
        k = j
        while k < len(tokens) and k - j < _MAX_SECTION_WORDS and tokens[k].is_lower_word:
            if stops_at(tokens, k):
                break
            k += 1
        if k > j and k < len(tokens) and tokens[k].text == ",":
            return PostMatch(i, k, k, j)
    place = place_length(tokens, j) if j < len(tokens) else 0
    if (
        not place
        and last > i
        and f"{tokens[last - 1].key} {tokens[last].key}" in PLACE_NAMED_HEADS
        and j < len(tokens)
        and place_then_name(tokens, j)
    ):
        place = 2  # "Bí thư Tỉnh ủy Lâm Xuyên Hầu Văn Páo": a place the lexicon lacks
    head = _head_ending_at(tokens, i, last) if place else 0
    if head:
        # "Phó Bí thư Tỉnh ủy Lai Châu": the post ends in its body's head
        # (Tỉnh ủy, Thành ủy), and the place after it belongs to the body.
        start = last + 1 - head
        return PostMatch(i, j + place, j + place, start, (start, j + place))
    if tokens[last].key in _ADMIN_WORDS:
        place = admin_place(tokens, last)
        if place > 1:
            return PostMatch(i, last + place, last + place, j)
    if j >= len(tokens) or not tokens[j].is_word or not tokens[j].is_cap:
        # "Bộ trưởng đã ..." is a post; "Bộ trưởng Bộ Công an" names its body.
        # "Giám đốc công ty." names it by a common noun, the body just spoken of.
        n = _common_body(tokens, j)
        return PostMatch(i, j + n, j + n, j)
    org = parse_organisation_at(tokens, j, in_post=True)
    if org is not None:
        return _with_parent(tokens, i, j, org.start, org.end, org.abbreviation_end)
    if tokens[j].is_acronym:
        # "Giám đốc C02", "Chủ tịch UBND tỉnh ..." written with an abbreviation.
        end = j + 1 + admin_place(tokens, j + 1)
        if end == j + 1:
            # "Phó Chủ tịch UBND tỉnh Rơ Châm Thuận": the province is the article's,
            # the capitalised run after "tỉnh" the holder's name.
            unit = match_phrase(tokens, end, lx.ADMIN_UNIT_KEYS)
            if unit and end + unit < len(tokens) and cap_run(tokens, end + unit) >= 2:
                end += unit
        return PostMatch(i, end, end, j, (j, j + 1))
    country = country_length(tokens, j)
    if country:
        end = j + country
        foreign = " ".join(t.key for t in tokens[j:end]) not in _VIETNAM
        if end + 1 < len(tokens) and tokens[end].key == "tại":
            end += 1 + place_length(tokens, end + 1)
        return PostMatch(i, end, end, j, None, foreign)
    if place and _name_after(tokens, j + place) and tokens[j + place].key in lx.SURNAMES:
        # "Chủ tịch Đà Nẵng Nguyễn Văn A": the place is the post's, the name its holder's.
        return PostMatch(i, j + place, j + place, j)
    end = _bare_body(tokens, j)
    return PostMatch(i, end, end, j)


def _common_body(tokens: Sequence[Token], j: int) -> int:
    """Tokens of a lower-case head noun at j that ends the clause ("công ty", "bệnh viện"), or 0."""
    if j >= len(tokens) or not tokens[j].is_lower_word:
        return 0
    n = head_at(tokens, j)[0]
    if not n or (j + n < len(tokens) and tokens[j + n].is_word):
        return 0
    return n


def _head_ending_at(tokens: Sequence[Token], i: int, last: int) -> int:
    """Tokens of a capitalised head noun that ends the post at `last`, or 0."""
    for n in (1, 2, 3):
        k = last + 1 - n
        if k > i and tokens[k].is_cap and head_at(tokens, k)[0] == n:
            return n
    return 0


def _bare_body(tokens: Sequence[Token], j: int) -> int:
    """End of a body named without a full name after a post, or j.

    "Bí thư Đảng ủy" (the committee just named), "Tư lệnh Cảnh sát cơ động"
    (a force named by a common noun): part of the title, not an organisation.
    """
    k = j
    while k < len(tokens) and head_at(tokens, k)[0]:
        k += head_at(tokens, k)[0]
    if k > j:
        return k if _ends_phrase(tokens, k) else j
    if cap_run(tokens, j) != 1 or starts_rank(tokens, j):
        return j
    k = j + 1
    while k < len(tokens) and tokens[k].is_lower_word and not stops_at(tokens, k):
        k += 1
    return k if k > j + 1 and _ends_phrase(tokens, k) else j


def _ends_phrase(tokens: Sequence[Token], k: int) -> bool:
    return k >= len(tokens) or not tokens[k].is_word or stops_at(tokens, k)


def _with_parent(
    tokens: Sequence[Token], i: int, role_end: int, o_start: int, o_end: int, abbr_end: int
) -> PostMatch:
    """The post, with ", <parent body>" after its own body ("Vụ Đào tạo, Bộ Công an Lào")."""
    foreign = _has_foreign_place(tokens, o_start, o_end)
    end = max(o_end, abbr_end)
    if end + 1 < len(tokens) and tokens[end].text == ",":
        parent = parse_organisation_at(tokens, end + 1, in_post=True)
        if parent is not None and not _name_after(tokens, parent.end):
            after = max(parent.end, parent.abbreviation_end)
            foreign = foreign or _has_foreign_place(tokens, parent.start, parent.end)
            return PostMatch(i, after, parent.end, role_end, (o_start, o_end), foreign)
    return PostMatch(i, end, o_end, role_end, (o_start, o_end), foreign)


def _name_after(tokens: Sequence[Token], k: int) -> bool:
    """A capitalised run right after a body: the name of the post's holder."""
    return k < len(tokens) and cap_run(tokens, k) >= 2


def _has_foreign_place(tokens: Sequence[Token], start: int, end: int) -> bool:
    k = start
    while k < end:
        n = place_length(tokens, k)
        if n:
            key = " ".join(t.key for t in tokens[k : k + n])
            if key in lx.COUNTRY_KEYS and key not in _VIETNAM:
                return True
            k += n
        else:
            k += 1
    return False
