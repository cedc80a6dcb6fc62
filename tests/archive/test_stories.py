"""At import, a reprint joins its original's story; the page lists it, lists can fold it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from archive.models import Article, StoryCopy
from archive.services import import_text

pytestmark = pytest.mark.django_db

STORIES = Path(__file__).resolve().parent / "stories"


def imported(name: str) -> Article:
    outcome = import_text(data=(STORIES / name).read_text(encoding="utf-8"), origin=name)
    assert outcome.article is not None, outcome
    return outcome.article


def test_a_reprint_joins_the_original_s_story_and_an_independent_report_does_not():
    original = imported("02_xet-xu-lua-dao_a.txt")
    reprint = imported("02_xet-xu-lua-dao_copy.txt")
    other = imported("02_xet-xu-lua-dao_other.txt")
    stories = dict(StoryCopy.objects.values_list("article_id", "story"))
    assert stories[original.pk] == original.pk
    assert stories[reprint.pk] == original.pk
    assert stories[other.pk] == other.pk


def test_the_article_page_lists_the_other_printings_with_their_source():
    original = imported("03_don-doan-lao_a.txt")
    reprint = imported("03_don-doan-lao_copy.txt")
    imported("03_don-doan-lao_other.txt")
    page = Client().get(f"/articles/{original.pk}/").content.decode()
    assert "Cùng nội dung: 1 bài từ nguồn khác" in page
    section = page.split('id="copies-heading"')[1].split("</section>")[0]
    assert f'href="/articles/{reprint.pk}/"' in section
    assert "Việt Nam và Lào sẽ tăng tuần tra chung" not in section


def test_group_copies_folds_a_story_to_its_first_printing_on_pages_and_api():
    original = imported("04_triet-pha-ma-tuy_a.txt")
    reprint = imported("04_triet-pha-ma-tuy_copy.txt")
    other = imported("04_triet-pha-ma-tuy_other.txt")
    everything = {row["id"] for row in Client().get("/api/articles/").json()["results"]}
    assert everything == {original.pk, reprint.pk, other.pk}
    folded = Client().get("/api/articles/", {"group_copies": "true"}).json()["results"]
    assert {row["id"] for row in folded} == {original.pk, other.pk}
    page = Client().get("/articles/", {"group_copies": "true"}).content.decode()
    assert f'href="/articles/{reprint.pk}/"' not in page
    assert f'href="/articles/{original.pk}/"' in page


def test_a_changed_text_is_signed_again():
    first = imported("01_hoi-nghi-cong-an-tinh_a.txt")
    before = bytes(StoryCopy.objects.get(article=first).signature)
    text = (STORIES / "01_hoi-nghi-cong-an-tinh_other.txt").read_text(encoding="utf-8")
    import_text(data=text, origin="01_hoi-nghi-cong-an-tinh_a.txt")
    assert bytes(StoryCopy.objects.get(article=first).signature) != before
    assert first.story_bands.count() == 20
