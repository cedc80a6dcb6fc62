"""POST /api/articles/import/: the importer's path, limits and refusals, over HTTP."""

from __future__ import annotations

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from archive.extraction.decoding import MAX_ARTICLE_BYTES
from archive.models import Article
from tests.archive.api.conftest import english_client, user_with

pytestmark = pytest.mark.django_db

URL = "/api/articles/import/"

ARTICLE = (
    "Công an tỉnh Hà Giang tổng kết công tác năm\n\n"
    "Sáng 12/12/2025, tại Hà Giang, Đại tá Nông Văn Thử, Giám đốc Công an tỉnh Hà Giang "
    "chủ trì hội nghị tổng kết công tác năm.\n\n"
    "Hội nghị đánh giá kết quả thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị.\n\n"
    "Hải Yến\n"
)


@pytest.fixture
def importer(db) -> APIClient:
    client = english_client()
    client.force_authenticate(user_with("add_article", "change_article", username="importer"))
    return client


def test_import_creates_the_article_and_reports_what_was_extracted(importer):
    response = importer.post(
        URL, {"text": ARTICLE, "origin": "bao-thu/tong-ket.txt"}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "created"
    assert body["origin"] == "bao-thu/tong-ket.txt"
    article = body["article"]
    assert article["title"] == "Công an tỉnh Hà Giang tổng kết công tác năm"
    assert Article.objects.get(pk=article["id"]).origin == "bao-thu/tong-ket.txt"
    extracted = body["extracted"]
    assert set(extracted) == {
        "people",
        "organisations",
        "directives",
        "mentions",
        "entities_created",
        "mentions_written",
    }
    # The summary agrees with the article's own entity lists.
    assert extracted["people"] == [p["name"] for p in article["people"]]
    assert extracted["mentions"]["people"] == sum(len(p["mentions"]) for p in article["people"])
    assert "12-NQ/TW" in extracted["directives"][0]


def test_the_same_text_again_is_unchanged(importer):
    first = importer.post(URL, {"text": ARTICLE}, format="json").json()
    assert first["origin"].startswith("api/") and first["origin"].endswith(".txt")
    again = importer.post(URL, {"text": ARTICLE}, format="json")
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"
    assert again.json()["article"]["id"] == first["article"]["id"]
    assert Article.objects.count() == 1


def test_an_editors_change_survives_a_reimport(importer):
    created = importer.post(URL, {"text": ARTICLE, "origin": "tin/1.txt"}, format="json").json()
    url = f"/api/articles/{created['article']['id']}/"
    response = importer.patch(url, {"title": "Tiêu đề do biên tập viên sửa"}, format="json")
    assert response.status_code == 200

    changed = ARTICLE.replace("tổng kết công tác năm.", "tổng kết công tác năm 2025.")
    reimported = importer.post(URL, {"text": changed, "origin": "tin/1.txt"}, format="json")
    assert reimported.status_code == 200, reimported.content
    assert reimported.json()["status"] == "updated"
    assert reimported.json()["article"]["title"] == "Tiêu đề do biên tập viên sửa"
    assert "năm 2025." in reimported.json()["article"]["body"]


def test_a_value_sent_back_unchanged_still_follows_the_source(importer):
    created = importer.post(URL, {"text": ARTICLE, "origin": "tin/3.txt"}, format="json").json()
    article = created["article"]
    url = f"/api/articles/{article['id']}/"
    edit = {"title": article["title"], "author": "Hải Yến (TTXVN)"}
    assert importer.patch(url, edit, format="json").json()["edited_fields"] == ["author"]

    retitled = ARTICLE.replace("tổng kết công tác năm", "tổng kết công tác năm 2025", 1)
    reimported = importer.post(URL, {"text": retitled, "origin": "tin/3.txt"}, format="json")
    assert reimported.json()["article"]["title"].endswith("năm 2025")
    assert reimported.json()["article"]["author"] == "Hải Yến (TTXVN)"


def test_a_file_upload_goes_through_the_same_decoding(importer):
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")
    upload = SimpleUploadedFile("tong-ket.txt", data, content_type="text/plain")
    response = importer.post(URL, {"file": upload, "origin": "upload/1.txt"}, format="multipart")
    assert response.status_code == 201, response.content
    assert response.json()["article"]["title"].startswith("Công an tỉnh Hà Giang")


@pytest.mark.parametrize(
    ("payload", "field", "words"),
    [
        ({"text": ""}, "text", "empty"),
        ({"text": "   \n\n  "}, "text", "whitespace"),
        ({"text": "abc\x00def"}, "text", "binary"),
        ({}, "text", "either text or file"),
        ({"text": ARTICLE, "origin": "x" * 1001}, "origin", "1000"),
        ({"text": 12}, "text", "Not a valid string"),
    ],
)
def test_refusals_are_400s_naming_the_field(importer, payload, field, words):
    response = importer.post(URL, payload, format="json")
    assert response.status_code == 400, response.content
    assert any(words in message for message in response.json()[field]), response.json()
    assert Article.objects.count() == 0


def test_a_binary_file_is_refused_with_the_importers_words(importer):
    upload = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
    response = importer.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "binary file" in response.json()["file"][0]


def test_an_article_over_the_size_limit_is_refused(importer):
    text = "Công an " * (MAX_ARTICLE_BYTES // 8)
    assert len(text.encode()) > MAX_ARTICLE_BYTES
    response = importer.post(URL, {"text": text}, format="json")
    assert response.status_code == 400
    assert "the limit is 5 MB" in response.json()["text"][0]


def test_a_huge_request_body_is_refused_before_it_is_read(importer):
    response = importer.generic(
        "POST",
        URL,
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(100 * 1024 * 1024),
    )
    assert response.status_code == 400
    assert "request body is 100.0 MB" in response.json()["text"][0]


def test_replacing_an_articles_text_needs_the_change_permission(db):
    adder = english_client()
    adder.force_authenticate(user_with("add_article", username="adder"))
    first = adder.post(URL, {"text": ARTICLE, "origin": "tin/2.txt"}, format="json")
    assert first.status_code == 201
    # The same text again changes nothing: allowed.
    assert (
        adder.post(URL, {"text": ARTICLE, "origin": "tin/2.txt"}, format="json").status_code == 200
    )
    changed = ARTICLE.replace("tổng kết", "sơ kết")
    refused = adder.post(URL, {"text": changed, "origin": "tin/2.txt"}, format="json")
    assert refused.status_code == 403
    assert "change articles" in refused.json()["detail"]
    assert "tổng kết" in Article.objects.get(origin="tin/2.txt").title

    changer = english_client()
    changer.force_authenticate(user_with("add_article", "change_article", username="changer"))
    accepted = changer.post(URL, {"text": changed, "origin": "tin/2.txt"}, format="json")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "updated"


def test_importing_needs_the_add_permission(db, anonymous, reader):
    assert anonymous.post(URL, {"text": ARTICLE}, format="json").status_code == 401
    assert reader.post(URL, {"text": ARTICLE}, format="json").status_code == 403
    assert Article.objects.count() == 0
