"""ARCHIVE_PUBLIC=0 closes the whole site: pages, API, schema and docs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from tests.archive.test_settings import run_manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(settings):
    settings.ARCHIVE_PUBLIC = False


@pytest.fixture
def member(db) -> User:
    return User.objects.create_user("docgia", password="x-long-password-1")


@pytest.mark.parametrize("path", ["/", "/articles/", "/people/", "/organisations/", "/directives/"])
def test_a_closed_archive_sends_anonymous_visitors_to_the_login(client, closed, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert path in response["Location"]


@pytest.mark.parametrize("path", ["/api/articles/", "/api/schema/", "/api/docs/"])
def test_a_closed_archive_refuses_anonymous_api_schema_and_docs(closed, path):
    response = APIClient().get(path)
    assert response.status_code in (401, 403)


def test_a_logged_in_member_reads_everything_of_a_closed_archive(client, closed, member):
    client.force_login(member)
    assert client.get("/articles/").status_code == 200
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_the_login_page_of_a_closed_archive_stays_reachable(client, closed):
    page = client.get("/admin/login/")
    assert page.status_code == 200
    assert 'name="password"' in page.content.decode()


def test_an_open_archive_shows_pages_schema_and_docs_to_anyone(client):
    assert client.get("/articles/").status_code == 200
    assert client.get("/api/schema/").status_code == 200


@pytest.mark.parametrize(
    ("env", "public"),
    [
        ({}, "True"),
        ({"ARCHIVE_PUBLIC": "0"}, "False"),
        ({"ARCHIVE_API_PUBLIC_READ": "0"}, "False"),  # the older name still closes it
        ({"ARCHIVE_API_PUBLIC_READ": "0", "ARCHIVE_PUBLIC": "1"}, "True"),
    ],
)
def test_archive_public_is_read_from_the_environment_with_its_old_name(env, public):
    clean = {"ARCHIVE_PUBLIC": "", "ARCHIVE_API_PUBLIC_READ": ""} | env
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ARCHIVE_PUBLIC)",
        DJANGO_DEBUG="1",
        **clean,
    )
    assert result.stdout.split()[-1] == public, result.stderr
