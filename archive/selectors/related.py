"""An entity's circle: the people and bodies most often named in the same articles.

Like the facets, the counts are over the newest SAMPLE articles that mention
the entity, so a hub person's page costs the same as anyone's; past the
sample the counts are lower bounds, and the answer says so. The sample is
read once, as ids, and both counts use it: as a subquery each count walked
the newest articles again. SAMPLE is smaller than the facets': the page shows
the top SHOWN, which a thousand articles settle, and each sampled article
brings about thirty mentions to count.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.models import Article, Organisation, OrganisationMention, Person, PersonMention
from archive.selectors.articles import newest_first
from archive.selectors.facets import FacetValue, top_entities

SHOWN = 8
SAMPLE = 1000


@dataclass
class Circle:
    people: list[FacetValue]
    organisations: list[FacetValue]
    lower_bound: bool
    sampled: int


def _circle(articles, *, person_id: int | None = None, organisation_id: int | None = None):
    ids = list(newest_first(articles).values_list("pk", flat=True)[: SAMPLE + 1])
    newest, more, sampled = ids[:SAMPLE], len(ids) > SAMPLE, min(len(ids), SAMPLE)
    people = PersonMention.objects.filter(article_id__in=newest)
    organisations = OrganisationMention.objects.filter(article_id__in=newest)
    if person_id is not None:
        people = people.exclude(person_id=person_id)
    if organisation_id is not None:
        organisations = organisations.exclude(organisation_id=organisation_id)
    return Circle(
        people=top_entities(people, "person_id", Person, lambda p: p.name, top=SHOWN),
        organisations=top_entities(
            organisations, "organisation_id", Organisation, lambda o: o.name, top=SHOWN
        ),
        lower_bound=more,
        sampled=sampled,
    )


def person_circle(person_id: int) -> Circle:
    return _circle(Article.objects.mentioning_person(person_id), person_id=person_id)


def organisation_circle(organisation_id: int) -> Circle:
    articles = Article.objects.mentioning_organisation(organisation_id)
    return _circle(articles, organisation_id=organisation_id)
