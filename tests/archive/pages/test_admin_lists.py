"""The admin lists show what an editor scans for, find names without accents, and stay cheap."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from archive.models import Directive, Organisation, Person, PersonMention, Position
from archive.services.editing import save_position
from tests.archive.pages.builders import build_article, person_form
from tests.archive.queries import get_with_queries

pytestmark = pytest.mark.django_db


def changelist(model: str) -> str:
    return reverse(f"admin:archive_{model}_changelist")


def test_article_list_shows_title_date_source_and_entity_counts(editor_client, archive_data):
    response = editor_client.get(changelist("article"))
    assert response.status_code == 200
    rows = {row.title: row for row in response.context["cl"].result_list}
    first = rows["Hải Lâm mở rộng thư viện cộng đồng"]
    assert (first.people_count, first.organisation_count, first.directive_count) == (1, 1, 1)
    html = response.content.decode()
    assert "Báo Hải Lâm" in html
    assert "Hải Lâm mở rộng thư viện cộng đồng" in html


def test_person_list_shows_rank_latest_post_and_article_count(editor_client, archive_data):
    later = build_article(
        blocks=[("lead", "Ngày 3/3/2025, ông Trần Quốc Bảo nhận nhiệm vụ mới.")],
        mentions=[(archive_data.bao, "Trần Quốc Bảo")],
        published_on=datetime.date(2025, 3, 3),
    )
    save_position(
        position=Position(
            person=archive_data.bao,
            title="Phó Chủ tịch tỉnh Hải Lâm",
            role="Phó Chủ tịch",
            article=later,
        )
    )
    response = editor_client.get(changelist("person"))
    bao = next(p for p in response.context["cl"].result_list if p.pk == archive_data.bao.pk)
    assert bao.latest_post == "Phó Chủ tịch tỉnh Hải Lâm"
    assert bao.article_count == 2
    assert "Đại tá" in response.content.decode()


def test_search_without_accents_finds_a_name_written_with_them(editor_client, archive_data):
    response = editor_client.get(changelist("organisation"), {"q": "dang uy"})
    names = [o.name for o in response.context["cl"].result_list]
    assert names == ["Đảng uỷ Khối Doanh nghiệp Hải Lâm"]


def test_search_finds_an_organisation_by_an_alias(editor_client, archive_data):
    response = editor_client.get(changelist("organisation"), {"q": "ĐUKDN"})
    assert [o.pk for o in response.context["cl"].result_list] == [archive_data.dang_uy.pk]


def test_article_search_ignores_accents_and_case(editor_client, archive_data):
    response = editor_client.get(changelist("article"), {"q": "THU VIEN"})
    assert [a.pk for a in response.context["cl"].result_list] == [archive_data.first.pk]


def test_autocomplete_matches_the_start_of_a_word_being_typed(editor_client, archive_data):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "tran quoc b",
            "app_label": "archive",
            "model_name": "position",
            "field_name": "person",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Trần Quốc Bảo"]


def test_every_foreign_key_in_the_forms_is_an_autocomplete_widget(editor_client, archive_data):
    position = Position.objects.first()
    pages = [
        reverse("admin:archive_position_change", args=[position.pk]),
        reverse("admin:archive_organisation_change", args=[archive_data.so.pk]),
        reverse("admin:archive_directive_change", args=[archive_data.action.pk]),
        reverse("admin:archive_person_change", args=[archive_data.bao.pk]),
        reverse("admin:archive_personalias_add"),
        reverse("admin:archive_organisationalias_add"),
    ]
    checked = set()
    for url in pages:
        context = editor_client.get(url).context
        # The form itself and the forms of its inlines (a person's hand-added posts).
        forms = [context["adminform"].form]
        forms += [inline.formset.empty_form for inline in context["inline_admin_formsets"]]
        for form in forms:
            for name, field in form.fields.items():
                if hasattr(field, "queryset") and not field.widget.is_hidden:
                    html = field.widget.render(name, None)
                    assert "admin-autocomplete" in html, (url, name)
                    checked.add((form._meta.model.__name__, name))
    assert {
        ("Position", "person"),
        ("Position", "organisation"),
        ("Position", "article"),
        ("Organisation", "parent"),
        ("Directive", "issuer"),
        ("Directive", "implements"),
        ("PersonAlias", "person"),
        ("OrganisationAlias", "organisation"),
    } <= checked


@pytest.mark.parametrize(
    ("model", "grow"),
    [
        ("article", "articles"),
        ("person", "people"),
        ("organisation", "organisations"),
        ("directive", "directives"),
        ("position", "positions"),
        ("personmention", "mentions"),
    ],
)
def test_list_query_count_does_not_grow_with_rows(editor_client, archive_data, model, grow):
    def add_rows(n: int) -> None:
        for i in range(n):
            person = Person.objects.create(name=f"Nhân Vật Số {grow} {i} {Person.objects.count()}")
            org = Organisation.objects.create(name=f"Ban Thử Nghiệm {grow} {i} {person.pk}")
            directive = Directive.objects.create(
                kind="Kế hoạch", number=str(person.pk), symbol=f"{person.pk}-KH/TN", issuer=org
            )
            article = build_article(
                blocks=[("lead", f"{person.name} tại {org.name} theo {directive.symbol}.")],
                mentions=[(person, person.name), (org, org.name), (directive, directive.symbol)],
            )
            Position.objects.create(
                person=person, title="Trưởng ban", organisation=org, article=article
            )

    def queries() -> int:
        return len(get_with_queries(editor_client, changelist(model))[1])

    add_rows(3)
    few = queries()
    add_rows(12)
    assert queries() == few


def test_mentions_are_listed_read_only(editor_client, archive_data):
    mention = PersonMention.objects.first()
    response = editor_client.get(reverse("admin:archive_personmention_change", args=[mention.pk]))
    assert response.status_code == 200
    assert "<h1>Xem lần nhắc đến nhân vật</h1>" in response.content.decode()
    assert b'name="surface"' not in response.content
    assert editor_client.get(reverse("admin:archive_personmention_add")).status_code == 403


def test_a_person_added_by_hand_is_marked_as_an_editors(editor_client, db):
    response = editor_client.post(
        reverse("admin:archive_person_add"),
        person_form(Person(), name="Vũ Thị Lan", rank="Thiếu tá"),
    )
    assert response.status_code == 302
    person = Person.objects.get(name="Vũ Thị Lan")
    assert set(person.edited_fields) >= {"name", "rank"}


def test_names_sort_as_a_reader_expects_not_by_code_point(editor_client, db):
    for name in ["Vũ Thị Mai", "Bùi Văn Tâm", "Đặng Hữu Phúc", "Bạch Ngọc Lan", "Dương Minh Khang"]:
        Person.objects.create(name=name)
    # Vietnamese order: d before đ, tone marks only after the letters.
    expected = ["Bạch Ngọc Lan", "Bùi Văn Tâm", "Dương Minh Khang", "Đặng Hữu Phúc", "Vũ Thị Mai"]
    url = changelist("person")
    assert [p.name for p in editor_client.get(url).context["cl"].result_list] == expected
    # Sorting by the name column (descending) keeps the same collation.
    response = editor_client.get(url, {"o": "-1"})
    assert [p.name for p in response.context["cl"].result_list] == expected[::-1]
    Organisation.objects.create(name="Viện Sử học")
    Organisation.objects.create(name="Ủy ban Dân tộc")
    response = editor_client.get(changelist("organisation"))
    assert [o.name for o in response.context["cl"].result_list] == ["Ủy ban Dân tộc", "Viện Sử học"]
