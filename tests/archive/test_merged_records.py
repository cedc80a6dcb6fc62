"""A merged-away id keeps working: its page and API detail redirect, filters use the survivor."""

from __future__ import annotations

import pytest

from archive.models import Article, Organisation, Person
from archive.services import merge_organisations, merge_people
from tests.archive.pages.builders import build_article
from tests.archive.queries import get_with_queries

pytestmark = pytest.mark.django_db


def article_naming(*entities) -> Article:
    sentence = " và ".join(entity.name for entity in entities) + " họp bàn."
    return build_article(
        blocks=[("paragraph", sentence)], mentions=[(entity, entity.name) for entity in entities]
    )


@pytest.fixture
def three_units():
    """Three records of one body; A is merged into B, then B into C."""
    a = Organisation.objects.create(name="Phòng Hồ sơ Thử nghiệm Bắc")
    b = Organisation.objects.create(name="Phòng Hồ sơ Thử nghiệm")
    c = Organisation.objects.create(name="Phòng Hồ sơ nghiệp vụ Thử nghiệm")
    other = Organisation.objects.create(name="Trạm Kiểm tra Đồi Mây")
    first = article_naming(a)
    second = article_naming(c)
    article_naming(other)
    merge_organisations(survivor=b, merged=[a])
    merge_organisations(survivor=c, merged=[b])
    return a.pk, b.pk, c, first, second


def test_a_merged_organisation_page_answers_301_to_the_survivor_after_two_merges(
    client, three_units
):
    a_id, b_id, survivor, *_ = three_units
    for old in (a_id, b_id):
        response = client.get(f"/organisations/{old}/?page=2")
        assert response.status_code == 301
        assert response["Location"] == f"/organisations/{survivor.pk}/?page=2"
    assert client.get(f"/organisations/{survivor.pk}/").status_code == 200


def test_an_id_that_never_existed_is_still_a_404(client, three_units):
    assert client.get("/organisations/999999/").status_code == 404
    assert client.get(f"/organisations/{2**64}/").status_code == 404
    assert client.get("/api/organisations/999999/").status_code == 404


def test_a_merged_organisation_api_detail_answers_301_to_the_survivor(client, three_units):
    a_id, _, survivor, *_ = three_units
    response = client.get(f"/api/organisations/{a_id}/")
    assert response.status_code == 301
    assert response["Location"] == f"/api/organisations/{survivor.pk}/"
    followed = client.get(response["Location"])
    assert followed.json()["name"] == "Phòng Hồ sơ nghiệp vụ Thử nghiệm"


def test_an_old_id_in_a_filter_filters_by_the_survivor_on_pages_and_api(client, three_units):
    a_id, _, _, first, second = three_units
    response = client.get("/api/articles/", {"organisation": a_id})
    assert response.status_code == 200
    assert sorted(item["id"] for item in response.json()["results"]) == [first.pk, second.pk]
    page = client.get("/articles/", {"organisation": a_id})
    assert page.status_code == 200
    assert [row.pk for row in page.context["page"].object_list] == [second.pk, first.pk]


def test_an_old_id_costs_no_extra_query_in_a_filter(client, three_units):
    a_id, _, survivor, *_ = three_units

    def queries(organisation: int) -> int:
        return len(get_with_queries(client, "/api/articles/", {"organisation": organisation})[1])

    assert queries(a_id) == queries(survivor.pk)


def test_an_old_id_with_nothing_matching_is_an_empty_list_not_an_unknown_id(client, db):
    lone = Organisation.objects.create(name="Đội Tuần tra Sông Lam")
    kept = Organisation.objects.create(name="Đội Tuần tra Sông Lam Hai")
    merge_organisations(survivor=kept, merged=[lone])
    response = client.get("/api/articles/", {"organisation": lone.pk})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert client.get("/api/articles/", {"organisation": 999999}).status_code == 400


def test_a_merged_person_page_api_and_filter_lead_to_the_survivor(client, db):
    survivor = Person.objects.create(name="Đinh Khắc Vọng")
    duplicate = Person.objects.create(name="Đinh Khắc Vọng Hai")
    article = article_naming(duplicate)
    merge_people(survivor=survivor, merged=[duplicate])
    assert client.get(f"/people/{duplicate.pk}/")["Location"] == f"/people/{survivor.pk}/"
    assert client.get(f"/api/people/{duplicate.pk}/")["Location"] == (f"/api/people/{survivor.pk}/")
    response = client.get("/api/articles/", {"person": duplicate.pk})
    assert [item["id"] for item in response.json()["results"]] == [article.pk]
    people = client.get("/api/people/", {"article": article.pk}).json()["results"]
    assert [item["id"] for item in people] == [survivor.pk]


def test_deleting_the_survivor_ends_its_redirects(client, three_units):
    a_id, _, survivor, *_ = three_units
    survivor.delete()
    assert client.get(f"/organisations/{a_id}/").status_code == 404


def test_the_form_names_the_survivor_for_an_old_id(client, three_units):
    a_id, *_ = three_units
    html = client.get("/articles/", {"organisation": a_id}).content.decode()
    assert f'<option value="{a_id}" selected>Phòng Hồ sơ nghiệp vụ Thử nghiệm</option>' in html
