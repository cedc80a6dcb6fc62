"""An analyst's task in the browser: narrow by two facets, take the list away as CSV and
open it, subscribe to the feed, and follow a story printed by two outlets."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

from archive.models import Article, Person
from archive.services import import_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STORIES = Path(__file__).resolve().parents[1] / "archive" / "stories"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def with_a_reprint(imported):
    for name in ("03_don-doan-lao_a.txt", "03_don-doan-lao_copy.txt"):
        import_text(data=(STORIES / name).read_text(encoding="utf-8"), origin=name)
    return imported


def facet(page, group: str):
    return page.locator("section.facet").filter(has=page.get_by_role("heading", name=group))


def test_narrow_by_two_facets_export_subscribe_and_follow_a_story(tab, with_a_reprint, tmp_path):
    page = tab.page
    tab.goto("/articles/")
    expect(page.get_by_role("heading", name="Thu hẹp kết quả")).to_be_visible()

    khoi = Person.objects.get(name="Lê Minh Khôi")
    facet(page, "Nhân vật").get_by_role("link", name="Lê Minh Khôi").click()
    expect(page).to_have_url(re.compile(rf"person={khoi.pk}"))
    expect(page.get_by_role("heading", name="Tìm thấy 2 bài viết")).to_be_visible()
    # The second facet: a plan cited by only one of the two articles.
    facet(page, "Văn bản").get_by_role("link", name="45-KH/CAT").click()
    expect(page.get_by_role("heading", name="Tìm thấy 1 bài viết")).to_be_visible()
    expect(facet(page, "Văn bản").locator("a[aria-current]")).to_contain_text("45-KH/CAT")
    tab.screenshot("articles-narrowed-by-two-facets")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    saved = tmp_path / "articles.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert "Lê Minh Khôi" in rows[0]["people"].split("; ")
    assert rows[0]["directives"].split("; ") == ["12-NQ/TU", "45-KH/CAT"]
    expect(page.locator("ol.article-results")).to_contain_text(rows[0]["title"])

    feed_url = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute(
        "href"
    )
    assert f"person={khoi.pk}" in feed_url
    feed = page.request.get(tab.base_url + feed_url)
    assert feed.ok
    entries = ET.fromstring(feed.body()).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [rows[0]["title"]]

    original = Article.objects.get(origin="03_don-doan-lao_a.txt")
    reprint = Article.objects.get(origin="03_don-doan-lao_copy.txt")
    tab.goto(f"/articles/{original.pk}/")
    copies = page.get_by_role("heading", name="Cùng nội dung: 1 bài từ nguồn khác")
    expect(copies).to_be_visible()
    tab.screenshot("article-with-a-reprint")
    page.locator("ul.copies").get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/articles/{reprint.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Việt Nam và Lào")
