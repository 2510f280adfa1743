"""`manage.py content_audit` and its admin page: what is stale, unverified, without an edition
or linked to a page that no longer exists."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from careerpath.audit import BROKEN_LINK, NO_EDITION, STALE, VERIFIED_WITHOUT_PRIMARY, run_audit
from certifications.models import Certification
from guides.models import FAQ
from roles.models import SalaryFigure

pytestmark = pytest.mark.django_db


def audit(*args):
    out = StringIO()
    call_command("content_audit", *args, stdout=out)
    return out.getvalue()


def test_the_audit_prints_a_summary_and_passes_on_todays_content(client):
    output = audit()
    assert "Content audit" in output and "unverified" in output
    assert "stale" not in output.split("Content audit")[-1]
    audit("--strict")  # labelled unverified facts alone do not fail it


def test_strict_audit_fails_on_a_fact_checked_more_than_a_year_ago():
    Certification.objects.filter(slug="cpim").update(verified_on=date.today() - timedelta(days=400))
    assert "CPIM" in audit()  # non-strict still lists it and succeeds
    with pytest.raises(CommandError, match="must be fixed"):
        audit("--strict")


def test_the_audit_lists_a_pay_figure_without_an_edition():
    SalaryFigure.objects.filter(role__slug="operations-supervisor").update(edition="")
    findings = run_audit().of_kind(NO_EDITION)
    assert [f.subject for f in findings] == [
        "Pay: Operations Supervisor, median 51-1011 (BLS Employment Projections 2024-34, "
        "median annual wage for 2024, 2024)"
    ]


def test_the_audit_refuses_verified_without_the_primary_source():
    SalaryFigure.objects.filter(role__slug="operations-analyst").update(
        verified=True, source_url="https://example.com/copy-of-bls"
    )
    findings = run_audit().of_kind(VERIFIED_WITHOUT_PRIMARY)
    assert len(findings) == 1 and "Operations Analyst" in findings[0].subject


def test_the_audit_finds_internal_links_that_no_longer_resolve():
    faq = FAQ.objects.get(slug="how-do-i-get-an-entry-level-operations-job")
    faq.answer += " See [a gone role](/roles/plant-wizard/) and [nowhere](/no-such-page/)."
    faq.save()
    details = [f.detail for f in run_audit().of_kind(BROKEN_LINK)]
    assert any("/roles/plant-wizard/" in d for d in details)
    assert any("/no-such-page/" in d for d in details)


def test_the_audit_checks_question_permalinks_against_the_published_questions():
    faq = FAQ.objects.get(slug="how-do-i-get-an-entry-level-operations-job")
    faq.answer += (
        " See [pay](/faq/how-much-do-operations-managers-earn/) and"
        " [a gone one](/faq/how-to-become-a-wizard/)."
    )
    faq.save()
    details = [f.detail for f in run_audit().of_kind(BROKEN_LINK)]
    assert any("/faq/how-to-become-a-wizard/" in d for d in details)
    assert not any("how-much-do-operations-managers-earn" in d for d in details)


def test_a_fact_never_checked_counts_as_stale():
    SalaryFigure.objects.filter(role__slug="operations-supervisor").update(checked_on=None)
    assert any("Operations Supervisor" in f.subject for f in run_audit().of_kind(STALE))


def test_the_admin_shows_editors_the_same_list(admin_client):
    Certification.objects.filter(slug="cpim").update(verified_on=date.today() - timedelta(days=400))
    index = admin_client.get("/admin/").content.decode()
    assert 'href="/admin/careerpath/searchentry/audit/"' in index
    page = admin_client.get("/admin/careerpath/searchentry/audit/").content.decode()
    assert run_audit().summary() in page
    assert "Certification: CPIM" in page and "must fix" in page


def test_the_audit_page_is_for_editors_only(client):
    response = client.get("/admin/careerpath/searchentry/audit/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_audit_costs_a_fixed_number_of_queries(django_assert_max_num_queries, tenfold_content):
    with django_assert_max_num_queries(10):
        run_audit()
