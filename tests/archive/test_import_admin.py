"""Editors import from the admin: files or a zip in, the job's progress and errors shown."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Article, ImportJob
from tests.archive.import_runs import invented_article
from tests.archive.jobs import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

IMPORT = "/admin/archive/article/import/"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_the_article_list_links_to_the_import_page(editor_client):
    page = editor_client.get("/admin/archive/article/").content.decode()
    assert f'href="{IMPORT}"' in page
    assert "Nhập bài viết" in page


def test_files_start_a_job_whose_page_shows_progress_then_the_errors(editor_client):
    response = editor_client.post(
        IMPORT,
        {
            "files": [
                upload("mot.txt", invented_article(1).encode()),
                upload("hai.txt", invented_article(2).encode()),
                upload("rong.txt", b""),
            ],
            "origin_prefix": "bien-tap",
        },
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{IMPORT}{job.pk}/"
    assert (job.source, job.created_by.username) == ("admin", "bientap")

    waiting = editor_client.get(response["Location"]).content.decode()
    assert "Đang nhập" in waiting
    assert '<meta http-equiv="refresh"' in waiting
    assert '<th scope="row">Còn lại</th><td>3</td>' in waiting

    run_worker()

    done = editor_client.get(response["Location"]).content.decode()
    assert "Đã xong." in done
    assert 'http-equiv="refresh"' not in done
    assert '<th scope="row">Tạo mới</th><td>2</td>' in done
    assert '<th scope="row">Lỗi</th><td>1</td>' in done
    assert "bien-tap/rong.txt: " in done
    assert set(Article.objects.values_list("origin", flat=True)) == {
        "bien-tap/mot.txt",
        "bien-tap/hai.txt",
    }


def test_a_zip_is_unpacked_into_the_job(editor_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a/1.txt", invented_article(1))
        archive.writestr("a/2.txt", invented_article(2))
    editor_client.post(IMPORT, {"files": [upload("bai.zip", buffer.getvalue())]})
    run_worker()
    assert set(Article.objects.values_list("origin", flat=True)) == {"a/1.txt", "a/2.txt"}


def test_a_refused_upload_is_shown_on_the_form_and_nothing_is_queued(editor_client):
    page = editor_client.post(IMPORT, {"files": [upload("x.zip", b"PK\x03\x04 broken")]})
    assert page.status_code == 200
    assert "not a readable zip" in page.content.decode()
    assert not ImportJob.objects.exists()


def test_staff_without_the_permission_to_add_articles_cannot_import(client):
    user = User.objects.create_user("xem", password="mat-khau-dai-42", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    client.force_login(user)
    assert client.get(IMPORT).status_code == 403
    response = client.get("/admin/archive/article/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Chọn bài viết để xem</h1>" in page
    assert IMPORT not in page
