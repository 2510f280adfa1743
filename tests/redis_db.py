"""A Redis database of the tests' own: reachable (in CI a failure when it is not, elsewhere a
skip), emptied before use."""

import os

import pytest


def empty_redis_database(url: str):
    """A client of the database at `url`, emptied; only that database number is flushed."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.RedisError as exc:
        message = f"needs Redis at {url}: {exc}"
        if os.environ.get("CI") or os.environ.get("CAREERPATH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{message} (CI requires the tests that use Redis)", pytrace=False)
        pytest.skip(message)
    client.flushdb()
    return client
