"""/healthz for load balancers: is this process up, and does it reach its database?

It answers before every other middleware: a load balancer asks by address
(no allowed host name), over plain HTTP (no HTTPS redirect), without a login
(a closed archive too), and must not be throttled or logged in as a visitor.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse

PATH = "/healthz"

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("health check: the database does not answer", exc_info=True)
        return False


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return JsonResponse({"detail": "GET only"}, status=405, headers={"Allow": "GET, HEAD"})
        healthy = database_answers()
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", "database": healthy},
            status=200 if healthy else 503,
            headers={"Cache-Control": "no-store"},
        )
