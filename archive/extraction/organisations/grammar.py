"""The grammar of a Vietnamese organisation name, read at one token position.

What belongs here: `parse_organisation_at`, which recognises a name such as
"Bộ Công an", "Đảng ủy Cục Đối ngoại", "Ban Chỉ đạo về Nhân quyền của Chính
phủ" or "Công an tỉnh Quảng Ninh" starting at a token, and the small
predicates it needs (is a person's name next? a place?). A name is a head noun
("Bộ", "Cục", "Đảng ủy" ...) followed by name words: the first is capitalised,
later ones are capitalised proper nouns or lower-case syllables that complete
a compound ("Công an", "Cảnh sát hình sự"). It ends at punctuation, at a word
that starts a predicate ("chủ trì", "đã", "và" ...), or where a person's name
begins inside a post ("Bộ trưởng Bộ Ngoại giao Lê ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from archive.extraction import lexicon as lx
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_POST_PHRASES = keyed_phrases(lx.POST_BASE_KEYS)
_RANK_PHRASES = keyed_phrases(lx.RANK_KEYS)
_CONTINUATIONS = keyed_phrases(lx.NAME_CONTINUATIONS)
_NON_NAME = keyed_phrases(lx.NON_NAME_CAPITALS)
_TAILS = keyed_phrases(lx.NAME_TAIL_CAPITALS)
_COUNTRY_PREFIX = keyed_phrases(lx.COUNTRY_PREFIXES)
# A long run of lower-case words is a predicate, not a name ("... cần quán
# triệt thực hiện ..."); committee names allow more ("liên ngành hội nhập quốc tế").
_MAX_LOWER_RUN = 4
_MAX_LOWER_RUN_COMMITTEE = 7
_MAX_NAME_TOKENS = 24


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


def place_length(tokens: Sequence[Token], i: int) -> int:
    """Tokens of a country or place name at i (with "Cộng hòa ..." prefixes), or 0."""
    if i >= len(tokens) or not tokens[i].is_cap:
        return 0
    prefix = match_phrase(tokens, i, _COUNTRY_PREFIX)
    if prefix:
        rest = match_phrase(tokens, i + prefix, lx.PLACE_KEYS_BY_LENGTH)
        if rest:
            return prefix + rest
    return match_phrase(tokens, i, lx.PLACE_KEYS_BY_LENGTH)


def cap_run(tokens: Sequence[Token], i: int) -> int:
    """Number of consecutive capitalised word tokens from i."""
    n = 0
    while i + n < len(tokens) and tokens[i + n].is_word and tokens[i + n].is_cap:
        n += 1
    return n


def starts_post(tokens: Sequence[Token], i: int) -> int:
    """Tokens of a post base (with "Phó"/"nguyên"/"Quyền" before it) at i, or 0."""
    j = i
    while j < len(tokens) and tokens[j].key in lx.POST_PREFIXES:
        j += 1
    n = match_phrase(tokens, j, _POST_PHRASES)
    return j - i + n if n else 0


def starts_rank(tokens: Sequence[Token], i: int) -> int:
    return match_phrase(tokens, i, _RANK_PHRASES)


def ends_post(tokens: Sequence[Token], i: int) -> bool:
    """True when a post base ends just before token i ("Bộ trưởng |Bộ ...")."""
    for phrase in _POST_PHRASES:
        n = len(phrase)
        if i - n >= 0 and all(tokens[i - n + k].key == phrase[k] for k in range(n)):
            return True
    return False


def looks_like_person(tokens: Sequence[Token], i: int, *, in_post: bool) -> bool:
    """True when a person's name starts at i.

    Inside a post ("Bộ trưởng Bộ ... <name>") any capitalised run that is not a
    place and starts with a family name or a foreign word is a name; elsewhere
    a family name followed by one to three capitalised syllables is.
    """
    run = cap_run(tokens, i)
    if run == 0 or place_length(tokens, i):
        return False
    if tokens[i].is_foreign_word:
        return in_post
    if tokens[i].key not in lx.SURNAMES:
        return False
    return 2 <= run <= 4 or (in_post and run >= 2)


def stops_at(tokens: Sequence[Token], k: int) -> bool:
    """True when the lower-case word at k starts a predicate or is a function word.

    A verb-like syllable right after a capitalised one is read as the second
    half of a compound ("Bộ Giao thông ..."), unless the pair is a known verb.
    """
    key = tokens[k].key
    if key in lx.FUNCTION_WORDS or key in lx.VERB_PHRASES:
        return True
    if k + 1 < len(tokens) and f"{key} {tokens[k + 1].key}" in lx.VERB_PHRASES:
        return True
    after_cap = k > 0 and tokens[k - 1].is_word and tokens[k - 1].is_cap
    return key in lx.VERB_STARTS and not after_cap


def _continuation(tokens: Sequence[Token], k: int) -> int:
    """Tokens of a lower-case phrase that continues a name despite a stop syllable."""
    n = match_phrase(tokens, k, _CONTINUATIONS)
    if n:
        return n
    if (
        k >= 2
        and k + 1 < len(tokens)
        and (tokens[k].key, tokens[k + 1].key) == ("điều", "tra")
        and f"{tokens[k - 2].key} {tokens[k - 1].key}" in lx.INVESTIGATION_AFTER
    ):
        return 2
    return 0


def _stops_name(tokens: Sequence[Token], i: int) -> bool:
    """Capitalised words that never continue an organisation name."""
    return bool(
        match_phrase(tokens, i, _NON_NAME)
        or starts_rank(tokens, i)
        or starts_post(tokens, i)
        or tokens[i].is_acronym
    )


def _head_at(tokens: Sequence[Token], i: int) -> tuple[int, str]:
    n = match_phrase(tokens, i, lx.HEAD_KEYS_BY_LENGTH)
    if not n:
        return 0, ""
    return n, lx.HEAD_KIND_BY_KEY[" ".join(t.key for t in tokens[i : i + n])]


def _abbreviation(tokens: Sequence[Token], k: int) -> tuple[str, int]:
    """("CAND", index after ")") when "(CAND)" stands at k, else ("", 0)."""
    if (
        k + 2 < len(tokens)
        and tokens[k].text == "("
        and tokens[k + 2].text == ")"
        and tokens[k + 1].is_acronym
    ):
        return tokens[k + 1].text, k + 3
    return "", 0


def _admin_place(tokens: Sequence[Token], k: int) -> int:
    """Tokens of "tỉnh Quảng Ninh" / "xã Tân Lập" / "TP Hồ Chí Minh" at k, or 0."""
    unit = match_phrase(tokens, k, lx.ADMIN_UNIT_KEYS)
    if not unit:
        return 0
    j = k + unit
    if j < len(tokens) and tokens[j].text == ".":
        j += 1
    place = place_length(tokens, j)
    if not place:
        # Unknown places (communes, wards) have short names; a person's name
        # after them (inside a post) starts at a family name.
        place = min(cap_run(tokens, j), 4)
        for idx in range(1, place):
            if tokens[j + idx].key in lx.SURNAMES and cap_run(tokens, j + idx) >= 2:
                place = idx
                break
    return unit + place if place else 0


def _cap_list(tokens: Sequence[Token], k: int, in_post: bool) -> int:
    """End of ", An ninh và Đối ngoại" at k (a comma list inside a name), or 0."""
    j = k
    while j < len(tokens) and tokens[j].text in {",", "và"}:
        sep = tokens[j].text
        j += 1
        if not _plain_cap_word(tokens, j, in_post):
            return 0
        while j < len(tokens) and (
            _plain_cap_word(tokens, j, in_post)
            or (tokens[j].is_lower_word and not stops_at(tokens, j))
        ):
            j += 1
        if sep == "và":
            return j
    return 0


def _lower_list(tokens: Sequence[Token], k: int) -> int:
    """End of ", quốc phòng, an ninh" at k (a topic list after "về"), or 0."""
    j, end = k, 0
    while j < len(tokens) and tokens[j].text in {",", "và"}:
        n = 0
        while (
            j + 1 + n < len(tokens)
            and tokens[j + 1 + n].is_lower_word
            and not stops_at(tokens, j + 1 + n)
        ):
            n += 1
        if not 1 <= n <= 3:
            break
        j = end = j + 1 + n
    return end


def _plain_cap_word(tokens: Sequence[Token], j: int, in_post: bool) -> bool:
    """A capitalised word that can stand inside a name (not a head, place, post...)."""
    if j >= len(tokens) or not tokens[j].is_word or not tokens[j].is_cap:
        return False
    if _head_at(tokens, j)[0] or place_length(tokens, j) or _stops_name(tokens, j):
        return False
    return not looks_like_person(tokens, j, in_post=in_post)


def parse_organisation_at(
    tokens: Sequence[Token], i: int, *, in_post: bool | None = None
) -> OrgMatch | None:
    """The organisation name starting at token i, or None.

    `in_post` says the name stands inside a post before a person's name; by
    default it is read from the words before i.
    """
    if i >= len(tokens) or not tokens[i].is_word or not tokens[i].is_cap:
        return None
    if in_post is None:
        in_post = ends_post(tokens, i)
    standalone = match_phrase(tokens, i, lx.STANDALONE_KEYS_BY_LENGTH)
    head, kind = _head_at(tokens, i)
    if standalone and standalone >= head:
        key = " ".join(t.key for t in tokens[i : i + standalone])
        end = i + standalone
        # "Chính phủ Lào", "Quốc hội Hàn Quốc": a country completes the name.
        end += place_length(tokens, end) if end < len(tokens) else 0
        return _with_abbreviation(tokens, OrgMatch(i, end, lx.STANDALONE_KIND_BY_KEY[key]))
    if not head:
        return None
    return _parse_headed(tokens, i, head, kind, in_post)


def _with_abbreviation(tokens: Sequence[Token], match: OrgMatch) -> OrgMatch:
    abbr, after = _abbreviation(tokens, match.end)
    if not abbr:
        return match
    return OrgMatch(
        match.start, match.end, match.kind, match.inner, match.parent_index, abbr, after
    )


def _parse_headed(
    tokens: Sequence[Token], i: int, head: int, kind: str, in_post: bool
) -> OrgMatch | None:
    head_key = " ".join(t.key for t in tokens[i : i + head])
    j = i + head
    if j >= len(tokens):
        return None
    # "Đảng ủy Cục Đối ngoại", "Văn phòng Bộ Công an": a head over a whole body.
    nested = parse_organisation_at(tokens, j, in_post=in_post) if tokens[j].is_cap else None
    if nested is not None:
        # "(ABC)" after the whole name abbreviates the outer body, not the inner.
        nested = replace(nested, abbreviation="", abbreviation_end=0)
        return _with_abbreviation(tokens, OrgMatch(i, nested.end, kind, (nested,), 0))
    if head_key in lx.FORCE_HEADS:
        # "Công an tỉnh Quảng Ninh"; "Công an các tỉnh" or "Công an Trung
        # ương" alone is a class of units or part of a longer name.
        n = _admin_place(tokens, j) or place_length(tokens, j)
        return _with_abbreviation(tokens, OrgMatch(i, j + n, kind)) if n else None
    if (tokens[j].key, tokens[j + 1].key if j + 1 < len(tokens) else "") == ("nhân", "dân"):
        return _peoples_body(tokens, i, j + 2, kind)
    if head_key == "ban" and j + 1 < len(tokens) and tokens[j].key == "chỉ":
        kind = "steering_committee"
    shape = _Shape(
        topic=head_key in lx.COMMITTEE_HEADS,
        listing=head_key in lx.COMMITTEE_HEADS or head_key == "bộ",
        mission=head_key in lx.MISSION_HEADS,
        in_post=in_post,
    )
    return _parse_name(tokens, i, j, kind, shape)


def _peoples_body(tokens: Sequence[Token], i: int, j: int, kind: str) -> OrgMatch | None:
    """ "Ủy ban nhân dân tỉnh X", "Tòa án nhân dân cấp cao tại Hà Nội": a place is required."""
    if j + 1 < len(tokens) and tokens[j + 1].key == "cao" and tokens[j].key in {"tối", "cấp"}:
        j += 2
        if j + 1 < len(tokens) and tokens[j].key == "tại":
            place = place_length(tokens, j + 1)
            return OrgMatch(i, j + 1 + place, kind) if place else OrgMatch(i, j, kind)
        return OrgMatch(i, j, kind)
    n = _admin_place(tokens, j)
    return _with_abbreviation(tokens, OrgMatch(i, j + n, kind)) if n else None


@dataclass(frozen=True)
class _Shape:
    """What may continue a name, by its head: topics ("về", "của"), lists, "tại"."""

    topic: bool
    listing: bool
    mission: bool
    in_post: bool


def _first_word_ok(tokens: Sequence[Token], j: int, in_post: bool) -> bool:
    tok = tokens[j]
    if not tok.is_word or not tok.is_cap or tok.is_acronym:
        return False
    if match_phrase(tokens, j, _NON_NAME) or starts_rank(tokens, j) or starts_post(tokens, j):
        return False
    return not looks_like_person(tokens, j, in_post=in_post)


def _parse_name(
    tokens: Sequence[Token], i: int, j: int, kind: str, shape: _Shape
) -> OrgMatch | None:
    if not _first_word_ok(tokens, j, shape.in_post):
        return None
    in_post = shape.in_post
    k, lower_run, words = j, 0, 0
    inner: list[OrgMatch] = []
    parent: int | None = None
    max_lower = _MAX_LOWER_RUN_COMMITTEE if shape.topic else _MAX_LOWER_RUN
    while k < len(tokens) and k - i < _MAX_NAME_TOKENS:
        tok = tokens[k]
        if not tok.is_word:
            if tok.text == "," and words and shape.listing:
                end = _cap_list(tokens, k, in_post)
                if end:
                    k, lower_run = end, 0
                    continue
            if tok.text in {"-", "–"} and words and _plain_cap_word(tokens, k + 1, in_post):
                k += 1
                continue
            break
        if tok.is_cap:
            place = place_length(tokens, k)
            if place:
                k += place
                words += 1
                lower_run = 0
                continue
            tail = match_phrase(tokens, k, _TAILS)
            if tail:
                k += tail
                words += 1
                lower_run = 0
                continue
            if words:
                sub = parse_organisation_at(tokens, k, in_post=in_post)
                if sub is not None:
                    # "Cục Đối ngoại Bộ Công an": the unit, then the body it belongs to.
                    inner.append(sub)
                    parent = len(inner) - 1
                    k = sub.end
                    break
                if _stops_name(tokens, k) or looks_like_person(tokens, k, in_post=in_post):
                    break
                if in_post and tok.is_foreign_word:
                    break
            k += 1
            words += 1
            lower_run = 0
            continue
        # a lower-case word
        admin = _admin_place(tokens, k)
        if admin:
            k += admin
            break
        cont = _continuation(tokens, k)
        if cont:
            k += cont
            lower_run += cont
            continue
        if tok.key == "về" and shape.topic:
            if _plain_cap_word(tokens, k + 1, in_post):
                k += 1
                continue
            if lower_run >= 2:
                k = _topic(tokens, k + 1) or k
            break
        if tok.key == "của" and shape.topic:
            sub = parse_organisation_at(tokens, k + 1, in_post=in_post)
            if sub is not None and sub.kind in _OWNER_KINDS:
                inner.append(sub)
                parent = len(inner) - 1
                k = sub.end
            break
        if tok.key == "tại" and shape.mission:
            place = place_length(tokens, k + 1)
            if place:
                k += 1 + place
            break
        if tok.key == "và" and shape.listing and _plain_cap_word(tokens, k + 1, in_post):
            k += 1
            continue
        if stops_at(tokens, k) or lower_run >= max_lower:
            break
        k += 1
        lower_run += 1
    if not words:
        return None
    match = OrgMatch(i, k, kind, tuple(inner), parent)
    return _with_abbreviation(tokens, match)


# Bodies a committee can belong to by "của": "Ban Chỉ đạo ... của Chính phủ".
_OWNER_KINDS = frozenset(
    {"government", "legislature", "politburo", "secretariat", "central_committee", "ministry"}
)


def _topic(tokens: Sequence[Token], k: int) -> int:
    """End of a lower-case topic after "về" ("chính trị, quốc phòng, an ninh"), or 0."""
    n = 0
    while (
        k + n < len(tokens) and tokens[k + n].is_lower_word and not stops_at(tokens, k + n)
    ) and n < 4:
        n += 1
    if not n:
        return 0
    return _lower_list(tokens, k + n) or k + n
