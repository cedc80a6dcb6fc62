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
from collections import Counter, defaultdict

from django.db.models import OuterRef, QuerySet, Value

from archive.models import Article, DirectiveMention, OrganisationMention, PersonMention
from archive.selectors.common import capped_count

COMMON = 500
SHOWN = 5
KINDS = (
    (PersonMention, "person_id"),
    (OrganisationMention, "organisation_id"),
    (DirectiveMention, "directive_id"),
)


def _sharing(model, column: str, article_id: int, common: int) -> QuerySet:
    """(entity, article) pairs of the article's entities named in at most `common` articles.

    Each entity's articles are counted up to `common` + 1 through its
    (entity, article) index, so a hub entity stops the count early and is left out.
    """
    articles_of_entity = (
        model.objects.filter(**{column: OuterRef(column)})
        .order_by()
        .values("article_id")
        .distinct()
    )
    rare = (
        model.objects.filter(article_id=article_id)
        .annotate(articles=capped_count(articles_of_entity, cap=common))
        .filter(articles__lte=common)
        .values(column)
    )
    return (
        model.objects.filter(**{f"{column}__in": rare})
        .order_by()
        .values_list(Value(model.__name__), column, "article_id")
        .distinct()
    )


def similar_article_ids(
    article_id: int, *, shown: int = SHOWN, common: int = COMMON
) -> list[tuple[int, float]]:
    """(article id, score) of the `shown` articles most like `article_id`, best first.

    One query: the three kinds' pairs, UNION ALL.
    """
    first, *others = (_sharing(model, column, article_id, common) for model, column in KINDS)
    sharing: dict[tuple[str, int], list[int]] = defaultdict(list)
    for kind, entity, other in first.union(*others, all=True):
        sharing[kind, entity].append(other)
    scores: Counter[int] = Counter()
    for articles in sharing.values():
        weight = math.log(1 + common / len(articles))
        for other in articles:
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
