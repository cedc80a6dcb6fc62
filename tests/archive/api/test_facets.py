"""The article list's facets: top values with counts, for the current filters, as toggles."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from archive.models import Article
from archive.selectors.facets import article_facets
from tests.archive.deferred import whole_page, with_blocks

pytestmark = pytest.mark.django_db


def test_the_api_facets_count_the_filtered_articles(archive):
    response = Client().get("/api/articles/facets/", {"person": archive.minister.pk})
    assert response.status_code == 200
    facets = response.json()
    assert facets["lower_bound"] is False
    assert facets["sampled"] == 2
    people = {row["label"]: row["count"] for row in facets["people"]}
    assert people == {"Trịnh Văn Khởi": 2, "Lạc Thị Hòa": 1}
    organisations = {row["label"]: row["count"] for row in facets["organisations"]}
    assert organisations == {"Bộ Nội chính Thử nghiệm": 2, "Cục Phòng chống Tin giả": 1}
    assert {row["label"] for row in facets["directives"]} == {"77-NQ/TW", "12/KH-BNC"}
    assert facets["sources"] == [{"value": "Báo Thử", "label": "Báo Thử", "count": 2}]
    assert facets["years"] == [{"value": "2025", "label": "2025", "count": 2}]


def test_an_invalid_filter_gets_no_facets(archive):
    assert Client().get("/api/articles/facets/", {"person": "abc"}).status_code == 400


def test_counts_over_a_sample_are_said_to_be_lower_bounds(archive):
    facets = article_facets(Article.objects.all(), sample=2)
    assert facets.lower_bound is True
    assert facets.sampled == 2
    # The newest two articles: 1 June (minister) and 2 May (both).
    people = {value.label: value.count for value in facets.people}
    assert people == {"Trịnh Văn Khởi": 2, "Lạc Thị Hòa": 1}


def test_a_facet_link_adds_its_value_and_a_second_click_removes_it(archive):
    page = whole_page(Client(), "/articles/", {"q": "cong an"})
    assert "Thu hẹp kết quả" in page
    link = re.search(r'<a href="([^"]+)">Lạc Thị Hòa</a> <span class="count">\((\d+)\)', page)
    assert link, page
    narrowed = Client().get(link.group(1).replace("&amp;", "&"))
    assert narrowed.status_code == 200
    assert [row.pk for row in narrowed.context["page"].object_list] == [archive.a_both.pk]
    text = with_blocks(Client(), narrowed.content.decode())
    chosen = re.search(r'<a href="([^"]+)" aria-current="true"[^>]*>✓ Lạc Thị Hòa</a>', text)
    assert chosen, text
    widened = Client().get(chosen.group(1).replace("&amp;", "&"))
    shown = {row.pk for row in widened.context["page"].object_list}
    assert shown == {archive.a_both.pk, archive.a_untitled.pk}


def test_a_year_facet_sets_and_clears_the_date_range(archive):
    page = whole_page(Client(), "/articles/")
    link = re.search(r'<a href="([^"]+)">2025</a>', page).group(1).replace("&amp;", "&")
    assert "published_after=2025-01-01" in link and "published_before=2025-12-31" in link
    text = whole_page(Client(), link)
    assert archive.a_colonel_undated.title not in text
    assert archive.a_both.title in text
    chosen = re.search(r'<a href="([^"]+)" aria-current="true"[^>]*>✓ 2025</a>', text)
    assert chosen, text
    cleared = chosen.group(1).replace("&amp;", "&")
    assert "published_after" not in cleared and "published_before" not in cleared


def test_a_source_facet_sets_and_clears_the_source(archive):
    page = whole_page(Client(), "/articles/")
    link = re.search(r'<a href="([^"]+)">Báo Thử</a>', page).group(1).replace("&amp;", "&")
    narrowed = Client().get(link)
    assert "source_name=" in link
    assert {row.source_name for row in narrowed.context["page"].object_list} == {"Báo Thử"}
    text = with_blocks(Client(), narrowed.content.decode())
    chosen = re.search(r'<a href="([^"]+)" aria-current="true"[^>]*>✓ Báo Thử</a>', text)
    assert chosen, text
    assert "source_name" not in chosen.group(1)
