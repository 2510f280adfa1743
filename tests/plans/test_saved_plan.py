"""A saved plan: what matters first, readiness, role fit, actions changed in place, timeline."""

import pytest

from guides.models import FAQ, Guide
from plans import actions as action_rules
from plans.models import Plan
from plans.selectors import reading_for
from roles.models import Skill

pytestmark = pytest.mark.django_db


def test_the_plan_shows_the_top_three_gaps_and_one_certification_before_the_full_lists(
    client, saved
):
    html = client.get(saved[2]).content.decode()

    first = html.index("What matters first")
    assert first < html.index("Readiness, step by step") < html.index("Next actions")
    assert html.count('<ol class="top-gaps">') == 1
    top = html[html.index('<ol class="top-gaps">') : html.index("</ol>", first)]
    assert top.count("<li>") == 3
    assert "Start with" in html[first : html.index("Readiness, step by step")]


def test_each_action_links_the_guide_sections_and_faqs_about_its_skill(client, saved):
    html = client.get(saved[2]).content.decode()
    actions = html[html.index("Next actions") :]

    # Lean is short on the route: its action points at the guide section and the FAQ on it.
    assert "/guides/education-and-certifications/#lean-six-sigma-belts-iassc-or-asq" in actions
    assert "/faq/what-is-the-difference-between-lean-and-six-sigma/" in actions


def test_the_plan_says_which_levels_it_assumed(client, saved):
    html = client.get(saved[2]).content.decode()

    # Capacity planning was not rated; the analyst role's typical level 2 is used and said so.
    assert "Capacity Planning</strong>: level 2 (assumed)" in html


def test_readiness_names_the_step_and_the_typical_years(client, saved):
    html = client.get(saved[2]).content.decode()

    assert "Step 1: " in html and "Operations Manager" in html
    assert "Typical experience: 5–10 years (you have 3)" in html
    assert "Not yet ready for the first step, Operations Manager." in html


def test_role_fit_ranks_every_role_and_explains_the_method(client, saved):
    html = client.get(saved[2]).content.decode()
    section = html[html.index('id="fit-heading"') :]

    assert "divide by the total it asks for" in section
    assert section.count("%</strong>") == 10


def test_the_timeline_draws_the_steps_with_a_table_that_says_the_same(client, saved):
    html = client.get(saved[2]).content.decode()

    assert '<svg class="timeline"' in html and 'role="img"' in html
    assert "<caption>Steps and milestones</caption>" in html
    for months in (12, 24, 36):
        assert f"by {months} months" in html


def test_marking_an_action_done_without_javascript_redirects_back_and_shows_it(client, saved):
    plan, token, url = saved

    response = client.post(
        url, {"action": "status", "version": "1", "skill": "leadership", "status": "done"}
    )

    assert response.status_code == 302 and response["Location"] == url + "#actions"
    plan.refresh_from_db()
    assert plan.action_status == {"leadership": "done"} and plan.version == 2
    html = client.get(url).content.decode()
    assert 'Status of Leadership: <span class="status-now">Done</span>' in html


def test_marking_an_action_with_htmx_answers_the_actions_part_with_the_new_version(
    client, saved, htmx_headers
):
    plan, token, url = saved

    response = client.post(
        url,
        {"action": "status", "version": "1", "skill": "lean", "status": "in-progress"},
        **htmx_headers,
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="actions"')
    assert 'Status of Lean: <span class="status-now">In progress</span>' in html
    # Every status form in the part carries the new version, so the next change is not stale.
    assert 'name="version" value="1"' not in html and 'name="version" value="2"' in html


def test_changing_ratings_later_saves_them_and_moves_the_last_updated_time(client, saved):
    plan, token, url = saved
    before = plan.updated
    form = client.get(url + "?edit=ratings").content.decode()
    assert (
        'name="version" value="1"' in form and 'name="skill-leadership" value="2" checked' in form
    )

    response = client.post(
        url,
        {"action": "rate", "version": "1", "years": "6", "skill-leadership": "4", "cert": "pmp"},
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.ratings == {"leadership": 4} and plan.years == 6
    assert plan.certifications == ["pmp"] and plan.updated > before


def test_a_plan_from_a_starting_point_measures_the_entry_rung_first(client, make_plan):
    _, token = make_plan(
        current_role="", starting_point="engineer", target_role="operations-manager"
    )

    html = client.get(f"/plan/{token}/").content.decode()

    assert 'Step 1: <a href="/roles/operations-analyst/">Operations Analyst</a>' in html
    assert Plan.objects.count() == 1


def every_reading(skills):
    """What to read about each skill, found by scanning every published FAQ and guide."""
    faqs = list(FAQ.objects.published().only("slug", "question", "answer"))
    guides = Guide.objects.published().only("slug", "title", "body_html").order_by("title")
    return action_rules.reading_by_skill(skills, faqs, action_rules.guide_sections(guides))


@pytest.mark.parametrize("tenfold", [False, True], ids=["1x", "10x"])
def test_what_to_read_is_what_a_scan_of_every_faq_and_guide_finds(request, tenfold):
    if tenfold:
        request.getfixturevalue("tenfold_content")
    skills = list(Skill.objects.order_by("slug"))
    if tenfold:
        skills = skills[::20]  # a scan of everything for every skill is what this replaces
    found = reading_for(skills)
    assert found == every_reading(skills)
    assert sum(bool(faqs or sections) for faqs, sections in found.values()) >= len(skills) // 3


def scanned_reading(skills, faqs, sections, limit=2):
    """What to read about each skill by the rule's plain reading: every question, then every
    answer (every heading, then every section), tested in order for each skill."""

    def first(items, *texts_of):
        chosen = []
        for text_of in texts_of:
            for index, item in enumerate(items):
                text = text_of(item)
                if index in chosen or len(chosen) == limit:
                    continue
                if any(t.lower() in text.lower() for t in terms) and pattern.search(text):
                    chosen.append(index)
        return chosen

    found = {}
    for skill in skills:
        terms = action_rules.skill_terms(skill.name)
        pattern = action_rules._pattern(skill.name)
        found[skill.slug] = (
            [faqs[i] for i in first(faqs, lambda f: f.question, lambda f: f.answer or "")],
            [sections[i][:3] for i in first(sections, lambda s: s[2], lambda s: s[3])],
        )
    return found


@pytest.mark.parametrize("tenfold", [False, True], ids=["1x", "10x"])
def test_reading_found_in_one_scan_is_what_testing_each_text_for_each_skill_finds(request, tenfold):
    if tenfold:
        request.getfixturevalue("tenfold_content")
    skills = list(Skill.objects.order_by("slug"))
    faqs = list(FAQ.objects.published().only("slug", "question", "answer").order_by("slug"))
    guides = Guide.objects.published().only("slug", "title", "body_html").order_by("title")
    sections = action_rules.guide_sections(guides)
    found = action_rules.reading_by_skill(skills, faqs, sections)
    assert found == scanned_reading(skills, faqs, sections)
    assert sum(bool(f or s) for f, s in found.values()) >= len(skills) // 10
