"""An editor's change wins: re-imports never write over it, and renames keep finding the record."""

from __future__ import annotations

import pytest

from archive.models import Article, Directive, Organisation, Person, PersonAlias, PersonMention
from archive.services import record_edit
from tests.archive.parsed_factory import date, directive, organisation, parsed, person, store

pytestmark = pytest.mark.django_db

TEXT = "Sáng 3/4/2025, Đại tá Hà Quang Vĩnh, Giám đốc Công an tỉnh Bình Khê, dự họp."
TEXT_V2 = TEXT + "\n\nHội nghị kết thúc lúc 11 giờ."


def first_import():
    return store(
        parsed(
            TEXT,
            person("Hà Quang Vĩnh", rank="Đại tá"),
            organisation("Công an tỉnh Bình Khê", abbreviations=("CABK",)),
            title="Hội nghị ở Bình Khê",
            published=date(2025, 4, 3),
        )
    ).article


def reimport(text: str = TEXT_V2, *entities, **fields):
    entities = entities or (person("Hà Quang Vĩnh", rank="Đại tá"),)
    return store(parsed(text, *entities, **fields))


def test_an_edited_title_survives_a_reimport_that_updates_the_rest():
    article = first_import()
    article.title = "Công an Bình Khê họp triển khai nhiệm vụ quý II"
    record_edit(instance=article, fields=["title"])

    outcome = reimport(title="Tiêu đề mới từ tệp")

    article.refresh_from_db()
    assert outcome.status == "updated"
    assert article.title == "Công an Bình Khê họp triển khai nhiệm vụ quý II"
    assert article.text == TEXT_V2
    assert "title" in article.edited_fields


def test_an_edited_date_keeps_all_of_its_parts():
    article = first_import()
    article.published_on = None
    article.published_day = None
    article.published_precision = "month"
    record_edit(instance=article, fields=["published_on", "published_day", "published_precision"])

    reimport(published=date(2025, 4, 3))

    article.refresh_from_db()
    assert (article.published_on, article.published_year, article.published_month) == (
        None,
        2025,
        4,
    )
    assert (article.published_day, article.published_precision) == (None, "month")


def test_a_rank_the_editor_cleared_is_not_filled_again():
    first_import()
    vinh = Person.objects.get()
    vinh.rank = ""
    record_edit(instance=vinh, fields=["rank"])

    reimport()

    assert Person.objects.get().rank == ""


def test_a_renamed_person_keeps_the_old_name_and_later_imports_find_the_record():
    first_import()
    vinh = Person.objects.get()
    vinh.name = "Hà Quang Vinh"  # the editor corrects a typo in the name
    record_edit(instance=vinh, fields=["name"])

    outcome = reimport()

    assert list(Person.objects.values_list("name", flat=True)) == ["Hà Quang Vinh"]
    assert list(PersonAlias.objects.values_list("name", flat=True)) == ["Hà Quang Vĩnh"]
    assert outcome.entities_created["people"] == 0
    assert PersonMention.objects.get(article=outcome.article).person == vinh


def test_renaming_back_to_a_former_name_leaves_no_redundant_alias():
    first_import()
    vinh = Person.objects.get()
    vinh.name = "Hà Quang Vinh"
    record_edit(instance=vinh, fields=["name"])
    vinh.name = "Hà Quang Vĩnh"
    record_edit(instance=vinh, fields=["name"])

    assert list(PersonAlias.objects.values_list("name", flat=True)) == ["Hà Quang Vinh"]


def test_an_edited_organisation_abbreviation_is_kept():
    first_import()
    police = Organisation.objects.get()
    police.abbreviation = "CA Bình Khê"
    record_edit(instance=police, fields=["abbreviation"])

    reimport(
        TEXT_V2,
        organisation("Công an tỉnh Bình Khê", abbreviations=("CABK",)),
    )

    assert Organisation.objects.get().abbreviation == "CA Bình Khê"


def test_an_edited_directive_summary_is_kept():
    plan = directive("88/KH-CAT", kind="Kế hoạch", number="88", summary="về phòng cháy")
    store(parsed("Kế hoạch 88/KH-CAT về phòng cháy.", plan), origin="a.txt")
    record = Directive.objects.get()
    record.summary = "về phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2025"
    record_edit(instance=record, fields=["summary"])

    changed = directive("88/KH-CAT", kind="Kế hoạch", number="88", summary="khác")
    store(parsed("Kế hoạch 88/KH-CAT khác.", changed), origin="a.txt")

    assert Directive.objects.get().summary == "về phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2025"


def test_a_field_the_machine_maintains_or_that_does_not_exist_is_refused():
    article = first_import()
    for field in ("sha256x", "search_document"):
        with pytest.raises(ValueError, match="not an editable field"):
            record_edit(instance=article, fields=[field])
    assert Article.objects.get().edited_fields == []
