"""The certification endpoints: the catalogue and its filters, one certification, and the
comparison, with the same rules and messages as the pages."""

import pytest

from certifications.models import Certification

pytestmark = pytest.mark.django_db


def test_catalogue_lists_every_certification_with_its_issuer(client):
    body = client.get("/api/v1/certifications?page_size=100").json()
    assert body["count"] == Certification.objects.count()
    cpim = next(i for i in body["items"] if i["slug"] == "cpim")
    assert cpim["issuer"]["abbreviation"] == "ASCM"
    assert cpim["verified_on"]


def test_catalogue_filters_like_the_page(client):
    body = client.get("/api/v1/certifications?suits=executive&page_size=100").json()
    expected = {c.slug for c in Certification.objects.all() if "executive" in c.tiers}
    assert {i["slug"] for i in body["items"]} == expected
    body = client.get("/api/v1/certifications?issuer=pmi").json()
    assert {i["issuer"]["slug"] for i in body["items"]} == {"pmi"}


@pytest.mark.parametrize(
    ("query", "parameter"), [("focus=astrology", "focus"), ("suits=intern", "suits")]
)
def test_catalogue_refuses_a_filter_it_does_not_know(client, query, parameter):
    response = client.get(f"/api/v1/certifications?{query}")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["parameter"] == parameter
    assert "is not one of the" in error["message"]


def test_catalogue_filtered_by_an_unknown_issuer_is_a_404_that_names_it(client):
    response = client.get("/api/v1/certifications?issuer=nobody")
    assert response.status_code == 404
    assert "issuer called “nobody”" in response.json()["detail"]


def test_empty_filters_mean_any_as_on_the_page(client):
    body = client.get("/api/v1/certifications?focus=&suits=&issuer=&page_size=100").json()
    assert body["count"] == Certification.objects.count()


def test_one_certification_gives_its_facts_with_sources_and_roles(client):
    body = client.get("/api/v1/certifications/cpim").json()
    assert body["acronym"] == "CPIM"
    assert body["exam"]["questions"] == 150
    assert body["sources"] and all(s["title"] and s["date"] for s in body["sources"])
    assert body["validity"]
    cert = Certification.objects.get(slug="cpim")
    assert {r["slug"] for r in body["roles"]} == set(cert.roles.values_list("slug", flat=True))


def test_unknown_certification_is_a_404_that_names_it(client):
    response = client.get("/api/v1/certifications/cpxx")
    assert response.status_code == 404
    assert "cpxx" in response.json()["detail"]


def test_comparison_marks_the_rows_that_differ(client):
    body = client.get("/api/v1/certifications/compare?c=cpim&c=cscp").json()
    assert [c["slug"] for c in body["certifications"]] == ["cpim", "cscp"]
    rows = {row["key"]: row["differs"] for row in body["rows"]}
    assert rows["issuer"] is False  # both from ASCM
    assert rows["focus"] is True
    only = client.get("/api/v1/certifications/compare?c=cpim&c=cscp&differences_only=true").json()
    assert only["rows"] and all(row["differs"] for row in only["rows"])


def test_comparison_notes_a_duplicate_and_keeps_the_first(client):
    body = client.get("/api/v1/certifications/compare?c=cpim&c=cscp&c=cpim").json()
    assert [c["slug"] for c in body["certifications"]] == ["cpim", "cscp"]
    assert "duplicate" in body["notes"][0]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("c=cpim", "at least two"),
        ("c=cpim&c=cscp&c=pmp&c=cltd&c=lean-six-sigma-green-belt", "at most 4"),
        ("", "is required"),
    ],
)
def test_comparison_refuses_fewer_than_two_or_more_than_four(client, query, words):
    response = client.get(f"/api/v1/certifications/compare?{query}")
    assert response.status_code == 400
    body = response.json()
    assert words in body["detail"]
    assert body["errors"][0]["parameter"] == "c"


def test_comparison_with_an_unknown_certification_is_a_404_that_names_it(client):
    response = client.get("/api/v1/certifications/compare?c=cpim&c=nonesuch")
    assert response.status_code == 404
    assert "“nonesuch”" in response.json()["detail"]
