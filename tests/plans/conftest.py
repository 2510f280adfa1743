"""Plans made through the same service the site uses."""

import os

import pytest

from plans import services
from plans.selectors import PlanInput

from ..redis_db import empty_redis_database


def analyst_plan(**changes) -> PlanInput:
    values = {
        "current_role": "operations-analyst",
        "target_role": "senior-operations-manager",
        "years": 3,
        "certifications": [],
        "ratings": {"lean": 2, "leadership": 2, "sql": 4},
    }
    return PlanInput(**{**values, **changes})


@pytest.fixture
def make_plan(db):
    def make(**changes):
        plan, token = services.plan_create(data=analyst_plan(**changes))
        return plan, token

    return make


@pytest.fixture
def saved(make_plan):
    """(plan, token, url) of an Operations Analyst aiming at Senior Operations Manager."""
    plan, token = make_plan()
    return plan, token, f"/plan/{token}/"


@pytest.fixture
def redis_counters(settings):
    """Redis as the cache, so rate counters are kept there: CAREERPATH_TEST_COUNTER_REDIS_URL
    (database 7 by default; only it is ever flushed), emptied before and after. Its client."""
    url = os.environ.get("CAREERPATH_TEST_COUNTER_REDIS_URL", "redis://127.0.0.1:6379/7")
    client = empty_redis_database(url)
    settings.CACHES = {"default": {"BACKEND": "common.redis_cache.RedisCache", "LOCATION": url}}
    yield client
    client.flushdb()
    client.close()


@pytest.fixture(params=["database", "redis"])
def counted_in(request):
    """Rate counters in the database (the local-memory cache keeps none), or in Redis."""
    if request.param == "redis":
        return request.getfixturevalue("redis_counters")
    return "database"
