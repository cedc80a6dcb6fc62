"""Request rates for the API, counted in the shared "limits" cache.

DRF's throttles count in the default cache, which is per process; these count
in `caches["limits"]` (the database, or Redis when configured), so that a
client meets the same limit whichever worker answers it. The rates are read
when a request comes, so settings changed at run time (and in tests) apply.
"""

from __future__ import annotations

from django.core.cache import caches
from rest_framework import throttling
from rest_framework.settings import api_settings


class _SharedCountMixin:
    scope: str

    @property
    def cache(self):  # type: ignore[override]
        return caches["limits"]

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SharedCountMixin, throttling.AnonRateThrottle):
    """Anonymous readers, per client address."""


class UserThrottle(_SharedCountMixin, throttling.UserRateThrottle):
    """Logged-in users and token holders, per user (AnonThrottle counts the others)."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


class LoginThrottle(_SharedCountMixin, throttling.AnonRateThrottle):
    """Token requests, per client address: a much smaller rate than reading."""

    scope = "login"
