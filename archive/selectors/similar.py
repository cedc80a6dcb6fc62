"""More like this: the articles that share the most entities with one, rarer ones counting more.

An entity named in many articles ("Bộ Công an") says little about what two
articles share; a rare directive says much. Each of the article's entities is
read once, as at most COMMON + 1 article ids from its (entity, article) index:
an entity with more articles than COMMON is too common to tell anything and
adds nothing, so a hub entity costs one short index read, never a scan of its
hundreds of thousands of articles. The others add log(1 + COMMON / articles)
to each article they share.
"""

from __future__ import annotations

import math
from collections import Counter

from django.db.models import QuerySet

from archive.models import Article, DirectiveMention, OrganisationMention, PersonMention

COMMON = 2000
SHOWN = 5
KINDS = (
    (PersonMention, "person_id"),
    (OrganisationMention, "organisation_id"),
    (DirectiveMention, "directive_id"),
)


def similar_article_ids(
    article_id: int, *, shown: int = SHOWN, common: int = COMMON
) -> list[tuple[int, float]]:
    """(article id, score) of the `shown` articles most like `article_id`, best first."""
    scores: Counter[int] = Counter()
    for model, column in KINDS:
        entities = (
            model.objects.filter(article_id=article_id)
            .order_by(column)
            .values_list(column, flat=True)
            .distinct()
        )
        for entity in entities:
            sharing = list(
                model.objects.filter(**{column: entity})
                .order_by("article_id")
                .values_list("article_id", flat=True)
                .distinct()[: common + 1]
            )
            if len(sharing) > common:
                continue
            weight = math.log(1 + common / len(sharing))
            for other in sharing:
                if other != article_id:
                    scores[other] += weight
    # Ties: the newer article (the larger id) first, so the choice is stable.
    best = sorted(scores.items(), key=lambda item: (-item[1], -item[0]))[:shown]
    return [(pk, round(score, 3)) for pk, score in best]


def similar_articles(article_id: int, rows: QuerySet[Article] | None = None) -> list[Article]:
    """The articles most like `article_id`, best first, each with a `similarity` score."""
    ranked = similar_article_ids(article_id)
    found = (rows if rows is not None else Article.objects.all()).in_bulk([pk for pk, _ in ranked])
    result = []
    for pk, score in ranked:
        if pk in found:
            found[pk].similarity = score
            result.append(found[pk])
    return result
