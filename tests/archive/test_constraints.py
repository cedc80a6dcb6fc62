"""The database itself refuses duplicates and impossible values, on SQLite and PostgreSQL."""

import pytest
from django.db import IntegrityError, transaction

from archive.models import (
    Article,
    Directive,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    PersonMention,
)

pytestmark = pytest.mark.django_db


def make_article(**fields) -> Article:
    values = {"raw_text": "Nội dung.", "origin": "a.txt", "sha256": "0" * 64} | fields
    return Article.objects.create(**values)


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_two_articles_from_one_file_are_refused():
    make_article()
    assert refused(lambda: make_article(sha256="1" * 64))


def test_two_articles_with_the_same_bytes_are_refused():
    make_article()
    assert refused(lambda: make_article(origin="b.txt"))


def test_person_names_differing_only_in_tone_style_are_one_key():
    Person.objects.create(name="Nguyễn Văn Thuỷ")
    assert refused(lambda: Person.objects.create(name="nguyễn văn thủy"))


def test_an_alias_key_belongs_to_one_person_only():
    first = Person.objects.create(name="Trần Minh Khoa")
    second = Person.objects.create(name="Trần Minh Khôi")
    PersonAlias.objects.create(person=first, name="Trần M. Khoa")
    assert refused(lambda: PersonAlias.objects.create(person=second, name="Trần M. Khoa"))


def test_organisation_names_differing_in_tone_style_are_one_key():
    Organisation.objects.create(name="Đảng ủy Khối Cơ quan")
    assert refused(lambda: Organisation.objects.create(name="Đảng uỷ Khối Cơ quan"))
    cand = Organisation.objects.create(name="Công an nhân dân")
    OrganisationAlias.objects.create(organisation=cand, name="CAND", is_abbreviation=True)
    assert refused(lambda: OrganisationAlias.objects.create(organisation=cand, name="cand"))


def test_directive_symbol_is_unique_but_may_be_unknown_for_many():
    Directive.objects.create(kind="Nghị định", number="30", symbol="30/2020/NĐ-CP")
    assert refused(
        lambda: Directive.objects.create(kind="Nghị định", symbol="30/2020/NĐ-CP", key="other")
    )
    Directive.objects.create(kind="Nghị quyết", number="12", key="NQ:12:2023")
    Directive.objects.create(kind="Nghị quyết", number="13", key="NQ:13:2023")
    assert Directive.objects.filter(symbol__isnull=True).count() == 2


def test_an_organisation_cannot_be_its_own_parent():
    unit = Organisation.objects.create(name="Cục An ninh mạng")
    unit.parent_id = unit.id
    assert refused(unit.save)


def test_an_unknown_rank_is_refused_by_the_database():
    assert refused(lambda: Person.objects.create(name="Phạm Đức An", rank="Nguyên soái"))


def test_impossible_publication_month_is_refused():
    assert refused(lambda: make_article(published_month=13))


def test_a_mention_must_span_at_least_one_character_and_occur_once():
    article = make_article()
    person = Person.objects.create(name="Vũ Thị Lan")
    fields = {"article": article, "person": person, "surface": "Vũ Thị Lan", "sentence": "."}
    assert refused(lambda: PersonMention.objects.create(start=5, end=5, **fields))
    PersonMention.objects.create(start=5, end=15, **fields)
    assert refused(lambda: PersonMention.objects.create(start=5, end=15, **fields))


def test_deleting_an_article_removes_its_mentions_but_keeps_the_person():
    article = make_article()
    person = Person.objects.create(name="Vũ Thị Lan")
    PersonMention.objects.create(
        article=article, person=person, surface="Lan", start=0, end=3, sentence="Lan."
    )
    article.delete()
    assert Person.objects.filter(pk=person.pk).exists()
    assert not PersonMention.objects.exists()
