"""Fixtures for the caching tests that run real processes: one PostgreSQL database loaded with
the content for the whole session (dropped at the end), and a Redis database of their own."""

import os

import pytest

from ..redis_db import empty_redis_database
from .live import LiveDatabase, require_postgresql


@pytest.fixture(scope="session")
def live_database(tmp_path_factory):
    require_postgresql()
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1].split("?")[0]
    database = LiveDatabase(f"test_{name}_live", tmp_path_factory.mktemp("static"))
    database.create()
    yield database
    database.drop()


@pytest.fixture(scope="session")
def redis_url():
    """CAREERPATH_TEST_REDIS_URL (redis://127.0.0.1:6379/5 by default), emptied before and after;
    only that database number is ever flushed."""
    url = os.environ.get("CAREERPATH_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
    client = empty_redis_database(url)
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def shared_cache(settings):
    """Redis as production runs it (REDIS_URL): CAREERPATH_TEST_SHARED_REDIS_URL, database 6 by
    default, emptied before and after."""
    url = os.environ.get("CAREERPATH_TEST_SHARED_REDIS_URL", "redis://127.0.0.1:6379/6")
    client = empty_redis_database(url)
    settings.CACHES = {"default": {"BACKEND": "common.redis_cache.RedisCache", "LOCATION": url}}
    settings.CONTENT_VERSION_IN_CACHE = True
    yield client
    client.flushdb()
    client.close()
