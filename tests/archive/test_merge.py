"""Merging duplicates: everything moves to the survivor, and later imports land on it."""

from __future__ import annotations

import pytest

from archive.models import (
    Directive,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    Position,
)
from archive.services import merge_organisations, merge_people
from tests.archive.parsed_factory import directive, organisation, parsed, person, post, store

pytestmark = pytest.mark.django_db


def two_spellings_of_one_officer():
    """Two articles that spell one officer differently enough to make two records."""
    store(
        parsed(
            "Thượng tá Vũ Đình Toàn, Trưởng phòng Cảnh sát hình sự, báo cáo.",
            person(
                "Vũ Đình Toàn",
                rank="Thượng tá",
                positions=(post("Trưởng phòng Cảnh sát hình sự", "Trưởng phòng"),),
                aliases=("Vũ Đ. Toàn",),
            ),
        ),
        origin="a.txt",
    )
    store(
        parsed(
            "Ông Vũ Đình Toản, Trưởng phòng Cảnh sát hình sự, phát biểu.",
            person(
                "Vũ Đình Toản", positions=(post("Trưởng phòng Cảnh sát hình sự", "Trưởng phòng"),)
            ),
        ),
        origin="b.txt",
    )
    return Person.objects.get(name="Vũ Đình Toàn"), Person.objects.get(name="Vũ Đình Toản")


def test_merging_people_moves_mentions_positions_and_aliases_and_deletes_the_duplicate():
    survivor, duplicate = two_spellings_of_one_officer()

    merge_people(survivor=survivor, merged=[duplicate])

    assert list(Person.objects.all()) == [survivor]
    assert PersonMention.objects.filter(person=survivor).count() == 2
    assert sorted(Position.objects.filter(person=survivor).values_list("article__origin")) == [
        ("a.txt",),
        ("b.txt",),
    ]
    assert set(PersonAlias.objects.filter(person=survivor).values_list("name", flat=True)) == {
        "Vũ Đ. Toàn",
        "Vũ Đình Toản",
    }


def test_a_later_import_of_a_merged_name_lands_on_the_survivor():
    survivor, duplicate = two_spellings_of_one_officer()
    merge_people(survivor=survivor, merged=[duplicate])

    outcome = store(parsed("Ông Vũ Đình Toản kiểm tra.", person("Vũ Đình Toản")), origin="c.txt")

    assert outcome.entities_created["people"] == 0
    assert PersonMention.objects.get(article=outcome.article).person == survivor


def test_the_survivor_keeps_its_values_and_only_fills_its_blanks():
    survivor, duplicate = two_spellings_of_one_officer()
    duplicate.rank = "Đại tá"
    duplicate.academic_titles = "TS."
    duplicate.notes = "Đã xác minh qua ảnh."
    duplicate.save()

    merge_people(survivor=survivor, merged=[duplicate])

    survivor.refresh_from_db()
    assert (survivor.rank, survivor.academic_titles) == ("Thượng tá", "TS.")
    assert survivor.notes == "Đã xác minh qua ảnh."


def test_a_mention_both_records_hold_is_kept_once():
    text = "Vũ Đình Toàn, Vũ Đình Toản."
    store(parsed(text, person("Vũ Đình Toàn")), origin="a.txt")
    survivor = Person.objects.get()
    duplicate = Person.objects.create(name="Vũ Đình Toản")
    # Two records claiming one span: what a wrong attribution leaves behind.
    mention = PersonMention.objects.get()
    PersonMention.objects.create(
        article=mention.article, person=duplicate, surface=mention.surface,
        start=mention.start, end=mention.end, sentence=mention.sentence,
    )  # fmt: skip

    merge_people(survivor=survivor, merged=[duplicate])

    assert list(PersonMention.objects.values_list("person", "start")) == [(survivor.pk, 0)]


def test_a_merge_that_fails_changes_nothing():
    survivor, duplicate = two_spellings_of_one_officer()
    gone = Person.objects.create(name="Người Đã Xóa")
    gone_pk = gone.pk
    gone.delete()
    gone.pk = gone_pk

    with pytest.raises(Person.DoesNotExist):
        merge_people(survivor=survivor, merged=[duplicate, gone])

    assert Person.objects.count() == 2
    assert PersonMention.objects.filter(person=duplicate).count() == 1


def test_merging_organisations_moves_issuers_children_positions_and_abbreviations():
    store(
        parsed(
            "Cục Cảnh sát môi trường (C05) ban hành Kế hoạch 12/KH-CSMT. Đội 3 thuộc Cục.",
            organisation("Cục Cảnh sát môi trường", abbreviations=("C05",)),
            directive(
                "12/KH-CSMT", kind="Kế hoạch", number="12", issuer_key="cục cảnh sát môi trường"
            ),
        ),
        origin="a.txt",
    )
    store(
        parsed(
            "Cục Cảnh sát Phòng chống tội phạm về môi trường họp.",
            organisation("Cục Cảnh sát Phòng chống tội phạm về môi trường"),
        ),
        origin="b.txt",
    )
    survivor = Organisation.objects.get(name="Cục Cảnh sát Phòng chống tội phạm về môi trường")
    duplicate = Organisation.objects.get(name="Cục Cảnh sát môi trường")
    team = Organisation.objects.create(name="Đội 3 Cục Cảnh sát môi trường", parent=duplicate)
    officer = Person.objects.create(name="Lê Thị Hồng Nhung")
    Position.objects.create(person=officer, title="Cục trưởng", organisation=duplicate)

    merge_organisations(survivor=survivor, merged=[duplicate])

    survivor.refresh_from_db()
    team.refresh_from_db()
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert Directive.objects.get().issuer == survivor
    assert team.parent == survivor
    assert Position.objects.get().organisation == survivor
    assert OrganisationMention.objects.filter(organisation=survivor).count() == 3
    assert survivor.abbreviation == "C05"
    assert set(OrganisationAlias.objects.values_list("name", "is_abbreviation")) == {
        ("C05", True),
        ("Cục Cảnh sát môi trường", False),
    }

    outcome = store(parsed("C05 kiểm tra.", organisation("C05")), origin="c.txt")
    assert OrganisationMention.objects.get(article=outcome.article).organisation == survivor


def test_merging_an_organisation_into_its_own_child_makes_no_cycle():
    grandparent = Organisation.objects.create(name="Bộ Công an giả định")
    parent = Organisation.objects.create(name="Tổng cục Hậu cần giả định", parent=grandparent)
    child = Organisation.objects.create(name="Cục Hậu cần giả định", parent=parent)

    merge_organisations(survivor=child, merged=[parent])

    child.refresh_from_db()
    assert child.parent == grandparent
