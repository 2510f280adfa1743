"""/data/: the page that explains the API, linked from every page, and the CSV downloads."""

import csv
import io

import pytest

from certifications.models import Certification
from roles.models import SalaryFigure

pytestmark = pytest.mark.django_db


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_every_page_links_to_the_open_data_page_from_its_footer(client):
    html = client.get("/roles/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/data/"' in footer


def test_data_page_explains_the_api_with_examples_and_offers_the_downloads(client):
    html = client.get("/data/").content.decode()
    assert "<h1>Open data</h1>" in html
    assert 'href="/api/v1/docs"' in html and 'href="/api/v1/openapi.json"' in html
    assert "curl " in html and "/api/v1/ladder/path?from=operations-analyst" in html
    assert 'href="/data/roles-pay.csv"' in html and 'href="/data/certifications.csv"' in html


def test_pay_download_has_every_figure_with_its_source_year_and_verification(client):
    response = client.get("/data/roles-pay.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert len(rows) == SalaryFigure.objects.count()
    figure = SalaryFigure.objects.filter(role__slug="operations-manager", statistic="median")[0]
    row = next(
        r
        for r in rows
        if r["role_slug"] == "operations-manager"
        and r["statistic"] == "median"
        and r["source_name"] == figure.source_name
        and r["reference_year"] == str(figure.reference_year)
    )
    assert row["amount"] == str(int(figure.amount))
    assert row["verified"] == ("yes" if figure.verified else "no")
    assert row["occupation_code"] == figure.occupation_code


def test_certifications_download_has_sources_and_when_they_were_verified(client):
    rows = _rows(client.get("/data/certifications.csv"))
    assert len(rows) == Certification.objects.count()
    cpim = next(r for r in rows if r["slug"] == "cpim")
    cert = Certification.objects.get(slug="cpim")
    assert cpim["verified_on"] == cert.verified_on.isoformat()
    assert cpim["sources"].split(" | ")[0] == cert.sources[0]["title"]
    assert cpim["issuer"] == cert.issuer.name


def test_downloads_never_start_a_cell_with_a_spreadsheet_formula(client):
    cert = Certification.objects.get(slug="cpim")
    cert.unverified = "=HYPERLINK('https://example.com','click')"
    cert.save()
    cpim = next(r for r in _rows(client.get("/data/certifications.csv")) if r["slug"] == "cpim")
    assert cpim["unverified"].startswith("'=")
