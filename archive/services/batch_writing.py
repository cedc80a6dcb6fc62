"""Write a batch of prepared articles in one transaction, with few queries per article.

What belongs here: the bulk import's writer (bulk_import.py feeds it). For a
batch it writes what importing.store_parsed_article would write for each
article in turn — the same fields, entities, aliases, mentions, positions,
ranks, directive links and story bands, with editors' fields kept — but:

- the batch's articles are read in one query (locked) and their hashes
  compared in one more; an article already stored under its origin with the
  same text is unchanged, one stored under another origin is a duplicate;
- people and organisations are looked up once for the whole batch and new
  ones inserted without savepoints (batch_entities.py);
- person and organisation mentions, positions and ranks are inserted with
  one bulk_create per table at the end of the batch. Directive mentions and
  story bands are written per article, since a later article of the batch
  reads them (a short citation merged into its full one moves its mentions,
  a copy is found through the bands).

The batch commits as a unit. When it fails for any reason, nothing of it is
left and the caller (bulk_import.py) writes its articles one by one through
importing.store_parsed_article, so one bad article never loses the others.

A new article goes through here; one whose origin is stored with another
text (a changed file) is returned to the caller to go the one-by-one way,
which knows how to replace its stale rows.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.db import transaction

from archive.extraction.types import MentionKind
from archive.models import (
    Article,
    DirectiveMention,
    OrganisationMention,
    PersonMention,
    PersonRank,
    Position,
)
from archive.services import counts as entity_counts
from archive.services import stories, storing
from archive.services.batch_entities import BatchResolver
from archive.services.directives import resolve_directives
from archive.services.entities import Resolved
from archive.services.importing import ImportOutcome, ImportStatus, no_entities

if TYPE_CHECKING:
    from collections.abc import Sequence

    from archive.services.preparing import Prepared

_MENTION_MODELS = {MentionKind.PERSON: PersonMention, MentionKind.ORGANISATION: OrganisationMention}
_TEXTS = ("raw_text", "text", "body", "search_document", "blocks", "captions")
# Rows per INSERT of the end-of-batch bulk_create (SQLite's variable limit).
_INSERT_BATCH = 500


def write_batch(items: Sequence[Prepared]) -> tuple[list[ImportOutcome], list[Prepared]]:
    """Write the new articles of `items` in one transaction.

    Returns the outcomes of the articles written or found unchanged, and the
    items left for importing.store_parsed_article (changed files).
    """
    with transaction.atomic():
        stored = {
            article.origin: article
            for article in Article.objects.select_for_update()
            .filter(origin__in=[item.origin for item in items])
            .defer(*_TEXTS)
        }
        by_sha = dict(
            Article.objects.filter(sha256__in=[item.sha256 for item in items]).values_list(
                "sha256", "origin"
            )
        )
        outcomes: list[ImportOutcome] = []
        new: list[Prepared] = []
        changed: list[Prepared] = []
        for item in items:
            article = stored.get(item.origin)
            if article is not None and article.sha256 == item.sha256:
                if article.raw_sha256 != item.raw_sha256:
                    # Stored before the raw hash was kept, or from other bytes of the
                    # same text: remember these bytes so their next import is cheap.
                    Article.objects.filter(pk=article.pk).update(raw_sha256=item.raw_sha256)
                unchanged = ImportOutcome(
                    origin=item.origin, status=ImportStatus.UNCHANGED, article=article
                )
                outcomes.append(unchanged)
            elif by_sha.get(item.sha256, item.origin) != item.origin:
                outcomes.append(
                    ImportOutcome(
                        origin=item.origin,
                        status=ImportStatus.UNCHANGED,
                        duplicate_of=by_sha[item.sha256],
                    )
                )
            elif article is not None:
                changed.append(item)
            else:
                by_sha[item.sha256] = item.origin
                new.append(item)
        outcomes += _write_new(new)
    return outcomes, changed


def _write_new(items: list[Prepared]) -> list[ImportOutcome]:
    resolver = BatchResolver(item.parsed for item in items)
    pending: dict[type, list[Any]] = {
        PersonMention: [],
        OrganisationMention: [],
        Position: [],
        PersonRank: [],
    }
    outcomes = []
    for item in items:
        parsed = item.parsed
        article = Article(origin=item.origin)
        storing.apply_article_fields(
            article, parsed, raw_text=item.text, sha256=item.sha256, raw_sha256=item.raw_sha256
        )
        article.save()
        created: Counter[str] = Counter()
        resolved = Resolved(created=created)
        resolved.organisations = resolver.resolve_organisations(parsed.organisations, created)
        resolved.people = resolver.resolve_people(parsed.people, created)
        resolved.directives = resolve_directives(parsed.directives, resolved.organisations, created)
        written = skipped = 0
        for kind in MentionKind:
            rows, counts = storing.new_mention_rows(article, parsed, resolved, kind)
            written += counts.written
            skipped += counts.skipped
            if kind == MentionKind.DIRECTIVE:
                DirectiveMention.objects.bulk_create(rows)
            else:
                pending[_MENTION_MODELS[kind]] += rows
        pending[Position] += storing.new_position_rows(article, parsed, resolved)
        ranks, ranked = storing.new_rank_rows(article, parsed, resolved)
        pending[PersonRank] += ranks
        for person in ranked:
            resolver.changes.add(person, ("rank", "rank_stated_on"))
        stories.link_copies(article=article, is_new=True)
        outcomes.append(
            ImportOutcome(
                origin=item.origin,
                status=ImportStatus.CREATED,
                article=article,
                entities_created=no_entities() | dict(created),
                mentions_written=written,
                mentions_skipped=skipped,
                parsed=parsed,
            )
        )
    resolver.changes.save()
    for model, rows in pending.items():
        model.objects.bulk_create(rows, batch_size=_INSERT_BATCH)
    # Every row of the batch's articles is written: count them once for the batch.
    entity_counts.add_articles(article_ids=[outcome.article.pk for outcome in outcomes])
    return outcomes
