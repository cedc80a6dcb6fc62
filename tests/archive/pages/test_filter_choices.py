"""The filter forms' choices: fresh after any write, in Vietnamese alphabetical order."""

from __future__ import annotations

import re

import pytest

from archive.models import Person
from archive.services import import_text, merge_people
from tests.archive.pages.builders import build_article

pytestmark = pytest.mark.django_db


def options_of(response, name: str) -> list[str]:
    html = response.content.decode()
    select = re.search(rf'<select id="id_{name}" name="{name}">(.*?)</select>', html, re.S)
    return re.findall(r"<option [^>]*>([^<]*)</option>", select.group(1))[1:]


def article_naming(*people: Person):
    sentence = ", ".join(person.name for person in people) + " dự họp."
    return build_article(
        blocks=[("paragraph", sentence)], mentions=[(person, person.name) for person in people]
    )


def test_a_new_import_joins_the_choices_at_once(client, django_capture_on_commit_callbacks):
    first = Person.objects.create(name="Lò Văn Sáng")
    article_naming(first)
    assert options_of(client.get("/articles/"), "person") == ["Lò Văn Sáng"]
    with django_capture_on_commit_callbacks(execute=True):
        import_text(
            data="Hội nghị tại Bản Mờ\n\nĐại tá Hà Quang Vĩnh, Giám đốc Sở Thử nghiệm, phát biểu.",
            origin="moi.txt",
        )
    assert "Hà Quang Vĩnh" in options_of(client.get("/articles/"), "person")


def test_a_merge_removes_the_merged_name_from_the_choices_at_once(
    client, django_capture_on_commit_callbacks
):
    survivor = Person.objects.create(name="Lò Văn Sáng")
    duplicate = Person.objects.create(name="Lò Văn Xáng")
    article_naming(survivor, duplicate)
    assert options_of(client.get("/articles/"), "person") == ["Lò Văn Sáng", "Lò Văn Xáng"]
    with django_capture_on_commit_callbacks(execute=True):
        merge_people(survivor=survivor, merged=[duplicate])
    assert options_of(client.get("/articles/"), "person") == ["Lò Văn Sáng"]


def test_choices_come_in_vietnamese_alphabetical_order(client):
    names = ["Ưng Văn Hải", "Âu Thị Mơ", "Uông Văn Bình", "Đoàn Thị Yến", "Dương Văn An", "Ân Hoa"]
    article_naming(*(Person.objects.create(name=name) for name in names))
    expected = [
        "Ân Hoa",
        "Âu Thị Mơ",
        "Dương Văn An",
        "Đoàn Thị Yến",
        "Uông Văn Bình",
        "Ưng Văn Hải",
    ]
    assert options_of(client.get("/articles/"), "person") == expected
    listed = client.get("/people/").content.decode()
    positions = [listed.index(name) for name in expected]
    assert positions == sorted(positions)  # the list of people, in the same order
