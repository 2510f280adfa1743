"""The role index and the role profile."""

import json
import math
import re

import pytest
from django.db.models import Q

from certifications.models import Certification
from certifications.selectors import SUITING_SHOWN
from guides.models import FAQ, Guide
from guides.selectors import READING_SHOWN
from roles.models import Role
from roles.selectors import ROLE_INDEX_PAGE_SIZE
from tests.conftest import every_page

pytestmark = pytest.mark.django_db


def test_role_index_groups_every_role_by_tier_with_headline_and_median(client):
    html = client.get("/roles/").content.decode()
    headings = re.findall(r'<h2 id="tier-(\w+)">', html)
    assert headings == ["entry", "mid", "senior", "executive"]
    for role in Role.objects.all():
        assert role.title in html and role.headline.replace("'", "&#x27;") in html
    executive = html.split('id="tier-executive"')[1]
    assert "Chief Operating Officer" in executive and "Operations Analyst" not in executive
    assert "Median $102,950" in html


def listed_roles(html: str) -> list[str]:
    return re.findall(r'<li class="role-list__item">\s*<h3><a href="/roles/([^/]+)/">', html)


def test_todays_roles_fit_on_one_page_of_the_index(client):
    html = client.get("/roles/").content.decode()
    assert len(listed_roles(html)) == Role.objects.count()
    assert 'class="pager"' not in html


def test_a_long_ladder_comes_in_pages_of_roles_lowest_rung_first(client, tenfold_content):
    total = Role.objects.count()
    assert total > ROLE_INDEX_PAGE_SIZE
    first = client.get("/roles/").content.decode()
    assert len(listed_roles(first)) == ROLE_INDEX_PAGE_SIZE
    assert f"Roles 1–{ROLE_INDEX_PAGE_SIZE} of {total}, lowest rung first." in first
    seen = every_page(client, "/roles/", listed_roles)
    ordered = Role.objects.order_by("rank", "title", "slug").values_list("slug", flat=True)
    assert seen == list(ordered)  # every role once, in ladder order, across the pages


def test_a_page_of_roles_swaps_in_place_with_htmx(client, tenfold_content, htmx_headers):
    response = client.get("/roles/?page=2", **htmx_headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and len(listed_roles(html)) == ROLE_INDEX_PAGE_SIZE
    assert 'rel="prev"' in html and 'hx-target="#role-list"' in html


@pytest.mark.parametrize(
    ("page", "message"),
    [("99", "There are only {pages} pages of results; page 99 is past the end."), ("x", "Give")],
)
def test_a_page_that_is_not_one_is_a_400_with_the_way_back(client, tenfold_content, page, message):
    pages = math.ceil(Role.objects.count() / ROLE_INDEX_PAGE_SIZE)
    response = client.get("/roles/", {"page": page})
    html = response.content.decode()
    assert response.status_code == 400
    assert message.format(pages=pages) in html
    assert 'href="/roles/">Go to the first page of roles' in html


def test_profile_shows_summary_responsibilities_kpis_and_education(client):
    role = Role.objects.get(slug="operations-manager")
    html = client.get("/roles/operations-manager/").content.decode()
    assert "<h1>Operations Manager</h1>" in html
    for item in role.responsibilities[:3]:
        assert item.replace("'", "&#x27;") in html
    for kpi in role.kpis:
        assert kpi["name"].replace("'", "&#x27;") in html
    assert "Typical experience:" in html and "Education:" in html


def test_profile_compares_each_skill_level_with_the_roles_below_and_the_next_role(client):
    manager = Role.objects.get(slug="operations-manager")
    below = {}
    for role in manager.comes_from.prefetch_related("role_skills"):
        for rs in role.role_skills.all():
            below.setdefault(rs.skill_id, []).append(rs.level)
    nxt = {rs.skill_id: rs.level for rs in manager.leads_to.get().role_skills.all()}
    html = client.get("/roles/operations-manager/").content.decode()
    table = html.split('class="skill-steps"')[1].split("</table>")[0]
    assert '<th scope="col" class="skill-steps__num">Below</th>' in table
    assert "level 5 of 5" not in table and "/5<" not in table, "no bars out of five any more"

    for rs in manager.role_skills.select_related("skill"):
        name = rs.skill.name.replace("&", "&amp;")
        row = table.split(f'<a href="{rs.skill.get_absolute_url()}">{name}</a>')[1]
        row = row.split("</tr>")[0]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        levels = below.get(rs.skill_id)
        if levels:
            low, high = min(levels), max(levels)
            assert cells[0] == (str(high) if low == high else f"{low}–{high}"), rs.skill.name
            if rs.level > high:
                assert f"up {rs.level - high}" in cells[1], rs.skill.name
        else:
            assert "not listed" in cells[0] and "new" in cells[1], rs.skill.name
        assert f"<strong>{rs.level}</strong>" in cells[1]
        if rs.skill_id in nxt:
            assert cells[2].startswith(str(nxt[rs.skill_id])), rs.skill.name


def test_profile_shows_every_pay_figure_with_source_and_year(client):
    role = Role.objects.get(slug="operations-manager")
    html = client.get("/roles/operations-manager/").content.decode()
    pay = html.split('id="pay-heading"')[1]
    assert "$102,950" in pay and "2024" in pay
    for figure in role.salary_figures.all():
        assert f"{int(figure.amount):,}" in pay
        assert str(figure.reference_year) in pay
    assert "<svg" in pay and "<title" in pay, "the chart has a text equivalent"
    assert "Outlook, 2024–2034" in pay and "4.4%" in pay


def test_the_outlook_is_shown_once_from_one_edition(client):
    pay = client.get("/roles/operations-manager/").content.decode().split('id="pay-heading"')[1]
    assert pay.count("Outlook,") == 1
    assert "2023–2033" not in pay


def test_figures_not_checked_on_their_source_say_where_they_came_from(client):
    html = client.get("/roles/vp-of-operations/").content.decode()
    assert "not yet checked against the source itself" in html


def test_a_page_that_mixes_editions_says_so(client):
    pay = client.get("/roles/operations-manager/").content.decode().split('id="pay-heading"')[1]
    assert "2 editions (May 2024, May 2023)" in pay


def test_each_note_of_a_pay_table_is_said_once(client):
    html = client.get("/roles/director-of-operations/").content.decode()
    assert html.count("May 2023 is the newest release for which we could source") == 1
    assert "Cross-checked" not in html and "GitHub" not in html


def test_a_rung_that_shares_its_occupation_shows_a_labelled_estimate_with_its_method(client):
    html = client.get("/roles/director-of-operations/").content.decode()
    summary = html.split('class="glance"')[1].split("</section>")[0]
    assert "Estimate $160,290" in summary
    assert "<details" in summary and "75th percentile" in summary
    manager = client.get("/roles/operations-manager/").content.decode()
    manager = manager.split('class="glance"')[1].split("</section>")[0]
    assert "Median $102,950" in manager and "$160,290" not in manager


def test_profile_links_the_certifications_that_suit_it(client):
    html = client.get("/roles/inventory-analyst/").content.decode()
    assert 'href="/certifications/cpim/"' in html


def test_with_many_suiting_certifications_a_profile_lists_a_few_and_links_the_rest(
    client, tenfold_content
):
    role = Role.objects.get(slug="operations-manager")
    suiting = list(
        Certification.objects.filter(Q(roles=role) | Q(suits_mid=True))
        .distinct()
        .order_by("acronym", "slug")
        .values_list("slug", flat=True)
    )
    assert len(suiting) > SUITING_SHOWN
    html = client.get(role.get_absolute_url()).content.decode()
    section = html.split('id="certs-heading"')[1].split("</section>")[0]
    listed = re.findall(r'<li><a href="/certifications/([^/]+)/">', section)
    assert listed == suiting[:SUITING_SHOWN]
    more = len(suiting) - SUITING_SHOWN
    assert (
        f'<a href="/certifications/?suits={role.tier}">{more} more for mid-level roles' in section
    )
    api = client.get("/api/v1/roles/operations-manager").json()
    assert [c["slug"] for c in api["certifications"]] == suiting[:SUITING_SHOWN]
    assert api["certifications_in_all"] == len(suiting)
    assert api["more_certifications"] == "/api/v1/certifications?suits=mid"
    at_the_tier = client.get(api["more_certifications"]).json()["count"]
    assert at_the_tier == Certification.objects.filter(suits_mid=True).count()


def test_profile_shows_reports_to_and_leads_to(client):
    html = client.get("/roles/operations-analyst/").content.decode()
    lines = html.split('id="lines-heading"')[1].split("</section>")[0]
    assert 'href="/roles/operations-manager/"' in lines


def test_profile_lists_related_faqs_and_guides(client):
    html = client.get("/roles/operations-manager/").content.decode()
    assert 'href="/guides/working-with-senior-management/"' in html
    assert re.search(r'href="/faq/[a-z0-9-]+/"', html)


def test_onet_credit_appears_only_where_onet_content_is_used(client):
    assert "CC BY 4.0" in client.get("/roles/operations-manager/").content.decode()
    assert "CC BY 4.0" not in client.get("/roles/operations-coordinator/").content.decode()


def test_unknown_role_is_a_404_page(client):
    response = client.get("/roles/astronaut/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_industry_switch_links_to_each_industry_and_marks_the_choice(client):
    role = Role.objects.get(slug="operations-manager")
    html = client.get("/roles/operations-manager/?industry=services").content.decode()
    assert 'href="?industry=manufacturing#industry"' in html
    assert 'href="?industry=technology#industry"' in html
    assert '<a href="?industry=services#industry" hx-get="?industry=services"' in html
    assert 'hx-push-url="true" aria-current="true">Services</a>' in html
    assert role.focus_services.replace("'", "&#x27;") in html
    assert role.focus_technology.replace("'", "&#x27;") not in html


def test_industry_switch_with_htmx_returns_only_the_industry_section(client, htmx_headers):
    role = Role.objects.get(slug="operations-manager")
    response = client.get("/roles/operations-manager/?industry=technology", **htmx_headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and html.strip().startswith('<section id="industry"')
    assert role.focus_technology.replace("'", "&#x27;") in html
    assert "HX-Request" in response["Vary"]


def test_unknown_industry_is_a_400_with_a_message(client):
    response = client.get("/roles/operations-manager/?industry=<b>mining</b>")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no industry called" in html and "<b>mining</b>" not in html


def test_role_page_has_occupation_json_ld_with_the_median_shown(client):
    import json

    html = client.get("/roles/operations-manager/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    data = [json.loads(b) for b in blocks]
    occupation = next(d for d in data if d["@type"] == "Occupation")
    assert occupation["occupationalCategory"] == "11-1021"
    assert occupation["estimatedSalary"][0]["median"] == 102950
    assert any(d["@type"] == "BreadcrumbList" for d in data)


def test_structured_data_never_calls_a_rung_estimate_the_median(client):
    html = client.get("/roles/director-of-operations/").content.decode()
    script = html.split('<script type="application/ld+json"')[-1].split(">", 1)[1]
    data = json.loads(script.split("</script>")[0])
    salary = data["estimatedSalary"][0]
    assert salary["median"] == 101280 and salary["percentile75"] == 160290


def test_with_many_questions_and_guides_about_a_role_a_profile_lists_the_first_and_counts_the_rest(
    client, tenfold_content
):
    role = Role.objects.get(slug="operations-manager")
    guides = list(
        Guide.objects.published()
        .filter(roles=role)
        .order_by("title")
        .values_list("slug", flat=True)
    )
    faqs = list(
        FAQ.objects.published().filter(roles=role).in_faq_order().values_list("slug", flat=True)
    )
    assert len(guides) > READING_SHOWN and len(faqs) > READING_SHOWN
    html = client.get(role.get_absolute_url()).content.decode()
    section = html.split('id="reading-heading"')[1].split("</section>")[0]
    assert re.findall(r'<li><a href="/guides/([^/]+)/">', section) == guides[:READING_SHOWN]
    assert re.findall(r'<li><a href="/faq/([^/]+)/">', section) == faqs[:READING_SHOWN]
    assert f"{len(guides) - READING_SHOWN} more guides</a>" in section
    assert f"{len(faqs) - READING_SHOWN} more questions</a>" in section
    api = client.get("/api/v1/roles/operations-manager").json()
    assert [g["slug"] for g in api["guides"]] == guides[:READING_SHOWN]
    assert [f["slug"] for f in api["faqs"]] == faqs[:READING_SHOWN]
    assert (api["guides_in_all"], api["faqs_in_all"]) == (len(guides), len(faqs))


def test_todays_profiles_list_every_question_and_guide_about_them(client):
    for role in Role.objects.all():
        html = client.get(role.get_absolute_url()).content.decode()
        shown = (
            html.split('id="reading-heading"')[1].split("</section>")[0]
            if "reading-heading" in html
            else ""
        )
        assert shown.count("<li>") == (
            FAQ.objects.published().filter(roles=role).count()
            + Guide.objects.published().filter(roles=role).count()
        )
        assert " more guides<" not in shown and " more questions<" not in shown
