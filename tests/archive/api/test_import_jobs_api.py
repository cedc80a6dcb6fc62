"""POST /api/articles/import/ with several files or a zip: a job (202) at /api/imports/{id}/."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from archive.extraction.decoding import MAX_ARTICLE_BYTES
from archive.models import Article, ImportJob
from archive.services.uploads import MAX_FILES
from tests.archive.api.conftest import user_with
from tests.archive.import_runs import invented_article
from tests.archive.jobs import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/api/articles/import/"


def upload(name: str, data: bytes | str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data.encode() if isinstance(data, str) else data)


def zipped(entries: dict[str, bytes | str]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("articles.zip", buffer.getvalue())


def client_with(*codenames: str, username: str = "importer") -> APIClient:
    client = APIClient()
    client.force_authenticate(user_with(*codenames, username=username))
    return client


@pytest.fixture
def importer() -> APIClient:
    return client_with("add_article", "change_article")


def test_several_files_start_a_job_whose_url_reports_its_progress(importer):
    files = [upload(f"{i}.txt", invented_article(i)) for i in range(3)]
    files.append(upload("broken.txt", b"\x00\xff" * 40))
    response = importer.post(URL, {"files": files, "origin_prefix": "bao"}, format="multipart")
    assert response.status_code == 202, response.content
    job = response.json()
    assert response["Location"] == job["url"]
    assert (job["total"], job["remaining"], job["finished"]) == (4, 4, False)
    assert Article.objects.count() == 0

    run_worker()

    report = importer.get(job["url"]).json()
    assert (report["done"], report["created"], report["failed"]) == (4, 3, 1)
    assert (report["remaining"], report["finished"]) == (0, True)
    assert report["failures"][0]["origin"] == "bao/broken.txt"
    assert report["failures"][0]["error"].startswith("bao/broken.txt: ")
    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "bao/0.txt",
        "bao/1.txt",
        "bao/2.txt",
    ]


def test_a_zip_imports_its_txt_entries_under_their_paths(importer):
    archive = zipped(
        {
            "2025/a.txt": invented_article(1),
            "2025/thang-6/b.TXT": invented_article(2),
            "notes.md": "not an article",
            "2025/": b"",
        }
    )
    response = importer.post(URL, {"file": archive}, format="multipart")
    assert response.status_code == 202, response.content
    assert response.json()["total"] == 2
    run_worker()
    assert sorted(Article.objects.values_list("origin", flat=True)) == [
        "2025/a.txt",
        "2025/thang-6/b.TXT",
    ]


def test_zip_entries_that_climb_out_or_are_absolute_are_refused_by_name(importer):
    archive = zipped(
        {
            "../../etc/evil.txt": invented_article(1),
            "/abs/evil.txt": invented_article(2),
            "C:/evil.txt": invented_article(3),
            "ok.txt": invented_article(4),
        }
    )
    response = importer.post(URL, {"files": [archive]}, format="multipart")
    assert response.status_code == 202, response.content
    run_worker()
    report = importer.get(response.json()["url"]).json()
    assert (report["created"], report["failed"]) == (1, 3)
    refused = {failure["origin"] for failure in report["failures"]}
    assert refused == {"../../etc/evil.txt", "/abs/evil.txt", "C:/evil.txt"}
    assert list(Article.objects.values_list("origin", flat=True)) == ["ok.txt"]


def test_a_zip_bomb_entry_is_refused_after_reading_no_more_than_the_limit(importer):
    # 5 MB + 1 of one letter deflates to a few kB; the entry is refused, the rest imports.
    archive = zipped({"bomb.txt": b"a" * (MAX_ARTICLE_BYTES + 1), "ok.txt": invented_article(1)})
    assert archive.size < 100_000
    response = importer.post(URL, {"file": archive}, format="multipart")
    assert response.status_code == 202
    run_worker()
    report = importer.get(response.json()["url"]).json()
    assert report["failures"] == [
        {"origin": "bomb.txt", "error": "bomb.txt: file is larger than 5 MB"}
    ]
    assert report["created"] == 1


def test_a_zip_with_too_many_files_is_refused_whole(importer):
    archive = zipped({f"{i}.txt": "x" for i in range(MAX_FILES + 1)})
    response = importer.post(URL, {"file": archive}, format="multipart")
    assert response.status_code == 400
    assert f"more than {MAX_FILES} files" in response.json()["files"][0]
    assert not Article.objects.exists()


def test_a_file_that_only_looks_like_a_zip_is_refused_whole(importer):
    response = importer.post(
        URL, {"files": [upload("a.zip", b"PK\x03\x04 not really")]}, format="multipart"
    )
    assert response.status_code == 400
    assert "not a readable zip" in response.json()["files"][0]


def test_one_plain_file_is_still_imported_at_once(importer):
    response = importer.post(URL, {"file": upload("one.txt", invented_article(9))})
    assert response.status_code == 201
    assert response.json()["status"] == "created"
    assert Article.objects.count() == 1
    assert not ImportJob.objects.exists()


def test_without_change_permission_a_job_does_not_replace_a_known_article():
    adder = client_with("add_article")
    adder.post(URL, {"file": upload("a.txt", invented_article(1)), "origin": "a.txt"})
    files = [upload("a.txt", invented_article(2)), upload("b.txt", invented_article(3))]
    response = adder.post(URL, {"files": files}, format="multipart")
    run_worker()
    report = adder.get(response.json()["url"]).json()
    assert report["created"] == 1
    assert "needs the permission to change articles" in report["failures"][0]["error"]
    assert Article.objects.get(origin="a.txt").raw_text == invented_article(1)


def test_a_job_is_seen_only_by_those_who_may_import(importer):
    response = importer.post(URL, {"files": [upload("a.txt", invented_article(1))]})
    url = response.json()["url"]
    assert APIClient().get(url).status_code in (401, 403)
    reader = client_with("view_article", username="reader")
    assert reader.get(url).status_code == 403
    assert importer.get("/api/imports/999999/").status_code == 404


def test_importing_several_files_needs_the_permission_to_add_articles():
    response = client_with("view_article").post(
        URL, {"files": [upload("a.txt", invented_article(1))]}
    )
    assert response.status_code == 403
    assert not Article.objects.exists()
