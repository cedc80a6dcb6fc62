"""Load on a real gunicorn over loopback: mixed traffic, with and without an attacker.

    python bench/bench_load.py --database-url postgres://.../archive_load --seconds 60
    python bench/bench_load.py --database-url ... --seconds 60 --attacker

The archive in the database is read as it is (fill it first, e.g. with
bench/fill_million.py --articles 100000). The script starts gunicorn with the
project's config/gunicorn.conf.py and debug off, then runs CLIENTS threads
that each keep one HTTP/1.1 connection and pick, request after request, from a
mix of what the archive's users do: article, people and organisation lists,
filtered lists, searches, article and entity pages, API lists and details,
and now and then an API import of a new small article. Normal clients read the
API with a token (their own rate); pages are not throttled.

With --attacker, ATTACKERS more threads fire, anonymously and without pause,
the two kinds of request that used to starve the server: the filter form
with one parameter repeated 989 times, and wrong passwords at the admin login
and the token endpoint. The attacker's own answers are counted apart.

It prints one JSON object: requests/s, p50/p99 of normal traffic, 5xx count,
the workers' resident memory at the start and at the end, and the attacker's
answers. Request loops are bounded in time and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 8
ATTACKERS = 2
SECRET = "bench-load-" + "x" * 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, port: int, workers: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    return env | {
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        # Normal clients hold tokens; a user's rate high enough not to be the bottleneck.
        "ARCHIVE_THROTTLE_USER": "1000000/min",
    }


def prepare(database_url: str) -> dict:
    """The ids, words and token the traffic uses, read from the archive itself."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SECRET_KEY", SECRET)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import Permission, User
    from rest_framework.authtoken.models import Token

    from archive.models import Article, Directive, Organisation, Person

    def some_ids(model, n: int = 200) -> list[int]:
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        ids = list(
            model.objects.filter(
                pk__in=random.sample(range(1, last + 1), min(n * 3, last))
            ).values_list("pk", flat=True)[:n]
        )
        assert ids, f"no {model.__name__} in the archive: fill it first"
        return ids

    user, _ = User.objects.get_or_create(username="bench-load")
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    token, _ = Token.objects.get_or_create(user=user)
    User.objects.filter(username="bench-load-victim").delete()
    User.objects.create_user("bench-load-victim", password=secrets.token_hex(16), is_staff=True)
    return {
        "articles": some_ids(Article),
        "people": some_ids(Person),
        "organisations": some_ids(Organisation),
        "directives": some_ids(Directive),
        "words": ["công an", "ninh", "hội nghị", "Khinhkhí", "Bộ Công an", "an ninh Zyzzyvaquy"],
        "token": token.key,
        "count": Article.objects.count(),
    }


def normal_request(rng: random.Random, data: dict) -> tuple[str, str, bytes | None]:
    """One request of the mix: (method, path, body)."""
    article = rng.choice(data["articles"])
    person = rng.choice(data["people"])
    organisation = rng.choice(data["organisations"])
    directive = rng.choice(data["directives"])
    word = urllib.parse.quote(rng.choice(data["words"]))
    roll = rng.random()
    if roll < 0.02:
        text = f"Bài thử tải {rng.getrandbits(64):x}\n\nNgày 3/4, Công an tỉnh Thử Tải họp."
        return "POST", "/api/articles/import/", json.dumps({"text": text}).encode()
    return (
        "GET",
        rng.choice(
            [
                "/articles/",
                "/people/",
                "/organisations/",
                "/directives/",
                f"/articles/?person={person}",
                f"/articles/?organisation={organisation}&directive={directive}",
                f"/articles/?q={word}",
                f"/articles/{article}/",
                f"/people/{person}/",
                f"/organisations/{organisation}/",
                "/api/articles/",
                f"/api/articles/?person={person}",
                f"/api/articles/?q={word}",
                f"/api/articles/{article}/",
                f"/api/people/{person}/",
                f"/api/organisations/?q={word}",
            ]
        ),
        None,
    )


def attack_request(rng: random.Random) -> tuple[str, str, bytes | None, dict]:
    roll = rng.random()
    if roll < 0.5:
        # The finding's 989 values (12 KB: gunicorn's request-line limit refuses it
        # with 414), or 200 values that fit in a request line and reach Django.
        repeats = 989 if roll < 0.25 else 200
        query = "&".join(f"organisation={n}" for n in range(1, repeats + 1))
        return "GET", f"/articles/?{query}", None, {}
    if roll < 0.75:
        body = urllib.parse.urlencode({"username": "bench-load-victim", "password": "guess"})
        return (
            "POST",
            "/api/auth/token/",
            body.encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
    body = urllib.parse.urlencode({"username": "bench-load-victim", "password": "guess"})
    # No CSRF token: the admin refuses it (403) as cheaply as Django can.
    return (
        "POST",
        "/admin/login/",
        body.encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )


def run_client(port, stop_at, pick, results, lock, headers) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    rng = random.Random()
    mine: list[tuple[float, int]] = []
    while time.monotonic() < stop_at:
        method, path, body, extra = pick(rng)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers={**headers, **extra})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            status = 599
            connection.close()
            time.sleep(0.05)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine.append((time.perf_counter() - started, status))
    with lock:
        results.extend(mine)


def rss_mb(pid: int) -> float:
    """Resident memory of gunicorn's master and workers, in MB."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return round(total / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--attacker", action="store_true")
    args = parser.parse_args()

    data = prepare(args.database_url)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "config/gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=server_env(args.database_url, port, args.workers),
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(1)
        rss_start = rss_mb(server.pid)
        headers = {
            "Authorization": f"Token {data['token']}",
            "Content-Type": "application/json",
            "Host": "127.0.0.1",
        }
        normal: list[tuple[float, int]] = []
        attacks: list[tuple[float, int]] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=run_client,
                args=(
                    port,
                    stop_at,
                    lambda rng: (*normal_request(rng, data), {}),
                    normal,
                    lock,
                    headers,
                ),
            )
            for _ in range(args.clients)
        ]
        if args.attacker:
            threads += [
                threading.Thread(
                    target=run_client,
                    args=(port, stop_at, attack_request, attacks, lock, {"Host": "127.0.0.1"}),
                )
                for _ in range(ATTACKERS)
            ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        rss_end = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    latencies = sorted(seconds for seconds, _ in normal)
    statuses = Counter(status for _, status in normal)
    print(
        json.dumps(
            {
                "articles": data["count"],
                "seconds": round(elapsed, 1),
                "workers": args.workers,
                "clients": args.clients,
                "attacker": args.attacker,
                "requests": len(normal),
                "requests_per_s": round(len(normal) / elapsed, 1),
                "p50_ms": round(statistics.median(latencies) * 1000, 1),
                "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
                "5xx": sum(n for status, n in statuses.items() if status >= 500),
                "statuses": dict(sorted(statuses.items())),
                "rss_mb_start": rss_start,
                "rss_mb_end": rss_end,
                "attack_requests": len(attacks),
                "attack_statuses": dict(sorted(Counter(s for _, s in attacks).items())),
            }
        )
    )


if __name__ == "__main__":
    main()
