"""The production set-up: /healthz, and gunicorn serving pages and static files with debug off."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
SECRET = "x" * 20 + "-a-long-random-production-secret-0123456789"


@pytest.mark.django_db
def test_health_answers_for_any_host_even_in_a_closed_archive(settings):
    settings.ARCHIVE_PUBLIC = False
    response = Client(HTTP_HOST="10.0.0.7").get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_is_503_when_the_database_does_not_answer():
    def lost(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(lost):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": False}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def served(tmp_path):
    """`make serve`'s three steps on a fresh SQLite file, with one gunicorn worker."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.pop("DATABASE_URL", None)
    env |= {
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    for step in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True)
    log = open(tmp_path / "gunicorn.log", "w+")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(f"{base}/healthz")
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, tmp_path
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_gunicorn_serves_health_pages_and_collected_static_files(served):
    base, tmp_path = served
    status, _, body = fetch(f"{base}/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok", "database": True})
    status, headers, body = fetch(f"{base}/articles/")
    assert status == 200
    assert "Content-Security-Policy" in headers
    status, headers, body = fetch(f"{base}/static/archive/archive.css")
    assert status == 200
    assert b"{" in body
    assert (tmp_path / "static" / "archive" / "archive.css").exists()
    # A path that is no page: Django's 404, not a debug page.
    status, _, body = fetch(f"{base}/no-such-page/")
    assert status == 404
    assert b"Traceback" not in body and b"URLconf" not in body


def test_gunicorn_writes_one_json_object_per_access_line(served):
    base, tmp_path = served
    fetch(f"{base}/people/")
    time.sleep(0.5)
    lines = (tmp_path / "gunicorn.log").read_text().splitlines()
    access = [json.loads(line) for line in lines if line.startswith('{"time"')]
    assert any(entry["path"] == "/people/" and entry["status"] == 200 for entry in access), lines
