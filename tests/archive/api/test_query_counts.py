"""A list costs the same number of SQL queries whatever the page size and the filters."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs

import pytest
from django.db import connection

from archive.extraction.normalize import fold_accents, matching_key
from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonMention,
    Position,
)
from tests.archive.queries import get_with_queries, reading_queries

pytestmark = pytest.mark.django_db

ROWS = 60


@pytest.fixture
def big(db) -> dict[str, int]:
    """ROWS of everything, all linked to one hub article, person, organisation, directive."""
    hub_org = Organisation.objects.create(name="Tổng cục Đo đếm", abbreviation="TCĐĐ")
    hub_person = Person.objects.create(name="Quách Văn Đếm", rank="Thượng tá")
    other_person = Person.objects.create(name="Mai Thị Phụ")
    hub_directive = Directive.objects.create(kind="Nghị quyết", kind_code="NQ", symbol="9-NQ/TW")
    articles = Article.objects.bulk_create(
        Article(
            title=f"Công an tập huấn đợt {n}",
            body="Nội dung.",
            text=f"Công an tập huấn đợt {n}",
            raw_text=f"r{n}",
            origin=f"count/{n}.txt",
            sha256=f"{n:064x}",
            author="Tổ Đếm",
            source_name="Báo Đếm",
            published_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            search_document=fold_accents(f"Công an tập huấn đợt {n} Nội dung."),
        )
        for n in range(ROWS)
    )
    hub_article = articles[0]
    people = Person.objects.bulk_create(
        Person(
            name=f"Người {n}",
            key=matching_key(f"Người {n}"),
            search_document=fold_accents(f"Người {n}"),
        )
        for n in range(ROWS)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Phòng {n}",
            key=matching_key(f"Phòng {n}"),
            parent=hub_org,
            kind="phòng",
            search_document=fold_accents(f"Phòng {n}"),
        )
        for n in range(ROWS)
    )
    OrganisationAlias.objects.bulk_create(
        OrganisationAlias(organisation=o, name=f"P{n}-{k}", key=f"p{n}-{k}")
        for n, o in enumerate(organisations)
        for k in range(2)
    )
    directives = Directive.objects.bulk_create(
        Directive(
            kind="Nghị quyết",
            kind_code="NQ",
            number=str(n),
            symbol=f"{n + 100}/NQ-CP",
            key=f"{n + 100}/NQ-CP",
            issuer=hub_org,
            issued_on=datetime.date(2024, 5, 1),
            issued_year=2024,
            search_document=fold_accents(f"Nghị quyết {n + 100}/NQ-CP"),
        )
        for n in range(ROWS)
    )

    def span(n: int) -> dict:
        return {"surface": "x", "start": n, "end": n + 1, "sentence": "x"}

    PersonMention.objects.bulk_create(
        [PersonMention(article=a, person=hub_person, **span(0)) for a in articles]
        + [PersonMention(article=a, person=other_person, **span(1)) for a in articles]
        + [
            PersonMention(article=hub_article, person=p, **span(n + 2))
            for n, p in enumerate(people)
        ]
    )
    OrganisationMention.objects.bulk_create(
        [OrganisationMention(article=a, organisation=hub_org, **span(0)) for a in articles]
        + [
            OrganisationMention(article=hub_article, organisation=o, **span(n + 1))
            for n, o in enumerate(organisations)
        ]
    )
    DirectiveMention.objects.bulk_create(
        [DirectiveMention(article=a, directive=hub_directive, **span(0)) for a in articles]
        + [
            DirectiveMention(article=hub_article, directive=d, **span(n + 1))
            for n, d in enumerate(directives)
        ]
    )
    Position.objects.bulk_create(
        [
            Position(person=p, title="Trưởng phòng", organisation=hub_org, article=hub_article)
            for p in people
        ]
        + [
            Position(person=hub_person, title="Cục trưởng", organisation=o, article=a)
            for o, a in zip(organisations, articles, strict=True)
        ]
    )
    return {
        "org": hub_org.pk,
        "person": hub_person.pk,
        "other": other_person.pk,
        "directive": hub_directive.pk,
        "article": hub_article.pk,
    }


def filter_sets(big: dict[str, int]) -> dict[str, list[str]]:
    return {
        "articles": [
            "",
            "q=cong an tap huan",
            f"person={big['person']}&person={big['other']}&organisation={big['org']}"
            f"&directive=9-NQ/TW&author=Tổ Đếm&source_name=Báo Đếm"
            "&published_after=2025-01-01&published_before=2026-01-01&has_title=true",
            f"q=cong an&person={big['person']}&directive={big['directive']}&ordering=title",
        ],
        "people": [
            "",
            "q=nguoi",
            f"organisation={big['org']}&article={big['article']}&ordering=-name",
        ],
        "organisations": [
            "",
            "q=phong",
            f"kind=phòng&parent={big['org']}&article={big['article']}&ordering=name",
        ],
        "directives": [
            "",
            "q=nghi quyet",
            f"kind=NQ&issuer={big['org']}&issued_after=2024-01-01&issued_before=2024-12-31"
            f"&year=2024&article={big['article']}&ordering=-issued_on",
            "symbol=100/nq-cp",
        ],
    }


def count_queries(client, url: str) -> tuple[int, int]:
    """The archive reads a list page costs, and the rows it shows."""
    response, queries = get_with_queries(client, url)
    return len(reading_queries(queries)), len(response.json()["results"])


@pytest.mark.parametrize("resource", ["articles", "people", "organisations", "directives"])
def test_list_query_count_is_fixed(big, anonymous, resource):
    counts, full_pages = {}, 0
    for filters in filter_sets(big)[resource]:
        for size in (1, 50):
            url = f"/api/{resource}/?{filters}&page_size={size}"
            queries, shown = count_queries(anonymous, url)
            assert shown >= 1, url
            assert size > 1 or shown == 1
            full_pages += shown == 50
            # An article date filter also counts the undated articles it left out.
            counts[(filters, size)] = queries - (resource == "articles" and "published_" in filters)
    # The filters select many rows, so the page size really varied.
    assert full_pages >= 2
    # One number for every filter combination and both page sizes, once the
    # lookups that run before the list are set aside.
    base = {
        (filters, size): n - lookups_before_the_list(filters, resource=resource)
        for (filters, size), n in counts.items()
    }
    assert len(set(base.values())) == 1, counts


def lookups_before_the_list(filters: str, *, resource: str = "articles") -> int:
    """Queries that resolve a value before the list is read: one per kind, not per row.

    A directive symbol is resolved to its id (the planner then knows its share
    of the articles); on PostgreSQL, an article search first looks its matches
    up in the GIN index, capped (archive.search_plans); the ids of people and
    organisations are looked up among the merged-away ones, one query per
    parameter (archive.selectors.redirects.survivor_ids).
    """
    parameters = parse_qs(filters)
    symbols = [value for value in parameters.get("directive", []) if not value.isdigit()]
    searches = "q" in parameters and connection.vendor == "postgresql" and resource == "articles"
    redirectable = [
        name
        for name in ("person", "organisation", "parent", "issuer")
        if any(value.isdigit() for value in parameters.get(name, []))
    ]
    return len(symbols) + int(searches) + len(redirectable)


def test_a_full_page_of_fifty_is_really_fifty_rows(big, anonymous):
    for resource in ("articles", "people", "organisations", "directives"):
        _, shown = count_queries(anonymous, f"/api/{resource}/?page_size=50")
        assert shown == 50, resource


def test_the_expected_query_counts(big, anonymous):
    # articles: the page; people and directives: the capped count and the page;
    # organisations: also their aliases.
    expected = {"articles": 1, "people": 2, "organisations": 3, "directives": 2}
    for resource, number in expected.items():
        queries, _ = count_queries(anonymous, f"/api/{resource}/?page_size=50")
        assert queries == number, resource


def test_an_empty_result_costs_one_more_query_to_check_the_ids(big, anonymous):
    lonely = Person.objects.create(name="Người Vắng")
    queries, shown = count_queries(anonymous, f"/api/articles/?person={lonely.pk}")
    assert (queries, shown) == (2 + lookups_before_the_list(f"person={lonely.pk}"), 0)
    # Still one, however many entity filters name values.
    filters = (
        f"person={lonely.pk}&person={big['person']}&organisation={big['org']}"
        f"&directive={big['directive']}&directive=100/NQ-CP"
    )
    expected = 2 + lookups_before_the_list(filters)
    assert count_queries(anonymous, f"/api/articles/?{filters}") == (expected, 0)
    filters = f"organisation={big['org']}&article={big['article']}&q=khong co ai"
    # The count, the page and the id check.
    expected = 3 + lookups_before_the_list(filters, resource="people")
    assert count_queries(anonymous, f"/api/people/?{filters}") == (expected, 0)


@pytest.mark.parametrize(
    ("resource", "hub", "number"),
    [
        # the article; its person, organisation and directive mentions
        ("articles", "article", 4),
        # the person with counts; aliases; positions; the ranks stated
        ("people", "person", 4),
        # the organisation with counts; aliases; children; people; their posts here
        ("organisations", "org", 5),
        # the directive with its count; implements; implemented by; its issuers;
        # citing articles
        ("directives", "directive", 5),
    ],
)
def test_a_detail_costs_a_fixed_number_of_queries(big, anonymous, resource, hub, number):
    pk = big[hub] if hub != "directive" else Directive.objects.get(symbol="9-NQ/TW").pk
    _, queries = get_with_queries(anonymous, f"/api/{resource}/{pk}/")
    assert len(reading_queries(queries)) == number
