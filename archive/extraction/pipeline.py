"""The one entry point of extraction: raw article text in, ParsedArticle out.

What belongs here: the order of the steps (normalise, structure, directives,
organisations, people) and the joins between them (a directive's issuer
linked to an organisation). No I/O, no Django: callers read files and store
results.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from archive.extraction import lexicon as lx
from archive.extraction.article import extractable_spans, parse_structure
from archive.extraction.directives import extract_directives
from archive.extraction.normalize import matching_key, normalize_text
from archive.extraction.organisations import extract_organisations, parse_organisation_at
from archive.extraction.organisations.words import starts_post
from archive.extraction.people import extract_people
from archive.extraction.published import Evidence, directive_evidence, infer_published_year
from archive.extraction.tokens import sentence_text, span_tokens, tokenize
from archive.extraction.types import (
    ArticleStructure,
    BlockKind,
    DirectiveEntity,
    Mention,
    MentionKind,
    OrganisationEntity,
    ParsedArticle,
    PersonEntity,
)


def extract(raw_text: str) -> ParsedArticle:
    """Everything extraction learns from one article; offsets index `result.text`."""
    structure = parse_structure(normalize_text(raw_text))
    directives, directive_mentions = extract_directives(structure)
    spans = span_tokens(structure)
    organisations, org_mentions = extract_organisations(structure, spans=spans)
    directives, organisations, issuer_mentions = _link_issuers(structure, directives, organisations)
    people, person_mentions = extract_people(structure, organisations, spans=spans)
    people, person_mentions = _outside_organisations(people, person_mentions, org_mentions)
    mentions = _sorted_unique(
        (*directive_mentions, *org_mentions, *issuer_mentions, *person_mentions)
    )
    structure = _with_inferred_year(structure, directives)
    return ParsedArticle(
        text=structure.text,
        title=structure.title,
        blocks=structure.blocks,
        sentences=structure.sentences,
        dateline=structure.dateline,
        published=structure.published,
        published_evidence=structure.published_evidence,
        author=structure.author,
        source_name=structure.source_name,
        source_url=structure.source_url,
        captions=structure.captions,
        people=people,
        organisations=organisations,
        directives=directives,
        mentions=mentions,
    )


def _with_inferred_year(
    structure: ArticleStructure, directives: tuple[DirectiveEntity, ...]
) -> ArticleStructure:
    """The structure with its dateline's missing year inferred from the whole article."""
    dateline, published = structure.dateline, structure.published
    if dateline is None or dateline.date is None or published != dateline.date:
        return structure
    text = structure.text
    # The title counts with the lead: "Tập huấn nghiệp vụ năm 2025" names the year too.
    lead = "\n".join(
        text[b.start : b.end]
        for b in structure.blocks
        if b.kind in (BlockKind.TITLE, BlockKind.LEAD)
    )
    sources = [text[b.start : b.end] for b in structure.blocks if b.kind is BlockKind.SOURCE]
    dates, symbols = directive_evidence(
        (d.issued for d in directives), (d.symbol for d in directives)
    )
    evidence = Evidence(
        text=text,
        lead=lead,
        source=" ".join([*sources, structure.source_url]),
        directive_dates=dates,
        directive_symbols=symbols,
    )
    date, found_by = infer_published_year(dateline.date, evidence)
    if not found_by:
        return structure
    return dataclasses.replace(
        structure,
        dateline=dataclasses.replace(dateline, date=date),
        published=date,
        published_evidence=found_by,
    )


def _link_issuers(
    structure: ArticleStructure,
    directives: tuple[DirectiveEntity, ...],
    organisations: tuple[OrganisationEntity, ...],
) -> tuple[tuple[DirectiveEntity, ...], tuple[OrganisationEntity, ...], list[Mention]]:
    """Point each directive's issuer at an organisation, adding one the scan missed."""
    by_key: dict[str, str] = {}
    for org in organisations:
        by_key[org.key] = org.key
        for other in (*org.aliases, *org.abbreviations):
            by_key.setdefault(matching_key(other), org.key)
    added: list[OrganisationEntity] = []
    mentions: list[Mention] = []
    linked: list[DirectiveEntity] = []

    def link(raw_name: str) -> str | None:
        name = _issuer_body(raw_name.strip())
        if not name:
            return None
        name_key = matching_key(name)
        key = by_key.get(name_key)
        if key is None:
            key = by_key[name_key] = name_key
            found = _occurrences(structure, name, key)
            added.append(
                OrganisationEntity(key=key, name=name, kind=_kind_of(name), inferred=not found)
            )
            mentions.extend(found)
        return key

    for directive in directives:
        key = link(directive.issuer_name)
        co_keys = tuple(k for k in map(link, directive.co_issuer_names) if k and k != key)
        if key is None and not co_keys:
            linked.append(directive)
            continue
        linked.append(
            dataclasses.replace(
                directive, issuer_key=key, co_issuer_keys=tuple(dict.fromkeys(co_keys))
            )
        )
    return tuple(linked), organisations + tuple(added), mentions


# The same few issuers ("Chính phủ", "Bộ Chính trị") are cited over and over,
# and the body a phrase names depends on the phrase alone.
@lru_cache(maxsize=4096)
def _issuer_body(name: str) -> str:
    """The body an issuer phrase names: "Bộ Nội vụ trước đây" -> "Bộ Nội vụ".

    The issuer of a state document may be an office holder ("Thủ tướng Chính
    phủ", "Bộ trưởng Bộ Công an"); the body after the post is the organisation.
    """
    tokens = tokenize(name, 0, len(name))
    if not tokens:
        return name
    match = parse_organisation_at(tokens, 0, in_post=False)
    if match is None:
        post = starts_post(tokens, 0)
        if post and matching_key(name) not in lx.STANDALONE_KIND_BY_KEY:
            match = parse_organisation_at(tokens, post, in_post=False)
    if match is None:
        return name
    return name[tokens[match.start].start : tokens[match.end - 1].end]


def _kind_of(name: str) -> str:
    key = matching_key(name)
    if key in lx.STANDALONE_KIND_BY_KEY:
        return lx.STANDALONE_KIND_BY_KEY[key]
    words = key.split()
    for n in range(len(words), 0, -1):
        kind = lx.HEAD_KIND_BY_KEY.get(" ".join(words[:n]))
        if kind:
            return kind
    return ""


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """The name as a whole word or words (compiled once per name)."""
    # "(?<!\w)" is checked after the first character, so that the pattern starts
    # with a literal and the regex engine jumps from one candidate to the next.
    first = re.escape(name[0])
    return re.compile(f"{first}(?<!\\w{first}){re.escape(name[1:])}(?!\\w)")


def _occurrences(structure: ArticleStructure, name: str, key: str) -> list[Mention]:
    """Mentions wherever the issuer's name stands in the article's own text."""
    text = structure.text
    pattern = _name_pattern(name)
    found = []
    for start, end in extractable_spans(structure):
        for m in pattern.finditer(text, start, end):
            found.append(
                Mention(
                    kind=MentionKind.ORGANISATION,
                    entity_key=key,
                    surface=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    sentence=sentence_text(structure, m.start(), m.end()),
                )
            )
    return found


def _outside_organisations(
    people: tuple[PersonEntity, ...],
    person_mentions: tuple[Mention, ...],
    org_mentions: tuple[Mention, ...],
) -> tuple[tuple[PersonEntity, ...], tuple[Mention, ...]]:
    """Drop person mentions that lie inside a longer organisation name.

    A bare post read as a reference to a person ("Đại sứ", "Tư lệnh …") is
    also the head of a body's name ("Đại sứ quán …", "Bộ Tư lệnh …"); the
    longer name wins. A person left with no mention was only ever such a
    reading and goes too.
    """
    bodies = sorted((m.start, m.end) for m in org_mentions)
    starts = [start for start, _ in bodies]
    # reach[i]: the furthest end of the bodies up to i, so one bisect answers
    # "does a body starting at or before this mention run past its end?"
    reach = list(accumulate((end for _, end in bodies), max))
    exact = set(bodies)

    def inside_body(m: Mention) -> bool:
        index = bisect_right(starts, m.start)
        if not index:
            return False
        furthest = reach[index - 1]
        return furthest > m.end or (furthest == m.end and (m.start, m.end) not in exact)

    kept = tuple(m for m in person_mentions if not inside_body(m))
    mentioned = {m.entity_key for m in kept}
    return tuple(p for p in people if p.key in mentioned), kept


def _sorted_unique(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    seen: set[tuple[str, str, int, int]] = set()
    unique = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.kind)):
        ident = (m.kind.value, m.entity_key, m.start, m.end)
        if ident not in seen:
            seen.add(ident)
            unique.append(m)
    return tuple(unique)
