"""The grammar of a Vietnamese organisation name, read at one token position.

What belongs here: `parse_organisation_at`, which recognises a name such as
"Bộ Công an", "Đảng ủy Cục Đối ngoại", "Ban Chỉ đạo về Nhân quyền của Chính
phủ", "Cục Pháp chế và cải cách hành chính, tư pháp" or "Công an tỉnh Quảng
Ninh" starting at a token. A name is a head noun ("Bộ", "Cục", "Đảng ủy" ...)
followed by name words: the first is capitalised, later ones are capitalised
proper nouns or lower-case syllables that complete a compound ("Công an",
"Cảnh sát giao thông"), lists joined by "và" and commas, "của <owner>" after a
committee, "tại <place>" after a mission. It ends at punctuation, at a word
that starts a predicate ("chủ trì", "đã" ...), or where a person's name begins
inside a post ("Bộ trưởng Bộ Ngoại giao Lê ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from archive.extraction import lexicon as lx
from archive.extraction.organisations.abbreviations import (
    NAME_LINKS,
    abbreviation_at,
    run_to_abbreviation,
)
from archive.extraction.organisations.lists import (
    cap_list,
    head_at,
    lower_item,
    lower_list,
    plain_cap_word,
    stops_name,
    topic,
)
from archive.extraction.organisations.units import (
    admin_place,
    border_gate,
    foreign_police,
    generic_force,
    is_function_head,
    level_length,
)
from archive.extraction.organisations.words import (
    DASHES,
    cap_run,
    continuation,
    country_length,
    looks_like_person,
    place_length,
    starts_post,
    starts_rank,
    stops_at,
    verb_phrase_at,
)
from archive.extraction.tokens import Span, Token, keyed_phrases, match_phrase

_NON_NAME = keyed_phrases(lx.NON_NAME_CAPITALS)
_TAILS = keyed_phrases(lx.NAME_TAIL_CAPITALS)
_SUFFIXES = keyed_phrases(lx.POST_SUFFIXES)
# A long run of lower-case words is a predicate, not a name ("... cần quán
# triệt thực hiện ..."); committee names allow more ("liên ngành hội nhập quốc tế").
_MAX_LOWER_RUN = 4
_MAX_LOWER_RUN_COMMITTEE = 7
_MAX_LIST_ITEM = 8
_MAX_NAME_TOKENS = 30
# Companies, groups, corporations and banks, named by their trade name, and
# schools and hospitals, often named after a person ("Bệnh viện Bạch Mai").
_TRADE_KINDS = frozenset(
    ("company", "group", "corporation", "bank", "school", "university", "college", "hospital")
)
# Party committees of a province, city, district: named by the place alone.
PLACE_NAMED_HEADS = frozenset(("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy"))
# Standalone bodies with a chapter in every province.
_LOCAL_CHAPTER_KINDS = frozenset(("front", "social_security", "border_guard"))
# Bodies a committee can belong to by "của": "Ban Chỉ đạo ... của Chính phủ".
_OWNER_KINDS = frozenset(
    {"government", "legislature", "politburo", "secretariat", "central_committee", "ministry"}
)
# Bodies whose name may follow a unit's abbreviation: "Phòng ... (PC04) Công an
# tỉnh X", "Cục ... (C02) Bộ Công an".
_RESUMING_OWNER_KINDS = frozenset({"police", "ministry", "general_department"})


@dataclass(frozen=True)
class OrgMatch:
    """One organisation name found at token positions [start, end)."""

    start: int
    end: int
    kind: str
    inner: tuple[OrgMatch, ...] = ()  # organisations named inside this one
    parent_index: int | None = None  # which of `inner` is the body this one belongs to
    abbreviation: str = ""
    abbreviation_end: int = 0  # token index after ")" when an abbreviation follows
    # The inner body stands for its local chapter only ("Ủy ban Mặt trận Tổ
    # quốc Việt Nam tỉnh X"): the article does not name the inner body itself.
    local_chapter: bool = False
    # The name was carried on to an abbreviation after it ("... (UNODC)").
    spelled_out: bool = False
    # A standalone body followed by the place of its local chapter.
    chapter_place: bool = False
    # "Tòa án nhân dân (TAND) tỉnh X": the name goes on after its abbreviation,
    # up to this token index (0: it ends before the abbreviation).
    resume_end: int = 0


@dataclass(frozen=True)
class _Shape:
    """What may continue a name, by its head: topics ("về", "của"), "tại", free topics."""

    topic: bool
    mission: bool
    capitalised: bool
    steering: bool
    in_post: bool
    place_named: bool = False  # "Tỉnh ủy Lam Giang": the head, then a place's name


# First words of a standalone body's name or of a head noun: every name starts with one.
NAME_OPENERS = frozenset(lx.STANDALONE_KEYS_BY_LENGTH.by_first) | frozenset(
    lx.HEAD_KEYS_BY_LENGTH.by_first
)


def parse_organisation_at(
    tokens: Sequence[Token], i: int, *, in_post: bool | None = None, lower_head: bool = False
) -> OrgMatch | None:
    """The organisation name starting at token i, or None.

    `in_post` says the name stands inside a post before a person's name; by
    default it is read from the words before i. `lower_head` accepts a
    lower-case head ("Trưởng phòng Tham mưu": the body is "phòng Tham mưu").
    """
    if i >= len(tokens) or not tokens[i].is_word:
        return None
    if not tokens[i].is_cap and not lower_head:
        return None
    # Asked wherever a name may start: the first word's key rules out nearly all.
    police = foreign_police(tokens, i) if tokens[i].key == "cảnh" else 0
    if police:
        return _with_abbreviation(tokens, OrgMatch(i, i + police, "police"))
    if i >= 0 and tokens[i].key not in NAME_OPENERS:
        return None  # neither a standalone body nor a head noun starts here
    standalone = match_phrase(tokens, i, lx.STANDALONE_KEYS_BY_LENGTH)
    head, kind = head_at(tokens, i)
    if standalone and standalone >= head and tokens[i].is_cap:
        key = " ".join(t.key for t in tokens[i : i + standalone])
        end = i + standalone
        if key == "trung ương đảng" and _foreign_party_at(tokens, end - 1):
            # "Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào": the party is named.
            return None
        # "Chính phủ Lào", "Quốc hội Hàn Quốc": a country completes the name.
        end += place_length(tokens, end) if end < len(tokens) else 0
        chapter = 0
        if lx.STANDALONE_KIND_BY_KEY[key] in _LOCAL_CHAPTER_KINDS and end < len(tokens):
            # "Mặt trận Tổ quốc Việt Nam tỉnh X", "Bộ đội Biên phòng tỉnh X": a local chapter.
            chapter = admin_place(tokens, end)
            end += chapter
        kind = lx.STANDALONE_KIND_BY_KEY[key]
        return _with_abbreviation(tokens, OrgMatch(i, end, kind, chapter_place=chapter > 0))
    if not head:
        return None
    if in_post is None:
        # Asked only now: most capitalised words start no name, and this looks back six tokens.
        in_post = ends_post(tokens, i)
    return _parse_headed(tokens, i, head, kind, in_post)


def _foreign_party_at(tokens: Sequence[Token], k: int) -> bool:
    """ "Đảng Nhân dân Cách mạng Lào" at k: the party's own name, closed by its country."""
    if k + 1 >= len(tokens) or tokens[k].key != "đảng" or not tokens[k + 1].is_cap:
        return False
    for n in range(k + 1, min(k + 8, len(tokens))):
        if not tokens[n].is_word:
            return False
        if tokens[n].is_cap and country_length(tokens, n):
            return True
    return False


def ends_post(tokens: Sequence[Token], i: int) -> bool:
    """True when token i follows or stands inside a post ("Bộ trưởng |Bộ ...", "thứ nhất |Bộ")."""
    for n in range(1, 7):
        if i - n < 0:
            break
        m = starts_post(tokens, i - n)
        # ">= n": inside a post that ends in the body's head ("Trưởng Ban |Tổ chức ...").
        if m and m + match_phrase(tokens, i - n + m, _SUFFIXES) >= n:
            return True
    return False


def _with_abbreviation(tokens: Sequence[Token], match: OrgMatch) -> OrgMatch:
    abbr, after = abbreviation_at(tokens, match.end)
    if abbr:
        return _resumed(tokens, replace(match, abbreviation=abbr, abbreviation_end=after))
    if not abbr:
        # "Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC)": the
        # abbreviation closes the name, so the words before it belong to it.
        end = run_to_abbreviation(tokens, match.end)
        if not end:
            return match
        abbr, after = abbreviation_at(tokens, end)
        match = replace(match, end=end, spelled_out=True)
    return replace(match, abbreviation=abbr, abbreviation_end=after)


def _resumed(tokens: Sequence[Token], match: OrgMatch) -> OrgMatch:
    """A name that goes on after its abbreviation: "Tòa án nhân dân (TAND) tỉnh X",
    "Cơ quan Cảnh sát điều tra (CSĐT) Công an tỉnh X" (the body it belongs to).
    """
    k = match.abbreviation_end
    if k >= len(tokens) or match.spelled_out:
        return match
    place = admin_place(tokens, k) or (
        _court_level(tokens, k) if match.kind in {"court", "procuracy"} else 0
    )
    if place:
        return replace(match, resume_end=k + place)
    if not tokens[k].is_cap or tokens[k].is_acronym:
        return match
    owner = parse_organisation_at(tokens, k)
    if owner is None or owner.kind not in _RESUMING_OWNER_KINDS:
        return match
    inner = (*match.inner, owner)
    return replace(match, inner=inner, parent_index=len(inner) - 1, resume_end=owner.end)


def _parse_headed(
    tokens: Sequence[Token], i: int, head: int, kind: str, in_post: bool
) -> OrgMatch | None:
    # The same body is read from a post ("Giám đốc |Công an tỉnh X") and by the
    # organisation scan at the same token: read once per span (see `Span`).
    # `head` and `kind` are head_at(tokens, i), so (i, in_post) is the whole key.
    memo = tokens.memo if isinstance(tokens, Span) else None
    if memo is None:
        return _read_headed(tokens, i, head, kind, in_post)
    key = ("headed", i, in_post)
    if key not in memo:
        memo[key] = _read_headed(tokens, i, head, kind, in_post)
    found: OrgMatch | None = memo[key]
    return found


def _read_headed(
    tokens: Sequence[Token], i: int, head: int, kind: str, in_post: bool
) -> OrgMatch | None:
    head_key = " ".join(t.key for t in tokens[i : i + head])
    j = i + head
    if j >= len(tokens):
        return None
    if head_key in lx.FORCE_HEADS:
        # "Công an tỉnh Quảng Ninh"; "Công an các tỉnh" or "Công an Trung
        # ương" alone is a class of units or part of a longer name.
        n = admin_place(tokens, j)
        return _with_abbreviation(tokens, OrgMatch(i, j + n, kind)) if n else None
    if head_key in lx.PEOPLES_ABBREVIATED_HEADS:
        return _peoples_body(tokens, i, j, kind)
    if head_key in lx.LOCAL_BODY_HEAD_KEYS:
        # "Đoàn Luật sư tỉnh Thái Bình": the class name, then the place it serves.
        n = admin_place(tokens, j)
        return _with_abbreviation(tokens, OrgMatch(i, j + n, kind)) if n else None
    # "Đảng ủy Cục Đối ngoại", "Văn phòng Bộ Công an": a head over a whole body.
    nested = parse_organisation_at(tokens, j, in_post=in_post) if tokens[j].is_cap else None
    if nested is not None and foreign_police(tokens, j):
        nested = None  # "Cơ quan Cảnh sát quốc gia Nhật Bản" is the agency's own name
    if nested is not None and is_function_head(tokens, j):
        nested = None  # "Ban Tổ chức Trung ương" is one body, not a board of "Tổ chức ..."
    if nested is not None:
        # "(ABC)" after the whole name abbreviates the outer body, not the inner.
        if nested.spelled_out:
            # "Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC)": the
            # words carried on to the abbreviation name the outer body only.
            return OrgMatch(
                i,
                nested.end,
                kind,
                abbreviation=nested.abbreviation,
                abbreviation_end=nested.abbreviation_end,
                spelled_out=True,
            )
        nested = replace(nested, abbreviation="", abbreviation_end=0, resume_end=0)
        place = admin_place(tokens, nested.end) or level_length(tokens, nested.end)
        chapter = place > 0 or nested.chapter_place
        end = nested.end + place
        if head_key in lx.MISSION_HEADS and not place:
            end += _mission_seat(tokens, end, in_post)  # "Phái đoàn Liên minh châu Âu tại Việt Nam"
        match = OrgMatch(i, end, kind, (nested,), 0, local_chapter=chapter)
        return _with_abbreviation(tokens, match)
    if kind != "party" and (tokens[j].key, tokens[j + 1].key if j + 1 < len(tokens) else "") == (
        "nhân",
        "dân",
    ):
        return _peoples_body(tokens, i, j + 2, kind)
    if not tokens[j].is_cap:
        # "Đảng bộ tỉnh Yên Bình", "Đảng ủy xã Tân Lập": the head names the
        # body of an administrative place directly.
        n = admin_place(tokens, j)
        if n:
            return _with_abbreviation(tokens, OrgMatch(i, j + n, kind))
        if _continent_at(tokens, j):
            # "Liên minh châu Âu", "Phái đoàn Liên minh châu Âu tại Việt Nam"
            return _with_abbreviation(tokens, OrgMatch(i, j + 2, kind))
        # "Hiệp hội các quốc gia Đông Nam Á (ASEAN)"
        end = run_to_abbreviation(tokens, j) if tokens[j].key in NAME_LINKS else 0
        return _with_abbreviation(tokens, OrgMatch(i, end, kind)) if end else None
    if head_key == "vụ" and any(t.is_foreign_word for t in tokens[j : j + cap_run(tokens, j)]):
        return None  # "Vụ Vạn Phú Land": a case named after a company, not a department
    steering = head_key == "ban" and tokens[j].key == "chỉ"
    shape = _Shape(
        capitalised=head_key in lx.CAPITALISED_NAME_HEADS,
        topic=head_key in lx.COMMITTEE_HEADS,
        mission=head_key in lx.MISSION_HEADS,
        steering=steering,
        in_post=in_post,
        place_named=head_key in PLACE_NAMED_HEADS,
    )
    return _parse_name(tokens, i, j, "steering_committee" if steering else kind, shape)


def _peoples_body(tokens: Sequence[Token], i: int, j: int, kind: str) -> OrgMatch | None:
    """ "Ủy ban nhân dân tỉnh X", "Tòa án nhân dân cấp cao tại Hà Nội": a place is required."""
    level = _court_level(tokens, j)
    if level:
        return OrgMatch(i, j + level, kind)
    n = admin_place(tokens, j)
    if n:
        return _with_abbreviation(tokens, OrgMatch(i, j + n, kind))
    # "Tòa án nhân dân (TAND) tỉnh X": the place comes after the abbreviation.
    match = _with_abbreviation(tokens, OrgMatch(i, j, kind))
    return match if match.resume_end else None


def _court_level(tokens: Sequence[Token], j: int) -> int:
    """Tokens of "tối cao" (supreme), "cấp cao tại Hà Nội" (high court at ...) or
    "khu vực 1 - Hà Nội" (a regional court, since the 2025 reform) at j, or 0."""
    if (
        j + 2 < len(tokens)
        and (tokens[j].key, tokens[j + 1].key) == ("khu", "vực")
        and tokens[j + 2].text.isdigit()
    ):
        k = j + 3
        if k + 1 < len(tokens) and tokens[k].text in DASHES and tokens[k + 1].is_cap:
            k += 1 + (place_length(tokens, k + 1) or min(cap_run(tokens, k + 1), 3))
        return k - j
    if not (j + 1 < len(tokens) and tokens[j + 1].key == "cao" and tokens[j].key in {"tối", "cấp"}):
        return 0
    if j + 3 < len(tokens) and tokens[j + 2].key == "tại":
        place = place_length(tokens, j + 3) or admin_place(tokens, j + 3)  # "tại TP.HCM"
        return 3 + place if place else 2
    return 2


def _prevent_and_combat(tokens: Sequence[Token], k: int) -> bool:
    """ "phòng, chống" around the comma at k, inside a name ("Cục ... và phòng, chống tội phạm")."""
    return (
        0 < k < len(tokens) - 2
        and tokens[k].text == ","
        and tokens[k - 1].key == "phòng"
        and tokens[k + 1].key == "chống"
        and tokens[k + 2].is_lower_word
    )


# "tỉnh" (province) with no place's name after it: the body serves the province
# the article is about, and the name ends there.
_BARE_UNITS = frozenset(("tỉnh", "huyện", "quận"))


def _clause_after_unit(tokens: Sequence[Token], k: int) -> bool:
    """Punctuation, or a lower-case word after a bare "tỉnh" that is not "ủy" ("tỉnh
    ủy") nor a phrase that continues a name: the sentence goes on."""
    if k >= len(tokens) or not tokens[k].is_word:
        return True  # "... xây dựng tỉnh.": the name ends with the sentence
    return (
        tokens[k].is_lower_word
        and tokens[k].key not in {"ủy", "đoàn", "đội"}
        and not continuation(tokens, k)
    )


def _verb_after_place(tokens: Sequence[Token], k: int) -> bool:
    """A verb's first syllable right after a place name ends the name there.

    After an ordinary capitalised syllable "thay" may be a compound's second
    half; a place name has none, so "thay ông X" is the sentence going on.
    """
    if k >= len(tokens) or not tokens[k].is_lower_word:
        return False
    if tokens[k].key in lx.VERB_PHRASES:
        return True  # "Tỉnh ủy X họp"
    return k + 1 < len(tokens) and tokens[k].key in lx.VERB_STARTS and tokens[k + 1].is_lower_word


def _clause_at(tokens: Sequence[Token], k: int) -> bool:
    """A lower-case content word at k: after a name a country (or "Trung ương")
    closes, the sentence's clause.

    "Bộ Nội vụ Nga cử đoàn sang": function words ("tại", "của", "về") are
    left to the grammar of the head, which knows where they continue a name.
    """
    if k >= len(tokens) or not tokens[k].is_lower_word:
        return False
    return not (
        tokens[k].key in lx.FUNCTION_WORDS or continuation(tokens, k) or admin_place(tokens, k)
    )


def _mission_seat(tokens: Sequence[Token], k: int, in_post: bool) -> int:
    """Tokens of "tại <place>" at k, where a mission sits, or 0.

    The city may be one no list knows ("tại Battambang").
    """
    if k + 1 >= len(tokens) or tokens[k].key != "tại":
        return 0
    place = place_length(tokens, k + 1) or _city_name(tokens, k + 1, in_post)
    return 1 + place if place else 0


def _continent_at(tokens: Sequence[Token], k: int) -> bool:
    """ "châu Âu", "châu Á": a continent, written with a lower-case "châu"."""
    return k + 1 < len(tokens) and tokens[k].key == "châu" and tokens[k + 1].is_cap


def _region_at(tokens: Sequence[Token], k: int) -> bool:
    """ "miền Bắc", "miền Trung": a region of the country inside a company's name."""
    return k + 1 < len(tokens) and tokens[k].key == "miền" and tokens[k + 1].is_cap


def _publication_at(tokens: Sequence[Token], k: int) -> bool:
    """ "Báo Bắc Lam", "Tạp chí Cộng sản": a newspaper's name, never the rest of a body's."""
    if tokens[k].key == "báo":
        return k + 1 < len(tokens) and tokens[k + 1].is_cap
    return k + 2 < len(tokens) and (tokens[k].key, tokens[k + 1].key) == ("tạp", "chí")


def _city_name(tokens: Sequence[Token], k: int, in_post: bool) -> int:
    """Tokens of a short capitalised name (one to three words) at k, or 0."""
    n = 0
    while n < 3 and plain_cap_word(tokens, k + n, in_post):
        n += 1
    if n and k + n < len(tokens) and tokens[k + n].is_word and tokens[k + n].is_cap:
        return 0  # a longer run is a sentence's next name, not a city
    return n


def _number_scope(tokens: Sequence[Token], k: int) -> int:
    """Tokens of what scopes a numbered committee at k: "quốc gia", "tỉnh X", or 0."""
    if k + 1 < len(tokens) and (tokens[k].key, tokens[k + 1].key) == ("quốc", "gia"):
        return 2
    return admin_place(tokens, k)


# Prepositions that end a trade name before a place, an owner or an agent:
# at, in, of, by, with, for, belonging to, from. Other function words may be
# a compound's second syllable there ("Thiết bị", "Thống nhất").
# ... and "khai" (testifies): "Giám đốc Công ty X khai ...".
_TRADE_NAME_ENDS = frozenset(("tại", "ở", "của", "do", "với", "cho", "thuộc", "từ", "khai"))

# A business line in a company's name is a few lower-case words between its
# capitalised ones ("Thương mại dịch vụ xuất nhập khẩu Minh Khang").
_MAX_TRADE_DESCRIPTION = 8


def _trade_description(tokens: Sequence[Token], k: int, in_post: bool) -> int:
    """Lower-case words at k that a capitalised trade name follows, or 0.

    None of them may be a function word or a known verb, and what follows
    them must be a plain capitalised word, not a person's name.
    """
    n = 0
    # The first may complete the capitalised syllable before it ("Thiết bị y tế").
    compound = k > 0 and tokens[k - 1].is_cap and not tokens[k - 1].is_acronym
    while n < _MAX_TRADE_DESCRIPTION and k + n < len(tokens) and tokens[k + n].is_lower_word:
        if (tokens[k + n].key in lx.FUNCTION_WORDS or stops_at(tokens, k + n)) and not (
            n == 0 and compound
        ):
            return 0
        if k + n + 1 < len(tokens) and (tokens[k + n].key, tokens[k + n + 1].key) == (
            "chi",
            "nhánh",
        ):
            return 0  # "Ngân hàng X chi nhánh Y": the bank's branch, after its name
        n += 1
    if not n or n == _MAX_TRADE_DESCRIPTION or k + n >= len(tokens):
        return 0
    nxt = k + n
    if not plain_cap_word(tokens, nxt, in_post) or looks_like_person(tokens, nxt, in_post=in_post):
        return 0
    return n


def _first_word_ok(
    tokens: Sequence[Token], j: int, in_post: bool, *, trade: bool = False, place: bool = False
) -> bool:
    tok = tokens[j]
    if not tok.is_word or not tok.is_cap:
        return False
    if tok.is_acronym and (len(tok.text) < 3 or not tok.text.isalpha()):
        # "Phòng CSGT Công an tỉnh X" names a body by its branch's acronym; a
        # code ("C02") or a two-letter abbreviation is not the start of a name.
        return False
    if match_phrase(tokens, j, _NON_NAME) or starts_rank(tokens, j) or starts_post(tokens, j):
        return False
    if place and place_then_name(tokens, j):
        return True
    # A trade name may read like a person's ("Công ty Hoàng Long"); outside a
    # post nothing else can stand after a company's legal form, inside one a
    # two-syllable run is the company's (a holder's full name has three).
    return (trade and (not in_post or _trade_name_run(tokens, j))) or not looks_like_person(
        tokens, j, in_post=in_post
    )


def _trade_name_run(tokens: Sequence[Token], k: int) -> bool:
    """ "Giám đốc Công ty TNHH Đầu tư Hoàng Long;": two capitalised syllables and no more."""
    return cap_run(tokens, k) == 2 and not tokens[k].is_foreign_word


def place_then_name(tokens: Sequence[Token], j: int) -> bool:
    """After "Tỉnh ủy" a place's name, of two syllables, even one that starts like a
    family name: "Tỉnh ủy Lâm Xuyên họp", "Bí thư Tỉnh ủy Lâm Xuyên Hầu Văn Páo".
    A run of three or four is a person's full name ("Bí thư Tỉnh ủy Hà Quang Vinh")."""
    run = cap_run(tokens, j)
    return run == 2 or (run >= 5 and tokens[j + 2].key in lx.SURNAMES)


def _parse_name(
    tokens: Sequence[Token], i: int, j: int, kind: str, shape: _Shape
) -> OrgMatch | None:
    trade = kind in _TRADE_KINDS
    if not _first_word_ok(tokens, j, shape.in_post, trade=trade, place=shape.place_named):
        return None
    in_post = shape.in_post
    k, lower_run, words, listed = j, 0, 0, False
    country_end = -1  # where a country closing the name ended
    inner: list[OrgMatch] = []
    parent: int | None = None
    max_lower = _MAX_LOWER_RUN_COMMITTEE if shape.topic else _MAX_LOWER_RUN
    while k < len(tokens) and k - i < _MAX_NAME_TOKENS:
        tok = tokens[k]
        if not tok.is_word or tok.key == "và":
            if _prevent_and_combat(tokens, k):
                k += 2  # "phòng, chống" (prevent and combat) is one phrase of the name
                continue
            end = 0
            if tok.text in {",", "và"} and words and not shape.capitalised and k != country_end:
                end = cap_list(tokens, k, in_post) or lower_list(
                    tokens,
                    k,
                    open_list=listed or (shape.steering and k > j + 2),
                    free=shape.steering,
                )
            if end:
                listed = True
                k, lower_run = end, 0
                continue
            if (
                tok.key == "và"
                and k != country_end  # "Bộ Nội vụ Pháp và Cảnh sát ...": two bodies
                and plain_cap_word(tokens, k + 1, in_post)
                and not _publication_at(tokens, k + 1)
                and not (trade and head_at(tokens, k + 1)[0])  # "... Xanh và Hợp tác xã ..."
            ):
                k += 1  # "Bộ Khoa học và Công nghệ", "Sở Văn hóa và Thể thao"
                continue
            if tok.text in DASHES and words and plain_cap_word(tokens, k + 1, in_post):
                k += 1
                continue
            break
        if tok.is_cap:
            if words and tok.key in {"tp", "thành"}:
                admin = admin_place(tokens, k)
                if admin:
                    k += admin  # "Sở Tư pháp TP Đà Nẵng", "... Thành phố Huế"
                    break
            place = place_length(tokens, k)
            if place:
                first = not words
                k += place
                words += 1
                lower_run = 0
                # Only after the name's own words: "Cục Pháp chế" starts with a
                # syllable that is also a country.
                country = not first and country_length(tokens, k - place) > 0
                if country:
                    country_end = k
                if _verb_after_place(tokens, k) or (country and _clause_at(tokens, k)):
                    break  # "Tỉnh ủy Thái Bình thay ông X", "Bộ Nội vụ Nga cử đoàn"
                continue
            tail = match_phrase(tokens, k, _TAILS)
            if tail:
                k += tail
                words += 1
                lower_run = 0
                if tokens[k - 1].key == "ương" and _clause_at(tokens, k):
                    break  # "Ủy ban Kiểm tra Trung ương thi hành kỷ luật ..."
                continue
            if words and generic_force(tokens, k):
                return None  # "Phòng X Công an các tỉnh": a class of units, not one body
            if words:
                sub = parse_organisation_at(tokens, k, in_post=in_post)
                if sub is not None:
                    # "Cục Đối ngoại Bộ Công an": the unit, then the body it belongs to.
                    inner.append(sub)
                    parent = len(inner) - 1
                    k = sub.end
                    break
                if stops_name(tokens, k):
                    break
                if shape.place_named and words == 1 and place_then_name(tokens, j):
                    k += 1  # "Tỉnh ủy Tây Hà Lê Thị Thu Trang": two syllables, then a name
                    words += 1
                    break
                if (
                    in_post
                    and (tok.is_foreign_word or looks_like_person(tokens, k, in_post=True))
                    and not (trade and _trade_name_run(tokens, k))
                ):
                    break
            k += 1
            words += 1
            lower_run = 0
            continue
        # a lower-case word, or a number
        if shape.place_named:
            break  # "Tỉnh ủy Lam Giang họp": a place's name has no lower-case syllable
        if tok.text[0].isdigit() and not shape.capitalised:
            if shape.steering and k == j + 2:
                k += 1 + _number_scope(tokens, k + 1)  # "Ban Chỉ đạo 389 quốc gia"
            elif tokens[k - 1].key == "số":
                k += 1  # "Đội CSGT đường bộ số 3"
            break  # "bầu Ban Thường vụ Tỉnh ủy 15 đồng chí": a count follows the name
        if shape.capitalised and not admin_place(tokens, k):
            # A company's name is capitalised syllables, each perhaps
            # completed by one lower-case syllable ("Địa ốc", "Thiết bị Y khoa")
            # that the name then goes on after; "miền Bắc" is a region in it.
            if _region_at(tokens, k):
                k += 2
                lower_run = 0
                continue
            if tok.key == "số" and k + 1 < len(tokens) and tokens[k + 1].text.isdigit():
                k += 2  # "Công ty Cổ phần ... Nhà Hà Nội số 22": a number in the name
                break
            if tok.key in _TRADE_NAME_ENDS:
                break  # "Công ty X tại TP Y", "Công ty X do Nguyễn Văn A điều hành"
            trade_words = _trade_description(tokens, k, in_post)
            if trade_words:
                k += trade_words  # "Công ty TNHH Thương mại dịch vụ xuất nhập khẩu Minh Khang"
                lower_run = 0
                continue
            if lower_run or not tokens[k - 1].is_cap:
                break
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if (
                tok.key in lx.COMPOUND_FUNCTION_WORDS
                and after is not None
                and after.is_lower_word
                and after.key in lx.FUNCTION_WORDS
            ):
                k += 1  # "Đảng Nước Nga Thống nhất cùng dự": the compound, then the clause
                break
            if (
                after is not None
                and after.is_lower_word
                and after.key != "và"
                and not admin_place(tokens, k + 1)
                and not _region_at(tokens, k + 1)
            ):
                break
            k += 1
            lower_run += 1
            continue
        admin = admin_place(tokens, k) or border_gate(tokens, k)
        if admin:
            k += admin
            break
        if tok.key in _BARE_UNITS and _clause_after_unit(tokens, k + 1):
            k += 1  # "Chi cục Kiểm lâm tỉnh trực 24/24 giờ": the province's, then the clause
            break
        cont = continuation(tokens, k)
        if cont:
            k += cont
            lower_run += cont
            continue
        if tok.key == "về" and (shape.topic or shape.steering):
            if plain_cap_word(tokens, k + 1, in_post):
                k += 1
                continue
            if lower_run >= 2 or shape.steering:
                k = topic(tokens, k + 1) or k
                # "Phòng ... về ma túy Công an tỉnh X": the body it belongs to follows.
                sub = parse_organisation_at(tokens, k, in_post=in_post) if k < len(tokens) else None
                if sub is not None and tokens[k].is_cap:
                    inner.append(sub)
                    parent = len(inner) - 1
                    k = sub.end
            break
        if tok.key == "của" and (shape.topic or shape.steering):
            sub = parse_organisation_at(tokens, k + 1, in_post=in_post)
            if sub is not None and sub.kind in _OWNER_KINDS:
                inner.append(sub)
                parent = len(inner) - 1
                k = sub.end
            elif owner_country := country_length(tokens, k + 1):
                k += 1 + owner_country  # "Ủy ban Quốc gia ... của Campuchia"
            break
        if tok.key == "tại" and shape.mission:
            k += _mission_seat(tokens, k, in_post)
            break
        if shape.steering:
            if verb_phrase_at(tokens, k):
                break  # "Ban Chỉ đạo ... tỉnh X họp phiên thường kỳ"
            n = lower_item(tokens, k, _MAX_LIST_ITEM, free=True)
            if n:
                k += n
                continue
            break
        if stops_at(tokens, k) or lower_run >= max_lower:
            break
        k += 1
        lower_run += 1
    if not words:
        return None
    match = OrgMatch(i, k, kind, tuple(inner), parent)
    return _with_abbreviation(tokens, match)
