"""Per-address limits on creating and changing plans, counted where every web process and
machine shares them (nothing in one process's memory): in Redis when it is the cache, else in
the database.

Windows are fixed (e.g. one hour); a counter is keyed by a salted hash of the address, the
scope and the window, so neither store ever holds an address. Redis drops a counter when its
window ends; rows of past windows are pruned when a new window starts for an address, and by
`manage.py purge_plans`.
"""

import functools
import hashlib
import hmac
import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from redis.exceptions import RedisError

from common.client_address import client_address

from .models import RateCounter

logger = logging.getLogger(__name__)

DEFAULT_LIMITS = {"create": (20, 3600), "update": (240, 3600)}


def limits() -> dict[str, tuple[int, int]]:
    return {**DEFAULT_LIMITS, **getattr(settings, "PLAN_RATE_LIMITS", {})}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window ends (0 when allowed)
    retry_at: datetime | None = None


def _key(address: str, scope: str) -> str:
    salt = hashlib.sha256(("plans-rate-limit:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(salt, f"{scope}:{address}".encode(), hashlib.sha256).hexdigest()


def _window(now: datetime, seconds: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=UTC)


def hit(request, scope: str, *, now: datetime | None = None) -> Verdict:
    """Count one write by this address in `scope`; refuse it past the limit."""
    allowed, seconds = limits()[scope]
    now = now or timezone.now()
    start = _window(now, seconds)
    key = _key(client_address(request) or "unknown", scope)
    count = _count(key, start, seconds)
    if count <= allowed:
        return Verdict(True, 0)
    ends = start + timedelta(seconds=seconds)
    return Verdict(False, max(1, math.ceil((ends - now).total_seconds())), ends)


def _count(key: str, start: datetime, seconds: int) -> int:
    """Writes counted in this window so far, this one included. In the shared cache when it
    keeps counters (Redis: one round trip, and writes from one address do not queue on one
    row's lock), else, or while Redis is away, in the database."""
    counter = getattr(cache, "count", None)
    if counter is not None:
        try:
            return counter(f"plans-rate:{key}:{int(start.timestamp())}", seconds)
        except RedisError as exc:
            logger.warning(
                "Rate counter unavailable in the cache, counting in the database: %s", exc
            )
    with connection.cursor() as cursor:
        cursor.execute(_count_sql(), [key, start])
        count = cursor.fetchone()[0]
    if count == 1:  # a new window: the address's past ones are done with
        RateCounter.objects.filter(key=key, window_start__lt=start).delete()
    return count


@functools.cache
def _count_sql() -> str:
    """One statement and one round trip, safe under concurrency on PostgreSQL and SQLite."""
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    key = connection.ops.quote_name("key")
    rows = "VALUES (%s, %s, 1)"
    if connection.vendor == "postgresql":
        # A counter lost in a crash forgives a few writes at most, so its commit need not wait
        # for the disk (the plans themselves commit durably): set_config(…, true) is SET LOCAL
        # for the statement's own transaction.
        rows = "SELECT %s, %s, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) s"
    return (
        f"INSERT INTO {table} ({key}, window_start, count) {rows} "
        f"ON CONFLICT ({key}, window_start) DO UPDATE SET count = {table}.count + 1 "
        "RETURNING count"
    )


def prune(now: datetime | None = None) -> int:
    """Delete counters of windows that have ended."""
    longest = max(seconds for _, seconds in limits().values())
    cutoff = (now or timezone.now()) - timedelta(seconds=longest)
    deleted, _ = RateCounter.objects.filter(window_start__lt=cutoff).delete()
    return deleted
