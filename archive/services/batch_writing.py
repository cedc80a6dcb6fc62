"""Write a batch of prepared articles in one transaction, in a constant number of statements.

What belongs here: the bulk import's writer (bulk_import.py feeds it). For a
batch it writes what importing.store_parsed_article would write for each
article in turn — the same fields, entities, aliases, mentions, positions,
ranks, directive links and story bands, with editors' fields kept — but:

- the batch's articles are read in one query (locked) and their hashes
  compared in one more; an article already stored under its origin with the
  same text is unchanged, one stored under another origin is a duplicate;
- the new articles are inserted in one statement;
- people and organisations are looked up once for the whole batch, and the
  batch's new ones inserted in one statement per kind and read back in one
  more (batch_entities.py); what the articles change on stored records is
  saved once at the end;
- directives are read once for the batch; their mentions, links and issuers
  are written at the end (batch_directives.py). Only a new directive, or a
  short citation merged into its full one, takes statements of its own;
- person and organisation mentions, positions and ranks are written at the
  end of the batch, one statement per table (COPY on PostgreSQL, batch_rows.py);
- stories: one read of the candidates of every band of the batch, one of
  their signatures, one write each of copies and bands (batch_stories.py);
- the per-entity counts are added once for the batch.

The batch commits as a unit. When it fails for any reason, nothing of it is
left and the caller (bulk_import.py) writes its articles one by one through
importing.store_parsed_article, so one bad article never loses the others.

A new article goes through here; one whose origin is stored with another
text (a changed file) is returned to the caller to go the one-by-one way,
which knows how to replace its stale rows.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from django.db import transaction

from archive.extraction.types import MentionKind
from archive.models import (
    ARTICLE_TEXT_FIELDS,
    Article,
    OrganisationMention,
    PersonMention,
    PersonRank,
    Position,
)
from archive.services import counts as entity_counts
from archive.services import storing
from archive.services.batch_directives import DirectivesOfBatch
from archive.services.batch_entities import BatchResolver
from archive.services.batch_rows import insert_rows
from archive.services.batch_stories import link_batch
from archive.services.directives import resolve_directives
from archive.services.entities import Resolved
from archive.services.freshness import bump_choices_version
from archive.services.importing import ImportOutcome, ImportStatus, no_entities

if TYPE_CHECKING:
    from collections.abc import Sequence

    from archive.services.preparing import Prepared

_MENTIONS = {
    MentionKind.PERSON: "person",
    MentionKind.ORGANISATION: "organisation",
    MentionKind.DIRECTIVE: "directive",
}
_MENTION_COLUMNS = ("article_id", "{}_id", "start", "end", "surface", "sentence")
# The rows written at the end of a batch: model and columns, as _write_new builds them.
_ROWS = {
    "person": (PersonMention, tuple(c.format("person") for c in _MENTION_COLUMNS)),
    "organisation": (
        OrganisationMention,
        tuple(c.format("organisation") for c in _MENTION_COLUMNS),
    ),
    "position": (
        Position,
        ("person_id", "article_id", "title", "role", "organisation_id", "former"),
    ),
    "rank": (PersonRank, ("person_id", "article_id", "rank", "former")),
}


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
            .defer(*ARTICLE_TEXT_FIELDS)
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
    """Write new articles: a constant number of statements for the batch, not per article."""
    if not items:
        return []
    articles = []
    for item in items:
        article = Article(origin=item.origin)
        storing.apply_article_fields(
            article, item.parsed, raw_text=item.text, sha256=item.sha256, raw_sha256=item.raw_sha256
        )
        # Computed by the extraction processes, from the same fields.
        article.search_document = item.search_document
        articles.append(article)
    # One INSERT for the batch's articles; PostgreSQL and SQLite return their ids.
    Article.objects.bulk_create(articles)
    # bulk_create sends no post_save: tell the filter forms as article.save() would.
    bump_choices_version()
    resolver = BatchResolver(item.parsed for item in items)
    resolutions = []
    for index, item in enumerate(items):
        created: Counter[str] = Counter()
        resolved = Resolved(created=created)
        resolver.start_article(index)
        resolved.organisations = resolver.resolve_organisations(item.parsed.organisations, created)
        resolved.people = resolver.resolve_people(item.parsed.people, created)
        resolutions.append(resolved)
    # New people and organisations get their ids before any row refers to them.
    resolver.insert_new()
    directives = DirectivesOfBatch(
        (d.symbol for item in items for d in item.parsed.directives if d.symbol),
        (d.key for item in items for d in item.parsed.directives if d.key),
    )
    rows: dict[str, list[tuple]] = {"person": [], "organisation": [], "position": [], "rank": []}
    outcomes = []
    batch = zip(items, articles, resolutions, strict=True)
    for index, (item, article, resolved) in enumerate(batch):
        parsed, created = item.parsed, resolved.created
        resolved.directives = resolve_directives(
            parsed.directives,
            resolved.organisations,
            created,
            find=resolver.organisation_finder(index),
            batch=directives,
        )
        counts = storing.MentionCounts()
        for kind, target in _MENTIONS.items():
            wanted = storing.wanted_mentions(parsed, resolved, kind, counts)
            mention_rows = [
                (article.pk, entity, start, end, surface, sentence)
                for (entity, start), (end, surface, sentence) in wanted.items()
            ]
            counts.written += len(mention_rows)
            if target == "directive":
                directives.add_mentions(mention_rows)
            else:
                rows[target] += mention_rows
        rows["position"] += [
            (person, article.pk, title, role, organisation, former)
            for (person, title), (role, organisation, former) in storing.wanted_positions(
                parsed, resolved
            ).items()
        ]
        ranks, people = storing.wanted_ranks(parsed, resolved)
        for person in storing.update_person_ranks(article, ranks, people, save=False):
            resolver.changes.add(person, ("rank", "rank_stated_on"))
        rows["rank"] += [
            (person, article.pk, rank, former) for person, (rank, former) in ranks.items()
        ]
        outcomes.append(
            ImportOutcome(
                origin=item.origin,
                status=ImportStatus.CREATED,
                article=article,
                entities_created=no_entities() | dict(created),
                mentions_written=counts.written,
                mentions_skipped=counts.skipped,
                parsed=parsed,
            )
        )
    resolver.changes.save()
    directives.write()
    for target, (model, columns) in _ROWS.items():
        insert_rows(model, columns, rows[target])
    signatures = [item.signature for item in items]
    link_batch([(article.pk, sig) for article, sig in zip(articles, signatures, strict=True)])
    # Every row of the batch's articles is written: count them once for the batch.
    entity_counts.add_articles(article_ids=[article.pk for article in articles])
    return outcomes
