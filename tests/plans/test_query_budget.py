"""Plan pages issue a fixed number of queries, however much content there is."""

import pytest

# The page as first built (then kept: plans/pages.py), the JSON export, the start page.
BUDGETS = [("page", "", 19), ("json", "plan.json", 3), ("start", None, 10)]
KEPT_PAGE_BUDGET = 1  # the plan with its kept page and the content version
# The plan with its kept page (none yet), the plan, keeping the page built (in a savepoint: two
# more): the catalogue comes from the shared cache, where the first page built for the content
# version left it; and what to read about the plan's actions: the FAQs and the guides that name
# their skills (two).
BUILT_PAGE_BUDGET = 7
# The rate counter (and, when a new window starts, pruning the address's past ones), then the
# write that checks the version and the skill itself.
STATUS_BUDGET = 3
# The plan, the rate counter (and its pruning), the skills named, the certifications named,
# the update.
UPDATE_BUDGET = 6


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
def test_a_kept_plan_page_costs_one_query_however_much_content(
    request, client, saved, django_assert_max_num_queries, tenfold
):
    if tenfold:
        request.getfixturevalue("tenfold_content")
    client.get(saved[2])  # builds and keeps it
    with django_assert_max_num_queries(KEPT_PAGE_BUDGET):
        assert client.get(saved[2]).status_code == 200


def test_marking_an_action_is_the_rate_counter_and_one_write_however_much_content(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(STATUS_BUDGET) as queries:
        response = client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "done"}
        )
    assert response.status_code == 302
    assert not [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    plan.refresh_from_db()
    assert plan.action_status == {"lean": "done"} and plan.version == 2


def test_a_ratings_update_reads_only_the_skills_and_certifications_it_names(
    client, saved, tenfold_content, django_assert_max_num_queries
):
    plan, token, url = saved
    with django_assert_max_num_queries(UPDATE_BUDGET) as queries:
        response = client.post(
            url, {"action": "rate", "version": "1", "skill-lean": "4", "cert": "cpim"}
        )
    assert response.status_code == 302
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    for table in ('FROM "roles_skill"', 'FROM "certifications_certification"'):
        named = [sql for sql in reads if table in sql]
        assert named and all("IN (" in sql for sql in named), named


@pytest.mark.parametrize("tenfold", [False, True], ids=["1x", "10x"])
def test_a_plan_page_built_after_another_reads_no_catalogue_from_the_database(
    request, client, saved, make_plan, django_assert_max_num_queries, tenfold
):
    if tenfold:
        request.getfixturevalue("tenfold_content")
    _, other = make_plan()
    client.get(f"/plan/{other}/")  # the first page built for this content version

    with django_assert_max_num_queries(BUILT_PAGE_BUDGET):
        response = client.get(saved[2])

    assert response.status_code == 200
    assert "Leadership" in response.content.decode()
