"""Routing to read replicas, run by test_replica_routing.py with DATABASE_REPLICA_URLS set.

The replica is a test MIRROR of the primary: the same test database through a
connection of its own, so each query can be seen on the alias it was sent to.
Transactional tests: the mirror's connection sees only committed rows.
"""

from __future__ import annotations

import contextvars

import pytest
from django.conf import settings
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from archive.models import Article
from archive.routing import STICKY_COOKIE
from tests.archive.api.conftest import user_with
from tests.archive.import_runs import invented_article

pytestmark = [
    pytest.mark.skipif("replica1" not in settings.DATABASES, reason="no DATABASE_REPLICA_URLS"),
    pytest.mark.django_db(transaction=True, databases=["default", "replica1"]),
]


def queries_of(captured: CaptureQueriesContext, table: str) -> int:
    return sum(f'"{table}"' in query["sql"] for query in captured.captured_queries)


def test_reads_go_to_the_replica_and_see_what_the_primary_committed():
    Article.objects.create(origin="doc/a.txt", raw_text="x", title="Trên bản chính", sha256="a")
    client = APIClient()
    with (
        CaptureQueriesContext(connections["replica1"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.get("/api/articles/")
    assert [a["title"] for a in response.json()["results"]] == ["Trên bản chính"]
    assert queries_of(replica, "archive_article") >= 1
    assert queries_of(primary, "archive_article") == 0


def test_a_request_that_wrote_reads_from_the_primary_and_so_does_its_next_one():
    client = APIClient()
    client.force_authenticate(user_with("add_article", "change_article", username="nhap"))
    with (
        CaptureQueriesContext(connections["replica1"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.post(
            "/api/articles/import/", {"text": invented_article(1), "origin": "a.txt"}, format="json"
        )
    assert response.status_code == 201, response.content
    # The article's mentions are read back for the answer only after it was
    # written: from the primary, where they are, never from a replica that may lag.
    assert queries_of(primary, "archive_personmention") >= 1
    assert queries_of(replica, "archive_personmention") == 0
    assert STICKY_COOKIE in response.cookies

    with CaptureQueriesContext(connections["replica1"]) as replica:
        assert client.get("/api/articles/").status_code == 200
    assert queries_of(replica, "archive_article") == 0

    client.cookies.pop(STICKY_COOKIE)
    with CaptureQueriesContext(connections["replica1"]) as replica:
        client.get("/api/articles/")
    assert queries_of(replica, "archive_article") >= 1


def test_reads_inside_a_transaction_stay_on_the_primary():
    def reads() -> list[str]:
        outside = Article.objects.all().db
        with transaction.atomic():
            inside = Article.objects.all().db
        return [outside, inside]

    # A fresh context: nothing was written in it yet.
    assert contextvars.Context().run(reads) == ["replica1", "default"]


def test_replicas_are_never_migrated():
    assert router.allow_migrate("default", "archive")
    assert not router.allow_migrate("replica1", "archive")
