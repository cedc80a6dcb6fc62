"""Fixtures the archive tests share."""

from __future__ import annotations

import subprocess

import pytest
from django.db import connection

from tests.archive.import_runs import finish, manage


@pytest.fixture
def superuser(django_user_model):
    """An editor with every permission, for the admin and the API."""
    return django_user_model.objects.create_superuser("bientap", "bt@example.test", "mat-khau-dai")


@pytest.fixture
def editor_client(client, superuser):
    """Django's test client, logged in as `superuser`."""
    client.force_login(superuser)
    client.user = superuser
    return client


@pytest.fixture
def database_url(tmp_path) -> str:
    """A database that subprocesses share with this test.

    On PostgreSQL the test database itself (the tests using this are
    transactional, so the subprocesses' rows are visible and flushed after);
    SQLite's test database lives in memory, so a file of its own there.
    """
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    code, _, err = finish(manage("migrate", "-v0", database_url=url, cwd=tmp_path,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE))  # fmt: skip
    assert code == 0, err
    return url
