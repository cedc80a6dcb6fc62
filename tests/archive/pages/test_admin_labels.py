"""The admin reads in Vietnamese, and its list columns stay in sight on a desktop screen."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from archive.models import Article, Organisation, OrganisationAlias, Person, PersonAlias, Position

pytestmark = pytest.mark.django_db

ARCHIVE_ADMINS = [model for model in admin.site._registry if model._meta.app_label == "archive"]


def english_names(model) -> set[str]:
    """What Django shows for a field that has no Vietnamese name: its code name."""
    return {field.name.replace("_", " ") for field in model._meta.get_fields()}


def form_labels(adminform) -> list[str]:
    labels = []
    for fieldset in adminform:
        for line in fieldset:
            for field in line:
                labels.append(field.field["label"] if field.is_readonly else field.field.label)
    return [str(label) for label in labels]


def one_row_of(model) -> int:
    return model.objects.order_by("pk").values_list("pk", flat=True).first()


@pytest.mark.parametrize("model", ARCHIVE_ADMINS, ids=lambda m: m._meta.model_name)
def test_list_columns_and_form_labels_are_vietnamese(editor_client, archive_data, model):
    PersonAlias.objects.create(person=archive_data.bao, name="Trần Q. Bảo")
    assert OrganisationAlias.objects.exists()
    opts = model._meta
    response = editor_client.get(reverse(f"admin:archive_{opts.model_name}_changelist"))
    assert response.status_code == 200
    headers = [str(h["text"]) for h in result_headers(response.context["cl"]) if h["text"]]
    assert headers
    page = reverse(f"admin:archive_{opts.model_name}_change", args=[one_row_of(model)])
    labels = form_labels(editor_client.get(page).context["adminform"])
    english = english_names(model)
    assert [text for text in headers + labels if text.lower() in english] == []


@pytest.mark.parametrize("model", ARCHIVE_ADMINS, ids=lambda m: m._meta.model_name)
def test_lists_keep_no_column_on_one_line_and_offer_no_untranslated_counts(
    editor_client, archive_data, model
):
    # Django keeps date and foreign-key columns on one line: a long name
    # there pushes the counts out of sight next to the two sidebars.
    response = editor_client.get(reverse(f"admin:archive_{model._meta.model_name}_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>Chọn {model._meta.verbose_name} để " in html  # to change, or to view
    assert 'class="nowrap"' not in html
    assert "_facets" not in html  # Django's "Show counts" has no Vietnamese


def test_article_list_says_how_much_of_the_date_is_known(editor_client, archive_data):
    html = editor_client.get(reverse("admin:archive_article_changelist")).content.decode()
    assert "14/05/2024" in html
    assert "không rõ ngày" in html  # the third article has no date


def test_edited_fields_are_named_in_vietnamese(editor_client, archive_data):
    bao = archive_data.bao
    bao.mark_edited("name", "rank")
    bao.save()
    html = editor_client.get(reverse("admin:archive_person_change", args=[bao.pk])).content.decode()
    assert "họ tên, cấp bậc" in html


def test_aliases_are_found_by_their_owner_without_accents(editor_client, archive_data):
    response = editor_client.get(
        reverse("admin:archive_organisationalias_changelist"), {"q": "dang uy khoi"}
    )
    assert [a.name for a in response.context["cl"].result_list] == ["ĐUKDN"]


def test_posts_can_be_filtered_by_where_they_come_from(editor_client, archive_data):
    by_hand = Position.objects.create(person=archive_data.hanh, title="Cộng tác viên thư viện")
    url = reverse("admin:archive_position_changelist")
    response = editor_client.get(url, {"source": "editor"})
    assert [p.pk for p in response.context["cl"].result_list] == [by_hand.pk]
    response = editor_client.get(url, {"source": "article"})
    from_articles = list(response.context["cl"].result_list)
    assert by_hand.pk not in [p.pk for p in from_articles]
    assert from_articles and all(p.article_id is not None for p in from_articles)
    assert "Do biên tập viên thêm" in response.content.decode()


def test_the_editors_group_may_merge_and_reextract(client, django_user_model, archive_data):
    call_command("loaddata", "editors", verbosity=0)
    editor = django_user_model.objects.create_user("bt2", password="mat-khau-dai", is_staff=True)
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    for model, action in [
        (Person, "merge_selected"),
        (Organisation, "merge_selected"),
        (Article, "reextract_selected"),
    ]:
        html = client.get(reverse(f"admin:archive_{model._meta.model_name}_changelist")).content
        assert f'value="{action}"'.encode() in html, model
