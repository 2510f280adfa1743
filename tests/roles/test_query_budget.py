"""Each role, ladder and path page issues a fixed number of queries, however much content."""

import pytest

from careerpath.freshness import bump_content_version
from careerpath.publishing import publish_ladder
from tests.conftest import VERSION_QUERY

PAGES = [
    ("/", 3),
    ("/roles/", 3),  # the count of roles, a page of them, their medians
    ("/roles/operations-manager/", 11),  # 9, and the industry version (2)
    ("/roles/operations-manager/?industry=services", 11),
    ("/ladder/", 3),
    ("/ladder/?role=operations-manager", 3),
    # The stored ladder's index, found missing (none is stored until the pages are published),
    # so the pickers' roles (and, on a long ladder, the roles typed by name), the ladder's
    # edges, and the five of the roles on the way up.
    ("/ladder/path/?from=operations-analyst&to=chief-operating-officer", 9),
    # With an industry: its versions of every role and their skill levels (2).
    ("/ladder/path/?from=operations-analyst&to=chief-operating-officer&industry=services", 11),
]
# Once published, a route reads the stored ladder: its index (every role's title, for the
# pickers, and next roles), then the roles on the way up; on a long ladder the roles typed by
# name too.
STORED_ROUTES = [
    ("/ladder/path/?from=operations-analyst&to=chief-operating-officer", 3),
    ("/ladder/path/?from=operations-analyst&to=chief-operating-officer&industry=services", 3),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_stays_within_its_query_budget(client, django_assert_max_num_queries, url, budget):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_keeps_the_same_budget_with_ten_times_the_content(
    client, django_assert_max_num_queries, tenfold_content, url, budget
):
    assert tenfold_content["roles"] == 90
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), STORED_ROUTES)
def test_a_route_on_the_stored_ladder_stays_within_its_query_budget(
    client, django_assert_max_num_queries, url, budget
):
    publish_ladder(bump_content_version())
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), STORED_ROUTES)
def test_a_route_on_the_stored_ladder_keeps_its_budget_with_ten_times_the_content(
    client, django_assert_max_num_queries, tenfold_content, url, budget
):
    publish_ladder(bump_content_version())
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200
