"""The FAQ and guide pages issue a fixed number of queries, however much content there is."""

import pytest

from tests.conftest import VERSION_QUERY

PAGES = [
    ("/faq/", 4),  # the count of questions for the pager, a page of them, their roles, guides
    ("/faq/?page=1", 4),
    ("/faq/?q=leadership", 6),  # the site search's two queries, then the list's four
    ("/faq/how-much-do-operations-managers-earn/", 2),  # the question and where it falls
    ("/guides/", 2),  # the count of guides, a page of them
    ("/guides/working-with-senior-management/", 3),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_stays_within_its_query_budget(client, django_assert_max_num_queries, url, budget):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code in (200, 302)


@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_keeps_the_same_budget_with_ten_times_the_faqs_and_guides(
    client, django_assert_max_num_queries, tenfold_faqs_and_guides, url, budget
):
    assert tenfold_faqs_and_guides["faqs"] >= 260 and tenfold_faqs_and_guides["guides"] >= 70
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        response = client.get(url)
    assert response.status_code in (200, 302)


def test_htmx_filtering_stays_within_the_faq_budget(
    client, django_assert_max_num_queries, tenfold_faqs_and_guides, htmx_headers
):
    with django_assert_max_num_queries(6 + VERSION_QUERY):
        assert client.get("/faq/?q=lean", **htmx_headers).status_code == 200


def test_staff_previewing_a_draft_adds_only_the_session_and_user_lookups(
    staff_client, make_guide, django_assert_max_num_queries, tenfold_faqs_and_guides
):
    draft = make_guide(published=False)
    with django_assert_max_num_queries(3 + 2):
        assert staff_client.get(draft.get_absolute_url()).status_code == 200
