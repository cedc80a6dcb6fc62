"""Read replicas: the routing cases of replica_cases.py, run with DATABASE_REPLICA_URLS set.

Settings read the replicas once, at start-up, so the cases run in a pytest of
their own whose one replica is a test MIRROR of the primary (Django's way of
testing primary/replica routing without a second server).
"""

from __future__ import annotations

import os
import subprocess
import sys

from django.db import connection

from tests.archive.import_runs import ROOT


def test_reads_go_to_replicas_and_writes_with_their_reads_to_the_primary():
    env = dict(os.environ)
    if connection.vendor == "postgresql":
        # Its own test database, beside this run's; the replica's URL is never
        # connected to as given (the mirror takes the primary's test database).
        s = connection.settings_dict
        name = s["NAME"].removeprefix("test_") + "_routing"
        env["DATABASE_URL"] = (
            f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name}"
        )
        env["DATABASE_REPLICA_URLS"] = env["DATABASE_URL"]
    else:
        env.pop("DATABASE_URL", None)
        # A mirror's connection is of its own URL's engine: SQLite here.
        env["DATABASE_REPLICA_URLS"] = "sqlite:///replica-never-opened.sqlite3"
    command = [sys.executable, "-m", "pytest", "tests/archive/replica_cases.py", "-q",
               "-p", "no:randomly", "-p", "no:cacheprovider", "--create-db"]  # fmt: skip
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout
