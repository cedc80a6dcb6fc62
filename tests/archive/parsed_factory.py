"""Hand-built ParsedArticles for the import service's tests.

The service's rules (matching, filling blanks, editors' fields, merges) are
tested on parses written out by hand, so that they do not move when the
extractor improves; end-to-end tests go through the real pipeline instead.
Mentions are placed at every occurrence of an entity's surfaces in the text.
"""

from __future__ import annotations

import hashlib
import re

from archive.extraction.normalize import matching_key
from archive.extraction.types import (
    Block,
    BlockKind,
    DirectiveEntity,
    Mention,
    MentionKind,
    OrganisationEntity,
    ParsedArticle,
    PartialDate,
    PersonEntity,
    Position,
)
from archive.services import store_parsed_article


def person(name: str, **fields) -> PersonEntity:
    return PersonEntity(key=matching_key(name), name=name, **fields)


def organisation(name: str, **fields) -> OrganisationEntity:
    return OrganisationEntity(key=matching_key(name), name=name, **fields)


def post(title: str, role: str, organisation_name: str | None = None) -> Position:
    key = matching_key(organisation_name) if organisation_name else None
    return Position(title=title, role=role, organisation_key=key)


def directive(
    symbol: str = "", *, kind: str, number: str, key: str = "", surface: str = "", **fields
) -> DirectiveEntity:
    entity = DirectiveEntity(key=key or symbol, kind=kind, number=number, symbol=symbol, **fields)
    # The surface is kept on the side: the factory needs it, the type has no field for it.
    _SURFACES[entity.key] = surface or symbol or f"{kind} số {number}"
    return entity


_SURFACES: dict[str, str] = {}


def date(year: int | None, month: int | None, day: int | None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day)


def _surfaces(entity) -> list[str]:
    if isinstance(entity, DirectiveEntity):
        return [_SURFACES[entity.key]]
    names = [entity.name, *entity.aliases]
    if isinstance(entity, OrganisationEntity):
        names += list(entity.abbreviations)
    return names


def _sentence(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)]


def parsed(
    text: str,
    *entities: PersonEntity | OrganisationEntity | DirectiveEntity,
    title: str = "",
    published: PartialDate | None = None,
    author: str = "",
) -> ParsedArticle:
    kinds = {
        PersonEntity: MentionKind.PERSON,
        OrganisationEntity: MentionKind.ORGANISATION,
        DirectiveEntity: MentionKind.DIRECTIVE,
    }
    mentions = []
    for entity in entities:
        for surface in _surfaces(entity):
            for match in re.finditer(re.escape(surface), text):
                mentions.append(
                    Mention(
                        kind=kinds[type(entity)],
                        entity_key=entity.key,
                        surface=surface,
                        start=match.start(),
                        end=match.end(),
                        sentence=_sentence(text, match.start()),
                    )
                )
    return ParsedArticle(
        text=text,
        title=title,
        blocks=(Block(BlockKind.LEAD, 0, len(text)),),
        published=published,
        author=author,
        people=tuple(e for e in entities if isinstance(e, PersonEntity)),
        organisations=tuple(e for e in entities if isinstance(e, OrganisationEntity)),
        directives=tuple(e for e in entities if isinstance(e, DirectiveEntity)),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
    )


def store(article: ParsedArticle, *, origin: str = "a.txt", **options):
    """Store a hand-built parse as if it came from a file with that text."""
    raw = article.text
    return store_parsed_article(
        parsed=article,
        raw_text=raw,
        origin=origin,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        **options,
    )
