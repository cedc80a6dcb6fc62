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
    select = re.search(rf'<select id="id_{name}" name="{name}"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r"<option [^>]*>([^<]*)</option>", select.group(1))[1:]


def article_naming(*people: Person):
    sentence = ", ".join(person.name for person in people) + " dự họp."
    return build_article(
        blocks=[("paragraph", sentence)], mentions=[(person, person.name) for person in people]
    )


# Committed for real, as in production: a write bumps the version when its transaction commits.
@pytest.mark.django_db(transaction=True)
def test_a_new_import_joins_the_choices_at_once(client):
    first = Person.objects.create(name="Lò Văn Sáng")
    article_naming(first)
    assert options_of(client.get("/articles/"), "person") == ["Lò Văn Sáng"]
    import_text(
        data="Hội nghị tại Bản Mờ\n\nĐại tá Hà Quang Vĩnh, Giám đốc Sở Thử nghiệm, phát biểu.",
        origin="moi.txt",
    )
    assert "Hà Quang Vĩnh" in options_of(client.get("/articles/"), "person")


@pytest.mark.django_db(transaction=True)
def test_a_merge_removes_the_merged_name_from_the_choices_at_once(client):
    survivor = Person.objects.create(name="Lò Văn Sáng")
    duplicate = Person.objects.create(name="Lò Văn Xáng")
    article_naming(survivor, duplicate)
    assert options_of(client.get("/articles/"), "person") == ["Lò Văn Sáng", "Lò Văn Xáng"]
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


def form_values(response) -> list[tuple[str, str]]:
    """What submitting the page's filter form as drawn would send (selected options only)."""
    html = response.content.decode()
    start = html.index('<form class="filters"')
    form = html[start : html.index("</form>", start)]
    sent = []
    for name, options in re.findall(
        r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', form, re.S
    ):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        sent.append((name, chosen.group(1) if chosen else ""))
    return sent


def test_several_people_stay_chosen_when_the_form_is_sent_again(client):
    lan = Person.objects.create(name="Vi Thị Lan")
    tu = Person.objects.create(name="Mạc Văn Tư")
    both = article_naming(lan, tu)
    article_naming(lan)
    first = client.get(f"/articles/?person={lan.pk}&person={tu.pk}")
    assert [row.pk for row in first.context["page"].object_list] == [both.pk]
    people = [value for name, value in form_values(first) if name == "person"]
    assert people == [str(lan.pk), str(tu.pk), ""]  # the two chosen, and one more to add
    again = client.get("/articles/", form_values(first), follow=True)
    assert again.redirect_chain[0][0] == f"/articles/?person={lan.pk}&person={tu.pk}"
    assert [row.pk for row in again.context["page"].object_list] == [both.pk]


def test_several_ranks_and_all_generals_on_the_people_page(client):
    for n, rank in enumerate(["Đại tướng", "Thiếu tướng", "Đại tá", "Thượng tá"]):
        Person.objects.create(name=f"Người Thử Số {n}", rank=rank)
    generals = client.get("/people/", {"rank": "cấp tướng"})
    assert {row.rank for row in generals.context["page"].object_list} == {
        "Đại tướng",
        "Thiếu tướng",
    }
    assert ("rank", "cấp tướng") in form_values(generals)
    two = client.get("/people/?rank=Đại tá&rank=Thượng tá")
    assert {row.rank for row in two.context["page"].object_list} == {"Đại tá", "Thượng tá"}
    assert [value for name, value in form_values(two) if name == "rank"] == [
        "Đại tá",
        "Thượng tá",
        "",
    ]
    assert client.get("/people/", {"rank": "Đại ca"}).status_code == 400


def test_entity_selects_name_their_type_ahead_and_the_page_loads_its_script(client):
    html = client.get("/articles/").content.decode()
    assert 'name="person" data-suggest-url="/api/suggest/people/"' in html
    assert 'name="directive" data-suggest-url="/api/suggest/directives/"' in html
    assert '<script src="/static/archive/typeahead.js" defer></script>' in html
    assert "<script>" not in html and " onclick=" not in html  # nothing inline (CSP)


@pytest.mark.django_db(transaction=True)
def test_an_import_bumps_the_version_once_not_once_per_saved_row():
    from archive.models import ChoicesVersion

    def version() -> int:
        return ChoicesVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    before = version()
    sentence = "Đại tá Hà Quang Vĩnh và Trung tá Lò Văn Sáng dự họp. "
    outcome = import_text(data="Tin Bản Mờ\n\n" + sentence * 8, origin="mot-lan.txt")
    assert sum(outcome.entities_created.values()) == 2  # three records saved, at least
    assert version() == before + 1
