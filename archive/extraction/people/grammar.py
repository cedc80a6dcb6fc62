"""The grammar of a person's introduction: rank, titles, posts, name, apposition.

What belongs here: reading, at one token position, "Đại tướng Lương Tam
Quang, Ủy viên Bộ Chính trị, ...", "Bộ trưởng Bộ Ngoại giao Lê Hoài Trung",
"đồng chí Lê Hoài Trung", "Đại sứ Trung Quốc tại Việt Nam Hà Vĩ" or
"Thượng tướng, PGS. TS. Nguyễn Văn A" into its parts. A name is recognised
by where it stands (after the words that introduce a person) and its shape
(capitalised syllables), never by a list of known people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key
from archive.extraction.organisations.grammar import parse_organisation_at
from archive.extraction.organisations.words import (
    cap_run,
    place_length,
    starts_post,
    starts_rank,
)
from archive.extraction.ranks import canonical_rank
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_SUFFIXES = keyed_phrases(lx.POST_SUFFIXES)
_NON_NAME = keyed_phrases(lx.NON_NAME_CAPITALS)
_HONORIFICS = keyed_phrases(lx.HONORIFICS)
_VIETNAM = frozenset({"việt nam"})
_MAX_NAME = 4


@dataclass(frozen=True)
class PostMatch:
    """A post at token positions [start, end): role words, then its organisation."""

    start: int
    end: int
    role_end: int
    organisation: tuple[int, int] | None = None  # token span of the organisation named
    foreign: bool = False


@dataclass(frozen=True)
class PersonMatch:
    """A person introduced at [start, next): name tokens [name_start, name_end)."""

    start: int
    name_start: int
    name_end: int
    next: int  # token index after the introduction and its apposition
    rank: str = ""
    titles: tuple[tuple[int, int], ...] = ()
    posts: tuple[PostMatch, ...] = ()
    foreign: bool = False


def honorific_at(tokens: Sequence[Token], i: int) -> int:
    """Tokens of "đồng chí" / "ông" / "bà" at i, or 0 when plural or generic before it."""
    n = match_phrase(tokens, i, _HONORIFICS)
    if n and i > 0 and tokens[i - 1].key in lx.PLURAL_MARKERS:
        return 0
    return n


def titles_at(tokens: Sequence[Token], i: int) -> int:
    """Tokens of academic titles at i ("TS.", "PGS. TS.", "PGS.TS", "GS.TSKH")."""
    j = i
    while j < len(tokens) and tokens[j].key in lx.ACADEMIC_TITLE_WORDS:
        j += 1
        if j < len(tokens) and tokens[j].text == ".":
            j += 1
    return j - i


def parse_post(tokens: Sequence[Token], i: int) -> PostMatch | None:
    """A post at i: "Bộ trưởng Bộ Công an", "Phó Thủ tướng", "Đại sứ Trung Quốc tại Việt Nam"."""
    n = starts_post(tokens, i)
    if not n:
        return None
    j = i + n
    j += match_phrase(tokens, j, _SUFFIXES)
    role_end = j
    if role_end < len(tokens) and not tokens[role_end].is_cap and tokens[role_end].is_word:
        # "Bộ trưởng đã ..." is a post; "Bộ trưởng Bộ Công an" names its body.
        return PostMatch(i, role_end, role_end)
    org = parse_organisation_at(tokens, j, in_post=True)
    if org is not None:
        end = max(org.end, org.abbreviation_end)
        foreign = _has_foreign_place(tokens, org.start, org.end)
        return PostMatch(i, end, role_end, (org.start, org.end), foreign)
    if j < len(tokens) and tokens[j].is_acronym:
        # "Giám đốc C02", "Chủ tịch UBND tỉnh ..." written with an abbreviation.
        return PostMatch(i, j + 1, role_end, (j, j + 1))
    country = place_length(tokens, j)
    key = " ".join(t.key for t in tokens[j : j + country])
    if country and key in lx.COUNTRY_KEYS:
        end = j + country
        if end + 1 < len(tokens) and tokens[end].key == "tại":
            end += 1 + place_length(tokens, end + 1)
        return PostMatch(i, end, role_end, None, key not in _VIETNAM)
    return PostMatch(i, role_end, role_end)


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


def name_length(tokens: Sequence[Token], i: int, *, strong: bool) -> int:
    """Tokens of a personal name at i, or 0.

    `strong` means the words before make a name expected (a rank, a post,
    "đồng chí"); otherwise the name must start with a family name.
    """
    run = min(cap_run(tokens, i), _MAX_NAME + 1)
    if run == 0 or tokens[i].is_acronym:
        return 0
    if (
        match_phrase(tokens, i, _NON_NAME)
        or starts_rank(tokens, i)
        or starts_post(tokens, i)
        or parse_organisation_at(tokens, i, in_post=True) is not None
    ):
        return 0
    foreign = tokens[i].is_foreign_word
    for k in range(1, run):
        # A name ends where an organisation, a place or a post begins.
        if (
            tokens[i + k].is_acronym
            or starts_post(tokens, i + k)
            or parse_organisation_at(tokens, i + k, in_post=True) is not None
        ):
            run = k
            break
    if run > _MAX_NAME:
        return 0
    place = place_length(tokens, i)
    if place and place >= run:
        return 0
    if not foreign and not any(t.is_foreign_word for t in tokens[i : i + run]):
        if run < 2:
            return 0
        if not strong and tokens[i].key not in lx.SURNAMES:
            return 0
    return run


def parse_person_at(tokens: Sequence[Token], i: int) -> PersonMatch | None:
    """A person introduced at token i, with rank, titles, posts and apposition."""
    j = i + honorific_at(tokens, i)
    strong = j > i
    rank = ""
    titles: list[tuple[int, int]] = []
    posts: list[PostMatch] = []
    while j < len(tokens):
        n = starts_rank(tokens, j)
        if n:
            rank = canonical_rank(" ".join(t.text for t in tokens[j : j + n])) or ""
            j += n
            strong = True
        n = titles_at(tokens, j)
        if n:
            titles.append((j, j + n))
            j += n
            continue
        if rank and j < len(tokens) and tokens[j].text == "," and titles_at(tokens, j + 1):
            j += 1
            continue
        post = parse_post(tokens, j)
        if post is not None:
            posts.append(post)
            j = post.end
            strong = True
            if (
                j + 1 < len(tokens)
                and tokens[j].text == ","
                and (starts_post(tokens, j + 1) or starts_rank(tokens, j + 1))
            ):
                j += 1
            continue
        break
    if not strong and not (j == i and i < len(tokens) and tokens[i].key in lx.SURNAMES):
        return None
    n = name_length(tokens, j, strong=strong)
    if not n:
        return None
    name_start, name_end = j, j + n
    after = apposition(tokens, name_end)
    if not strong and not after:
        # A bare family-name run is a person only when a post follows it.
        return None
    foreign = any(p.foreign for p in posts) or any(
        t.is_foreign_word for t in tokens[name_start:name_end]
    )
    return PersonMatch(
        start=i,
        name_start=name_start,
        name_end=name_end,
        next=after[-1].end if after else name_end,
        rank=rank,
        titles=tuple(titles),
        posts=tuple(posts) + tuple(after),
        foreign=foreign,
    )


def apposition(tokens: Sequence[Token], k: int) -> list[PostMatch]:
    """Posts after a name: ", Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an"."""
    posts: list[PostMatch] = []
    while k + 1 < len(tokens) and tokens[k].text == ",":
        post = parse_post(tokens, k + 1)
        if post is None or name_length(tokens, post.end, strong=True):
            # A post followed by a name introduces the next person.
            break
        posts.append(post)
        k = post.end
    return posts


def name_key(tokens: Sequence[Token], start: int, end: int) -> str:
    return matching_key(" ".join(t.text for t in tokens[start:end]))
