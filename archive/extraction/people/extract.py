"""Scanning an article for people and merging their forms into one entity each.

What belongs here: the walk over the article's extractable spans with the
introduction grammar (`grammar.py`), merging "Đại tướng X, ..." and
"Bộ trưởng X" into one PersonEntity, later bare uses of a known full name,
and (optionally) a bare post ("Bộ trưởng khẳng định ...") resolved to the
person the article last introduced with that post.
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key
from archive.extraction.people.grammar import (
    OPENING_KEYS,
    PersonMatch,
    honorific_at,
    may_start_person,
    next_in_list,
    parse_people_list,
    parse_person_at,
)
from archive.extraction.people.posts import PostMatch, parse_post
from archive.extraction.people.references import (
    bare_name_mentions,
    given_name_mentions,
    given_names,
    known_names,
)
from archive.extraction.people.state import PersonDraft, ScanState, add_mention
from archive.extraction.tokens import (
    Token,
    span_tokens,
)
from archive.extraction.types import (
    ArticleStructure,
    Mention,
    OrganisationEntity,
    PersonEntity,
    Position,
)


def extract_people(
    structure: ArticleStructure,
    organisations: Sequence[OrganisationEntity],
    *,
    spans: Sequence[Sequence[Token]] | None = None,
) -> tuple[tuple[PersonEntity, ...], tuple[Mention, ...]]:
    """People the article names, and one Mention per occurrence (the name only).

    `spans` are the article's `span_tokens`, when the caller has them already.
    """
    org_keys: dict[str, str] = {}
    for org in organisations:
        org_keys[org.key] = org.key
        for other in (*org.aliases, *org.abbreviations):
            org_keys[matching_key(other)] = org.key
    state = ScanState(structure, org_keys)
    if spans is None:
        spans = span_tokens(structure)
    text = structure.text
    for tokens in spans:
        # Without an opening word, only a family name or a run before a birth
        # year "(SN 1990)" opens a person: a span with no "(" has no such run.
        paren = bool(tokens) and text.find("(", tokens[0].start, tokens[-1].end) >= 0
        i = 0
        while i < len(tokens):
            token = tokens[i]
            key = token.key
            if key not in OPENING_KEYS and not (token.is_cap and (paren or key in lx.SURNAMES)):
                i += 1  # may_start_person would say no
                continue
            if not may_start_person(tokens, i):
                i += 1
                continue
            listed = parse_people_list(tokens, i)
            if listed:
                for each in listed:
                    _record(state, tokens, each)
                i = listed[-1].next
                continue
            match = parse_person_at(tokens, i)
            if match is not None and _record(state, tokens, match):
                i = match.next
                following = next_in_list(tokens, i)
                while following is not None and _record(state, tokens, following):
                    i = following.next
                    following = next_in_list(tokens, i)
                continue
            i += _resolve_bare_post(state, tokens, i) or 1
    names = known_names(state)
    given = given_names(state)
    for tokens in spans:
        bare_name_mentions(state, tokens, names)
        given_name_mentions(state, tokens, given)
    return _entities(state)


def _record(state: ScanState, tokens: Sequence[Token], match: PersonMatch) -> bool:
    text = state.structure.text
    start, end = tokens[match.name_start].start, tokens[match.name_end - 1].end
    name = text[start:end]
    key = matching_key(name)
    if key in state.org_keys or key in lx.GENERIC_PHRASES:
        return False
    if key in lx.PLACE_KEYS and not (match.posts or match.rank):
        return False  # "Chủ tịch Hồ Chí Minh" is a person; "Hồ Chí Minh" alone a place
    if _names_the_body(state, tokens, match, key):
        return False  # "Bí thư Tỉnh ủy Yên Bình": the run ends the body's name
    key = _known_foreigner(state, key) or key
    person = state.people.get(key)
    if person is None:
        person = state.people[key] = PersonDraft(name=name, first=start)
    elif name != person.name and name not in person.aliases:
        person.aliases.append(name)
    if not person.rank and match.rank:
        person.rank, person.rank_former = match.rank, match.rank_former
    for t_start, t_end in match.titles:
        title = text[tokens[t_start].start : tokens[t_end - 1].end]
        if title not in person.titles:
            person.titles.append(title)
    for post in match.posts:
        _add_position(person, _position(state, tokens, post))
    person.foreign = person.foreign or match.foreign
    person.last_seen = start
    add_mention(state, key, start, end)
    return True


def _names_the_body(
    state: ScanState, tokens: Sequence[Token], match: PersonMatch, key: str
) -> bool:
    """True when the end of the post and the "name" after it make a body the article names.

    "Bí thư Tỉnh ủy Yên Bình": "Tỉnh ủy Yên Bình" is a body found elsewhere in
    the article, so "Yên Bình" is its place, not a person.
    """
    if not match.posts or match.posts[-1].end != match.name_start:
        return False
    # Cheap test first: only a body whose name ends in this "name" can own it.
    tail = " " + key
    if not any(org_key.endswith(tail) for org_key in state.org_keys):
        return False
    text = state.structure.text
    end = tokens[match.name_end - 1].end
    post = match.posts[-1]
    return any(
        matching_key(text[tokens[k].start : end]) in state.org_keys
        for k in range(post.start, post.end)
    )


def _position(state: ScanState, tokens: Sequence[Token], post: PostMatch) -> Position:
    text = state.structure.text
    title = text[tokens[post.start].start : tokens[post.title_end - 1].end]
    role = text[tokens[post.start].start : tokens[post.role_end - 1].end]
    org_key = None
    if post.organisation is not None:
        o_start, o_end = post.organisation
        # The organisation extractor may have cut a run-on name back ("Cục X
        # thông tin thêm" -> "Cục X"): the longest known prefix is the body.
        for end in range(o_end, o_start, -1):
            org_key = state.org_keys.get(
                matching_key(text[tokens[o_start].start : tokens[end - 1].end])
            )
            if org_key is not None:
                if end < o_end and post.title_end == o_end:
                    title = text[tokens[post.start].start : tokens[end - 1].end]
                break
    former = matching_key(role).startswith("nguyên ")
    return Position(title=title, role=role, organisation_key=org_key, former=former)


def _known_foreigner(state: ScanState, key: str) -> str | None:
    """ "Bộ trưởng Ivanov" after "Ivanov Pyotr Sergeyevich": a short form of a foreign name."""
    words = key.split()
    for other, person in state.people.items():
        names = other.split()
        if not person.foreign or len(words) >= len(names):
            continue
        n = len(words)
        if names[:n] == words or names[-n:] == words:
            return other
    return None


def _add_position(person: PersonDraft, position: Position) -> None:
    """Add a post once; a bare role yields to the same role with its organisation."""
    role_key = matching_key(position.role)
    title_key = matching_key(position.title)
    for index, held in enumerate(person.positions):
        held_key = matching_key(held.title)
        if held_key == title_key or held_key.startswith((title_key + " tại ", title_key + ",")):
            return  # "Đại sứ Trung Quốc" after "Đại sứ Trung Quốc tại Việt Nam"
        extends = title_key[len(held_key) :].startswith((" tại ", ","))
        if title_key.startswith(held_key) and extends and matching_key(held.role) == role_key:
            person.positions[index] = position
            return
        if matching_key(held.role) == role_key:
            if title_key == role_key:
                return  # "Thứ trưởng" after "Thứ trưởng Bộ Công an"
            if matching_key(held.title) == role_key:
                person.positions[index] = position
                return
    person.positions.append(position)


def _resolve_bare_post(state: ScanState, tokens: Sequence[Token], i: int) -> int:
    """Mention for "Bộ trưởng khẳng định ..." / "Đồng chí Thứ trưởng ..."; tokens consumed."""
    if i > 0 and tokens[i - 1].key in lx.PLURAL_MARKERS:
        return 0
    j = i + honorific_at(tokens, i)
    post = parse_post(tokens, j)
    if post is None:
        return 0
    if j > 0 and tokens[j - 1].key in lx.PLURAL_MARKERS | {"và", "cùng"}:
        return 0
    wanted = _position(state, tokens, post)
    role_key = matching_key(wanted.role)
    best: tuple[int, str] | None = None
    for key, person in state.people.items():
        for held in person.positions:
            if matching_key(held.role) != role_key:
                continue
            if wanted.title != wanted.role and matching_key(held.title) != matching_key(
                wanted.title
            ):
                continue
            if best is None or person.last_seen > best[0]:
                best = (person.last_seen, key)
    if best is None:
        return post.end - i
    start, end = tokens[post.start].start, tokens[post.end - 1].end
    add_mention(state, best[1], start, end)
    state.people[best[1]].last_seen = start
    return post.end - i


def _entities(state: ScanState) -> tuple[tuple[PersonEntity, ...], tuple[Mention, ...]]:
    people = tuple(
        PersonEntity(
            key=key,
            name=p.name,
            rank=p.rank,
            rank_former=p.rank_former,
            academic_titles=tuple(p.titles),
            positions=tuple(p.positions),
            aliases=tuple(p.aliases),
            foreign=p.foreign,
        )
        for key, p in sorted(state.people.items(), key=lambda kv: kv[1].first)
    )
    return people, tuple(sorted(state.mentions, key=lambda m: (m.start, m.end)))
