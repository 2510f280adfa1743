"""The OpenAPI description, and a property-based run against it (Schemathesis): whatever
valid or invalid input it generates, no answer is a 5xx and every answer matches its schema."""

import pytest
import schemathesis
from django.test.client import ClientHandler
from hypothesis import HealthCheck, Phase, settings

from careerpath.urls import api_v1

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/roles",
    "/api/v1/roles/{slug}",
    "/api/v1/ladder",
    "/api/v1/ladder/path",
    "/api/v1/certifications",
    "/api/v1/certifications/compare",
    "/api/v1/certifications/{slug}",
    "/api/v1/faqs",
    "/api/v1/guides",
    "/api/v1/guides/{slug}",
    "/api/v1/search",
}


def test_openapi_describes_every_endpoint_as_get_only(client):
    description = client.get("/api/v1/openapi.json").json()
    assert set(description["paths"]) == PATHS
    for path, operations in description["paths"].items():
        assert set(operations) == {"get"}, path
    role = description["paths"]["/api/v1/roles/{slug}"]["get"]
    assert {"200", "404"} <= set(role["responses"])


def site(environ, start_response):
    """The site as a WSGI application, through Django's test handler: it keeps the database
    connection open between requests, so every request runs in the test's transaction and
    sees the test database's content."""
    response = HANDLER(environ)
    start_response(
        f"{response.status_code} {response.reason_phrase}", list(response.headers.items())
    )
    return [response.content]


HANDLER = ClientHandler()
# Read at collection time, from the API object itself: the description needs no database, but a
# request for it would pass the page cache, which reads the content version from the database.
schema = schemathesis.openapi.from_dict(api_v1.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = site
schema.location = "/api/v1/openapi.json"


# Bounded so the whole run stays well under a minute: a few examples per endpoint and mode,
# no shrinking (a failure is reported as found), no example database between runs.
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_the_api_fail_or_break_its_schema(case):
    case.call_and_validate()
