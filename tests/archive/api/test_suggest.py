"""Type-ahead for the filter forms: accent-insensitive word prefixes, aliases, a bounded answer."""

from __future__ import annotations

import datetime

import pytest

from archive.models import Directive, Organisation, OrganisationAlias, Person
from archive.services import merge_people

pytestmark = pytest.mark.django_db


def suggested(client, kind: str, typed: str) -> list[dict]:
    response = client.get(f"/api/suggest/{kind}/", {"q": typed})
    assert response.status_code == 200
    return response.json()["results"]


def labels(client, kind: str, typed: str) -> list[str]:
    return [item["label"] for item in suggested(client, kind, typed)]


def test_people_are_found_by_the_beginnings_of_their_words_without_accents(client):
    for name in ("Trần Quốc Bảo", "Trần Quang Vinh", "Lê Quốc Trung", "Đỗ Thị Trâm"):
        Person.objects.create(name=name)
    assert labels(client, "people", "tran quoc") == ["Trần Quốc Bảo"]
    assert labels(client, "people", "TRẦN Q") == ["Trần Quang Vinh", "Trần Quốc Bảo"]
    assert labels(client, "people", "do tr") == ["Đỗ Thị Trâm"]
    assert labels(client, "people", "xyz") == []
    assert labels(client, "people", "  ") == []


def test_a_merged_away_name_still_finds_the_survivor(client):
    survivor = Person.objects.create(name="Hoàng Văn Khải")
    old = Person.objects.create(name="Hoàng Văn Khảy")
    merge_people(survivor=survivor, merged=[old])
    found = suggested(client, "people", "hoang van khay")
    assert found == [
        {"value": str(survivor.pk), "label": "Hoàng Văn Khải", "also_known_as": "Hoàng Văn Khảy"}
    ]


def test_organisations_are_found_by_name_abbreviation_or_alias(client):
    police = Organisation.objects.create(name="Công an tỉnh Hải Lâm", abbreviation="CAHL")
    OrganisationAlias.objects.create(organisation=police, name="Ty Công an Hải Lâm")
    Organisation.objects.create(name="Sở Tư pháp tỉnh Hải Lâm")
    assert labels(client, "organisations", "cong an") == ["Công an tỉnh Hải Lâm (CAHL)"]
    assert labels(client, "organisations", "cahl") == ["Công an tỉnh Hải Lâm (CAHL)"]
    assert labels(client, "organisations", "ty cong") == ["Công an tỉnh Hải Lâm (CAHL)"]
    assert labels(client, "organisations", "hai lam") == [
        "Công an tỉnh Hải Lâm (CAHL)",
        "Sở Tư pháp tỉnh Hải Lâm",
    ]


def test_directives_are_suggested_with_the_value_the_filter_takes(client):
    Directive.objects.create(
        kind="Nghị quyết",
        kind_code="NQ",
        number="59",
        symbol="59-NQ/TW",
        issued_on=datetime.date(2025, 1, 24),
    )
    Directive.objects.create(kind="Chỉ thị", number="7", key="chi-thi-7")
    assert suggested(client, "directives", "59-nq") == [
        {"value": "59-NQ/TW", "label": "Nghị quyết 59-NQ/TW", "also_known_as": ""}
    ]
    [symbol_less] = suggested(client, "directives", "chi thi")
    assert symbol_less["label"] == "Chỉ thị số 7"
    assert symbol_less["value"].isdigit()


def test_the_answer_is_bounded_and_in_vietnamese_order(client):
    for n in range(30):
        Person.objects.create(name=f"Nguyễn Văn Thử {n:02d}")
    Person.objects.create(name="Nguyễn Ánh")
    found = labels(client, "people", "nguyen")
    assert len(found) == 10
    assert found[:2] == ["Nguyễn Ánh", "Nguyễn Văn Thử 00"]
    assert labels(client, "people", "n" * 5000) == []
    assert client.get("/api/suggest/articles/", {"q": "x"}).status_code == 404
