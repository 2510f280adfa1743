"""Each API endpoint and download issues a fixed number of queries, however much content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerpath.freshness import bump_content_version
from careerpath.publishing import publish_ladder
from tests.conftest import VERSION_QUERY

ENDPOINTS = [
    # Lists read in the database a page at a time: the count, then the page (and its parts).
    ("/api/v1/roles", 4),
    ("/api/v1/roles?tier=mid&page=1&page_size=5", 4),
    ("/api/v1/roles/operations-manager", 11),  # as the page: 9, and the industry version (2)
    ("/api/v1/roles/operations-manager?industry=services", 11),
    ("/api/v1/ladder", 3),
    # + the stored ladder, found missing (none is stored until the pages are published), and
    # the ladder's shape (every role and its next roles, one query); then the route's roles
    ("/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer", 7),
    ("/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer&industry=services", 9),
    ("/api/v1/certifications", 1),
    ("/api/v1/certifications?suits=mid&issuer=ascm", 1),
    ("/api/v1/certifications/cpim", 2),
    ("/api/v1/certifications/compare?c=cpim&c=cscp&c=pmp&c=cltd", 2),
    ("/api/v1/faqs", 3),
    ("/api/v1/faqs?q=manager", 5),  # the site search (2) picks the questions
    ("/api/v1/guides", 2),
    ("/api/v1/guides/working-with-senior-management", 3),
    ("/api/v1/search?q=inventory", 2),  # the vocabulary, then the index
    ("/api/v1/openapi.json", 0),
    ("/data/roles-pay.csv", 1),
    ("/data/certifications.csv", 1),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), ENDPOINTS)
def test_endpoint_stays_within_its_query_budget(client, django_assert_max_num_queries, url, budget):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), ENDPOINTS)
def test_endpoint_keeps_the_same_budget_with_ten_times_the_content(
    client, django_assert_max_num_queries, tenfold_content, url, budget
):
    assert tenfold_content["roles"] == 90
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        response = client.get(url)
    assert response.status_code == 200
    if url == "/api/v1/roles":
        assert response.json()["count"] == 100  # the copies are listed, a page at a time
        assert len(response.json()["items"]) == 20


@pytest.mark.django_db
@pytest.mark.parametrize("industry", ["", "services"])
def test_a_route_on_the_stored_ladder_reads_the_index_and_the_routes_own_roles(
    client, django_assert_max_num_queries, industry
):
    publish_ladder(bump_content_version())
    url = "/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer"
    url += f"&industry={industry}"
    with django_assert_max_num_queries(2 + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "table"),
    [("/api/v1/roles?page=2", "roles_role"), ("/api/v1/guides?page=2", "guides_guide")],
)
def test_a_page_of_a_long_list_reads_only_that_page(client, tenfold_content, url, table):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    reads = [q["sql"] for q in queries if f'FROM "{table}"' in q["sql"]]
    assert any("LIMIT 20 OFFSET 20" in sql for sql in reads)
    # Every other read of the table is the count, or asks for the rows of the page by key.
    unbounded = [sql for sql in reads if not ("LIMIT" in sql or "COUNT(" in sql or " IN (" in sql)]
    assert not unbounded
