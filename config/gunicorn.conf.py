"""gunicorn's settings for `make serve`, read from the environment like config/settings.py.

GUNICORN_BIND     address:port to listen on (default 127.0.0.1:8000, behind a reverse proxy)
GUNICORN_WORKERS  worker processes (default: 2 per core, plus 1)
GUNICORN_TIMEOUT  seconds before a stuck worker is restarted (default 30)
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker that has served this many requests is replaced: memory stays flat
# even if something leaks. The jitter keeps workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Access lines go to stdout as one JSON object each, like the application's logs.
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s}'
)
errorlog = "-"
# Behind a proxy on this host, trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
