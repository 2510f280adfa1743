"""Each certification page issues a fixed number of queries, however many certifications and
roles there are."""

import pytest

from certifications.models import Certification
from tests.conftest import VERSION_QUERY

# The catalogue: its certifications, and the roles the fit finder offers as a target (whose
# tiers and starting years also give the typical experience of each tier).
PAGES = [
    ("/certifications/", 2),
    ("/certifications/?focus=process-improvement&suits=mid&issuer=asq", 2),
    ("/certifications/?tier=mid&grow=supply-chain", 2),
    ("/certifications/?tier=entry&grow=running-projects&target=operations-manager&years=1", 2),
    ("/certifications/cpim/", 3),
    ("/certifications/compare/?c=cpim&c=cscp", 2),
    ("/certifications/compare/?c=cpim&c=cscp&c=pmp&c=lean-six-sigma-black-belt&diff=1", 2),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_stays_within_its_query_budget(client, django_assert_max_num_queries, url, budget):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_keeps_the_same_budget_with_ten_times_the_certifications(
    client, django_assert_max_num_queries, tenfold_content, url, budget
):
    assert Certification.objects.filter(slug__startswith="cpim").count() == 10
    assert Certification.objects.get(slug="cpim-x9").roles.exists()
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        response = client.get(url)
    assert response.status_code == 200
    if url == "/certifications/":  # every one counted, a page of them shown
        total = Certification.objects.count()
        assert f"of the {total} certifications that match" in response.content.decode()
