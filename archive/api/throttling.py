"""Request rates for the API, counted in the database that every web host shares.

DRF's throttles keep each client's request times in a cache: the default one
is per process, and Django's database cache costs six statements a request
(read, count, write, in a transaction). These count in one row per client
(archive.services.rates): one statement per request, the same limit whichever
host answers. With REDIS_URL set they count in Redis instead, through DRF's
own cache throttle. The rates are read when a request comes, so settings
changed at run time (and in tests) apply.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.core.cache import caches
from rest_framework import throttling
from rest_framework.settings import api_settings

from archive.services.rates import Rate, count_request


class _SharedCountMixin:
    scope: str
    rate: str | None
    num_requests: int
    duration: int
    counted: Rate | None = None

    @property
    def cache(self):  # type: ignore[override]
        return caches["limits"]

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        if settings.REDIS_URL:
            return super().allow_request(request, view)  # type: ignore[misc]
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)  # type: ignore[attr-defined]
        if key is None:
            return True
        self.counted = count_request(key, limit=self.num_requests, length=self.duration)
        return self.counted.allowed

    def wait(self) -> float | None:
        if self.counted is None:
            return super().wait()  # type: ignore[misc]
        # Whole seconds, at least one: DRF sends no Retry-After for 0.
        return max(1, math.ceil(self.counted.wait()))


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
