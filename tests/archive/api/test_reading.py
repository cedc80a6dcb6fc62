"""Reading the archive through the API: list items, details, formats, who may read."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from archive.models import Article, PersonMention
from tests.archive.api.conftest import user_with

pytestmark = pytest.mark.django_db


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_article_list_items_carry_the_summary_fields_and_no_body(archive, anonymous):
    items = results(anonymous.get("/api/articles/"))
    assert len(items) == 4
    first = items[0]
    assert set(first) == {
        "id",
        "title",
        "author",
        "source_name",
        "source_url",
        "published_on",
        "published_year_inferred",
        "url",
        "snippet",
    }
    # Without a search there is no hit to show.
    assert first["snippet"] is None
    assert first["published_on"] == "2025-06-01"
    assert first["published_year_inferred"] is False
    assert first["url"].endswith(f"/api/articles/{archive.a_minister.pk}/")
    undated = next(item for item in items if item["id"] == archive.a_colonel_undated.pk)
    assert undated["published_on"] is None


def test_person_organisation_and_directive_list_items(archive, anonymous):
    people = results(anonymous.get("/api/people/"))
    assert {tuple(sorted(p)) for p in people} == {("id", "name", "rank", "url")}
    assert {p["name"]: p["rank"] for p in people} == {
        "Trịnh Văn Khởi": "Đại tướng",
        "Lạc Thị Hòa": "Đại tá",
    }

    organisations = results(anonymous.get("/api/organisations/"))
    ministry = next(o for o in organisations if o["id"] == archive.ministry.pk)
    assert ministry == {
        "id": archive.ministry.pk,
        "name": "Bộ Nội chính Thử nghiệm",
        "abbreviation": "BNC",
        "aliases": ["BNC"],
        "url": ministry["url"],
    }

    directives = results(anonymous.get("/api/directives/"))
    resolution = next(d for d in directives if d["id"] == archive.resolution.pk)
    assert resolution["symbol"] == "77-NQ/TW"
    assert resolution["kind"] == "Nghị quyết"
    assert resolution["number"] == "77"
    assert resolution["issued_on"] == "2024-03-09"
    assert resolution["issuer"]["id"] == archive.committee.pk
    assert resolution["issuer"]["name"] == "Ban Chấp hành Thử nghiệm"
    plan = next(d for d in directives if d["id"] == archive.plan.pk)
    assert plan["issued_on"] is None


def test_article_detail_lists_each_entity_once_with_all_its_mentions(archive, anonymous):
    article = archive.a_both
    # A second mention of the same person: still one person in the list.
    article.text += " Bộ trưởng Trịnh Văn Khởi phát biểu."
    article.save()
    second = article.text.rindex("Trịnh Văn Khởi")
    PersonMention.objects.create(
        article=article,
        person=archive.minister,
        surface="Trịnh Văn Khởi",
        start=second,
        end=second + len("Trịnh Văn Khởi"),
        sentence="Bộ trưởng Trịnh Văn Khởi phát biểu.",
    )
    detail = anonymous.get(f"/api/articles/{article.pk}/").json()

    assert detail["body"].startswith("Đại tướng Trịnh Văn Khởi")
    assert detail["dateline"] == ""
    assert detail["captions"] == []
    assert [p["name"] for p in detail["people"]] == ["Trịnh Văn Khởi", "Lạc Thị Hòa"]
    minister = detail["people"][0]
    assert minister["url"].endswith(f"/api/people/{archive.minister.pk}/")
    assert len(minister["mentions"]) == 2
    for found in minister["mentions"]:
        assert detail["text"][found["start"] : found["end"]] == found["surface"]
    assert minister["mentions"][1]["sentence"] == "Bộ trưởng Trịnh Văn Khởi phát biểu."
    assert [o["name"] for o in detail["organisations"]] == ["Bộ Nội chính Thử nghiệm"]
    assert [(d["symbol"], d["name"]) for d in detail["directives"]] == [
        ("77-NQ/TW", "Nghị quyết 77-NQ/TW")
    ]


def test_person_detail_has_aliases_positions_and_article_count(archive, anonymous):
    detail = anonymous.get(f"/api/people/{archive.minister.pk}/").json()
    assert detail["aliases"] == ["Trịnh V. Khởi"]
    assert detail["article_count"] == 2
    assert detail["positions"] == [
        {
            "title": "Bộ trưởng Bộ Nội chính Thử nghiệm",
            "role": "",
            "former": False,
            "organisation": {
                "id": archive.ministry.pk,
                "name": "Bộ Nội chính Thử nghiệm",
                "abbreviation": "BNC",
                "url": detail["positions"][0]["organisation"]["url"],
            },
            "article": {
                "id": archive.a_minister.pk,
                "title": archive.a_minister.title,
                "published_on": "2025-06-01",
                "url": detail["positions"][0]["article"]["url"],
            },
        }
    ]
    assert detail["articles"].endswith(f"/api/articles/?person={archive.minister.pk}")


def test_organisation_detail_has_parent_children_and_people_with_posts(archive, anonymous):
    ministry = anonymous.get(f"/api/organisations/{archive.ministry.pk}/").json()
    assert ministry["parent"] is None
    assert [c["name"] for c in ministry["children"]] == ["Cục Phòng chống Tin giả"]
    assert ministry["people"][0]["name"] == "Trịnh Văn Khởi"
    assert ministry["people"][0]["posts"] == ["Bộ trưởng Bộ Nội chính Thử nghiệm"]
    assert ministry["article_count"] == 2

    department = anonymous.get(f"/api/organisations/{archive.department.pk}/").json()
    assert department["parent"]["id"] == archive.ministry.pk
    assert department["kind"] == "department"
    assert [p["name"] for p in department["people"]] == ["Lạc Thị Hòa"]


def test_directive_detail_has_issuer_implementation_links_and_citing_articles(archive, anonymous):
    resolution = anonymous.get(f"/api/directives/{archive.resolution.pk}/").json()
    assert resolution["issuer"]["name"] == "Ban Chấp hành Thử nghiệm"
    assert resolution["implements"] == []
    assert [d["symbol"] for d in resolution["implemented_by"]] == ["12/KH-BNC"]
    assert [a["id"] for a in resolution["citing_articles"]] == [archive.a_both.pk]
    assert resolution["article_count"] == 1

    plan = anonymous.get(f"/api/directives/{archive.plan.pk}/").json()
    assert [d["symbol"] for d in plan["implements"]] == ["77-NQ/TW"]
    assert [a["id"] for a in plan["citing_articles"]] == [archive.a_minister.pk]


def test_unknown_or_malformed_ids_are_json_404s(archive, anonymous):
    for path in ("/api/people/999999/", "/api/people/abc/", "/api/nothing-here/"):
        response = anonymous.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


def test_json_by_default_and_browsable_in_a_browser(archive, anonymous):
    assert anonymous.get("/api/people/")["Content-Type"] == "application/json"
    page = anonymous.get("/api/people/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert "Trịnh Văn Khởi" in page.content.decode()


def test_closing_public_reading_requires_a_login(archive, anonymous, reader, settings):
    settings.ARCHIVE_PUBLIC = False
    assert anonymous.get("/api/articles/").status_code == 401
    assert anonymous.get(f"/api/people/{archive.minister.pk}/").status_code == 401
    response = reader.get("/api/articles/")
    assert response.status_code == 200
    assert len(response.json()["results"]) == Article.objects.count() > 0


def test_a_token_from_the_login_endpoint_authenticates(archive, settings):
    settings.ARCHIVE_PUBLIC = False
    user = user_with(username="token-user")
    user.set_password("correct horse battery staple")
    user.save()
    client = APIClient()
    wrong = client.post("/api/auth/token/", {"username": "token-user", "password": "nope"})
    assert wrong.status_code == 400
    response = client.post(
        "/api/auth/token/",
        {"username": "token-user", "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    key = response.json()["token"]
    assert key == Token.objects.get(user=user).key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/articles/").status_code == 200


def test_entity_mentioned_in_many_articles_is_listed_once_per_article(archive, anonymous):
    # Three mentions of one person in one article must not repeat the article.
    article = archive.a_minister
    for n in range(3):
        article.text += f" Trịnh Văn Khởi {n}."
    article.save()
    start = article.text.index("Trịnh Văn Khởi")  # already mentioned there
    for _ in range(3):
        start = article.text.index("Trịnh Văn Khởi", start + 1)
        PersonMention.objects.create(
            article=article,
            person=archive.minister,
            surface="Trịnh Văn Khởi",
            start=start,
            end=start + 14,
            sentence="x",
        )
    items = results(anonymous.get(f"/api/articles/?person={archive.minister.pk}"))
    assert [item["id"] for item in items] == [archive.a_minister.pk, archive.a_both.pk]
    people = results(anonymous.get(f"/api/people/?article={article.pk}"))
    assert [p["id"] for p in people] == [archive.minister.pk]
