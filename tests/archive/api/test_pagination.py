"""Walking the lists page by page: the article cursor and the capped page numbers."""

from __future__ import annotations

import base64
import datetime

import pytest
from django.db.models import F

from archive.extraction.normalize import matching_key
from archive.models import Article, Person
from tests.archive.api.conftest import make_article

pytestmark = pytest.mark.django_db

TITLES = ["Bản tin", "Ánh sáng", "Chuyên đề", "Bản tin", "Điểm báo", "Ý kiến", ""]


@pytest.fixture
def feed(db) -> list[Article]:
    """23 articles: shared dates, shared titles, some undated, one untitled."""
    articles = []
    for n in range(23):
        published = None if n % 5 == 0 else datetime.date(2025, 1 + n % 4, 1 + n % 3)
        articles.append(
            make_article(
                n + 100,
                title=TITLES[n % len(TITLES)],
                body=f"Nội dung số {n}.",
                published_on=published,
            )
        )
    return articles


def walk(client, url: str, direction: str = "next") -> list[list[int]]:
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append([item["id"] for item in body["results"]])
        url = body[direction]
    return pages


def expected_order(ordering: str) -> list[int]:
    """The whole list in one query (the database's collation decides text order)."""
    field = ordering.lstrip("-")
    descending = ordering.startswith("-")
    key = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    tie = "-id" if descending else "id"
    return list(Article.objects.order_by(key, tie).values_list("id", flat=True))


@pytest.mark.parametrize("ordering", ["-published_on", "published_on", "title", "-title", "id"])
def test_the_cursor_visits_every_article_once_in_order(feed, anonymous, ordering):
    pages = walk(anonymous, f"/api/articles/?ordering={ordering}&page_size=4")
    assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 3]
    assert [row for page in pages for row in page] == expected_order(ordering)


def test_previous_links_lead_back_through_the_same_pages(feed, anonymous):
    forward = walk(anonymous, "/api/articles/?page_size=5")
    last = anonymous.get("/api/articles/?page_size=5")
    url = last.json()["next"]
    while (body := anonymous.get(url).json())["next"]:
        url = body["next"]
    backward = walk(anonymous, url, direction="previous")
    assert list(reversed(backward)) == forward
    assert anonymous.get(url).json()["previous"] is not None


def test_a_cursor_is_tied_to_its_ordering(feed, anonymous):
    cursor_url = anonymous.get("/api/articles/?ordering=title&page_size=3").json()["next"]
    other = cursor_url.replace("ordering=title", "ordering=-published_on")
    response = anonymous.get(other)
    assert response.status_code == 400
    assert "another ordering" in response.json()["cursor"][0]


def cursor_of(payload_json: str) -> str:
    return base64.urlsafe_b64encode(payload_json.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "values",
    [
        '["\\udc00", 3]',  # a lone surrogate: no query or URL can carry it
        '["a\\u0000b", 3]',
        '[["a"], 3]',
        '["a", true]',
        '["a", 3.5]',
        "[null, 3]",  # titles are never NULL
    ],
)
def test_a_forged_cursor_is_a_400(feed, anonymous, values):
    cursor = cursor_of(f'{{"d":"next","o":["title","id"],"v":{values}}}')
    response = anonymous.get(f"/api/articles/?ordering=title&cursor={cursor}")
    assert response.status_code == 400
    assert response.json() == {"cursor": ["invalid cursor"]}


def test_the_article_feed_has_no_count(feed, anonymous):
    body = anonymous.get("/api/articles/").json()
    assert set(body) == {"next", "previous", "results"}


def test_page_numbers_with_links_and_a_count(anonymous, db):
    Person.objects.bulk_create(
        Person(name=f"Người Thử {n:03d}", key=matching_key(f"Người Thử {n:03d}")) for n in range(45)
    )
    first = anonymous.get("/api/people/?page_size=20").json()
    assert first["count"] == 45
    assert first["count_capped"] is False
    assert first["previous"] is None
    third = anonymous.get(first["next"].replace("page=2", "page=3")).json()
    assert [p["name"] for p in third["results"]] == [f"Người Thử {n:03d}" for n in range(40, 45)]
    assert third["next"] is None
    assert anonymous.get("/api/people/?page_size=20&page=4").status_code == 404


def test_the_count_stops_at_the_cap(anonymous, db):
    Person.objects.bulk_create(
        Person(name=f"Người Đếm {n:04d}", key=matching_key(f"Người Đếm {n:04d}"))
        for n in range(1005)
    )
    body = anonymous.get("/api/people/?page_size=100&page=11").json()
    assert body["count"] == 1000
    assert body["count_capped"] is True
    assert len(body["results"]) == 5
