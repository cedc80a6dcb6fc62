"""Counting requests per client in the database: one statement per request, on every host.

Each client (a throttle's key) has one row with two counts: this window's and
the previous window's. An INSERT … ON CONFLICT DO UPDATE … RETURNING moves the
row to the current window and adds the request in one round trip, on
PostgreSQL and SQLite alike (3.35 and later), so concurrent requests from many
web hosts each see the count including their own. The estimate over the last
`length` seconds weighs the previous window by how much of it still overlaps
them: no burst of twice the rate across a window's edge, as a fixed window
allows.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.db import connections

from archive.models import RequestRate
from archive.routing import PRIMARY

TABLE = RequestRate._meta.db_table
# Rows whose windows have both passed are deleted by the first request a process
# answers after this many seconds: at most one extra statement per process per period.
CULL_EVERY = 300
_last_cull = [0.0]

# The old values of the row (the right-hand sides of SET all see the row as it was).
_COUNT = f"""
INSERT INTO {TABLE} (key, window_start, hits, previous, expires)
VALUES (%s, %s, 1, 0, %s)
ON CONFLICT (key) DO UPDATE SET
    previous = CASE
        WHEN {TABLE}.window_start = excluded.window_start THEN {TABLE}.previous
        WHEN {TABLE}.window_start = excluded.window_start - %s THEN {TABLE}.hits
        ELSE 0 END,
    hits = CASE
        WHEN {TABLE}.window_start <> excluded.window_start THEN 1
        WHEN {TABLE}.hits < %s THEN {TABLE}.hits + 1
        ELSE {TABLE}.hits END,
    window_start = excluded.window_start,
    expires = excluded.expires
RETURNING hits, previous, window_start
"""


@dataclass(frozen=True)
class Rate:
    """A client's requests as counted after this one, against `limit` per `length` seconds."""

    hits: int  # in the current window, this request included
    previous: int  # in the window before it
    window_start: int
    length: int
    limit: int
    now: float

    @property
    def estimate(self) -> float:
        """Requests in the last `length` seconds, the previous window weighed by its overlap."""
        overlap = 1 - (self.now - self.window_start) / self.length
        return self.hits + self.previous * max(0.0, overlap)

    @property
    def allowed(self) -> bool:
        return self.estimate <= self.limit

    def wait(self) -> float:
        """Seconds until one more request would be allowed (0 when it would be now)."""
        end = self.window_start + self.length
        if self.hits + 1 > self.limit:
            # Not in this window: in the next, the current count becomes the previous one.
            share = max(0.0, 1 - (self.limit - 1) / self.hits)
            return end - self.now + share * self.length
        if not self.previous:
            return 0.0
        share = max(0.0, 1 - (self.limit - self.hits - 1) / self.previous)
        return max(0.0, self.window_start + share * self.length - self.now)


def count_request(key: str, *, limit: int, length: int) -> Rate:
    """Add one request to `key`'s count and return the count: one statement on the primary.

    Requests past the limit are counted up to `limit + 1` only, so a flood does
    not push the client's next window further back than one window over the rate.
    """
    if len(key) > RequestRate._meta.pk.max_length:
        key = "sha256_" + hashlib.sha256(key.encode()).hexdigest()
    now = time.time()
    start = math.floor(now / length) * length
    # Kept through the next window, whose estimate reads this one as `previous`.
    expires = start + 2 * length
    connection = connections[PRIMARY]
    with connection.cursor() as cursor:
        cursor.execute(_COUNT, [key, start, expires, length, limit + 1])
        hits, previous, window_start = cursor.fetchone()
        if now - _last_cull[0] > CULL_EVERY:
            _last_cull[0] = now
            cursor.execute(f"DELETE FROM {TABLE} WHERE expires < %s", [int(now)])
    return Rate(
        hits=hits,
        previous=previous,
        window_start=window_start,
        length=length,
        limit=limit,
        now=now,
    )
