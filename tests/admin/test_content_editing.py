"""An editor lists, searches, adds, changes and deletes every kind of content in the admin."""

import json
import re

import pytest

from certifications.models import Certification, Organization
from guides.models import FAQ, Guide
from roles.models import EmploymentProjection, Role, SalaryFigure, Skill

from .formdata import submit

pytestmark = pytest.mark.django_db

SOURCES = json.dumps([{"title": "A test source", "url": "https://example.com/", "date": "2026"}])


def new_role():
    return {
        "title": "Plant Manager",
        "slug": "plant-manager",
        "tier": "senior",
        "rank": "9",
        "headline": "You run a whole plant.",
        "summary": "Plant managers run one site.",
        "responsibilities": "Run the plant.\nHire the team.",
        "years_min": "8",
        "years_max": "15",
        "education": "A degree in engineering.",
        "entry_points": "From operations manager.",
        "kpis": "OEE: Availability times performance times quality.",
        "focus_manufacturing": "Lines.",
        "focus_services": "Sites.",
        "focus_technology": "Labs.",
        "sources": SOURCES,
    }


def new_figure():
    return {
        "role": str(Role.objects.get(slug="operations-manager").pk),
        "statistic": "p10",
        "amount": "50000",
        "currency": "USD",
        "region": "United States",
        "occupation_code": "11-1021",
        "occupation_title": "General and Operations Managers",
        "code_match": "exact",
        "source_name": "A test survey",
        "reference_year": "2025",
        "verified": "on",
    }


def new_certification():
    return {
        "acronym": "TST",
        "name": "Test Certification",
        "slug": "tst",
        "issuer": str(Organization.objects.first().pk),
        "focus": "general-management",
        "audience": "Testers.",
        "eligibility": "No formal prerequisite.",
        "renewal": "Lifetime.",
        "tiers": ["mid", "entry"],
        "official_url": "https://example.com/tst",
        "verified_on": "2026-05-01",
        "sources": SOURCES,
    }


# model, what a search finds, the new record, the field a change edits and its new value
CASES = {
    "role": (
        Role,
        "Operations Manager",
        "Senior Operations Manager",
        new_role,
        "headline",
        "You run a whole plant, and its budget.",
    ),
    "skill": (
        Skill,
        "value stream",
        "Value Stream Mapping",
        lambda: {
            "name": "Kanban",
            "slug": "kanban-test",
            "kind": "method",
            "description": "Cards that pull work.",
        },
        "description",
        "Cards that pull work through.",
    ),
    "salaryfigure": (SalaryFigure, "11-1021", "Operations Manager", new_figure, "amount", "51000"),
    "employmentprojection": (
        EmploymentProjection,
        "11-1021",
        "General and Operations Managers",
        lambda: {
            "occupation_code": "13-1081",
            "occupation_title": "Logisticians",
            "start_year": "2025",
            "end_year": "2035",
            "growth_percent": "17.3",
            "source_name": "A test source",
            "verified": "on",
        },
        "growth_percent",
        "17.5",
    ),
    "organization": (
        Organization,
        "ASCM",
        "Association for Supply Chain Management",
        lambda: {
            "name": "Test Institute",
            "slug": "test-institute",
            "abbreviation": "TI",
            "url": "https://example.com/",
            "description": "A body for tests.",
        },
        "description",
        "A body for tests, and only tests.",
    ),
    "certification": (
        Certification,
        "CPIM",
        "Certified in Planning and Inventory Management",
        new_certification,
        "audience",
        "Testers and their managers.",
    ),
    "guide": (
        Guide,
        "senior management",
        "Working with senior management",
        lambda: {
            "title": "A test guide",
            "slug": "a-test-guide",
            "summary": "For tests.",
            "body": "## Why\n\nBecause.",
            "updated": "2026-05-01",
        },
        "summary",
        "For tests only.",
    ),
    "faq": (
        FAQ,
        "leadership",
        None,
        lambda: {
            "question": "Is this a test?",
            "slug": "is-this-a-test",
            "category": "the-role",
            "order": "9",
            "answer": "Yes, **this** is a test.",
            "published": "on",
        },
        "answer",
        "Yes, it is still a test.",
    ),
}


def admin_url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


@pytest.mark.parametrize("kind", CASES)
def test_an_editor_lists_and_searches_each_kind_of_content(editor_client, kind):
    model, query, expected, *_ = CASES[kind]
    listing = editor_client.get(admin_url(model))
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == model.objects.count()

    found = editor_client.get(admin_url(model), {"q": query})
    assert found.status_code == 200
    results = found.context["cl"].result_list
    assert results, f"searching {kind} for {query!r} found nothing"
    if expected:
        assert expected in found.content.decode()

    nothing = editor_client.get(admin_url(model), {"q": "zzz-no-such-thing"})
    assert nothing.context["cl"].result_count == 0


@pytest.mark.parametrize("kind", CASES)
def test_an_editor_adds_changes_and_deletes_each_kind_of_content(editor_client, kind):
    model, _query, _expected, values, field, changed = CASES[kind]
    before = model.objects.count()

    added = submit(editor_client, admin_url(model, "add/"), values())
    assert added.status_code == 302, _errors(added)
    assert model.objects.count() == before + 1
    obj = model.objects.latest("pk")

    edited = submit(editor_client, admin_url(model, f"{obj.pk}/change/"), {field: changed})
    assert edited.status_code == 302, _errors(edited)
    obj.refresh_from_db()
    assert str(getattr(obj, field)) == changed

    deleted = editor_client.post(admin_url(model, f"{obj.pk}/delete/"), {"post": "yes"})
    assert deleted.status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()
    assert model.objects.count() == before


def _errors(response):
    """The form errors on a page that should have redirected, for the assertion message."""
    if response.status_code != 200 or not response.context:
        return response.status_code
    errors = dict(response.context["adminform"].form.errors)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        errors[formset.prefix] = [formset.non_form_errors(), *formset.errors]
    return errors


def test_the_role_form_edits_lists_one_per_line_and_kpis_as_name_colon_measure(editor_client):
    added = submit(editor_client, "/admin/roles/role/add/", new_role())
    assert added.status_code == 302, _errors(added)
    role = Role.objects.get(slug="plant-manager")
    assert role.responsibilities == ["Run the plant.", "Hire the team."]
    assert role.entry_points == ["From operations manager."]
    assert role.kpis == [
        {"name": "OEE", "measure": "Availability times performance times quality."}
    ]
    assert role.sources == [
        {"title": "A test source", "url": "https://example.com/", "date": "2026"}
    ]

    page = editor_client.get(f"/admin/roles/role/{role.pk}/change/").content.decode()
    assert "Run the plant.\nHire the team.</textarea>" in page
    assert "OEE: Availability times performance times quality.</textarea>" in page


def test_certification_tiers_are_ticked_as_checkboxes_and_kept_in_ladder_order(editor_client):
    added = submit(editor_client, "/admin/certifications/certification/add/", new_certification())
    assert added.status_code == 302, _errors(added)
    assert Certification.objects.get(slug="tst").tiers == ["entry", "mid"]
    page = editor_client.get("/admin/certifications/certification/add/").content.decode()
    assert 'type="checkbox" name="tiers" value="executive"' in page


def test_a_role_page_edits_its_skills_industry_versions_and_salary_figures_inline(editor_client):
    role = Role.objects.get(slug="operations-analyst")
    page = editor_client.get(f"/admin/roles/role/{role.pk}/change/")
    prefixes = {f.formset.prefix for f in page.context["inline_admin_formsets"]}
    assert prefixes == {"role_skills", "industry_variants", "salary_figures"}
    assert page.context["inline_admin_formsets"][0].formset.total_form_count() == (
        role.role_skills.count()
    )
    assert 'class="viewsitelink"' in page.content.decode()


def test_a_guide_links_related_roles_by_autocomplete_and_views_on_site(editor_client):
    guide = Guide.objects.get(slug="working-with-senior-management")
    page = editor_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    assert 'name="roles"' in page and "admin-autocomplete" in page
    view_on_site = re.search(r'href="([^"]+)" class="viewsitelink"', page).group(1)
    assert editor_client.get(view_on_site).url.endswith("/guides/working-with-senior-management/")


def test_a_salary_figure_views_on_site_as_its_role_page(editor_client):
    figure = SalaryFigure.objects.filter(role__slug="operations-manager").first()
    page = editor_client.get(f"/admin/roles/salaryfigure/{figure.pk}/change/").content.decode()
    assert 'href="/roles/operations-manager/#pay" class="viewsitelink"' in page
