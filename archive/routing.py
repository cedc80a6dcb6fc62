"""Reads to the read replicas, writes to the primary (settings: DATABASE_REPLICA_URLS).

A request that wrote stays on the primary for the rest of its reads, and so
does the browser that sent it for a few seconds after (a cookie), so an editor
sees their own change at once although a replica may lag behind. Reads inside
a transaction stay on the primary too: they must see what it wrote.
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

PRIMARY = "default"
# Seconds a browser reads from the primary after a request of its wrote.
STICKY_SECONDS = 10
STICKY_COOKIE = "archive_primary"

_wrote: ContextVar[bool] = ContextVar("archive_wrote_to_primary", default=False)


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def pin_to_primary() -> None:
    """Send this context's reads to the primary from now on (as after a write)."""
    _wrote.set(True)


def _is_cache(model) -> bool:
    # Throttling counts (archive.services.rates, which goes to the primary
    # itself) must be exact, and counting a request is not a write the reader
    # waits on; so is a database cache, should one be configured.
    return model._meta.app_label == "django_cache" or model._meta.model_name == "requestrate"


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _wrote.get() or connections[PRIMARY].in_atomic_block or _is_cache(model):
            return PRIMARY
        aliases = replicas()
        # Spreading reads needs no cryptographic randomness.
        return random.choice(aliases) if aliases else PRIMARY

    def db_for_write(self, model, **hints):
        if not _is_cache(model):
            _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's rows: an object read from either is the same.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica copies the primary's schema; it is never migrated itself.
        return db == PRIMARY


class PrimaryAfterWriteMiddleware:
    """Starts each request on the replicas, unless its browser wrote moments ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _wrote.set(STICKY_COOKIE in request.COOKIES)
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    STICKY_COOKIE, "1", max_age=STICKY_SECONDS, httponly=True, samesite="Lax"
                )
            return response
        finally:
            _wrote.reset(token)
