"""Database settings from the environment: psycopg's pool, read replicas."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from tests.archive.test_settings import run_manage

SHOW = (
    "import json; from django.conf import settings; from django.db import connections; "
    "c = connections['default']; c.ensure_connection() if {connect} else None; "
    "print(json.dumps({{'pool': type(c.pool).__name__ if c.pool else None, "
    "'max_size': c.pool.max_size if c.pool else None, "
    "'conn_max_age': c.settings_dict['CONN_MAX_AGE'], 'aliases': sorted(settings.DATABASES), "
    "'routers': settings.DATABASE_ROUTERS}}))"
)


def shown(*, connect: bool = False, **env: str) -> dict:
    result = run_manage("shell", "-c", SHOW.format(connect=connect), DJANGO_DEBUG="1", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_the_pool_connections_are_kept_for_conn_max_age():
    settings = shown(DATABASE_URL="postgres://postgres@127.0.0.1:5432/archive")
    assert (settings["pool"], settings["conn_max_age"]) == (None, 60)
    assert (settings["aliases"], settings["routers"]) == (["default"], [])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the pool is psycopg's")
def test_database_pool_opens_connections_through_psycopgs_pool():
    s = connection.settings_dict
    # The server's own database: it exists wherever the server does.
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/postgres"
    settings = shown(connect=True, DATABASE_URL=url, DATABASE_POOL="1", DATABASE_POOL_MAX_SIZE="4")
    # Django refuses a pool with persistent connections: CONN_MAX_AGE goes to 0.
    assert settings == {
        "pool": "ConnectionPool",
        "max_size": 4,
        "conn_max_age": 0,
        "aliases": ["default"],
        "routers": [],
    }


def test_replica_urls_add_replicas_behind_the_router():
    settings = shown(
        DATABASE_URL="postgres://postgres@primary.invalid/archive",
        DATABASE_REPLICA_URLS="postgres://r@one.invalid/archive, postgres://r@two.invalid/archive",
    )
    assert settings["aliases"] == ["default", "replica1", "replica2"]
    assert settings["routers"] == ["archive.routing.PrimaryReplicaRouter"]
