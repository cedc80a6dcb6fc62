"""Filtering the lists: search, entity filters (all of them), fields, dates, ordering, errors."""

from __future__ import annotations

import datetime

import pytest

from archive.models import Article, Directive, Organisation, Person
from tests.archive.api.conftest import make_article

pytestmark = pytest.mark.django_db


def ids(client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# --- Search -----------------------------------------------------------------


def test_search_ignores_accents_and_case(archive, anonymous):
    found = sorted([archive.a_both.pk, archive.a_untitled.pk])
    assert sorted(ids(anonymous, "/api/articles/?q=cong an")) == found
    assert sorted(ids(anonymous, "/api/articles/?q=CÔNG AN")) == found


def test_search_finds_both_tone_styles(archive, anonymous):
    # "Đảng ủy" (old style) in one title, "Đảng uỷ" (new style) in the other.
    assert ids(anonymous, "/api/articles/?q=dang uy") == [archive.a_minister.pk, archive.a_both.pk]
    assert ids(anonymous, "/api/articles/?q=Đảng uỷ") == [archive.a_minister.pk, archive.a_both.pk]


def test_search_needs_every_word(archive, anonymous):
    assert ids(anonymous, "/api/articles/?q=tap huan nghiep vu") == [archive.a_colonel_undated.pk]
    assert ids(anonymous, "/api/articles/?q=tap huan khong co") == []


def test_search_in_people_organisations_and_directives(archive, anonymous):
    assert ids(anonymous, "/api/people/?q=lac thi hoa") == [archive.colonel.pk]
    assert ids(anonymous, "/api/organisations/?q=phong chong tin gia") == [archive.department.pk]
    assert ids(anonymous, "/api/organisations/?q=bnc") == [archive.ministry.pk]
    assert ids(anonymous, "/api/directives/?q=nghi quyet") == [archive.resolution.pk]


# --- Entity filters ------------------------------------------------------------


def test_several_people_mean_articles_mentioning_all_of_them(archive, anonymous):
    minister, colonel = archive.minister.pk, archive.colonel.pk
    assert ids(anonymous, f"/api/articles/?person={minister}") == [
        archive.a_minister.pk,
        archive.a_both.pk,
    ]
    both = [archive.a_both.pk]
    assert ids(anonymous, f"/api/articles/?person={minister}&person={colonel}") == both
    assert ids(anonymous, f"/api/articles/?person={minister},{colonel}") == both


def test_entity_filters_combine(archive, anonymous):
    url = (
        f"/api/articles/?person={archive.colonel.pk}&organisation={archive.department.pk}"
        f"&q=tap huan"
    )
    assert ids(anonymous, url) == [archive.a_colonel_undated.pk]
    url = f"/api/articles/?organisation={archive.ministry.pk}&directive={archive.plan.pk}"
    assert ids(anonymous, url) == [archive.a_minister.pk]


def test_directive_filter_takes_an_id_or_a_symbol_in_any_spelling(archive, anonymous):
    expected = [archive.a_both.pk]
    assert ids(anonymous, f"/api/articles/?directive={archive.resolution.pk}") == expected
    for spelling in ("77-NQ/TW", "77-nq/tw", "77 NQ/TW", "77 – NQ/TW"):
        assert ids(anonymous, f"/api/articles/?directive={spelling}") == expected, spelling
    both = f"/api/articles/?directive=77-NQ/TW&directive={archive.plan.pk}"
    assert ids(anonymous, both) == []


def test_article_field_filters(archive, anonymous):
    assert ids(anonymous, "/api/articles/?author=minh khuê") == [
        archive.a_both.pk,
        archive.a_colonel_undated.pk,
    ]
    assert ids(anonymous, "/api/articles/?source_name=Tạp chí Mẫu") == [
        archive.a_colonel_undated.pk
    ]
    assert ids(anonymous, "/api/articles/?has_title=false") == [archive.a_untitled.pk]
    assert archive.a_untitled.pk not in ids(anonymous, "/api/articles/?has_title=true")


def test_publication_date_range_excludes_undated_articles(archive, anonymous):
    url = "/api/articles/?published_after=2025-04-03&published_before=2025-05-31"
    assert ids(anonymous, url) == [archive.a_both.pk, archive.a_untitled.pk]
    assert ids(anonymous, "/api/articles/?published_after=2025-06-01") == [archive.a_minister.pk]


def test_people_filters(archive, anonymous):
    assert ids(anonymous, "/api/people/?rank=Đại tá") == [archive.colonel.pk]
    assert ids(anonymous, f"/api/people/?organisation={archive.ministry.pk}") == [
        archive.minister.pk
    ]
    both = [archive.colonel.pk, archive.minister.pk]
    assert ids(anonymous, f"/api/people/?article={archive.a_both.pk}") == both


def test_organisation_filters(archive, anonymous):
    assert ids(anonymous, "/api/organisations/?kind=department") == [archive.department.pk]
    assert ids(anonymous, f"/api/organisations/?parent={archive.ministry.pk}") == [
        archive.department.pk
    ]
    assert ids(anonymous, f"/api/organisations/?article={archive.a_minister.pk}") == [
        archive.ministry.pk,
        archive.department.pk,
    ]


def test_directive_filters(archive, anonymous):
    resolution, plan = archive.resolution.pk, archive.plan.pk
    assert ids(anonymous, "/api/directives/?kind=nghị quyết") == [resolution]
    assert ids(anonymous, "/api/directives/?kind=KH") == [plan]
    assert ids(anonymous, f"/api/directives/?issuer={archive.ministry.pk}") == [plan]
    assert ids(anonymous, "/api/directives/?issued_after=2024-01-01") == [resolution]
    assert ids(anonymous, "/api/directives/?issued_before=2023-12-31") == []
    assert ids(anonymous, "/api/directives/?year=2024") == [resolution]
    assert ids(anonymous, "/api/directives/?symbol=12/kh-bnc") == [plan]
    assert ids(anonymous, f"/api/directives/?article={archive.a_both.pk}") == [resolution]


# --- Ordering ------------------------------------------------------------------


def test_default_order_is_newest_first_with_undated_articles_last(archive, anonymous):
    assert ids(anonymous, "/api/articles/") == [
        archive.a_minister.pk,
        archive.a_both.pk,
        archive.a_untitled.pk,
        archive.a_colonel_undated.pk,
    ]
    assert ids(anonymous, "/api/articles/?ordering=published_on") == [
        archive.a_untitled.pk,
        archive.a_both.pk,
        archive.a_minister.pk,
        archive.a_colonel_undated.pk,
    ]


def test_ordering_by_whitelisted_fields(archive, anonymous):
    by_title = ids(anonymous, "/api/articles/?ordering=title")
    assert by_title[0] == archive.a_untitled.pk  # the empty title sorts first
    assert ids(anonymous, "/api/people/?ordering=-name") == [
        archive.minister.pk,
        archive.colonel.pk,
    ]
    assert ids(anonymous, "/api/directives/?ordering=symbol") == [
        archive.plan.pk,
        archive.resolution.pk,
    ]


# --- Refusals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter", "words"),
    [
        ("/api/articles/?published_after=abc", "published_after", "YYYY-MM-DD"),
        ("/api/articles/?published_before=2025-13-01", "published_before", "YYYY-MM-DD"),
        ("/api/articles/?person=999999", "person", "no person with id 999999"),
        ("/api/articles/?person=abc", "person", "not an id"),
        ("/api/articles/?organisation=999999", "organisation", "no organisation with id"),
        ("/api/articles/?directive=999999", "directive", "no directive with id 999999"),
        ("/api/articles/?directive=99-NQ/TW", "directive", "no directive with symbol 99-NQ/TW"),
        ("/api/articles/?directive=hello", "directive", "not an id or a directive symbol"),
        ("/api/articles/?page_size=100000", "page_size", "1 to 100"),
        ("/api/articles/?page_size=0", "page_size", "1 to 100"),
        ("/api/articles/?page_size=ten", "page_size", "1 to 100"),
        ("/api/articles/?ordering=body", "ordering", "not a sort order"),
        ("/api/articles/?has_title=maybe", "has_title", "true or false"),
        ("/api/articles/?cursor=not-a-cursor", "cursor", "invalid cursor"),
        ("/api/articles/?q=" + "x" * 201, "q", "200"),
        ("/api/people/?rank=Đại ca", "rank", "not a rank"),
        ("/api/people/?article=999999", "article", "no article with id 999999"),
        ("/api/people/?page=0", "page", "1 to"),
        ("/api/people/?page_size=101", "page_size", "1 to 100"),
        ("/api/organisations/?parent=1,2", "parent", "one organisation id"),
        ("/api/directives/?year=abc", "year", "year"),
        ("/api/directives/?symbol=abc", "symbol", "not a directive symbol"),
        ("/api/directives/?symbol=50%25", "symbol", "not a directive symbol"),
        ("/api/directives/?issuer=999999", "issuer", "no organisation with id 999999"),
        ("/api/directives/?year=0", "year", "1 to 9999"),
        ("/api/directives/?year=10000", "year", "1 to 9999"),
        # One value for a parameter that takes one: the first would be dropped.
        ("/api/articles/?q=cong&q=an", "q", "give one value, not 2"),
        ("/api/articles/?ordering=title&ordering=id", "ordering", "comma-separated"),
        ("/api/directives/?year=2020&year=2021", "year", "give one value, not 2"),
        # A parameter the list does not take would otherwise widen the list.
        ("/api/articles/?persn=1", "persn", "unknown parameter"),
        ("/api/people/?organization=1", "organization", "unknown parameter"),
        ("/api/articles/?page=2", "page", "paged by cursor"),
        ("/api/directives/?cursor=abc", "cursor", "paged by number"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(archive, anonymous, url, parameter, words):
    response = anonymous.get(url)
    assert response.status_code == 400, response.content
    messages = response.json()[parameter]
    assert any(words in message for message in messages), messages


def test_unknown_values_of_several_filters_are_all_named_in_one_answer(archive, anonymous):
    url = (
        f"/api/articles/?person={archive.minister.pk},999999&organisation=999998"
        f"&directive=99-NQ/TW,{archive.resolution.pk}"
    )
    response = anonymous.get(url)
    assert response.status_code == 400
    assert response.json() == {
        "person": ["no person with id 999999"],
        "organisation": ["no organisation with id 999998"],
        "directive": ["no directive with symbol 99-NQ/TW"],
    }


def test_the_list_parameters_are_known(archive, anonymous):
    people = anonymous.get("/api/people/?format=json&page=1&page_size=5")
    assert people.status_code == 200
    # Paging parameters are not read as filters: the whole (small) archive is listed.
    assert people.json()["count"] == Person.objects.count() > 0
    articles = anonymous.get("/api/articles/?format=json&cursor=&page_size=5")
    assert articles.status_code == 200
    assert len(articles.json()["results"]) == Article.objects.count() > 0


def test_a_range_that_ends_before_it_starts_is_refused(archive, anonymous):
    url = "/api/articles/?published_after=2025-02-01&published_before=2025-01-01"
    response = anonymous.get(url)
    assert response.status_code == 400
    assert "earlier than published_after" in response.json()["published_before"][0]


def test_too_many_values_for_one_filter_are_refused(archive, anonymous):
    many = ",".join(str(n) for n in range(1, 30))
    response = anonymous.get(f"/api/articles/?person={many}")
    assert response.status_code == 400
    assert response.json() == {"person": ["at most 20 values, got 29"]}
    assert "at most 20 values" in response.json()["person"][0]


def test_known_ids_that_match_nothing_give_an_empty_list_not_an_error(archive, anonymous):
    lonely = Person.objects.create(name="Đoàn Thị Vắng")
    assert ids(anonymous, f"/api/articles/?person={lonely.pk}") == []
    unit = Organisation.objects.create(name="Phòng Không Tin")
    assert ids(anonymous, f"/api/organisations/?parent={unit.pk}") == []
    Directive.objects.create(kind="Chỉ thị", symbol="3-CT/TW")
    assert ids(anonymous, "/api/articles/?directive=3-CT/TW") == []


def test_an_empty_parameter_is_the_same_as_leaving_it_out(archive, anonymous):
    everything = ids(anonymous, "/api/articles/")
    url = "/api/articles/?q=&person=&published_after=&has_title=&ordering=&page_size=&cursor="
    assert ids(anonymous, url) == everything


def test_search_lists_a_newly_added_article_first(archive, anonymous):
    newer = make_article(
        9,
        title="Công an xã tuần tra",
        body="Tuần tra ban đêm.",
        published_on=datetime.date(2025, 7, 1),
    )
    assert ids(anonymous, "/api/articles/?q=cong an")[0] == newer.pk


def test_names_sort_in_vietnamese_alphabetical_order(db, anonymous):
    names = ("Đặng Văn Tú", "Bùi Thị Hoa", "Dương Minh Kha", "Bạch Ngọc Sơn", "Bounmy Sithong")
    for name in (*names, "Ân Thị Lụa", "Ông Văn Tề", "Ưng Hoàng Phúc", "Uông Thị Nga", "Ba Tâm"):
        Person.objects.create(name=name)
    response = anonymous.get("/api/people/?ordering=name")
    assert [p["name"] for p in response.json()["results"]] == [
        "Ân Thị Lụa",  # a ă â: Â after every A, before B
        "Ba Tâm",
        "Bạch Ngọc Sơn",  # tone marks count only after the letters
        "Bounmy Sithong",
        "Bùi Thị Hoa",
        "Dương Minh Kha",  # d before đ
        "Đặng Văn Tú",
        "Ông Văn Tề",
        "Uông Thị Nga",
        "Ưng Hoàng Phúc",  # u before ư
    ]
    descending = anonymous.get("/api/people/?ordering=-name").json()["results"]
    assert descending[0]["name"] == "Ưng Hoàng Phúc"


def test_several_ranks_mean_any_of_them_and_the_general_ranks_can_be_asked_at_once(db, anonymous):
    for n, rank in enumerate(["Đại tướng", "Thiếu tướng", "Đại tá", "Thượng tá", ""]):
        Person.objects.create(name=f"Người Thử {n}", rank=rank)

    def named(url: str) -> set[str]:
        response = anonymous.get(url)
        assert response.status_code == 200, response.json()
        return {item["rank"] for item in response.json()["results"]}

    assert named("/api/people/?rank=Đại tá&rank=Thượng tá") == {"Đại tá", "Thượng tá"}
    assert named("/api/people/?rank=Đại tá,Thiếu tướng") == {"Đại tá", "Thiếu tướng"}
    assert named("/api/people/?rank=cấp tướng") == {"Đại tướng", "Thiếu tướng"}
    assert named("/api/people/?rank=cap tuong&rank=Thượng tá") == {
        "Đại tướng",
        "Thiếu tướng",
        "Thượng tá",
    }


def test_a_joint_directive_is_found_by_each_of_its_issuers_and_lists_them_in_order(
    archive, anonymous
):
    from archive.models import DirectiveIssuer

    circular = Directive.objects.create(
        kind="Thông tư liên tịch",
        kind_code="TTLT",
        number="3",
        symbol="03/2024/TTLT-BNC-BTN",
        issuer=archive.ministry,
    )
    DirectiveIssuer.objects.create(directive=circular, organisation=archive.ministry, order=0)
    DirectiveIssuer.objects.create(directive=circular, organisation=archive.committee, order=1)

    assert circular.pk in ids(anonymous, f"/api/directives/?issuer={archive.committee.pk}")
    assert circular.pk in ids(anonymous, f"/api/directives/?issuer={archive.ministry.pk}")
    assert circular.pk not in ids(anonymous, f"/api/directives/?issuer={archive.department.pk}")
    detail = anonymous.get(f"/api/directives/{circular.pk}/").json()
    assert [issuer["name"] for issuer in detail["issuers"]] == [
        archive.ministry.name,
        archive.committee.name,
    ]
    assert detail["issuer"]["id"] == archive.ministry.pk
