"""Whether a cached page is still current: the content version.

The version is a number in the database (`ContentVersion`), moved in the same transaction as
every change to the content, by whichever process makes it (an admin request, `load_content`, a
shell). Every process on every machine therefore reads the same number, and a change and its
version commit together or not at all. After the commit the search index is rebuilt and the
number moves once more, so no page built from the old index outlives it; then the pages that
show one thing are published again under the new number (publishing.py), by a task that runs in
this process or in a worker (tasks.py).

Where the page cache is shared (Redis), the number is also copied into that cache beside the
pages, so a cached page costs one round trip (the copy and the page fetched together). The copy
is written after each commit and lives `CONTENT_VERSION_SECONDS` at most; a missing copy is read
again from the database. With the local-memory cache each request reads the number from the
database: its one round trip. See README, Production: Caching.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - psycopg is a dependency
    PoolTimeout = OperationalError

UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)

logger = logging.getLogger(__name__)

VERSION_KEY = "careerpath:content-version"

# While the database cannot be reached, cached pages are served without asking it again for
# this long, so an outage never makes a cached page wait for the pool's timeout.
RETRY_SECONDS = 1.0
_unreachable_until = 0.0


def _table() -> str:
    from .models import ContentVersion

    return connection.ops.quote_name(ContentVersion._meta.db_table)


def version_sql() -> str:
    """The committed version as an SQL expression, for a query that reads it in passing."""
    return f"(SELECT version FROM {_table()} WHERE id = 1)"


def bump_content_version() -> int:
    """Move the version on, inside the caller's transaction; the new number."""
    table = _table()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, version) VALUES (1, 1) "
            f"ON CONFLICT (id) DO UPDATE SET version = {table}.version + 1 RETURNING version"
        )
        return cursor.fetchone()[0]


def database_version() -> int | None:
    """The committed version; None while an outage was seen in the last RETRY_SECONDS. Raises
    the database's error (and starts that pause) when it cannot be reached now."""
    global _unreachable_until
    if time.monotonic() < _unreachable_until:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT version FROM {_table()} WHERE id = 1")
            row = cursor.fetchone()
    except UNAVAILABLE as exc:
        logger.warning("Content version unavailable, serving cached pages: %s", exc)
        _unreachable_until = time.monotonic() + RETRY_SECONDS
        connection.close_if_unusable_or_obsolete()
        raise
    _unreachable_until = 0.0
    return row[0] if row else 0


def shared_version() -> bool:
    """True when the page cache is shared by every process (not local memory)."""
    return settings.CONTENT_VERSION_IN_CACHE


def publish_version(version: int) -> None:
    """Copy the committed version into the shared cache, where pages are looked up."""
    if not shared_version():
        return
    try:
        cache.set(VERSION_KEY, version, timeout=settings.CONTENT_VERSION_SECONDS)
    except Exception as exc:  # the copy expires soon anyway; the change is committed
        logger.warning("Could not publish content version %s: %s", version, exc)


def _new_version(*, reindex: bool) -> int:
    """Move the version on in a transaction of its own, after rebuilding the search index if
    asked; copy it to the shared cache once committed. The new number."""
    from .search import rebuild_index

    with transaction.atomic():
        if reindex:
            rebuild_index()
        version = bump_content_version()
    publish_version(version)
    return version


def _refresh() -> None:
    """After a change commits: the index rebuilt under a new version, whose pages are published
    by a task (careerpath/tasks.py): in this process or by a worker, as settings.TASKS says.
    Until they are, every page is built on request, so none is ever stale."""
    from .tasks import publish

    version = _new_version(reindex=True)
    if settings.PUBLISH_PAGES:
        publish.enqueue(version)


def republish() -> int:
    """Publish every page again under a new version, here and now, as after a change: for a
    release, whose pages changed while the content did not. How many pages."""
    from .tasks import publish

    return publish.call(_new_version(reindex=False))


def content_changed(**kwargs) -> None:
    """Move the version in the changing transaction, once per transaction however many records
    it touches, and schedule the index rebuild for after it commits."""
    conn = transaction.get_connection()
    if conn.in_atomic_block and any(callback is _refresh for _, callback, _ in conn.run_on_commit):
        return
    bump_content_version()
    transaction.on_commit(_refresh)
