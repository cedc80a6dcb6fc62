"""One write path: an editor's change gives the same record from the admin and from the API."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from archive.models import Article, DatePrecision
from archive.services import import_text
from tests.archive.pages.builders import person_form

pytestmark = pytest.mark.django_db

INFERRED = (
    "Hội thảo kỷ niệm của Học viện Lê Trạch\n\n"
    "Ngày 22/10, tại Hà Nội, Học viện Lê Trạch tổ chức hội thảo đúng dịp tròn 7 năm "
    "Ban Thường vụ ban hành Nghị quyết số 35-NQ/TW ngày 22/10/2018 về công tác tư tưởng.\n\n"
    "Hội thảo nhận được nhiều tham luận.\n"
)
UNDATED = (
    "Công an huyện Sông Mây khen thưởng người dân\n\n"
    "Chiều 9-6, tại Sông Mây, Công an huyện khen thưởng 5 người dân dũng cảm bắt cướp.\n\n"
    "Đại tá Lê Văn Khang trao giấy khen.\n"
)


def _article(text: str, origin: str) -> Article:
    return Article.objects.get(pk=import_text(data=text, origin=origin).article.pk)


def admin_form(article: Article, **changes) -> dict:
    data = {
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "published_precision": article.published_precision,
        "dateline_place": article.dateline_place,
        "author": article.author,
        "source_name": article.source_name,
        "source_url": article.source_url,
        "notes": article.notes,
    }
    if article.published_year_inferred:
        data["published_year_inferred"] = "on"
    for prefix in ("personmention_set", "organisationmention_set", "directivemention_set"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def _stored_date(article: Article) -> tuple:
    article.refresh_from_db()
    return (
        article.published_on,
        article.published_year,
        article.published_month,
        article.published_day,
        article.published_precision,
        article.published_year_inferred,
        sorted(article.edited_fields),
    )


def test_setting_the_date_in_the_admin_stores_the_year_as_the_api_does(client, superuser):
    by_admin = _article(UNDATED, "tests/admin.txt")
    by_api = _article(UNDATED.replace("Sông Mây", "Sông Lam"), "tests/api.txt")
    assert by_admin.published_year is None

    client.force_login(superuser)
    url = reverse("admin:archive_article_change", args=[by_admin.pk])
    response = client.post(url, admin_form(by_admin, published_on="2025-08-14"))
    assert response.status_code == 302, response.context["adminform"].form.errors

    api = APIClient()
    api.force_authenticate(superuser)
    response = api.patch(
        f"/api/articles/{by_api.pk}/", {"published_on": "2025-08-14"}, format="json"
    )
    assert response.status_code == 200, response.content

    stored = _stored_date(by_admin)
    assert stored[:6] == (
        datetime.date(2025, 8, 14),
        2025,
        8,
        14,
        DatePrecision.FULL,
        False,
    )
    assert stored == _stored_date(by_api)
    # The admin's year filter and its date drill-down now count the same articles.
    assert Article.objects.filter(published_year=2025).count() == (
        Article.objects.filter(published_on__year=2025).count()
    )


def test_an_inferred_year_is_shown_with_its_evidence_and_an_editor_can_confirm_it(
    client, superuser
):
    article = _article(INFERRED, "tests/inferred.txt")
    assert (article.published_year, article.published_year_inferred) == (2025, True)
    assert article.published_evidence

    page = client.get(f"/articles/{article.pk}/")
    assert f"năm suy ra từ {article.published_evidence}" in page.content.decode()
    api = APIClient()
    body = api.get(f"/api/articles/{article.pk}/").json()
    assert body["published"]["year_inferred"] is True
    assert body["published"]["year_evidence"] == article.published_evidence

    api.force_authenticate(superuser)
    response = api.patch(
        f"/api/articles/{article.pk}/", {"published_year_inferred": False}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["published"]["year_inferred"] is False
    article.refresh_from_db()
    assert "published_year" in article.edited_fields


def test_a_re_import_recomputes_the_inference_but_keeps_an_editors_date(client, superuser):
    article = _article(INFERRED, "tests/kept.txt")
    client.force_login(superuser)
    url = reverse("admin:archive_article_change", args=[article.pk])
    response = client.post(url, admin_form(article, published_on="2024-10-22"))
    assert response.status_code == 302, response.context["adminform"].form.errors

    import_text(data=INFERRED + "\nThêm một dòng.\n", origin="tests/kept.txt")
    article.refresh_from_db()
    assert (article.published_on, article.published_year) == (datetime.date(2024, 10, 22), 2024)
    assert not article.published_year_inferred

    other = _article(INFERRED.replace("Lê Trạch", "Lê Quát"), "tests/other.txt")
    assert (other.published_year, other.published_year_inferred) == (2025, True)


def test_a_name_clash_suggests_a_merge_on_both_paths(client, superuser):
    from archive.models import Person

    Person.objects.create(name="Hà Minh Đạo")
    other = Person.objects.create(name="Hà Minh Đức")
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")  # its messages in English
    api.force_authenticate(superuser)
    response = api.patch(f"/api/people/{other.pk}/", {"name": "Hà Minh Đạo"}, format="json")
    assert response.status_code == 400
    assert "merge" in str(response.json()["name"])

    client.force_login(superuser)
    url = reverse("admin:archive_person_change", args=[other.pk])
    response = client.post(url, person_form(other, name="Hà Minh Đạo"))
    assert response.status_code == 200
    assert "Hợp nhất" in str(response.context["adminform"].form.errors["name"])
