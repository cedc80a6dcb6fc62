"""A researcher searches a person without accents from the header and reads the marked hits."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_search_a_name_without_accents_from_the_header(tab, imported):
    page = tab.page
    tab.goto("/people/")
    box = page.get_by_role("search", name="Tìm trong toàn bộ kho").get_by_role("searchbox")
    box.fill("le minh khoi")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=le\+minh\+khoi"))
    expect(page.get_by_role("heading", name=re.compile(r"^Bài viết \(2\)"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Nhân vật \(1\)"))).to_be_visible()
    marks = page.locator("mark.hit")
    expect(marks.first).to_be_visible()
    assert set(marks.all_inner_texts()) == {"Lê Minh Khôi"}
    tab.screenshot("site-search")

    page.locator(".article-results h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/\?q="))
    # The name is a person's mention there: its link carries the search mark.
    expect(page.locator("a.mention.search-hit", has_text="Lê Minh Khôi").first).to_be_visible()
    tab.screenshot("article-reached-from-search")


def test_the_article_list_orders_and_marks_a_search(tab, imported):
    page = tab.page
    tab.goto("/articles/")
    page.get_by_label("Từ khoá").fill("le minh khoi")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("heading", name="Tìm thấy 2 bài viết")).to_be_visible()
    expect(page.get_by_label("Sắp xếp")).to_have_value("")  # the default: relevance
    expect(page.locator("select#id_ordering option").first).to_have_text("Phù hợp nhất")
    snippets = page.locator("p.snippet mark.hit")
    expect(snippets.first).to_have_text("Lê Minh Khôi")
