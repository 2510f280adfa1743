"""What would break the site comes back as a form error on the page — never a 500 — and
nothing is saved."""

import pytest

from certifications.models import Certification
from roles.models import Role, SalaryFigure, Skill

from .formdata import inline_row, read_form, submit

pytestmark = pytest.mark.django_db


OEWS = "BLS Occupational Employment and Wage Statistics (OEWS)"


def series(statistic):
    return SalaryFigure.objects.get(
        role__slug="operations-manager",
        source_name=OEWS,
        reference_year=2023,
        statistic=statistic,
    )


def role_url(slug):
    return f"/admin/roles/role/{Role.objects.get(slug=slug).pk}/change/"


def assert_refused(response, *messages):
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please correct the error" in page
    for message in messages:
        assert message in page, f"{message!r} not on the page"


def test_percentiles_out_of_order_on_the_role_page_are_refused(editor_client):
    url = role_url("operations-manager")
    data = read_form(editor_client, url)
    p10 = inline_row(data, "salary_figures", "id", str(series("p10").pk))

    response = submit(editor_client, url, {f"salary_figures-{p10}-amount": "150000"})

    assert_refused(response, "10th percentile (150,000) is above 25th percentile (65,180)")
    assert series("p10").amount == 46340


def test_percentiles_may_change_together_on_the_role_page(editor_client):
    url = role_url("operations-manager")
    data = read_form(editor_client, url)
    p10 = inline_row(data, "salary_figures", "id", str(series("p10").pk))
    p25 = inline_row(data, "salary_figures", "id", str(series("p25").pk))

    response = submit(
        editor_client,
        url,
        {
            f"salary_figures-{p10}-amount": "70000",
            f"salary_figures-{p25}-amount": "80000",
        },
    )

    assert response.status_code == 302
    assert (series("p10").amount, series("p25").amount) == (70000, 80000)


def test_a_single_figure_out_of_order_with_its_saved_series_is_refused(editor_client):
    median = series("median")
    response = submit(
        editor_client, f"/admin/roles/salaryfigure/{median.pk}/change/", {"amount": "250000"}
    )
    assert_refused(response, "Median (250,000) is above 75th percentile (160,290)")
    assert series("median").amount == 101280


def test_a_new_figure_out_of_order_with_its_saved_series_is_refused(editor_client):
    series("p90").delete()
    response = submit(
        editor_client,
        "/admin/roles/salaryfigure/add/",
        {
            "role": str(Role.objects.get(slug="operations-manager").pk),
            "statistic": "p90",
            "amount": "100000",
            "occupation_code": "11-1021",
            "occupation_title": "General and Operations Managers",
            "code_match": "exact",
            "source_name": OEWS,
            "reference_year": "2023",
        },
    )
    assert_refused(response, "75th percentile (160,290) is above 90th percentile (100,000)")
    assert not SalaryFigure.objects.filter(
        statistic="p90", reference_year=2023, role__slug="operations-manager"
    ).exists()


def test_negative_pay_is_refused(editor_client):
    figure = series("p10")
    response = submit(
        editor_client, f"/admin/roles/salaryfigure/{figure.pk}/change/", {"amount": "-1"}
    )
    assert_refused(response, "Pay cannot be negative.")
    assert series("p10").amount == 46340


def test_negative_pay_on_the_role_page_is_refused(editor_client):
    url = role_url("operations-manager")
    data = read_form(editor_client, url)
    p10 = inline_row(data, "salary_figures", "id", str(series("p10").pk))
    response = submit(editor_client, url, {f"salary_figures-{p10}-amount": "-5"})
    assert_refused(response, "Pay cannot be negative.")


def test_a_proxy_occupation_code_needs_a_reason(editor_client):
    figure = series("p10")
    response = submit(
        editor_client,
        f"/admin/roles/salaryfigure/{figure.pk}/change/",
        {"code_match": "proxy", "code_note": ""},
    )
    assert_refused(response, "Say why this occupation code stands in for the role.")
    assert series("p10").code_match == "exact"


def test_a_ladder_cycle_is_refused_and_the_loop_is_named(editor_client):
    coordinator = Role.objects.get(slug="operations-coordinator")
    response = submit(
        editor_client, role_url("chief-operating-officer"), {"leads_to": [str(coordinator.pk)]}
    )
    assert_refused(
        response,
        "The ladder would go round in a circle: Chief Operating Officer → Operations "
        "Coordinator → ",
        "VP of Operations → Chief Operating Officer.",
    )
    assert not Role.objects.get(slug="chief-operating-officer").leads_to.exists()


def test_a_role_cannot_lead_to_itself(editor_client):
    coo = Role.objects.get(slug="chief-operating-officer")
    response = submit(editor_client, role_url(coo.slug), {"leads_to": [str(coo.pk)]})
    assert_refused(response, "A role cannot lead to itself.")
    assert not coo.leads_to.exists()


def test_a_next_step_must_sit_on_a_higher_rung(editor_client):
    analyst = Role.objects.get(slug="operations-analyst")
    response = submit(
        editor_client,
        role_url("operations-supervisor"),
        {"rank": "2", "leads_to": [str(analyst.pk)]},
    )
    assert_refused(
        response,
        "Operations Analyst is on rung 2; a next step must sit on a "
        "higher rung than this role&#x27;s 2.",
    )


def test_a_duplicate_slug_is_refused(editor_client):
    response = submit(
        editor_client,
        "/admin/roles/skill/add/",
        {
            "name": "Lean again",
            "slug": "lean",
            "kind": "method",
            "description": "Again.",
        },
    )
    assert_refused(response, "Skill with this Slug already exists.")
    assert Skill.objects.filter(slug="lean").count() == 1

    response = submit(editor_client, role_url("operations-analyst"), {"slug": "operations-manager"})
    assert_refused(response, "Role with this Slug already exists.")


def test_a_slug_the_content_files_could_not_hold_is_refused(editor_client):
    response = submit(editor_client, role_url("operations-analyst"), {"slug": "Ops_Analyst"})
    assert_refused(response, "Use lowercase letters, digits and single hyphens")
    assert Role.objects.filter(slug="operations-analyst").exists()


def test_an_empty_eligibility_is_refused(editor_client):
    cpim = Certification.objects.get(slug="cpim")
    response = submit(
        editor_client,
        f"/admin/certifications/certification/{cpim.pk}/change/",
        {"eligibility": "   "},
    )
    assert_refused(response, "This field is required.")
    assert Certification.objects.get(slug="cpim").eligibility.strip()


def test_a_certification_needs_a_tier_and_valid_sources(editor_client):
    cpim = Certification.objects.get(slug="cpim")
    response = submit(
        editor_client,
        f"/admin/certifications/certification/{cpim.pk}/change/",
        {"tiers": None, "sources": '[{"title": "No date"}]'},
    )
    assert_refused(response, "Source 1: date: This field is required.")
    assert response.context["adminform"].form.errors["tiers"] == ["This field is required."]


def test_sources_that_are_not_json_are_refused(editor_client):
    response = submit(editor_client, role_url("operations-analyst"), {"sources": "[{oops"})
    assert_refused(response, "Enter a valid JSON.")


def test_a_kpi_without_a_measure_is_refused(editor_client):
    response = submit(
        editor_client,
        role_url("operations-analyst"),
        {"kpis": "Inventory turns: COGS over inventory.\nForecast accuracy"},
    )
    assert_refused(response, "Line 2 (“Forecast accuracy”): write “Name: how it is measured”.")


def test_a_role_needs_at_least_one_responsibility(editor_client):
    response = submit(editor_client, role_url("operations-analyst"), {"responsibilities": "\n  \n"})
    assert_refused(response, "This field is required.")
    assert Role.objects.get(slug="operations-analyst").responsibilities


def test_years_out_of_order_are_refused(editor_client):
    response = submit(
        editor_client, role_url("operations-analyst"), {"years_min": "9", "years_max": "3"}
    )
    assert_refused(response, "must not be below")


def test_a_projection_period_must_end_after_it_starts(editor_client):
    response = submit(
        editor_client,
        "/admin/roles/employmentprojection/add/",
        {
            "occupation_code": "13-1081",
            "occupation_title": "Logisticians",
            "start_year": "2034",
            "end_year": "2024",
            "growth_percent": "17.3",
            "source_name": "A test source",
        },
    )
    assert_refused(response, "The period must end after it starts.")
