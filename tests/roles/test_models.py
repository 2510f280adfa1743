"""The database and model validation refuse content that would break the site."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from certifications.models import Certification
from roles.ladder import ladder_cycle
from roles.models import Role, RoleSkill, SalaryFigure
from roles.pay import percentile_order_errors
from roles.selectors import saved_ladder

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_duplicate_role_slug():
    role = Role.objects.get(slug="operations-manager")
    role.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        role.save()


def test_the_database_refuses_a_negative_salary():
    figure = SalaryFigure.objects.first()
    figure.amount = -1
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


def test_validation_refuses_a_negative_salary_with_a_message():
    figure = SalaryFigure.objects.first()
    figure.amount = -1
    with pytest.raises(ValidationError, match="Pay cannot be negative"):
        figure.full_clean()


def test_the_database_refuses_a_skill_level_outside_one_to_five():
    rs = RoleSkill.objects.first()
    rs.level = 6
    with pytest.raises(IntegrityError), transaction.atomic():
        rs.save()


def test_the_database_refuses_an_empty_eligibility():
    cert = Certification.objects.get(slug="cpim")
    cert.eligibility = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        cert.save()


def test_validation_refuses_a_proxy_code_without_a_reason():
    figure = SalaryFigure.objects.first()
    figure.code_match = "proxy"
    figure.code_note = ""
    with pytest.raises(ValidationError, match="Say why this occupation code stands in"):
        figure.full_clean()


def test_a_role_leading_to_itself_is_a_cycle():
    manager = Role.objects.get(slug="operations-manager")
    assert ladder_cycle(manager, [manager], saved_ladder()) == [
        "Operations Manager",
        "Operations Manager",
    ]


def test_a_longer_loop_in_the_ladder_is_found():
    coo = Role.objects.get(slug="chief-operating-officer")
    analyst = Role.objects.get(slug="operations-analyst")
    cycle = ladder_cycle(coo, [analyst], saved_ladder())
    assert cycle[0] == cycle[-1] == "Chief Operating Officer"
    assert "Operations Manager" in cycle


def test_the_real_ladder_has_no_cycle():
    saved = saved_ladder()
    for role in Role.objects.prefetch_related("leads_to"):
        assert ladder_cycle(role, list(role.leads_to.all()), saved) is None


def test_percentiles_out_of_order_are_reported():
    figures = list(
        SalaryFigure.objects.filter(role__slug="operations-manager", reference_year=2023)
    )
    by_stat = {f.statistic: f for f in figures}
    by_stat["p25"].amount, by_stat["p75"].amount = by_stat["p75"].amount, by_stat["p25"].amount
    messages = percentile_order_errors(figures)
    assert messages and "25th percentile" in messages[0]


def test_the_loaded_percentiles_are_in_order():
    assert percentile_order_errors(SalaryFigure.objects.all()) == []
