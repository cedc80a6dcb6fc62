"""Any filtered list leaves as CSV or JSON Lines, and any article filter as an Atom feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.exports.rows import article_rows
from archive.models import Article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def read_csv(response) -> list[dict]:
    data = body_of(response)
    assert data.startswith("\ufeff".encode())  # Excel's cue for UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def read_jsonl(response) -> list[dict]:
    return [json.loads(line) for line in body_of(response).decode().splitlines()]


@pytest.mark.parametrize("prefix", ["/api/articles/export/", "/articles/export/"])
def test_filtered_articles_export_as_csv_with_their_entities(archive, prefix):
    response = Client().get(prefix, {"format": "csv", "person": archive.minister.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="articles.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert {row["title"] for row in rows} == {archive.a_both.title, archive.a_minister.title}
    both = next(row for row in rows if row["id"] == str(archive.a_both.pk))
    assert both["people"] == "Lạc Thị Hòa; Trịnh Văn Khởi"
    assert both["organisations"] == "Bộ Nội chính Thử nghiệm"
    assert both["directives"] == "77-NQ/TW"
    assert both["published_on"] == "2025-05-02"


@pytest.mark.parametrize("prefix", ["/api/articles/export/", "/articles/export/"])
def test_articles_export_as_json_lines_with_lists_of_names(archive, prefix):
    response = Client().get(prefix, {"format": "jsonl", "q": "tap huan"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/jsonl")
    (row,) = read_jsonl(response)
    assert row["title"] == "Tập huấn nghiệp vụ"
    assert row["people"] == ["Lạc Thị Hòa"]
    assert row["published_on"] is None


@pytest.mark.parametrize(
    ("kind", "query", "expected"),
    [
        ("people", {"rank": "Đại tá"}, {"Lạc Thị Hòa"}),
        ("organisations", {"q": "tin gia"}, {"Cục Phòng chống Tin giả"}),
        ("directives", {"kind": "Kế hoạch"}, {"Kế hoạch"}),
    ],
)
def test_entity_lists_export_with_their_filters(archive, kind, query, expected):
    for prefix in (f"/api/{kind}/export/", f"/{kind}/export/"):
        response = Client().get(prefix, {"format": "jsonl", **query})
        assert response.status_code == 200, response
        rows = read_jsonl(response)
        column = "kind" if kind == "directives" else "name"
        assert {row[column] for row in rows} == expected, prefix


def test_an_invalid_filter_is_refused_instead_of_exporting_everything(archive):
    api = Client().get("/api/articles/export/", {"format": "csv", "person": "abc"})
    assert api.status_code == 400
    assert "person" in api.json()
    page = Client().get("/articles/export/", {"format": "csv", "person": "abc"})
    assert page.status_code == 400
    assert Client().get("/articles/export/", {"format": "xls"}).status_code == 400


def test_an_export_reads_in_chunks_with_a_fixed_number_of_queries_each(archive):
    with CaptureQueriesContext(connection) as captured:
        rows = list(article_rows(Article.objects.all(), chunk_size=2))
    assert [row["id"] for row in rows] == sorted(Article.objects.values_list("pk", flat=True))
    assert rows[0]["people"] == ["Lạc Thị Hòa", "Trịnh Văn Khởi"]
    # Two chunks of two, each: the rows and one query per entity kind; then the empty read.
    assert len(captured) == 2 * 4 + 1


def test_list_pages_link_their_exports_and_feed_with_the_current_filters(archive):
    page = Client().get("/articles/", {"person": archive.minister.pk, "page": 1}).content.decode()
    assert f'/articles/export/?person={archive.minister.pk}&amp;format=csv"' in page
    assert f'/articles/export/?person={archive.minister.pk}&amp;format=jsonl"' in page
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Bài mới theo bộ lọc này '
        f'(Atom)" href="/articles/feed/?person={archive.minister.pk}">' in page
    )
    people = Client().get("/people/", {"rank": "Đại tá"}).content.decode()
    assert "/people/export/?rank=%C4%90%E1%BA%A1i+t%C3%A1&amp;format=csv" in people


def test_an_entity_page_offers_the_feed_of_its_articles(archive):
    page = Client().get(f"/people/{archive.minister.pk}/").content.decode()
    assert f'href="/articles/feed/?person={archive.minister.pk}"' in page


def test_the_feed_lists_the_filtered_articles_newest_first_with_their_entities(archive):
    response = Client().get("/articles/feed/", {"person": archive.minister.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == [archive.a_minister.title, archive.a_both.title]
    newest = entries[0]
    assert newest.findtext(f"{ATOM}summary") == "01/06/2025 · Báo Thử"
    categories = {c.get("term") for c in newest.findall(f"{ATOM}category")}
    assert categories == {
        "Trịnh Văn Khởi",
        "Bộ Nội chính Thử nghiệm",
        "Cục Phòng chống Tin giả",
        "12/KH-BNC",
    }
    assert newest.find(f"{ATOM}link").get("href").endswith(f"/articles/{archive.a_minister.pk}/")


def test_the_feed_refuses_an_invalid_filter(archive):
    assert Client().get("/articles/feed/", {"person": "abc"}).status_code == 400
