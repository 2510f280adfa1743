"""Plan pages issue a fixed number of queries, however much content there is."""

import pytest

BUDGETS = [("page", "", 16), ("json", "plan.json", 3), ("start", None, 10)]


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


def test_an_update_keeps_its_budget_with_ten_times_the_content(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(16):
        response = client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "done"}
        )
    assert response.status_code == 302


def test_an_update_reads_only_the_skills_and_certifications_it_names(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(16) as queries:
        response = client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "done"}
        )
    assert response.status_code == 302
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert not any('FROM "certifications_certification"' in sql for sql in reads)
    skill_reads = [sql for sql in reads if 'FROM "roles_skill"' in sql]
    assert skill_reads and all("IN (" in sql for sql in skill_reads), skill_reads
