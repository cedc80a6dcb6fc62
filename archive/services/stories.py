"""Stories: one report printed by several outlets, found at import by its text signature.

Each imported article gets a signature (archive.extraction.copies) and its
band keys. Articles that share a band key are candidates, read through the
band index; the closest candidate at or above the copy threshold gives the
article its story. The first article of a story is its id; an article
without a copy is a story of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from archive.extraction.copies import (
    Signature,
    bands,
    is_copy,
    overlap,
    pack,
    signature,
    unpack,
)
from archive.models import Article, StoryBand, StoryCopy

# Candidates read per article: a band shared by very many texts (boilerplate)
# must not turn one import into a scan.
CANDIDATES = 50


def closest_story(sig: Signature, copies: Iterable[tuple[int, Signature]], *, default: int) -> int:
    """The story of the copy `sig` overlaps most among `copies` ((story, signature) in id
    order, the first best kept), or `default` when none is a copy."""
    story, best = default, 0.0
    for other_story, other in copies:
        if is_copy(sig, other) and (score := overlap(sig, other)) > best:
            story, best = other_story, score
    return story


def link_copies(*, article: Article, is_new: bool) -> int:
    """Store the article's signature and join it to its closest copy's story; the story id.

    A new article has no signature or bands yet, so nothing is read or deleted for it.
    """
    sig = signature(article.body)
    if not is_new:
        StoryBand.objects.filter(article=article).delete()
        if sig is None:
            StoryCopy.objects.filter(article=article).delete()
    if sig is None:
        return article.pk
    keys = bands(sig)
    candidates = (
        StoryBand.objects.filter(band__in=keys)
        .exclude(article=article)
        .order_by("article_id")
        .values("article_id")
        .distinct()[:CANDIDATES]
    )
    story = closest_story(
        sig,
        (
            (copy.story, unpack(bytes(copy.signature)))
            for copy in StoryCopy.objects.filter(article_id__in=candidates).order_by("article_id")
        ),
        default=article.pk,
    )
    fields = {"story": story, "signature": pack(sig)}
    if is_new:
        StoryCopy.objects.create(article=article, **fields)
    else:
        StoryCopy.objects.update_or_create(article=article, defaults=fields)
    StoryBand.objects.bulk_create(StoryBand(article=article, band=key) for key in keys)
    return story
