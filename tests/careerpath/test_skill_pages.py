"""/skills/ and /skills/<slug>/: what a skill is, what each level means, which roles need it
and at what level, what develops it; linked from role pages, the planner and the search."""

import math
import re

import pytest

from roles.models import RoleSkill, Skill, SkillKind
from roles.selectors import SKILL_INDEX_PAGE_SIZE
from tests.conftest import VERSION_QUERY, every_page

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_skill_page_says_what_the_skill_is(client):
    lean = Skill.objects.get(slug="lean")
    html = page(client, "/skills/lean/")
    assert "<h1" in html and ">Lean</h1>" in html
    assert lean.description.split(".")[0] in html


def test_a_skill_page_explains_every_level_from_1_to_5(client):
    html = page(client, "/skills/lean/")
    levels = re.findall(r"<h3>Level (\d): [A-Z][a-z]+</h3>", html)
    assert levels == ["1", "2", "3", "4", "5"]


def test_a_skill_page_lists_each_role_that_needs_it_with_the_level(client):
    html = page(client, "/skills/inventory-control/")
    table = html.split('class="skill-roles"')[1].split("</table>")[0]
    needs = RoleSkill.objects.filter(skill__slug="inventory-control").select_related("role")
    assert needs
    for need in needs:
        row = table.split(f'href="/roles/{need.role.slug}/"')[1].split("</tr>")[0]
        assert f"<td>{need.level} of 5</td>" in row


def test_roles_appear_under_the_level_they_need(client):
    html = page(client, "/skills/inventory-control/")
    need = RoleSkill.objects.select_related("role").get(
        skill__slug="inventory-control", role__slug="inventory-analyst"
    )
    level = html.split(f"<h3>Level {need.level}:")[1].split("</li>")[0]
    assert 'href="/roles/inventory-analyst/#skills"' in level


def test_a_skill_page_links_the_certifications_and_guides_that_cover_it(client):
    html = page(client, "/skills/lean/")
    develop = html.split('id="develop-heading"')[1].split("</section>")[0]
    assert 'href="/certifications/lean-six-sigma-green-belt/"' in develop
    assert re.search(r'href="/guides/[a-z0-9-]+/"', develop)


def test_an_unknown_skill_is_a_404(client):
    assert client.get("/skills/juggling/").status_code == 404


def test_the_skill_index_lists_every_skill_by_kind_with_a_link(client):
    html = page(client, "/skills/")
    for skill in Skill.objects.all():
        assert f'href="/skills/{skill.slug}/"' in html
    assert re.findall(r'<h2 id="kind-[a-z]+">', html)


def listed_skills(html: str) -> list[str]:
    return re.findall(r'<li><a href="/skills/([^/]+)/">', html)


def test_todays_skills_fit_on_one_page_of_the_index(client):
    html = page(client, "/skills/")
    assert len(listed_skills(html)) == Skill.objects.count()
    assert 'class="pager"' not in html


def test_many_skills_come_in_pages_by_kind_and_then_by_name(client, tenfold_content):
    total = Skill.objects.count()
    assert total > SKILL_INDEX_PAGE_SIZE
    first = page(client, "/skills/")
    assert len(listed_skills(first)) == SKILL_INDEX_PAGE_SIZE
    assert f"Skills 1–{SKILL_INDEX_PAGE_SIZE} of {total}, by kind and then by name." in first
    seen = every_page(client, "/skills/", listed_skills)
    kinds = SkillKind.values
    ordered = sorted(Skill.objects.all(), key=lambda s: (kinds.index(s.kind), s.name, s.slug))
    assert seen == [skill.slug for skill in ordered]  # every skill once, across the pages


def test_a_page_of_skills_swaps_in_place_with_htmx(client, tenfold_content, htmx_headers):
    response = client.get("/skills/?page=2", **htmx_headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and len(listed_skills(html)) == SKILL_INDEX_PAGE_SIZE
    assert 'rel="prev"' in html and 'hx-target="#skill-list"' in html


@pytest.mark.parametrize(
    ("number", "message"),
    [("99", "There are only {pages} pages of results; page 99 is past the end."), ("x", "Give")],
)
def test_a_page_of_skills_that_is_not_one_is_a_400_with_the_way_back(
    client, tenfold_content, number, message
):
    pages = math.ceil(Skill.objects.count() / SKILL_INDEX_PAGE_SIZE)
    response = client.get("/skills/", {"page": number})
    html = response.content.decode()
    assert response.status_code == 400
    assert message.format(pages=pages) in html
    assert 'href="/skills/">Go to the first page of skills' in html


def test_role_pages_link_each_skill_to_its_page_instead_of_a_hover_tooltip(client):
    html = page(client, "/roles/operations-manager/")
    skills = html.split('id="skills"')[1].split("</section>")[0]
    manager_skills = Skill.objects.filter(role_skills__role__slug="operations-manager")
    for skill in manager_skills:
        assert f'href="/skills/{skill.slug}/"' in skills
    assert 'title="' not in skills


def test_the_path_planner_links_each_skill_to_gain(client):
    html = page(client, "/ladder/path/?from=operations-analyst&to=operations-manager")
    assert re.search(r'<li><a href="/skills/[a-z0-9-]+/">[^<]+</a>: level \d', html)


def test_search_results_for_a_skill_open_its_page(client):
    html = page(client, "/search/?q=inventory+control")
    assert 'href="/skills/inventory-control/"' in html


def test_skill_pages_are_in_the_sitemap(client):
    xml = page(client, "/sitemap.xml")
    assert "/skills/</loc>" in xml
    for slug in Skill.objects.values_list("slug", flat=True):
        assert f"/skills/{slug}/</loc>" in xml


# A skill page: the skill with its roles (2), the certifications that develop it (1), and the
# guides the site search finds for it (2: the vocabulary, then the index).
SKILL_PAGES = [
    ("/skills/", 2),
    ("/skills/lean/", 5),
    ("/skills/inventory-control/", 5),
]


@pytest.mark.parametrize(("url", "budget"), SKILL_PAGES)
def test_skill_pages_stay_within_their_query_budget(
    client, django_assert_max_num_queries, url, budget
):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), SKILL_PAGES)
def test_skill_pages_keep_the_same_budget_with_ten_times_the_content(
    client, django_assert_max_num_queries, tenfold_content, url, budget
):
    assert tenfold_content["skills"] > 0
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200
