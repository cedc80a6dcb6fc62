"""Scanning an article for organisation names and merging them into entities.

What belongs here: the walk over the article's extractable spans, the
post-processing that makes names consistent within one article (a name that
ran on into a verb is cut back to a shorter form the article also uses), and
the building of OrganisationEntity records and their Mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key
from archive.extraction.organisations.grammar import (
    NAME_OPENERS,
    OrgMatch,
    parse_organisation_at,
)
from archive.extraction.organisations.keys import (
    canonical_key,
    home_base,
    spelled_out,
    without_country_prefix,
)
from archive.extraction.tokens import Token, match_phrase, sentence_text, span_tokens
from archive.extraction.types import (
    ArticleStructure,
    Mention,
    MentionKind,
    OrganisationEntity,
)


@dataclass
class _Found:
    """One occurrence of an organisation name, as character offsets."""

    start: int
    end: int
    kind: str
    parent: _Found | None = None
    abbreviation: str = ""
    abbreviation_span: tuple[int, int] | None = None
    tokens: tuple[Token, ...] = field(default=())
    bare: bool = False  # an acronym standing alone ("ASEANAPOL")
    # The body this short form was given for in parentheses ("X (Cơ quan CSĐT)").
    alias_of: _Found | None = None
    # The name without the abbreviation inside it: "Tòa án nhân dân tỉnh X"
    # for "Tòa án nhân dân (TAND) tỉnh X"; empty when the name is its span.
    name: str = ""

    def surface(self, text: str) -> str:
        return self.name or text[self.start : self.end]


def extract_organisations(
    structure: ArticleStructure, *, spans: Sequence[Sequence[Token]] | None = None
) -> tuple[tuple[OrganisationEntity, ...], tuple[Mention, ...]]:
    """Organisations the article names, and one Mention per occurrence.

    `spans` are the article's `span_tokens`, when the caller has them already.
    """
    text = structure.text
    if spans is None:
        spans = span_tokens(structure)
    found: list[_Found] = []
    for tokens in spans:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.key not in _SCAN_OPENERS:
                # No name starts here (`parse_organisation_at` would say None at
                # once); an acronym alone may still name an international body.
                if token.is_acronym and _bare_international(tokens, i):
                    found.append(
                        _Found(token.start, token.end, "international", bare=True, tokens=(token,))
                    )
                i += 1
                continue
            if not _may_start_name(tokens, i):
                i += 1
                continue
            # "Trưởng phòng Tham mưu": a lower-case head right after "Trưởng".
            # Not "Trưởng ban Thường trực Ban Chỉ đạo": "Thường trực" (standing) is the post's.
            lower_head = (
                i > 0
                and tokens[i - 1].key == "trưởng"
                and not (i + 1 < len(tokens) and tokens[i + 1].key == "thường")
            )
            # "đảng Nhân dân Campuchia": a foreign party is often written lower-case.
            lower_head = lower_head or _lower_party(tokens, i)
            match = parse_organisation_at(tokens, i, lower_head=lower_head)
            if match is not None and i > 0 and _names_a_law(tokens, i):
                i = match.end  # "Luật Công an nhân dân": the law's name, not the body
                continue
            if match is None:
                if _bare_international(tokens, i):
                    found.append(
                        _Found(token.start, token.end, "international", bare=True, tokens=(token,))
                    )
                i += 1
                continue
            if _all_levels(tokens, match):
                i = max(match.abbreviation_end, match.resume_end, match.end)
                continue
            outer = _collect(tokens, match, found)
            i = max(match.abbreviation_end, match.resume_end, match.end)
            short = _short_form(tokens, match)
            if short is not None:
                _collect(tokens, short, found).alias_of = outer
                i = short.end + 1
    found = _without_defined_acronyms(found)
    found = _cut_run_on_names(text, found)
    found = [f for f in found if f.bare or _acceptable(f.surface(text))]
    return _entities(structure, spans, found)


# International bodies the press names by their acronym alone: the regional
# and world police bodies ("INTERPOL", "ASEANAPOL", "EUROPOL"), ASEAN and its
# bodies, the United Nations' agencies ("UNODC"). A pattern, not a list.
_INTERNATIONAL_ACRONYM = re.compile(r"(?:ASEAN[A-Z]*|UN[A-Z]{3,}|[A-Z]{2,}POL)")

# The keys at which `parse_organisation_at` can find a name: the first words of
# the bodies and head nouns, and "cảnh" of a foreign police ("cảnh sát Nhật Bản").
_SCAN_OPENERS = NAME_OPENERS | {"cảnh"}

_KEY = attrgetter("key")

# "các nước ASEAN", "khu vực ASEAN": the member countries, the region.
_REGION_NOUNS = frozenset(("nước", "khu", "vực", "vùng"))


def _names_a_law(tokens: Sequence[Token], i: int) -> bool:
    """A body's name right after "Luật" / "Bộ luật" / "Pháp lệnh" is the name of a law."""
    if i > 0 and tokens[i - 1].text == "Luật":
        return True
    return i > 1 and (tokens[i - 2].text, tokens[i - 1].key) in {("Bộ", "luật"), ("Pháp", "lệnh")}


def _all_levels(tokens: Sequence[Token], match: OrgMatch) -> bool:
    """ "Mặt trận Tổ quốc Việt Nam các cấp": the body at every level, a class, not one body."""
    k = max(match.end, match.resume_end)
    return k + 1 < len(tokens) and (tokens[k].key, tokens[k + 1].key) == ("các", "cấp")


def _bare_international(tokens: Sequence[Token], i: int) -> bool:
    """ "INTERPOL", "ASEANAPOL" standing alone, but not "các nước ASEAN" (the members)."""
    return _international_acronym(tokens[i].text) and not (
        i > 0 and tokens[i - 1].key in _REGION_NOUNS
    )


def _international_acronym(text: str) -> bool:
    # Most tokens are tested here: a cheap look at the ends before the pattern.
    if not (text.endswith("POL") or text.startswith(("ASEAN", "UN"))):
        return False
    return _INTERNATIONAL_ACRONYM.fullmatch(text) is not None


def _without_defined_acronyms(found: list[_Found]) -> list[_Found]:
    """A bare acronym that the article spells out elsewhere counts for the spelled-out body."""
    defined = {f.abbreviation for f in found if f.abbreviation}
    return [f for f in found if not (f.bare and f.tokens[0].text in defined)]


def _short_form(tokens: Sequence[Token], match: OrgMatch) -> OrgMatch | None:
    """ "(Cơ quan CSĐT)" right after a name: the short form the article will use."""
    k = match.end
    if match.abbreviation or k + 1 >= len(tokens) or tokens[k].text != "(":
        return None
    short = parse_organisation_at(tokens, k + 1)
    if short is None or short.end >= len(tokens) or tokens[short.end].text != ")":
        return None
    # "Cục X (Bộ Công an)" names the body X belongs to, not X: a short form
    # keeps the head noun of the name it shortens.
    long_head = spelled_out(tokens[match.start].key).split(" ")[0]
    return short if spelled_out(tokens[short.start].key).split(" ")[0] == long_head else None


def _may_start_name(tokens: Sequence[Token], i: int) -> bool:
    """False where the scan can find nothing: a name (or an acronym alone) starts with a
    capital, but for the lower-case heads after "Trưởng" and of a foreign "đảng"."""
    return tokens[i].is_cap or tokens[i].key == "đảng" or (i > 0 and tokens[i - 1].key == "trưởng")


def _lower_party(tokens: Sequence[Token], i: int) -> bool:
    return (
        tokens[i].key == "đảng"
        and not tokens[i].is_cap
        and i + 2 < len(tokens)
        and tokens[i + 1].is_cap
        and not tokens[i + 1].is_acronym
        # "tổ chức đảng Công an tỉnh X" is the Party cell of a body, not a party.
        and not match_phrase(tokens, i + 1, lx.HEAD_KEYS_BY_LENGTH)
        and not match_phrase(tokens, i + 1, lx.STANDALONE_KEYS_BY_LENGTH)
    )


def _collect(tokens: Sequence[Token], match: OrgMatch, found: list[_Found]) -> _Found:
    """Record a match and the organisations named inside it; return the outer one."""
    if match.local_chapter:
        # Only the chapter is named; the inner body counts where it stands alone.
        inner: list[_Found] = []
    else:
        inner = [_collect(tokens, sub, found) for sub in match.inner]
    outer = _Found(
        start=tokens[match.start].start,
        end=tokens[match.end - 1].end,
        kind=match.kind,
        parent=inner[match.parent_index] if inner and match.parent_index is not None else None,
        tokens=tuple(tokens[match.start : match.end]),
    )
    if match.resume_end:
        rest = tokens[match.abbreviation_end : match.resume_end]
        outer.tokens += tuple(rest)
        outer.end = rest[-1].end
        written = _text_of(tokens, match.start, match.end)
        outer.name = f"{written} {_text_of(rest, 0, len(rest))}"
    if match.abbreviation:
        outer.abbreviation = match.abbreviation
        abbr = tokens[match.abbreviation_end - 2]
        outer.abbreviation_span = (abbr.start, abbr.end)
    found.append(outer)
    return outer


def _text_of(tokens: Sequence[Token], start: int, end: int) -> str:
    """The words of tokens[start:end] as written, single-spaced, commas kept tight."""
    out = ""
    for tok in tokens[start:end]:
        tight = not out or (not tok.is_word and tok.text in ",.)")
        out += tok.text if tight else " " + tok.text
    return out


_STEERING_HEAD = 3  # "Ban Chỉ đạo"


def _cut_run_on_names(text: str, found: list[_Found]) -> list[_Found]:
    """Cut "Bộ X tổ chức" back to "Bộ X" when the article also writes "Bộ X" alone.

    A name whose tail is lower-case words (or a list joined by "và" / a comma
    with no capital in it) that the article elsewhere omits most likely ran on
    into a predicate the word lists do not know. A longer form whose tail
    carries a capital ("... của Quốc hội") is structural and is kept.
    """
    # "Ban Chỉ đạo" alone ("Ban Chỉ đạo, thành viên Ban Chỉ đạo phòng, chống
    # ...") refers back to a steering committee, whose name is its topic.
    keys_of = [tuple(map(_KEY, f.tokens)) for f in found]
    names = {
        keys
        for f, keys in zip(found, keys_of, strict=True)
        if f.kind != "steering_committee" or len(f.tokens) > _STEERING_HEAD
    }
    for f, keys in zip(found, keys_of, strict=True):
        for n in range(len(keys) - 1, 1, -1):
            tail = f.tokens[n:]
            if any(t.is_cap for t in tail):
                break
            short_tail = len(tail) <= 2 and all(t.is_word for t in tail)
            if keys[:n] in names or (short_tail and _diverges(keys[:n], keys, names)):
                f.tokens = f.tokens[:n]
                while f.tokens and not f.tokens[-1].is_word:
                    f.tokens = f.tokens[:-1]
                f.end = f.tokens[-1].end
                if f.name:
                    f.name = _text_of(f.tokens, 0, len(f.tokens))
                break
    return found


def _diverges(prefix: tuple[str, ...], keys: tuple[str, ...], names: set[tuple[str, ...]]) -> bool:
    """True when another name shares `prefix` and continues it with a capitalised part.

    "Ủy ban X thẩm tra" next to "Ủy ban X của Quốc hội": the shared part is the
    name, and "thẩm tra" a verb.
    """
    n = len(prefix)
    for other in names:
        if (
            other != keys
            and other[:n] == prefix
            and len(other) > n
            and other[n] != keys[n]
            and other[n] in {"của", "tại", "về"}
        ):
            return True
    return False


def _acceptable(name: str) -> bool:
    key = matching_key(name)
    if key in lx.GENERIC_PHRASES or key in lx.PLACE_KEYS:
        return False
    return len(name.split()) >= 2 or name.isupper()


def _entities(
    structure: ArticleStructure, spans: Sequence[Sequence[Token]], found: list[_Found]
) -> tuple[tuple[OrganisationEntity, ...], tuple[Mention, ...]]:
    text = structure.text
    order: list[str] = []
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    abbreviations: dict[str, list[str]] = {}
    parents: dict[str, str] = {}
    mentions: list[Mention] = []
    surfaces = {f.surface(text) for f in found}
    plain = {n: without_country_prefix(matching_key(n)) for n in surfaces}
    spelled = {n: spelled_out(k) for n, k in plain.items()}
    # Written with an abbreviation ("TAND tỉnh X"), so a spelled-out form names it better.
    # How many of its words are abbreviations: "VKSND TP Hà Nội" two,
    # "Viện kiểm sát nhân dân TP Hà Nội" one.
    abbreviated = {
        n: len(plain[n].split(" ")) - len(set(plain[n].split(" ")) & set(spelled[n].split(" ")))
        for n in surfaces
        if spelled[n] != plain[n]
    }
    named = frozenset(spelled.values())
    canonical = {n: home_base(spelled[n], named) for n in surfaces}
    # A short form given in parentheses stands for its body wherever it recurs.
    redirect = {
        canonical[f.surface(text)]: canonical[f.alias_of.surface(text)]
        for f in found
        if f.alias_of is not None and f.alias_of.surface(text) in canonical
    }
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        surface = f.surface(text)
        key = canonical[surface]
        key = redirect.get(key, key)
        if key not in names:
            order.append(key)
            names[key] = surface
            kinds[key] = f.kind
            aliases[key] = []
            abbreviations[key] = []
        elif abbreviated.get(names[key], 0) > abbreviated.get(surface, 0):
            # "Tòa án nhân dân tỉnh X" names the body better than "TAND tỉnh X".
            aliases[key].append(names[key])
            names[key] = surface
        elif matching_key(surface) == key and matching_key(names[key]).endswith(" việt nam"):
            # "Quân đội nhân dân" written plainly names the entity better than
            # "Quân đội nhân dân Việt Nam" seen first; a foreign country's
            # style ("Liên bang Nga") seen first stays in its name.
            aliases[key].append(names[key])
            names[key] = surface
        elif surface != names[key] and surface not in aliases[key]:
            aliases[key].append(surface)
        if f.parent is not None and _acceptable(f.parent.surface(text)):
            parents.setdefault(key, canonical_key(f.parent.surface(text), named))
        if f.abbreviation and f.abbreviation not in abbreviations[key]:
            abbreviations[key].append(f.abbreviation)
        mentions.append(_mention(structure, key, f.start, f.end))
    mentions.extend(_abbreviation_mentions(structure, spans, found, abbreviations))
    entities = tuple(
        OrganisationEntity(
            key=key,
            name=names[key],
            kind=kinds[key],
            abbreviations=tuple(abbreviations[key]),
            aliases=tuple(aliases[key]),
            parent_key=parents.get(key),
        )
        for key in order
    )
    return entities, tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _abbreviation_mentions(
    structure: ArticleStructure,
    spans: Sequence[Sequence[Token]],
    found: list[_Found],
    abbreviations: dict[str, list[str]],
) -> list[Mention]:
    """Bare uses of an abbreviation ("CAND") after the article has defined it."""
    owner = {abbr: key for key, abbrs in abbreviations.items() for abbr in abbrs}
    if not owner:
        return []
    defined = {f.abbreviation_span for f in found if f.abbreviation_span}
    mentions = []
    for tokens in spans:
        for tok in tokens:
            if tok.text in owner and (tok.start, tok.end) not in defined:
                mentions.append(_mention(structure, owner[tok.text], tok.start, tok.end))
    return mentions


def _mention(structure: ArticleStructure, key: str, start: int, end: int) -> Mention:
    return Mention(
        kind=MentionKind.ORGANISATION,
        entity_key=key,
        surface=structure.text[start:end],
        start=start,
        end=end,
        sentence=sentence_text(structure, start, end),
    )
