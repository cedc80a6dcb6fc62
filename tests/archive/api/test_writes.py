"""Changing the archive through the API: who may, what is validated, and that edits stick."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from archive.models import Article, Directive, Organisation, OrganisationAlias, Person, PersonAlias
from tests.archive.api.conftest import user_with

pytestmark = pytest.mark.django_db


def test_anonymous_users_cannot_write(archive, anonymous):
    assert anonymous.post("/api/people/", {"name": "Ai Đó"}).status_code == 401
    response = anonymous.patch(f"/api/people/{archive.minister.pk}/", {"rank": "Đại tá"})
    assert response.status_code == 401
    assert anonymous.delete(f"/api/articles/{archive.a_both.pk}/").status_code == 401
    assert Person.objects.get(pk=archive.minister.pk).rank == "Đại tướng"


def test_a_login_without_the_model_permission_is_refused(archive, reader):
    assert reader.post("/api/people/", {"name": "Ai Đó"}).status_code == 403
    assert reader.delete(f"/api/directives/{archive.plan.pk}/").status_code == 403
    assert Directive.objects.filter(pk=archive.plan.pk).exists()


def test_each_permission_allows_only_its_own_verb(archive):
    client = APIClient()
    client.force_authenticate(user_with("change_person", username="changer"))
    url = f"/api/people/{archive.colonel.pk}/"
    assert client.patch(url, {"rank": "Thượng tá"}).status_code == 200
    assert client.delete(url).status_code == 403
    assert client.post("/api/people/", {"name": "Ai Đó"}).status_code == 403
    archive.colonel.refresh_from_db()
    assert archive.colonel.rank == "Thượng tá"
    assert not Person.objects.filter(name="Ai Đó").exists()


def test_create_a_person_answers_with_the_detail(archive, editor):
    response = editor.post(
        "/api/people/", {"name": "  Hồ   Văn Mới ", "rank": "Thiếu uý"}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Hồ Văn Mới"
    assert body["rank"] == "Thiếu úy"  # canonical spelling of the rank
    assert body["article_count"] == 0
    person = Person.objects.get(pk=body["id"])
    assert set(person.edited_fields) == {"name", "rank"}


def test_renaming_a_person_keeps_the_old_name_as_an_alias(archive, editor):
    url = f"/api/people/{archive.colonel.pk}/"
    response = editor.patch(url, {"name": "Lạc Thị Hoà Bình"}, format="json")
    assert response.status_code == 200, response.content
    assert "Lạc Thị Hòa" in response.json()["aliases"]
    assert response.json()["edited_fields"] == ["name"]
    assert PersonAlias.objects.filter(person=archive.colonel, name="Lạc Thị Hòa").exists()


def test_a_name_taken_by_another_person_is_a_400(archive, editor):
    # Same name in the other tone style, and an alias of the other person.
    for name in ("Trịnh Văn Khởi", "TRỊNH VĂN KHỞI", "Trịnh V. Khởi"):
        response = editor.patch(f"/api/people/{archive.colonel.pk}/", {"name": name})
        assert response.status_code == 400, name
        assert f"person {archive.minister.pk}" in response.json()["name"][0]


def test_person_validation_messages_name_the_field(archive, editor):
    response = editor.post("/api/people/", {"name": " ", "rank": "Đại ca"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"name", "rank"}
    assert "not a rank" in body["rank"][0]


def test_organisation_parent_may_not_make_a_cycle(archive, editor):
    url = f"/api/organisations/{archive.ministry.pk}/"
    response = editor.patch(url, {"parent": archive.department.pk}, format="json")
    assert response.status_code == 400
    assert "sub-units" in response.json()["parent"][0]
    response = editor.patch(url, {"parent": archive.ministry.pk}, format="json")
    assert response.status_code == 400


def test_rename_an_organisation_and_set_its_parent(archive, editor):
    url = f"/api/organisations/{archive.committee.pk}/"
    response = editor.patch(
        url, {"name": "Ban Thường vụ Thử nghiệm", "parent": archive.ministry.pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["parent"]["id"] == archive.ministry.pk
    assert OrganisationAlias.objects.filter(
        organisation=archive.committee, name="Ban Chấp hành Thử nghiệm"
    ).exists()
    organisation = Organisation.objects.get(pk=archive.committee.pk)
    assert set(organisation.edited_fields) == {"name", "parent"}


def test_a_directive_symbol_is_checked_by_the_importers_grammar(archive, editor):
    bad = editor.post(
        "/api/directives/", {"kind": "Nghị quyết", "symbol": "NQ 59 TW"}, format="json"
    )
    assert bad.status_code == 400
    assert "not a directive symbol" in bad.json()["symbol"][0]
    taken = editor.post(
        "/api/directives/", {"kind": "Nghị quyết", "symbol": "77-nq/tw"}, format="json"
    )
    assert taken.status_code == 400
    assert f"directive {archive.resolution.pk}" in taken.json()["symbol"][0]


def test_a_symbol_a_directive_was_recorded_under_stays_taken(archive, editor):
    # Renamed from 77-NQ/TW, it is still what an import citing 77-NQ/TW finds.
    url = f"/api/directives/{archive.resolution.pk}/"
    assert editor.patch(url, {"symbol": "78-NQ/TW"}, format="json").status_code == 200
    response = editor.post(
        "/api/directives/", {"kind": "Nghị quyết", "symbol": "77-NQ/TW"}, format="json"
    )
    assert response.status_code == 400
    message = response.json()["symbol"][0]
    assert f"directive {archive.resolution.pk} (78-NQ/TW)" in message
    # Taking it back is allowed.
    assert editor.patch(url, {"symbol": "77-NQ/TW"}, format="json").status_code == 200


def test_create_a_directive_with_a_canonical_symbol_and_links(archive, editor):
    response = editor.post(
        "/api/directives/",
        {
            "kind": "Kết luận",
            "symbol": "05 – kl/tw",
            "issued_on": "2025-02-03",
            "issuer": archive.committee.pk,
            "implements": [archive.resolution.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["symbol"] == "05-KL/TW"
    assert body["number"] == "05"
    assert body["kind_code"] == "KL"
    assert body["issued_year"] == 2025
    assert [d["id"] for d in body["implements"]] == [archive.resolution.pk]
    directive = Directive.objects.get(pk=body["id"])
    assert directive.key == "05-KL/TW"
    assert "implements" in directive.edited_fields


def test_a_directive_needs_a_symbol_to_be_created(archive, editor):
    response = editor.post("/api/directives/", {"kind": "Chỉ thị"}, format="json")
    assert response.status_code == 400
    assert "symbol" in response.json()


def test_editing_an_article_marks_the_fields_and_the_date_parts(archive, editor):
    url = f"/api/articles/{archive.a_colonel_undated.pk}/"
    response = editor.patch(
        url, {"title": "Tập huấn nghiệp vụ năm 2025", "published_on": "2025-03-04"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["published"] == {
        "year": 2025,
        "month": 3,
        "day": 4,
        "precision": "full",
        "year_inferred": False,
        "year_evidence": "",
    }
    assert "title" in body["edited_fields"]
    assert "published_on" in body["edited_fields"]
    assert "published_year" in body["edited_fields"]


def test_only_the_fields_an_editor_changes_are_marked(archive, editor):
    # A PUT (the browsable API's form) sends every field back.
    url = f"/api/articles/{archive.a_both.pk}/"
    current = editor.get(url).json()
    fields = ["title", "author", "source_name", "source_url", "published_on", "body", "captions"]
    sent = {name: current[name] for name in fields}
    sent.update(dateline_place=current["dateline"], notes="", author="Minh Khuê (TTXVN)")
    response = editor.put(url, sent, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["edited_fields"] == ["author"]
    person = f"/api/people/{archive.minister.pk}/"
    unchanged = editor.patch(person, {"rank": "Đại tướng", "foreign": False}, format="json")
    assert unchanged.json()["edited_fields"] == []


def test_line_breaks_from_an_html_form_are_stored_as_newlines(archive, editor):
    url = f"/api/articles/{archive.a_both.pk}/"
    # A browser submits a textarea with CRLF line breaks.
    notes = editor.patch(url, {"notes": "Dòng một\r\nDòng hai"}, format="multipart")
    assert notes.status_code == 200, notes.content
    assert notes.json()["notes"] == "Dòng một\nDòng hai"
    # The body sent back from the form as it was (with CRLF) is not an edit.
    body = editor.get(url).json()["body"]
    same = editor.patch(url, {"body": body.replace("\n", "\r\n")}, format="multipart")
    assert same.status_code == 200, same.content
    assert "body" not in same.json()["edited_fields"]


def test_an_articles_body_is_not_edited_but_corrected_by_a_new_import(archive, editor):
    url = f"/api/articles/{archive.a_both.pk}/"
    before = editor.get(url).json()

    response = editor.patch(url, {"body": "Một nội dung khác hẳn."}, format="json")

    assert response.status_code == 400
    assert "import it again" in response.json()["body"][0]
    after = editor.get(url).json()
    assert (after["body"], after["text"], after["edited_fields"]) == (
        before["body"],
        before["text"],
        before["edited_fields"],
    )


def test_article_validation_errors_name_the_field(archive, editor):
    url = f"/api/articles/{archive.a_both.pk}/"
    response = editor.patch(
        url, {"source_url": "not a url", "published_on": "yesterday"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"source_url", "published_on"}


def test_articles_are_not_created_by_post_but_imported(archive, editor):
    before = Article.objects.count()
    assert editor.post("/api/articles/", {"title": "x"}, format="json").status_code == 405
    assert Article.objects.count() == before


def test_delete_removes_the_record(archive, editor):
    assert editor.delete(f"/api/people/{archive.colonel.pk}/").status_code == 204
    assert not Person.objects.filter(pk=archive.colonel.pk).exists()
    assert editor.get(f"/api/people/{archive.colonel.pk}/").status_code == 404


def test_a_field_blanked_in_a_form_is_refused_not_silently_kept(archive, editor):
    url = f"/api/directives/{archive.plan.pk}/"
    response = editor.patch(url, {"kind": ""}, format="multipart")
    assert response.status_code == 400
    assert "kind" in response.json()
    assert editor.get(url).json()["kind"] == "Kế hoạch"


@pytest.mark.parametrize("field", ["notes", "name", "abbreviation"])
def test_a_number_sent_for_a_text_field_is_refused_not_stored_as_digits(archive, editor, field):
    payload = {"name": "Cục Thử Nghiệm", field: 120839}
    response = editor.post("/api/organisations/", payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Organisation.objects.filter(notes="120839").exists()
    assert not Organisation.objects.filter(name="120839").exists()
