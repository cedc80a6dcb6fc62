"""Stories of a batch of new articles: stories.link_copies for all of them, in three statements.

What belongs here: the batch writer's (batch_writing.py) story linking. Each
article gets the story stories.link_copies would give it were the batch's
articles imported one after another — the closest copy among the first
CANDIDATES articles (by id) that share a band with it, an earlier article of
the batch included — but the stored candidates are read once for the batch:

- for every band of the batch, the first CANDIDATES article ids that have it
  (the first CANDIDATES ids of a union are among the first CANDIDATES of
  each set), in one query;
- their signatures in one more;
- the batch's StoryCopy rows and bands written at the end, one statement each.

The signatures themselves come computed from the extraction processes
(preparing.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import connection

from archive.extraction.copies import Signature, bands, pack, unpack
from archive.models import StoryBand, StoryCopy
from archive.services.batch_rows import insert_rows
from archive.services.stories import CANDIDATES, closest_story

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# Bands per query off PostgreSQL (SQLite's limit on bound variables).
_CHUNK = 1000


def _first_articles(keys: Iterable[int]) -> dict[int, list[int]]:
    """band -> the first CANDIDATES stored article ids that have it."""
    keys = sorted(set(keys))
    found: dict[int, list[int]] = defaultdict(list)
    if not keys:
        return found
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT b.band, s.article_id FROM unnest(%s::bigint[]) AS b(band) "
                "CROSS JOIN LATERAL (SELECT article_id FROM archive_storyband "
                "WHERE band = b.band ORDER BY article_id LIMIT %s) s",
                [keys, CANDIDATES],
            )
            rows = cursor.fetchall()
        else:
            rows = []
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                cursor.execute(
                    "SELECT band, article_id FROM (SELECT band, article_id, ROW_NUMBER() "
                    "OVER (PARTITION BY band ORDER BY article_id) AS n FROM archive_storyband "
                    f"WHERE band IN ({', '.join(['%s'] * len(chunk))})) WHERE n <= %s",
                    [*chunk, CANDIDATES],
                )
                rows += cursor.fetchall()
    for band, article_id in rows:
        found[band].append(article_id)
    return found


def link_batch(articles: Sequence[tuple[int, Signature | None]]) -> None:
    """Give each (article id, signature) its story and store its bands, in the given order."""
    keyed = [(pk, sig, list(dict.fromkeys(bands(sig)))) for pk, sig in articles if sig is not None]
    stored_heads = _first_articles(key for _, _, keys in keyed for key in keys)
    wanted = {pk for heads in stored_heads.values() for pk in heads}
    # article id -> (story, signature), stored ones first, then the batch's as they come.
    copies: dict[int, tuple[int, Signature]] = {}
    ordered = sorted(wanted)
    for start in range(0, len(ordered), _CHUNK):
        rows = StoryCopy.objects.filter(article_id__in=ordered[start : start + _CHUNK])
        for pk, story, data in rows.values_list("article_id", "story", "signature"):
            copies[pk] = (story, unpack(bytes(data)))
    batch_heads: dict[int, list[int]] = defaultdict(list)
    copy_rows: list[tuple[int, int, bytes]] = []
    band_rows: list[tuple[int, int]] = []
    for pk, sig, keys in keyed:
        candidates: set[int] = set()
        for key in keys:
            candidates.update(stored_heads.get(key, ()))
            candidates.update(batch_heads.get(key, ()))
        candidates.discard(pk)
        story = closest_story(
            sig,
            (copies[other] for other in sorted(candidates)[:CANDIDATES] if other in copies),
            default=pk,
        )
        copies[pk] = (story, sig)
        copy_rows.append((pk, story, pack(sig)))
        for key in keys:
            batch_heads[key].append(pk)
            band_rows.append((pk, key))
    insert_rows(StoryCopy, ("article_id", "story", "signature"), copy_rows)
    insert_rows(StoryBand, ("article_id", "band"), band_rows)
