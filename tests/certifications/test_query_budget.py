"""Each certification page issues a fixed number of queries, however many certifications and
roles there are."""

import pytest

from certifications.models import Certification
from tests.conftest import VERSION_QUERY

# The catalogue: its certifications, the roles the fit finder offers as a target (whose tiers
# and starting years also give the typical experience of each tier), and the parts of those it
# shows as stored rendered (certifications/stored_parts.py). The comparison: the stored list of
# certifications, and with none stored, every certification and then the roles of those chosen.
# (Read from stored parts, the comparison takes one query less: test_stored_parts.py.)
PAGES = [
    ("/certifications/", 3),
    ("/certifications/?focus=process-improvement&suits=mid&issuer=asq", 3),
    ("/certifications/?tier=mid&grow=supply-chain", 3),
    ("/certifications/?tier=entry&grow=running-projects&target=operations-manager&years=1", 3),
    ("/certifications/cpim/", 3),
    ("/certifications/compare/?c=cpim&c=cscp", 3),
    ("/certifications/compare/?c=cpim&c=cscp&c=pmp&c=lean-six-sigma-black-belt&diff=1", 3),
]
# Past a list's size (ten times today's content), a name typed instead of chosen from a list
# is looked up: the fit finder counts the years each tier starts from in the database and looks
# up the role aimed at (two more); a comparison looks up the certifications asked for (one).
TYPED_NAMES = {"tier=": 2, "compare/?c=": 1}


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
    budget += sum(extra for marker, extra in TYPED_NAMES.items() if marker in url)
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        response = client.get(url)
    assert response.status_code == 200
    if url == "/certifications/":  # every one counted, a page of them shown
        total = Certification.objects.count()
        assert f"of the {total} certifications that match" in response.content.decode()
