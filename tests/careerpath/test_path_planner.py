"""The path planner: the shortest route up the ladder, step by step, and clear refusals."""

import re

import pytest

from roles.models import Role

pytestmark = pytest.mark.django_db


def steps(html):
    return re.findall(r'<h3>Step \d+: <a href="[^"]+">([^<]+)</a></h3>', html)


def test_analyst_to_coo_goes_through_every_management_rung(client):
    response = client.get("/ladder/path/?from=operations-analyst&to=chief-operating-officer")
    assert response.status_code == 200
    assert steps(response.content.decode()) == [
        "Operations Manager",
        "Senior Operations Manager",
        "Director of Operations",
        "VP of Operations",
        "Chief Operating Officer",
    ]


def test_each_step_lists_skills_to_gain_at_a_higher_level_than_now(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    analyst = {
        rs.skill.name: rs.level
        for rs in Role.objects.get(slug="operations-analyst").role_skills.select_related("skill")
    }
    manager = {
        rs.skill.name: rs.level
        for rs in Role.objects.get(slug="operations-manager").role_skills.select_related("skill")
    }
    expected = {name for name, level in manager.items() if level > analyst.get(name, 0)}
    listed = set(
        re.findall(r'<li><a href="/skills/[a-z0-9-]+/">([^<:]+)</a>: level \d → \d</li>', html)
    )
    assert listed == {n.replace("'", "&#x27;").replace("&", "&amp;") for n in expected}
    assert expected, "the manager role should ask for more than the analyst"


def test_each_step_shows_certifications_years_and_pay_change(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    step = html.split('class="route__step"')[1]
    assert "Typical experience on arrival:" in step
    assert "Pay change:" in step and "a year (to $102,950)" in step
    manager = Role.objects.get(slug="operations-manager")
    for cert in manager.certifications.all():
        assert f'href="/certifications/{cert.slug}/"' in step


def test_the_totals_come_first_then_the_steps(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=chief-operating-officer"
    ).content.decode()
    result = html.split('id="path-result"')[1]
    totals, steps = result.split('class="route"')
    totals = totals.split('id="totals-heading"')[1]
    assert "5 moves: Operations Analyst → Operations Manager" in totals
    assert re.search(r"\+\$[\d,]+ a year", totals)
    assert re.search(r"\d+ skills? to build up", totals)
    assert re.search(r"about \d+–\d+ more years of experience", totals)
    assert "Step 1" in steps and "Step 1" not in totals


def test_the_form_is_selects_that_update_the_result_in_place(client):
    html = client.get("/ladder/path/").content.decode()
    form = html.split('class="path-form"')[1].split("</form>")[0]
    assert 'method="get"' in html and 'hx-trigger="change"' in html
    assert form.count("<select") == 3 and 'hx-push-url="true"' in html
    assert 'name="from"' in form and 'name="to"' in form and 'name="industry"' in form


def test_with_htmx_only_the_result_is_returned(client, htmx_headers):
    response = client.get(
        "/ladder/path/?from=inventory-analyst&to=director-of-operations", **htmx_headers
    )
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith('<section id="path-result"')
    assert steps(html) == [
        "Operations Manager",
        "Senior Operations Manager",
        "Director of Operations",
    ]
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("from=chief-operating-officer&to=operations-analyst", 400, "sits below"),
        ("from=operations-manager&to=operations-manager", 400, "already an Operations Manager"),
        ("from=operations-analyst&to=astronaut", 404, "We have no role called “astronaut”"),
        ("to=operations-manager", 400, "Choose where you start"),
        ("from=&to=", 400, "Choose where you start"),
    ],
)
def test_no_route_gives_a_clear_message_and_a_4xx(client, query, status, message):
    response = client.get(f"/ladder/path/?{query}")
    assert response.status_code == status
    assert message in response.content.decode()


def test_without_parameters_the_planner_invites_a_choice(client):
    response = client.get("/ladder/path/")
    assert response.status_code == 200
    assert "Choose two roles above" in response.content.decode()


# --- easier: swap, the next rung by default, sideways moves ---------------------------------


def test_the_swap_button_plans_the_other_way_without_javascript(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    form = html.split('class="path-form"')[1].split("</form>")[0]
    buttons = re.findall(r"<button[^>]*>[^<]+</button>", form)
    # Planning stays the form's first button, so Enter plans; swapping is the second.
    assert buttons[0] == '<button type="submit">Plan the path</button>'
    assert 'name="swap" value="1"' in buttons[1] and "Swap from and to" in buttons[1]

    response = client.get(
        "/ladder/path/",
        {"from": "chief-operating-officer", "to": "operations-analyst", "swap": "1"},
    )
    assert response.status_code == 302
    assert (
        response["Location"] == "/ladder/path/?from=operations-analyst&to=chief-operating-officer"
    )


def test_a_refused_downward_route_links_the_route_up_instead(client):
    response = client.get("/ladder/path/?from=chief-operating-officer&to=operations-analyst")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        '<a href="/ladder/path/?from=operations-analyst&amp;to=chief-operating-officer">'
        "Plan the route up from Operations Analyst to Chief Operating Officer instead</a>"
    ) in html


def test_a_route_up_offers_no_link_to_the_refused_way_down(client):
    html = client.get(
        "/ladder/path/?from=operations-analyst&to=operations-manager"
    ).content.decode()
    assert "from=operations-manager&amp;to=operations-analyst" not in html


def test_with_only_a_start_the_planner_plans_to_the_next_rung_and_selects_it(client):
    response = client.get("/ladder/path/?from=operations-analyst")
    assert response.status_code == 200
    html = response.content.decode()
    assert steps(html) == ["Operations Manager"]
    to_list = html.split('id="path-to"')[1].split("</select>")[0]
    assert '<option value="operations-manager" selected>' in to_list
    assert "the route to the next rung up, Operations Manager" in html


def test_with_only_the_top_role_the_planner_says_there_is_no_rung_above(client):
    response = client.get("/ladder/path/?from=chief-operating-officer")
    assert "Chief Operating Officer is the top of the ladder" in response.content.decode()


def test_a_sideways_move_explains_the_common_next_role_instead_of_refusing(client):
    response = client.get("/ladder/path/?from=operations-analyst&to=inventory-analyst")
    assert response.status_code == 200
    html = response.content.decode()
    assert "From Operations Analyst to Inventory Analyst: a sideways move" in html
    assert 'Both lead to <a href="/roles/operations-manager/">Operations Manager</a>' in html
    assert 'href="/ladder/path/?from=inventory-analyst&amp;to=operations-manager"' in html
    assert re.search(r'<h3>Across: <a href="/roles/inventory-analyst/">Inventory Analyst</a>', html)
    assert "Inventory Control</a>: level 0 → 4" in html


def test_a_route_reads_only_its_own_roles_however_large_the_ladder(
    client, tenfold_content, django_assert_max_num_queries
):
    from roles.models import Role

    url = "/ladder/path/?from=operations-analyst&to=chief-operating-officer"
    with django_assert_max_num_queries(20) as queries:
        page = client.get(url).content.decode()
    assert "From Operations Analyst to Chief Operating Officer: 5 steps" in page
    role_reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "roles_role"."id"')
    ]
    full_reads = [sql for sql in role_reads if '"roles_role"."headline"' in sql]
    assert len(full_reads) == 1
    named = re.search(r'"roles_role"."slug" IN \(([^)]*)\)', full_reads[0]).group(1)
    assert len(named.split(", ")) == 6  # the start and the five roles it steps up to
    assert Role.objects.count() >= 100  # ten copies of the ladder, of which the route reads one


def test_a_step_up_lists_the_first_certifications_that_suit_it_and_counts_the_rest(
    client, tenfold_content
):
    from certifications.models import Certification
    from certifications.selectors import SUITING_SHOWN

    suiting = list(
        Certification.objects.filter(roles__slug="operations-manager")
        .order_by("acronym", "slug")
        .values_list("acronym", flat=True)
    )
    assert len(suiting) > SUITING_SHOWN
    url = "/ladder/path/?from=operations-analyst&to=operations-manager"
    html = client.get(url).content.decode()
    step = html.split("Certifications that suit this step")[1]
    assert (
        re.findall(r'<li><a href="/certifications/[^/]+/">([^<]+)</a>', step)
        == suiting[:SUITING_SHOWN]
    )
    more = len(suiting) - SUITING_SHOWN
    assert (
        f'<a href="/roles/operations-manager/#certs-heading">{more} more certifications</a>' in step
    )
    api = client.get("/api/v1/ladder/path?from=operations-analyst&to=operations-manager").json()
    listed = api["steps"][0]["certifications"]
    assert [c["acronym"] for c in listed] == suiting[:SUITING_SHOWN]
    assert api["steps"][0]["more_certifications"] == more
