"""Plan pages issue a fixed number of queries, however much content there is."""

import pytest

# The page as first built (then kept: plans/pages.py), the JSON export, the start page.
BUDGETS = [("page", "", 19), ("json", "plan.json", 3), ("start", None, 10)]
KEPT_PAGE_BUDGET = 2  # the plan with its kept page, and the content version
# The plan, the rate counter (its own short transaction, pruning the address's past windows
# when a new one starts), the skill named, the update.
UPDATE_BUDGET = 8


def url_for(token, suffix):
    if suffix is None:
        return "/plan/?current=operations-analyst&target=chief-operating-officer&skill-lean=3"
    return f"/plan/{token}/{suffix}"


@pytest.mark.parametrize(("name", "suffix", "budget"), BUDGETS, ids=[b[0] for b in BUDGETS])
def test_plan_page_stays_within_its_query_budget(
    client, saved, django_assert_max_num_queries, name, suffix, budget
):
    with django_assert_max_num_queries(budget):
        assert client.get(url_for(saved[1], suffix)).status_code == 200


@pytest.mark.parametrize(("name", "suffix", "budget"), BUDGETS, ids=[b[0] for b in BUDGETS])
def test_plan_page_keeps_its_budget_with_ten_times_the_content(
    client, saved, tenfold_content, django_assert_max_num_queries, name, suffix, budget
):
    assert tenfold_content["skills"] == 369
    with django_assert_max_num_queries(budget):
        assert client.get(url_for(saved[1], suffix)).status_code == 200


@pytest.mark.parametrize("tenfold", [False, True], ids=["1x", "10x"])
def test_a_kept_plan_page_costs_two_queries_however_much_content(
    request, client, saved, django_assert_max_num_queries, tenfold
):
    if tenfold:
        request.getfixturevalue("tenfold_content")
    client.get(saved[2])  # builds and keeps it
    with django_assert_max_num_queries(KEPT_PAGE_BUDGET):
        assert client.get(saved[2]).status_code == 200


def test_an_update_keeps_its_budget_with_ten_times_the_content(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(UPDATE_BUDGET):
        response = client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "done"}
        )
    assert response.status_code == 302


def test_an_update_reads_only_the_skills_and_certifications_it_names(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(UPDATE_BUDGET) as queries:
        response = client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "done"}
        )
    assert response.status_code == 302
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert not any('FROM "certifications_certification"' in sql for sql in reads)
    skill_reads = [sql for sql in reads if 'FROM "roles_skill"' in sql]
    assert skill_reads and all("IN (" in sql for sql in skill_reads), skill_reads
