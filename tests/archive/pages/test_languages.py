"""One language at a time: Vietnamese by default, English when the reader chooses it.

The choice is the header's switch (Django's set_language, which sets the
language cookie); the pages and the admin ignore the browser's
Accept-Language, the API honours it (archive.language).
"""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

BROWSER_IN_ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def choose(client, language: str, next_url: str):
    """Press a button of the header's switch, as a reader does."""
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    return client.get(next_url)


def test_pages_speak_vietnamese_without_a_choice_whatever_the_browser_asks(client, archive_data):
    response = client.get("/people/", **BROWSER_IN_ENGLISH)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<h1>Nhân vật</h1>" in html
    assert "Tìm thấy 2 nhân vật" in html
    # The switch is in the header, Vietnamese pressed.
    assert 'action="/i18n/setlang/"' in html
    assert 'value="vi" lang="vi" aria-pressed="true">' in html
    assert 'value="en" lang="en" aria-pressed="false">English</button>' in html


def test_choosing_english_in_the_header_switches_the_pages(client, archive_data):
    response = choose(client, "en", "/people/?q=tran")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>People</h1>" in html
    assert '<label for="id_rank">Rank</label>' in html
    assert "Found 1 person" in html
    assert 'value="en" lang="en" aria-pressed="true">English</button>' in html
    # The filter form's messages, worded by error code, follow the choice too.
    refused = client.get("/articles/", {"person": "abc", "published_after": "2024-13-45"})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "<h1>Articles</h1>" in text
    assert "Person: “abc” is not a valid id." in text
    assert "The date “2024-13-45” is not valid" in text
    # And back: the same page in Vietnamese.
    again = choose(client, "vi", "/people/")
    assert "<h1>Nhân vật</h1>" in again.content.decode()


def test_an_entity_page_in_english(client, archive_data):
    choose(client, "en", "/")
    response = client.get(f"/people/{archive_data.bao.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Positions as the articles state them" in html
    assert "Mentions over time" in html
    assert "Chức vụ theo các bài viết" not in html


def test_the_admin_speaks_english_after_the_choice(editor_client, archive_data):
    vietnamese = editor_client.get("/admin/archive/person/", **BROWSER_IN_ENGLISH)
    assert vietnamese.status_code == 200
    assert "Họ tên" in vietnamese.content.decode()
    assert "Hợp nhất các nhân vật đã chọn thành một" in vietnamese.content.decode()

    response = choose(editor_client, "en", "/admin/archive/person/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select person to change" in html  # Django's own words
    assert "Full name" in html  # the archive's column
    assert "Merge the selected people into one" in html  # its action
    assert 'action="/i18n/setlang/"' in html  # the switch, in the admin's header
    form = editor_client.get(f"/admin/archive/person/{archive_data.bao.pk}/change/")
    assert "Academic titles" in form.content.decode()  # a model field's label


def test_the_admin_login_page_offers_the_switch(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'action="/i18n/setlang/"' in response.content.decode()


def test_api_errors_are_vietnamese_unless_the_client_asks_for_english(client, db):
    default = client.get("/api/articles/", {"person": "abc"})
    assert default.status_code == 400
    assert default.json() == {"person": ["'abc' không phải là mã"]}
    assert default["Content-Language"] == "vi"

    asked = client.get("/api/articles/", {"person": "abc"}, **BROWSER_IN_ENGLISH)
    assert asked.status_code == 400
    assert asked.json() == {"person": ["'abc' is not an id"]}
    assert asked["Content-Language"] == "en"

    # The reader's choice on the pages (the cookie) holds for the API too.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    chosen = client.get("/api/people/", {"page_size": "0"})
    assert chosen.status_code == 400
    assert chosen.json() == {"page_size": ["must be a whole number from 1 to 100"]}
