"""Undated articles under a date filter: counted, offered in one click, and in the charts."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from archive.models import Article, Organisation
from archive.services import import_text

pytestmark = pytest.mark.django_db

DATED = (
    "Công an tỉnh Lạc Sơn ra quân\n\n"
    "Sáng 3/4/2025, tại Lạc Sơn, Công an tỉnh Lạc Sơn ra quân bảo đảm an toàn giao thông.\n\n"
    "Lễ ra quân diễn ra trang trọng.\n"
)
INFERRED = (
    "Công an tỉnh Lạc Sơn họp báo\n\n"
    "Chiều 8/7, tại Lạc Sơn, Công an tỉnh Lạc Sơn họp báo về tình hình trật tự.\n\n"
    "Trong 6 tháng đầu năm 2025, lực lượng đã triệt phá 40 đường dây đánh bạc.\n"
)
UNDATED = (
    "Công an tỉnh Lạc Sơn khen thưởng người dân\n\n"
    "Chiều 9-6, tại Lạc Sơn, Công an tỉnh Lạc Sơn khen thưởng 5 người dân dũng cảm.\n\n"
    "Đại tá Lê Văn Khang trao giấy khen.\n"
)
OTHER_UNDATED = (
    "Hội nghị của Sở Văn hoá tỉnh Hải Lâm\n\n"
    "Ngày 12/9, tại Hải Lâm, Sở Văn hoá tỉnh Hải Lâm tổ chức hội nghị.\n\n"
    "Hội nghị thành công.\n"
)
YEAR_2025 = "published_after=2025-01-01&published_before=2025-12-31"


@pytest.fixture
def articles() -> dict[str, Article]:
    texts = {"dated": DATED, "inferred": INFERRED, "undated": UNDATED, "other": OTHER_UNDATED}
    return {
        name: import_text(data=text, origin=f"tests/{name}.txt").article
        for name, text in texts.items()
    }


def test_inferred_year_is_inside_a_date_filter(articles):
    assert articles["inferred"].published_year_inferred
    body = APIClient().get(f"/api/articles/?{YEAR_2025}").json()
    assert {a["id"]: a["published_year_inferred"] for a in body["results"]} == {
        articles["dated"].pk: False,
        articles["inferred"].pk: True,
    }


def test_the_api_says_how_many_undated_articles_the_date_filter_left_out(articles):
    body = APIClient().get(f"/api/articles/?{YEAR_2025}").json()
    assert body["undated_left_out"] == {"count": 2, "capped": False}
    wider = APIClient().get(f"/api/articles/?{YEAR_2025}&include_undated=1").json()
    assert {a["id"] for a in wider["results"]} == {a.pk for a in articles.values()}
    assert "undated_left_out" not in wider


def test_the_undated_count_keeps_the_other_filters(articles):
    lac_son = Organisation.objects.get(name="Công an tỉnh Lạc Sơn")
    body = APIClient().get(f"/api/articles/?{YEAR_2025}&organisation={lac_son.pk}").json()
    assert body["undated_left_out"]["count"] == 1
    wider = (
        APIClient()
        .get(f"/api/articles/?{YEAR_2025}&organisation={lac_son.pk}&include_undated=true")
        .json()
    )
    assert articles["other"].pk not in {a["id"] for a in wider["results"]}
    assert articles["undated"].pk in {a["id"] for a in wider["results"]}


def test_without_a_date_filter_nothing_is_left_out(articles):
    body = APIClient().get("/api/articles/").json()
    assert "undated_left_out" not in body
    assert len(body["results"]) == 4


def test_the_list_page_offers_the_undated_articles_in_one_click(client, articles):
    page = client.get(f"/articles/?{YEAR_2025}").content.decode()
    assert "Kể cả 2 bài không rõ năm" in page
    assert "include_undated=true" in page
    assert articles["undated"].title not in page
    wider = client.get(f"/articles/?{YEAR_2025}&include_undated=true").content.decode()
    assert articles["undated"].title in wider
    assert "Kể cả 2 bài" not in wider


def test_a_wrong_include_undated_value_is_refused(client, articles):
    assert client.get(f"/articles/?{YEAR_2025}&include_undated=maybe").status_code == 400
    assert APIClient().get("/api/articles/?include_undated=maybe").status_code == 400


def test_the_chart_counts_inferred_dates_and_says_how_many_mentions_have_none(client, articles):
    lac_son = Organisation.objects.get(name="Công an tỉnh Lạc Sơn")
    page = client.get(f"/organisations/{lac_son.pk}/").content.decode()
    inferred_mentions = (
        articles["inferred"].organisationmention_set.filter(organisation=lac_son).count()
    )
    undated_mentions = (
        articles["undated"].organisationmention_set.filter(organisation=lac_son).count()
    )
    assert inferred_mentions and undated_mentions
    assert f"kể cả {inferred_mentions} lần trong bài có năm suy ra" in page
    assert f"thêm {undated_mentions} lần trong bài không rõ ngày" in page
