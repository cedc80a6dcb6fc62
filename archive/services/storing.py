"""Write one parsed article's own rows: its fields, its mentions, the posts it states.

What belongs here: turning a ParsedArticle into the Article row, its
Person/Organisation/DirectiveMention rows, its Position rows and the ranks
it states (PersonRank, with the person's latest rank), given the
records its entities resolved to (entities.py, directives.py). Only the
difference with what is stored is written, so a re-import that changes
nothing writes nothing, and a changed article loses exactly its stale rows.
The caller (importing.py) holds the transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archive.extraction.dates import full_date
from archive.extraction.ranks import canonical_rank
from archive.extraction.types import MentionKind, ParsedArticle
from archive.models import (
    ARTICLE_DATE_FIELDS,
    Article,
    DirectiveMention,
    OrganisationMention,
    Person,
    PersonMention,
    PersonRank,
    Position,
)

if TYPE_CHECKING:
    from archive.services.entities import Resolved

# The publication date's parts are one fact: an editor who corrected any of
# them corrected the date, and none of the parts may be re-imported over it.
PUBLISHED_FIELDS = ARTICLE_DATE_FIELDS

# kind -> (mention model, its entity foreign key, the Resolved attribute)
_MENTION_TABLES = {
    MentionKind.PERSON: (PersonMention, "person_id", "people"),
    MentionKind.ORGANISATION: (OrganisationMention, "organisation_id", "organisations"),
    MentionKind.DIRECTIVE: (DirectiveMention, "directive_id", "directives"),
}


def _limit(field: str, value: str) -> str:
    return value[: Article._meta.get_field(field).max_length]


def _published(parsed: ParsedArticle) -> dict[str, Any]:
    date = parsed.published or (parsed.dateline.date if parsed.dateline else None)
    if date is None:
        return {
            "published_on": None,
            "published_year": None,
            "published_month": None,
            "published_day": None,
            "published_precision": "unknown",
            "published_year_inferred": False,
            "published_evidence": "",
        }
    return {
        # Only a complete, real date goes into the date column; the parts keep
        # whatever is known ("11/11" without a year) without inventing the rest.
        "published_on": full_date(date),
        "published_year": date.year,
        "published_month": date.month,
        "published_day": date.day,
        "published_precision": date.precision.value,
        "published_year_inferred": date.year_inferred,
        "published_evidence": _limit("published_evidence", parsed.published_evidence)
        if date.year_inferred
        else "",
    }


def apply_article_fields(
    article: Article, parsed: ParsedArticle, *, raw_text: str, sha256: str, raw_sha256: str = ""
) -> list[str]:
    """Set the article's fields from the parse; return the names that changed.

    The text, blocks, raw text and hash always follow the file (mention
    offsets refer to them); the fields a person can edit follow it only while
    nobody has edited them.
    """
    machine: dict[str, Any] = {
        "text": parsed.text,
        "raw_text": raw_text,
        "sha256": sha256,
        # A text that came without its file's bytes (re-extraction) keeps the stored one.
        "raw_sha256": raw_sha256 or article.raw_sha256,
        "blocks": [
            {"kind": block.kind.value, "start": block.start, "end": block.end}
            for block in parsed.blocks
        ],
    }
    editable: dict[str, Any] = {
        "title": _limit("title", parsed.title),
        "body": parsed.body,
        "captions": list(parsed.captions),
        "author": _limit("author", parsed.author),
        "source_name": _limit("source_name", parsed.source_name),
        "source_url": _limit("source_url", parsed.source_url),
        "dateline_place": _limit(
            "dateline_place", parsed.dateline.place if parsed.dateline else ""
        ),
    }
    edited = set(article.edited_fields)
    if not edited.intersection(PUBLISHED_FIELDS):
        editable |= _published(parsed)
    changed = []
    for name, value in (machine | editable).items():
        if name in edited or getattr(article, name) == value:
            continue
        setattr(article, name, value)
        changed.append(name)
    return changed


@dataclass
class MentionCounts:
    written: int = 0
    deleted: int = 0
    skipped: int = 0  # mentions of an entity that was not stored, or with impossible offsets


def wanted_mentions(
    parsed: ParsedArticle, resolved: Resolved, kind: MentionKind, counts: MentionCounts
) -> dict[tuple[int, int], tuple[int, str, str]]:
    """(entity pk, start) -> (end, surface, sentence) of the article's mentions of one kind."""
    records = getattr(resolved, _MENTION_TABLES[kind][2])
    wanted: dict[tuple[int, int], tuple[int, str, str]] = {}
    for mention in parsed.mentions:
        if mention.kind != kind:
            continue
        record = records.get(mention.entity_key)
        if record is None or not 0 <= mention.start < mention.end <= len(parsed.text):
            counts.skipped += 1
            continue
        wanted.setdefault(
            (record.pk, mention.start), (mention.end, mention.surface[:500], mention.sentence)
        )
    return wanted


def _mention_row(model, entity_field: str, article: Article, key, values):
    (entity, start), (end, surface, sentence) = key, values
    return model(
        article=article,
        **{entity_field: entity},
        start=start,
        end=end,
        surface=surface,
        sentence=sentence,
    )


def replace_mentions(
    article: Article, parsed: ParsedArticle, resolved: Resolved, *, is_new: bool
) -> MentionCounts:
    counts = MentionCounts()
    for kind, (model, entity_field, _attribute) in _MENTION_TABLES.items():
        wanted = wanted_mentions(parsed, resolved, kind, counts)
        stored: dict[tuple[int, int], tuple[int, tuple[int, str, str]]] = {}
        if not is_new:
            rows = model.objects.filter(article=article).values_list(
                "pk", entity_field, "start", "end", "surface", "sentence"
            )
            stored = {
                (entity, start): (pk, (end, s, sent)) for pk, entity, start, end, s, sent in rows
            }
        stale = [pk for key, (pk, values) in stored.items() if wanted.get(key) != values]
        if stale:
            model.objects.filter(pk__in=stale).delete()
        new = [
            _mention_row(model, entity_field, article, key, values)
            for key, values in wanted.items()
            if key not in stored or stored[key][1] != values
        ]
        model.objects.bulk_create(new)
        counts.written += len(new)
        counts.deleted += len(stale)
    return counts


def wanted_positions(
    parsed: ParsedArticle, resolved: Resolved
) -> dict[tuple[int, str], tuple[str, int | None, bool]]:
    """(person pk, title) -> (role, organisation pk, former) of the posts the article states."""
    wanted: dict[tuple[int, str], tuple[str, int | None, bool]] = {}
    for person in parsed.people:
        record = resolved.people.get(person.key)
        if record is None:
            continue
        for position in person.positions:
            title = position.title.strip()[:500]
            if not title:
                continue
            organisation = resolved.organisations.get(position.organisation_key or "")
            wanted.setdefault(
                (record.pk, title),
                (
                    position.role[:200],
                    organisation.pk if organisation else None,
                    position.former,
                ),
            )
    return wanted


def replace_positions(
    article: Article, parsed: ParsedArticle, resolved: Resolved, *, is_new: bool
) -> bool:
    """Make the article's positions what it states; editors' (article=NULL) are not touched."""
    wanted = wanted_positions(parsed, resolved)
    stored = (
        {}
        if is_new
        else {(row.person_id, row.title): row for row in Position.objects.filter(article=article)}
    )
    stale = [row.pk for key, row in stored.items() if key not in wanted]
    if stale:
        Position.objects.filter(pk__in=stale).delete()
    changed = bool(stale)
    for key, (role, organisation_id, former) in wanted.items():
        row = stored.get(key)
        if row is not None and (row.role, row.organisation_id, row.former) != (
            role,
            organisation_id,
            former,
        ):
            row.role, row.organisation_id, row.former = role, organisation_id, former
            row.save(update_fields=["role", "organisation", "former"])
            changed = True
    new = [
        Position(
            article=article,
            person_id=person_id,
            title=title,
            role=role,
            organisation_id=org,
            former=former,
        )
        for (person_id, title), (role, org, former) in wanted.items()
        if (person_id, title) not in stored
    ]
    Position.objects.bulk_create(new)
    return changed or bool(new)


def _stated_on(article: Article) -> datetime.date | None:
    """The date an article states things on: its publication date, or its year's first day."""
    if article.published_on is not None:
        return article.published_on
    if article.published_year:
        return datetime.date(article.published_year, article.published_month or 1, 1)
    return None


def replace_ranks(
    article: Article, parsed: ParsedArticle, resolved: Resolved, *, is_new: bool
) -> bool:
    """Store each rank the article states, and make it the person's rank when it is the latest.

    A rank is a fact of its article's date: an older article re-imported later
    does not bring back an older rank, and an editor's rank is never replaced.
    """
    wanted, people = wanted_ranks(parsed, resolved)
    stored = (
        {} if is_new else {row.person_id: row for row in PersonRank.objects.filter(article=article)}
    )
    stale = [row.pk for person_id, row in stored.items() if person_id not in wanted]
    if stale:
        PersonRank.objects.filter(pk__in=stale).delete()
    changed = bool(stale)
    for person_id, (rank, former) in wanted.items():
        row = stored.get(person_id)
        if row is not None and (row.rank, row.former) != (rank, former):
            row.rank, row.former = rank, former
            row.save(update_fields=["rank", "former"])
            changed = True
    new = [
        PersonRank(article=article, person_id=person_id, rank=rank, former=former)
        for person_id, (rank, former) in wanted.items()
        if person_id not in stored
    ]
    PersonRank.objects.bulk_create(new)
    update_person_ranks(article, wanted, people)
    return changed or bool(new)


def wanted_ranks(
    parsed: ParsedArticle, resolved: Resolved
) -> tuple[dict[int, tuple[str, bool]], dict[int, Person]]:
    """person pk -> the rank the article states and whether it calls it former
    ("nguyên Trung tá"), and the people by pk."""
    wanted: dict[int, tuple[str, bool]] = {}
    people: dict[int, Person] = {}
    for entity in parsed.people:
        record = resolved.people.get(entity.key)
        rank = canonical_rank(entity.rank) if entity.rank else None
        if record is not None and rank:
            wanted.setdefault(record.pk, (rank, entity.rank_former))
            people[record.pk] = record
    return wanted, people


def update_person_ranks(
    article: Article,
    wanted: dict[int, tuple[str, bool]],
    people: dict[int, Person],
    *,
    save: bool = True,
) -> list[Person]:
    """Make each rank the person's when the article is the latest to state one.

    Returns the people changed; with save=False the caller saves them.
    """
    on = _stated_on(article)
    changed = []
    for person_id, (rank, _former) in wanted.items():
        person = people[person_id]
        if "rank" in person.edited_fields:
            continue
        newer = on is not None and (person.rank_stated_on is None or on >= person.rank_stated_on)
        if (newer or not person.rank) and (person.rank, person.rank_stated_on) != (rank, on):
            person.rank = rank
            person.rank_stated_on = on if newer else person.rank_stated_on
            changed.append(person)
            if save:
                person.save(update_fields=["rank", "rank_stated_on", "updated_at"])
    return changed
