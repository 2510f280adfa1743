"""Plans made through the same service the site uses."""

import pytest

from plans import services
from plans.selectors import PlanInput


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
