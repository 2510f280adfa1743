"""On a ladder too long for a list, the path planner takes each role by its title (or slug),
and a near miss offers the roles it could mean; today's ladder keeps its lists."""

import re

import pytest

from careerpath.views.ladder import PICKER_LIMIT, SUGGESTIONS
from roles.models import Role

pytestmark = pytest.mark.django_db


def suggestion_links(html: str) -> list[str]:
    block = html.split('class="path-suggestions"', 1)[1].split("</ul>", 1)[0]
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', block)]


def test_todays_ladder_is_offered_in_lists(client):
    html = client.get("/ladder/path/").content.decode()
    assert '<select id="path-from" name="from" required>' in html
    assert html.count('<option value="operations-analyst"') == 2


def test_a_long_ladder_is_picked_by_name_with_no_list_of_every_role(client, tenfold_content):
    assert Role.objects.count() > PICKER_LIMIT
    html = client.get("/ladder/path/").content.decode()
    assert '<input id="path-from" name="from" type="text"' in html
    assert '<option value="operations-analyst"' not in html
    assert "Type each role's title" in html


def test_typed_titles_plan_the_route_in_any_case(client, tenfold_content):
    response = client.get(
        "/ladder/path/", {"from": "operations analyst", "to": "Chief Operating Officer"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "From Operations Analyst to Chief Operating Officer" in html
    assert 'value="Operations Analyst"' in html  # the field shows the role it understood


def test_a_near_miss_offers_the_roles_it_could_mean_as_links_that_plan(client, tenfold_content):
    response = client.get("/ladder/path/", {"from": "analyst", "to": "chief-operating-officer"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "We have no role called “analyst”." in html
    links = suggestion_links(html)
    assert 0 < len(links) <= SUGGESTIONS
    assert all("to=chief-operating-officer" in link for link in links)
    assert client.get(links[0]).status_code == 200


def test_text_that_matches_nothing_says_so_without_suggestions(client, tenfold_content):
    response = client.get("/ladder/path/", {"from": "astronaut", "to": "chief-operating-officer"})
    assert response.status_code == 404
    assert 'class="path-suggestions"' not in response.content.decode()


def test_typed_text_with_a_nul_names_no_role_and_gets_an_answer_not_an_error(
    client, tenfold_content
):
    # PostgreSQL refuses NUL in a query; the picker must not send it and must still answer.
    response = client.get("/ladder/path/", {"from": "operations\x00", "to": "chief operating"})
    assert response.status_code in (400, 404)
    assert "operations" in response.content.decode()
