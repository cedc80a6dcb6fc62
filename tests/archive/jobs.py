"""Helpers for the import job tests: run the real database worker until the queue is empty."""

from __future__ import annotations

import io

from django.core.management import call_command


def run_worker() -> str:
    """`manage.py db_worker --batch` in this process: every enqueued task, then back.

    Only in transactional tests: the worker checks its connection between
    tasks, and would close the one a test transaction is open on.
    """
    out = io.StringIO()
    call_command(
        "db_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        "--interval=0",
        "--worker-id=test-worker",
        verbosity=0,
        stdout=out,
        stderr=out,
    )
    return out.getvalue()
