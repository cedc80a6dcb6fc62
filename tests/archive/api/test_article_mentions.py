"""An article with thousands of mentions: the detail embeds a bounded number, the rest is paged."""

from __future__ import annotations

import pytest

from archive.selectors.api import EMBED_LIMIT
from archive.services import import_text
from tests.archive.queries import get_with_queries

pytestmark = pytest.mark.django_db

CITED = 250

# One paragraph without a full stop: every symbol stands in the same "sentence".
TEXT = (
    "Ủy ban nhân dân tỉnh Bình Khê rà soát các văn bản\n\n"
    "Ủy ban nhân dân tỉnh Bình Khê đã rà soát "
    + ", ".join(f"Quyết định số {n}/QĐ-UBND" for n in range(1, CITED + 1))
    + " trong năm qua\n"
)


@pytest.fixture
def article_id() -> int:
    return import_text(data=TEXT, origin="ra-soat-van-ban.txt").article.pk


def test_the_detail_embeds_the_first_mentions_and_counts_them_all(client, article_id):
    detail = client.get(f"/api/articles/{article_id}/").json()
    embedded = [m for d in detail["directives"] for m in d["mentions"]]
    assert len(embedded) == EMBED_LIMIT
    assert [m["surface"] for m in embedded[:2]] == [
        "Quyết định số 1/QĐ-UBND",
        "Quyết định số 2/QĐ-UBND",
    ]
    assert detail["mention_counts"]["directives"] == CITED
    assert all(len(m["sentence"]) <= 402 and m["surface"] in m["sentence"] for m in embedded)


def test_every_mention_is_reached_by_paging_the_mentions_link(client, article_id):
    url = (
        client.get(f"/api/articles/{article_id}/").json()["mentions_url"]
        + "?kind=directive&page_size=100"
    )
    surfaces = []
    while url:
        page = client.get(url).json()
        surfaces += [m["surface"] for m in page["results"]]
        assert all(
            m["entity_url"].endswith(f"/api/directives/{m['entity_id']}/") for m in page["results"]
        )
        url = page["next"]
    assert surfaces == [f"Quyết định số {n}/QĐ-UBND" for n in range(1, CITED + 1)]


def test_a_page_of_mentions_costs_the_same_queries_whatever_its_size(client, article_id):
    url = f"/api/articles/{article_id}/mentions/"
    counts = []
    for size in (5, 100):
        _, queries = get_with_queries(client, url, {"kind": "directive", "page_size": size})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_mentions_list_needs_a_known_kind_and_article(client, article_id):
    assert client.get(f"/api/articles/{article_id}/mentions/").status_code == 400
    assert client.get(f"/api/articles/{article_id}/mentions/", {"kind": "place"}).status_code == 400
    assert (
        client.get(f"/api/articles/{article_id + 1}/mentions/", {"kind": "person"}).status_code
        == 404
    )
