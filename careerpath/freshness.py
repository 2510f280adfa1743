"""What happens once content changes: the search index is rebuilt and the page cache's
version is bumped, once per transaction, after it commits."""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "careerpath:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _refresh() -> None:
    from .search import rebuild_index

    rebuild_index()
    bump_content_version()


def content_changed(**kwargs) -> None:
    """Schedule one refresh for the current transaction, however many records it touches."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        callback is _refresh for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_refresh)
