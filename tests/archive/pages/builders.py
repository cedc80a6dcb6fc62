"""Invented articles for the page and admin tests, built the way an import stores them,
and the admin's person form as a browser would post it.

`build_article` lays blocks out in one text with their offsets, and places each
mention at the first occurrence of its surface after the previous one, as the
extractor's offsets would.
"""

from __future__ import annotations

import datetime
import hashlib
from itertools import count

from archive.models import Article, Person
from archive.services import counts
from tests.factories import add_mention

_serial = count(1)


def build_article(
    *,
    blocks: list[tuple[str, str]],
    mentions: list[tuple[object, str]] = (),
    published_on: datetime.date | None = None,
    source_name: str = "Báo Hải Lâm",
    source_url: str = "",
    dateline_place: str = "",
) -> Article:
    """blocks: (kind, text) in order; mentions: (entity, surface) in reading order."""
    text, spans = "", []
    for kind, block_text in blocks:
        if text:
            text += "\n\n"
        spans.append({"kind": kind, "start": len(text), "end": len(text) + len(block_text)})
        text += block_text
    title = next((t for k, t in blocks if k == "title"), "")
    body = "\n\n".join(t for k, t in blocks if k in ("lead", "paragraph"))
    serial = next(_serial)
    article = Article.objects.create(
        title=title,
        body=body,
        text=text,
        raw_text=text,
        blocks=spans,
        captions=[t for k, t in blocks if k == "caption"],
        source_name=source_name,
        source_url=source_url,
        dateline_place=dateline_place,
        published_on=published_on,
        published_year=published_on.year if published_on else None,
        published_precision="full" if published_on else "unknown",
        origin=f"test/{serial}.txt",
        sha256=hashlib.sha256(f"{serial}{text}".encode()).hexdigest(),
    )
    cursor = 0
    for entity, surface in mentions:
        start = text.index(surface, cursor)
        sentence = _sentence_around(text, start, start + len(surface))
        add_mention(article, entity, surface, start=start, sentence=sentence)
        cursor = start + 1
    counts.add_articles(article_ids=[article.pk])  # as the import does after the mentions
    return article


def person_form(person: Person, **changes) -> dict:
    """The admin change form of `person` (an unsaved Person() for the add form), with changes."""
    data = {
        "name": person.name,
        "rank": person.rank,
        "academic_titles": person.academic_titles,
        "notes": person.notes,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
    }
    if person.foreign:
        data["foreign"] = "on"
    return data | changes


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()
