"""The grammar of a person's introduction: rank, titles, posts, name, apposition.

What belongs here: reading, at one token position, "Đại tướng Đoàn Minh
Khôi, Ủy viên Bộ Chính trị, ...", "Bộ trưởng Bộ Ngoại giao Lạc Văn Phúc",
"đồng chí Lạc Văn Phúc", "Đại sứ Trung Quốc tại Việt Nam Tần Lượng" or
"Thượng tướng, PGS. TS. Nguyễn Văn A" into its parts. A name is recognised
by where it stands (after the words that introduce a person) and its shape
(capitalised syllables), never by a list of known people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.extraction import lexicon as lx
from archive.extraction.lexicon.keys import Phrases
from archive.extraction.organisations.grammar import parse_organisation_at
from archive.extraction.organisations.words import (
    DASHES,
    POST_PHRASES,
    RANK_PHRASES,
    cap_run,
    place_length,
    starts_post,
    starts_rank,
)
from archive.extraction.people.posts import PostMatch, parse_post
from archive.extraction.ranks import canonical_rank
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_NON_NAME = keyed_phrases(lx.NON_NAME_CAPITALS)
_HONORIFICS = keyed_phrases(lx.HONORIFICS)
_PERSON_NOUNS = keyed_phrases(lx.PERSON_NOUNS)
_MAX_NAME = 4
# Posts and titles read before one name. Past this the start moves on a token
# (the same person is found from a later start, with the posts nearest the
# name), so a text of thousands of chained posts is read in linear time.
_MAX_LEADING = 8
# List separators between people named in a row, and the longest
# parenthesis ("(SN 1990, trú tại ...)") skipped between two of them.
_LIST_SEPARATORS = frozenset({",", ";", "và"})
_MAX_PARENTHESIS = 24
# Prepositions before a post that make it someone else's ("Báo cáo với Bộ
# trưởng, Đại sứ X"; "thừa ủy quyền của Chủ tịch nước, Phó Thủ tướng X").
_OBJECT_MARKERS = frozenset({"của", "với", "cho", "tới", "đến", "gửi", "lên"})
# Words after a name that hand it a post: "giữ chức", "làm" (hold the post of, be).
_TAKES_POST = (("giữ", "chức"), ("làm",), ("được", "bầu", "làm"))


@dataclass(frozen=True)
class PersonMatch:
    """A person introduced at [start, next): name tokens [name_start, name_end)."""

    start: int
    name_start: int
    name_end: int
    next: int  # token index after the introduction and its apposition
    rank: str = ""
    rank_former: bool = False  # "nguyên Trung tá"
    titles: tuple[tuple[int, int], ...] = ()
    posts: tuple[PostMatch, ...] = ()
    foreign: bool = False


def honorific_at(tokens: Sequence[Token], i: int) -> int:
    """Tokens of "đồng chí" / "ông" / "bà" at i, or 0 when plural or generic before it."""
    if 0 <= i < len(tokens) and tokens[i].key not in _HONORIFICS.by_first:
        return 0
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
    if place and place >= run and not strong:
        # "Chủ tịch Hồ Chí Minh": after a post a place-shaped run is the name.
        return 0
    if not foreign and not any(t.is_foreign_word for t in tokens[i : i + run]):
        if run < 2:
            return 0
        if not strong and tokens[i].key not in lx.SURNAMES:
            return 0
    return run


# The openings of a person's introduction, a list of people or a bare post
# (see `may_start_person`): whole phrases (an honorific, a noun for a person, a
# rank, a post) and single words (an academic title, a post's prefix). At any
# other token the scan passes by without asking each grammar in turn.
_OPENING_PHRASES = Phrases(
    sorted({*_HONORIFICS, *_PERSON_NOUNS, *RANK_PHRASES, *POST_PHRASES}, key=len, reverse=True)
)
_OPENING_WORDS = lx.ACADEMIC_TITLE_WORDS | lx.POST_PREFIXES
# The keys at which `may_start_person` can say yes with no capital, family name or
# birth year: the opening words, the first words of the opening phrases, "vụ" (án).
OPENING_KEYS = _OPENING_WORDS | frozenset(_OPENING_PHRASES.by_first) | {"vụ"}


def may_start_person(tokens: Sequence[Token], i: int) -> bool:
    """False when no person, list of people or bare post can start at token i.

    Every opening `parse_person_at`, `parse_people_list` and a bare post read
    starts with one of `_OPENING_PHRASES` or `_OPENING_WORDS`, with a case
    ("vụ án" + a full name) or with a capitalised family name, except a
    capitalised run followed by a birth year or an age ("Giàng A Páo (sinh
    năm 1990)"). Whole phrases are matched, not first words: "hội nghị",
    "Công an" open no "nghị sĩ", "công sứ".
    """
    token = tokens[i]
    key = token.key
    if key in _OPENING_WORDS or (
        key in _OPENING_PHRASES.by_first and match_phrase(tokens, i, _OPENING_PHRASES)
    ):
        return True
    if key == "vụ" and _case_label(tokens, i):
        return True
    # A lower-case family name ("cao", "lý") opens nothing: a name is capitalised.
    return token.is_cap and (key in lx.SURNAMES or _born_after_run(tokens, i))


def parse_person_at(tokens: Sequence[Token], i: int) -> PersonMatch | None:
    """A person introduced at token i, with rank, titles, posts and apposition."""
    j = i + honorific_at(tokens, i)
    strong = j > i
    weak = not strong and bool(match_phrase(tokens, i, _PERSON_NOUNS))
    if weak:
        j = i + match_phrase(tokens, i, _PERSON_NOUNS)
    elif tokens[i].key == "vụ" and _case_label(tokens, i):
        # "vụ án Đỗ Quang Hiển": a case named after its defendant. "vụ Vạn
        # Thịnh Phát" (no "án", no family name) is named after a company.
        weak, j = True, i + 2
    rank = ""
    rank_former = False
    titles: list[tuple[int, int]] = []
    posts: list[PostMatch] = []
    while j < len(tokens):
        if len(posts) + len(titles) > _MAX_LEADING:
            return None
        n = starts_rank(tokens, j)
        if n:
            rank = canonical_rank(" ".join(t.text for t in tokens[j : j + n])) or ""
            rank_former = j > 0 and tokens[j - 1].key == "nguyên"
            j += n
            strong = True
        n = titles_at(tokens, j)
        if n:
            titles.append((j, j + n))
            j += n
            strong = True
            continue
        if rank and j < len(tokens) and tokens[j].text == "," and titles_at(tokens, j + 1):
            j += 1
            continue
        post = parse_post(tokens, j)
        if post is not None:
            if not (
                j > 0 and tokens[j - 1].key in _OBJECT_MARKERS and not _name_follows(tokens, post)
            ):
                posts.append(post)
            elif i == j:
                return None  # let the bare post be read on its own (a back-reference)
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
    if posts and posts[-1].foreign and _comma_then_foreign_name(tokens, j):
        j += 1  # "Phó Thủ tướng Lào, Bounmy Keomany": a foreign post, a comma, the name
    surname_first = j == i and i < len(tokens) and tokens[i].key in lx.SURNAMES
    # A birth year or an age right after a capitalised run marks a person
    # whatever the family name ("Giàng A Páo (sinh năm 1990)").
    born_run = j == i and not surname_first and _born_after_run(tokens, i)
    if not strong and not weak and not surname_first and not born_run:
        return None
    # After a noun for a person ("đại biểu", "bị cáo") a full three- or
    # four-syllable name is a name even with a family name the list lacks.
    n = name_length(tokens, j, strong=strong or born_run or (weak and _full_name(tokens, j)))
    if not n:
        return None
    name_start, name_end = j, j + n
    resume = name_end
    stated = None
    if not rank:
        # "Đỗ Văn Hùng, nguyên Thiếu tá, nguyên Phó Trưởng ...": the rank in apposition.
        stated = _rank_in_apposition(tokens, name_end)
        if stated is not None:
            rank, rank_former, resume = stated
    after = apposition(tokens, resume) or taken_post(tokens, resume)
    if (
        surname_first
        and not after
        and stated is None
        and not _born(tokens, name_end)
        and not (_full_name(tokens, name_start) and _list_item_at(tokens, name_end, full=True))
        and not (_full_name(tokens, name_start) and _led_by(tokens, name_start, name_end))
    ):
        # A bare family-name run is a person only when a post, a rank in apposition
        # or a birth year follows, or when it heads a list of full names ("A; B và C").
        return None
    foreign = any(p.foreign for p in posts) or any(
        t.is_foreign_word for t in tokens[name_start:name_end]
    )
    return PersonMatch(
        start=i,
        name_start=name_start,
        name_end=name_end,
        next=after[-1].end if after else resume,
        rank=rank,
        rank_former=rank_former,
        titles=tuple(titles),
        posts=tuple(posts) + tuple(after),
        foreign=foreign,
    )


def _rank_in_apposition(tokens: Sequence[Token], k: int) -> tuple[str, bool, int] | None:
    """(rank, former, end) of ", [nguyên] Thiếu tá" after a name, when no name follows the
    rank (", Đại tá X" introduces the next person)."""
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return None
    m = k + 1
    former = tokens[m].key == "nguyên"
    m += former
    n = starts_rank(tokens, m)
    if not n or (m + n < len(tokens) and tokens[m + n].is_cap):
        return None
    rank = canonical_rank(" ".join(t.text for t in tokens[m : m + n]))
    return (rank, former, m + n) if rank else None


def _case_label(tokens: Sequence[Token], i: int) -> bool:
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].key == "án"
        and tokens[i + 2].key in lx.SURNAMES
        and _full_name(tokens, i + 2)
    )


def _comma_then_foreign_name(tokens: Sequence[Token], j: int) -> bool:
    if j + 1 >= len(tokens) or tokens[j].text != "," or honorific_at(tokens, j + 1):
        return False  # "..., Ngài X": the honorific introduces the name itself
    n = name_length(tokens, j + 1, strong=True)
    return n >= 2 and any(t.is_foreign_word for t in tokens[j + 1 : j + 1 + n])


# One-word honorifics that make a list when plural: "các ông", "các bà", "các ngài".
_PLURAL_PERSONS = frozenset({"ông", "bà", "ngài"})


def parse_people_list(tokens: Sequence[Token], i: int) -> list[PersonMatch]:
    """ "các đồng chí: A, B và C", "các đồng chí A, B giữ chức Phó Bí thư", "các ông A; B":
    one match each."""
    n = match_phrase(tokens, i, _HONORIFICS)
    if not n or i == 0 or (n == 1 and tokens[i].key not in _PLURAL_PERSONS):
        return []
    if tokens[i - 1].key not in lx.PLURAL_MARKERS:
        return []
    j = i + n
    if j < len(tokens) and tokens[j].text == ":":
        j += 1
    spans: list[tuple[int, int]] = []
    while j < len(tokens):
        n = name_length(tokens, j, strong=True)
        if not n:
            break
        spans.append((j, j + n))
        j += n
        if j + 1 < len(tokens) and tokens[j].text in _LIST_SEPARATORS and tokens[j + 1].is_cap:
            j += 1
            continue
        break
    if not spans:
        return []
    # From the end of the last name: the loop may have stepped over a comma that no
    # name followed ("cùng ông A, Giám đốc Sở Y tế").
    j = spans[-1][1]
    shared = taken_post(tokens, j) or (apposition(tokens, j) if len(spans) == 1 else [])
    end = shared[-1].end if shared else j
    return [
        PersonMatch(
            start=i,
            name_start=s,
            name_end=e,
            next=end,
            posts=tuple(shared),
            foreign=any(t.is_foreign_word for t in tokens[s:e]),
        )
        for s, e in spans
    ]


def next_in_list(tokens: Sequence[Token], k: int) -> PersonMatch | None:
    """The next person of a list after one ends at k: "A (SN 1990), B và C", "A; B".

    Suspects, defendants and elected members are listed with no cue word of
    their own; the list itself is the cue. The item must still look like a
    full name (a family name first, or three syllables or more).
    """
    j = _item_start(tokens, k)
    if j is None:
        return None
    n = _name_item(tokens, j, full=False)
    if not n:
        return None
    after = apposition(tokens, j + n)
    return PersonMatch(
        start=j,
        name_start=j,
        name_end=j + n,
        next=after[-1].end if after else j + n,
        posts=tuple(after),
        foreign=any(t.is_foreign_word for t in tokens[j : j + n]),
    )


def _item_start(tokens: Sequence[Token], k: int) -> int | None:
    """Token index of the next list item after k (past "(SN ...)" and the separator)."""
    j = _past_parenthesis(tokens, k)
    if j >= len(tokens) or tokens[j].text not in _LIST_SEPARATORS:
        return None
    j += 1
    if j < len(tokens) and tokens[j].key == "và":
        j += 1
    return j


def _list_item_at(tokens: Sequence[Token], k: int, *, full: bool) -> int:
    """Tokens of a name standing as the next list item after k, or 0.

    `full` asks for a whole three- or four-syllable name with a family name,
    which is what makes a list of bare names a list of people.
    """
    j = _item_start(tokens, k)
    return 0 if j is None else _name_item(tokens, j, full=full)


def _name_item(tokens: Sequence[Token], j: int, *, full: bool) -> int:
    """Tokens of the name a list item starting at j consists of, or 0 (see `_list_item_at`)."""
    if tokens[j].key in lx.POST_PREFIXES or honorific_at(tokens, j):
        # ", Phó Tổng ...": a post the lexicon lacks; "và Datuk Seri X": the
        # honorific introduces the next person itself.
        return 0
    n = name_length(tokens, j, strong=True)
    if not n or place_length(tokens, j) >= n:
        return 0
    surname = tokens[j].key in lx.SURNAMES
    if full:
        return n if surname and _full_name(tokens, j) and cap_run(tokens, j) == n else 0
    if surname or n >= 3 or any(t.is_foreign_word for t in tokens[j : j + n]):
        return n
    return 0


def _past_parenthesis(tokens: Sequence[Token], k: int) -> int:
    """Index after a short "( ... )" at k ("(SN 1990)", "(sinh năm 1989, trú tại ...)"), else k."""
    if k >= len(tokens) or tokens[k].text != "(":
        return k
    for j in range(k + 1, min(k + _MAX_PARENTHESIS, len(tokens))):
        if tokens[j].text == ")":
            return j + 1
    return k


def taken_post(tokens: Sequence[Token], k: int) -> list[PostMatch]:
    """The post in "<name> giữ chức Phó Bí thư" / "<name> làm Chủ nhiệm", else []."""
    for words in _TAKES_POST:
        n = len(words)
        if tuple(t.key for t in tokens[k : k + n]) == words:
            post = parse_post(tokens, k + n)
            if post is not None and not _name_follows(tokens, post):
                return [post]
    return []


def _name_follows(tokens: Sequence[Token], post: PostMatch) -> bool:
    return bool(name_length(tokens, post.end, strong=True))


def _born(tokens: Sequence[Token], k: int) -> bool:
    """ "(SN 1986, ...)", "(sinh năm 1990)", "(20 tuổi)", "(biệt danh ...)": a birth year,
    an age or a nickname marks a person."""
    if k + 1 >= len(tokens) or tokens[k].text != "(":
        return False
    if tokens[k + 1].key in {"sn", "sinh", "biệt"}:
        return True
    return k + 2 < len(tokens) and tokens[k + 1].text.isdigit() and tokens[k + 2].key == "tuổi"


def _born_after_run(tokens: Sequence[Token], i: int) -> bool:
    # Asked at most capitalised words: a "(" two to four tokens on, which the
    # birth year needs, rules nearly all of them out before the run is measured.
    if "(" not in [t.text for t in tokens[i + 2 : i + _MAX_NAME + 1]]:
        return False
    run = cap_run(tokens, i)
    return (
        2 <= run <= _MAX_NAME
        and _born(tokens, i + run)  # the cheap test first: most runs have no "(" after them
        and not any(t.is_acronym or t.is_foreign_word for t in tokens[i : i + run])
    )


# "do X cầm đầu" (led by X): the ring's or the group's leader is a person.
_LED_BY = frozenset(
    {("cầm", "đầu"), ("dẫn", "đầu"), ("đứng", "đầu"), ("chủ", "mưu"), ("điều", "hành")}
)


def _led_by(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "do Vàng A Dế cầm đầu": a full name between "do" and a verb of leading."""
    return (
        start > 0
        and tokens[start - 1].key == "do"
        and end + 1 < len(tokens)
        and (tokens[end].key, tokens[end + 1].key) in _LED_BY
    )


def _full_name(tokens: Sequence[Token], j: int) -> bool:
    run = cap_run(tokens, j)
    return 3 <= run <= _MAX_NAME and not any(
        t.is_acronym or t.is_foreign_word for t in tokens[j : j + run]
    )


def apposition(tokens: Sequence[Token], k: int) -> list[PostMatch]:
    """Posts after a name: ", Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an"."""
    posts: list[PostMatch] = []
    # "Nguyễn Văn An - Giám đốc Sở Y tế": a dash may open the apposition.
    while k + 1 < len(tokens) and (
        tokens[k].text == "," or (not posts and tokens[k].text in DASHES)
    ):
        post = parse_post(tokens, k + 1)
        if post is None or _name_follows(tokens, post):
            # A post followed by a name introduces the next person.
            break
        if post.title_end == post.role_end and _starts_clause(tokens, post.end):
            # ", Thứ trưởng đồng ý ...": a new subject, not an apposition.
            break
        posts.append(post)
        k = post.end
    return posts


def _starts_clause(tokens: Sequence[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].is_lower_word
