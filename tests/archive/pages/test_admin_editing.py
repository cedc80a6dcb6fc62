"""Editors' changes in the admin: recorded, kept on re-import, and merges that move everything."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.messages import get_messages
from django.db import DatabaseError, connection
from django.urls import reverse

from archive.models import (
    Article,
    Directive,
    Organisation,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    Position,
)
from tests.archive.pages.builders import person_form

pytestmark = pytest.mark.django_db


def test_correcting_a_name_is_logged_marked_and_keeps_the_old_name_as_alias(
    editor_client, archive_data
):
    bao = archive_data.bao
    url = reverse("admin:archive_person_change", args=[bao.pk])
    response = editor_client.post(url, person_form(bao, name="Trần Quốc Bảo Anh"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    bao.refresh_from_db()
    assert bao.name == "Trần Quốc Bảo Anh"
    assert "name" in bao.edited_fields
    assert list(bao.aliases.values_list("name", flat=True)) == ["Trần Quốc Bảo"]
    entry = LogEntry.objects.get(object_id=str(bao.pk), action_flag=CHANGE)
    assert entry.user == editor_client.user


def test_a_name_another_person_has_is_refused_on_the_form(editor_client, archive_data):
    url = reverse("admin:archive_person_change", args=[archive_data.bao.pk])
    response = editor_client.post(url, person_form(archive_data.bao, name="Lê Thị Hạnh"))
    assert response.status_code == 200
    assert "Hợp nhất" in str(response.context["adminform"].form.errors["name"])
    archive_data.bao.refresh_from_db()
    assert archive_data.bao.name == "Trần Quốc Bảo"


def test_an_alias_already_taken_is_refused_on_the_form(editor_client, archive_data):
    url = reverse("admin:archive_person_change", args=[archive_data.hanh.pk])
    PersonAlias.objects.create(person=archive_data.bao, name="Trần Q. Bảo")
    data = person_form(
        archive_data.hanh,
        **{"aliases-TOTAL_FORMS": "1", "aliases-0-name": "trần q. bảo"},
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    aliases = response.context["inline_admin_formsets"][0].formset
    assert aliases.errors == [{"name": ["Tên “trần q. bảo” đã là tên khác của một bản ghi."]}]
    assert not archive_data.hanh.aliases.exists()


def test_editing_a_directive_summary_marks_it(editor_client, archive_data):
    plan = archive_data.plan
    url = reverse("admin:archive_directive_change", args=[plan.pk])
    data = {
        "kind": plan.kind,
        "kind_code": plan.kind_code,
        "number": plan.number,
        "symbol": plan.symbol,
        "issued_on": "2024-03-05",
        "issuer": str(plan.issuer_id),
        "summary": "về phát triển văn hoá đọc trong cộng đồng",
        "notes": "",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.edited_fields == ["summary"]


def test_article_page_shows_raw_text_structure_and_mentions(editor_client, archive_data):
    url = reverse("admin:archive_article_change", args=[archive_data.first.pk])
    response = editor_client.get(url)
    html = response.content.decode()
    assert b'name="raw_text"' not in response.content
    assert "Đoạn mở đầu" in html and "Chú thích ảnh" in html
    assert "nhấn mạnh yêu cầu đưa sách về từng thôn" in html  # a mention's sentence
    # The stylesheet that keeps a mention row from repeating the mention above it.
    assert 'class="module archive-readonly"' in html and "archive/admin.css" in html
    assert reverse("admin:archive_person_change", args=[archive_data.bao.pk]) in html


def test_articles_cannot_be_added_by_hand(editor_client):
    assert editor_client.get(reverse("admin:archive_article_add")).status_code == 403


def merge_post(client, model: str, ids: list[int], **extra):
    data = {"action": "merge_selected", "_selected_action": [str(i) for i in ids]} | extra
    return client.post(reverse(f"admin:archive_{model}_changelist"), data)


def test_merge_asks_for_confirmation_before_changing_anything(editor_client, archive_data):
    ids = [archive_data.so.pk, archive_data.dang_uy.pk]
    response = merge_post(editor_client, "organisation", ids)
    assert response.status_code == 200
    assert "Hợp nhất" in response.content.decode()
    assert "admin/archive/merge_confirmation.html" in [t.name for t in response.templates]
    assert sorted(row["obj"].pk for row in response.context["rows"]) == sorted(ids)
    assert Organisation.objects.filter(pk__in=ids).count() == 2


def test_merge_confirmation_counts_the_units_that_will_move(editor_client, archive_data):
    Organisation.objects.create(name="Thư viện tỉnh Hải Lâm", parent=archive_data.dang_uy)
    response = merge_post(
        editor_client, "organisation", [archive_data.so.pk, archive_data.dang_uy.pk]
    )
    html = " ".join(response.content.decode().split())
    assert '<th scope="col">Đơn vị trực thuộc</th>' in html
    assert "văn bản ban hành và đơn vị trực thuộc của những bản ghi còn lại" in html
    rows = {row["obj"].pk: row["values"] for row in response.context["rows"]}
    # mentions, posts, aliases, directives issued, units
    assert rows[archive_data.dang_uy.pk] == [2, 1, 1, 1, 1]


def test_merging_organisations_moves_everything_to_the_survivor(editor_client, archive_data):
    so, dang_uy = archive_data.so, archive_data.dang_uy
    response = merge_post(
        editor_client, "organisation", [so.pk, dang_uy.pk], post="yes", survivor=str(so.pk)
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=dang_uy.pk).exists()
    assert OrganisationMention.objects.filter(organisation=so).count() == 5
    assert Position.objects.get(person=archive_data.hanh).organisation == so
    assert Directive.objects.get(pk=archive_data.plan.pk).issuer == so
    aliases = set(so.aliases.values_list("name", flat=True))
    assert {"Đảng uỷ Khối Doanh nghiệp Hải Lâm", "ĐUKDN"} <= aliases
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=str(dang_uy.pk)).exists()
    assert LogEntry.objects.filter(action_flag=CHANGE, object_id=str(so.pk)).exists()


def test_merging_people_makes_the_merged_name_an_alias(editor_client, archive_data):
    bao, hanh = archive_data.bao, archive_data.hanh
    response = merge_post(
        editor_client, "person", [bao.pk, hanh.pk], post="yes", survivor=str(bao.pk)
    )
    assert response.status_code == 302
    assert list(Person.objects.values_list("name", flat=True)) == ["Trần Quốc Bảo"]
    assert PersonMention.objects.filter(person=bao).count() == 3
    assert "Lê Thị Hạnh" in set(bao.aliases.values_list("name", flat=True))


def test_merge_needs_two_records(editor_client, archive_data):
    response = merge_post(editor_client, "person", [archive_data.bao.pk], post="yes")
    assert response.status_code == 302
    assert Person.objects.count() == 2
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert warnings == ["Chọn ít nhất hai nhân vật để hợp nhất."]


def test_reextract_action_runs_the_import_service(editor_client, archive_data):
    article = archive_data.first
    Article.objects.filter(pk=article.pk).update(title="")
    response = editor_client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "reextract_selected", "_selected_action": [str(article.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Hải Lâm mở rộng thư viện cộng đồng"
    assert "Đã trích xuất lại 1 bài viết" in response.content.decode()


def test_reextract_action_names_a_failing_article_and_goes_on_with_the_rest(
    editor_client, archive_data
):
    failing, other = archive_data.first, archive_data.second
    Article.objects.filter(pk__in=[failing.pk, other.pk]).update(title="")
    failing.refresh_from_db()

    def refuse_failing(execute, sql, params, many, context):
        # The database refuses to save the failing article, as a lost
        # connection or a violated constraint would.
        if sql.startswith('UPDATE "archive_article"') and params and params[-1] == failing.pk:
            raise DatabaseError("the disk is full")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_failing):
        response = editor_client.post(
            reverse("admin:archive_article_changelist"),
            {"action": "reextract_selected", "_selected_action": [failing.pk, other.pk]},
            follow=True,
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"“{failing}”: " in html and "the disk is full" in html
    assert "Đã trích xuất lại 2 bài viết (lỗi: 1, cập nhật: 1)." in html
    failing.refresh_from_db()
    other.refresh_from_db()
    assert failing.title == ""
    assert other.title != ""


def test_unlinking_a_directive_in_the_admin_sets_the_link_and_marks_it(editor_client, archive_data):
    action = archive_data.action
    assert action.implements.exists()
    url = reverse("admin:archive_directive_change", args=[action.pk])
    data = {
        "kind": action.kind,
        "kind_code": action.kind_code,
        "number": action.number,
        "symbol": action.symbol,
        "issued_on": action.issued_on.isoformat() if action.issued_on else "",
        "issuer": str(action.issuer_id or ""),
        "summary": action.summary,
        "notes": "",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert not action.implements.exists()
    assert action.edited_fields == ["implements"]
