"""The admin sidebar values, read by walking an index, are the column's distinct values."""

from __future__ import annotations

import datetime

import pytest

from archive.models import Article
from archive.selectors.distinct import indexed_distinct_values
from tests.archive.api.conftest import make_article

pytestmark = pytest.mark.django_db


def test_every_distinct_value_once_in_order_then_none():
    sources = ["Báo Mẫu", "", "Tạp chí Thử", "Báo Mẫu", "Bản tin", ""]
    for n, source in enumerate(sources):
        make_article(
            n,
            title=f"Tin {n}",
            body="Nội dung.",
            source_name=source,
            published_year=None if n % 3 == 0 else 2020 + n % 2,
        )
    expected = list(
        Article.objects.order_by("source_name").values_list("source_name", flat=True).distinct()
    )
    assert indexed_distinct_values(Article, "source_name") == expected
    assert indexed_distinct_values(Article, "published_year") == [2020, 2021, None]


def test_an_empty_table_has_no_values():
    assert indexed_distinct_values(Article, "published_year") == []


def test_the_admin_year_list_shows_the_years_that_have_articles(admin_client):
    for n, year in enumerate((2003, 2003, 2011)):
        make_article(n, title=f"Tin {n}", body=".", published_on=datetime.date(year, 5, 1))
    page = admin_client.get("/admin/archive/article/").content.decode()
    assert "?published_on__year=2003" in page
    assert "?published_on__year=2011" in page
    assert "?published_on__year=2007" not in page
