"""Security headers on every page, and API errors in JSON even when Django makes them."""

from __future__ import annotations

import logging
import re

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.test import Client

from tests.archive.test_settings import run_manage

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/articles/", "/people/", "/admin/login/", "/api/docs/"])
def test_pages_carry_a_policy_that_allows_no_inline_script(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert not INLINE_SCRIPT.findall(response.content.decode())


def test_the_admin_pages_of_an_editor_have_no_inline_script(client):
    client.force_login(User.objects.create_superuser("chubien", password="x-long-password-1"))
    for path in ("/admin/", "/admin/archive/article/", "/admin/archive/person/add/"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert not INLINE_SCRIPT.findall(page.content.decode()), path


@pytest.mark.parametrize(
    ("env", "preload"),
    [({}, "False"), ({"DJANGO_HSTS_PRELOAD": "1"}, "True")],
)
def test_hsts_preload_only_when_asked(env, preload):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.SECURE_HSTS_SECONDS > 0, settings.SECURE_HSTS_PRELOAD)",
        DJANGO_SECRET_KEY="x" * 20 + "-a-long-random-production-secret-0123456789",
        DJANGO_ALLOWED_HOSTS="archive.example.org",
        DJANGO_SECURE="1",
        **env,
    )
    assert result.stdout.split()[-2:] == ["True", preload], result.stderr


def test_too_many_fields_gets_a_json_400_logged_in_one_line(caplog):
    query = "&".join(f"f{n}=1" for n in range(1100))
    with caplog.at_level(logging.WARNING):
        response = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/api/articles/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "too many fields or files in the request"}
    records = [r for r in caplog.records if r.name.startswith("django.")]
    assert len(records) == 1, [r.getMessage() for r in records]
    console = next(
        handler
        for handler in logging.getLogger().handlers
        if any(f.__class__.__name__ == "OneLineClientErrors" for f in handler.filters)
    )
    assert console.filter(records[0])
    assert "\n" not in console.format(records[0])


def test_a_too_large_body_gets_a_json_400(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(
        "/api/auth/token/",
        f"username=a&password={'x' * 5000}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "the request body is too large"}


def test_a_lost_database_gets_a_json_500_on_the_api_and_a_page_elsewhere():
    def lost(execute, sql, params, many, context):
        raise OperationalError("the connection is closed")

    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    with connection.execute_wrapper(lost):
        api = client.get("/api/articles/")
        page = client.get("/articles/")
    assert api.status_code == 500
    assert api.json() == {"detail": "server error: please retry later"}
    assert page.status_code == 500
    assert page["Content-Type"].startswith("text/html")
