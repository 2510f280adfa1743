"""Each certification's page shows its facts, costs, renewal, roles, when the facts were last
verified and where they came from, and says plainly which facts are unverified."""

import json
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils.html import escape

from certifications.models import Certification
from certifications.selectors import compare_options
from common.pagination import PICKER_LIMIT

from .conftest import assert_no_inline_code, assert_valid_html, between

pytestmark = pytest.mark.django_db

CONTENT_SLUGS = [
    record["slug"]
    for record in yaml.safe_load(
        (Path(settings.CONTENT_DIR) / "certifications.yaml").read_text(encoding="utf-8")
    )
]


def page(client, slug):
    response = client.get(f"/certifications/{slug}/")
    assert response.status_code == 200
    return response, response.content.decode()


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    found = [json.loads(b) for b in blocks if f'"@type": "{kind}"' in b]
    assert len(found) == 1
    return found[0]


def money(amount):
    return "not published" if amount is None else f"${amount:,.0f}"


def test_every_content_certification_is_checked_here():
    assert {
        "cpim",
        "cscp",
        "cltd",
        "pmp",
        "capm",
        "cpsm",
        "lean-six-sigma-green-belt",
        "asq-six-sigma-black-belt",
        "icpm-certified-manager",
    } <= set(CONTENT_SLUGS)


@pytest.mark.parametrize("slug", CONTENT_SLUGS)
def test_detail_page_shows_every_fact(client, slug):
    cert = Certification.objects.select_related("issuer").get(slug=slug)
    _, html = page(client, slug)
    assert escape(cert.name) in html
    assert escape(cert.audience) in html
    assert escape(cert.eligibility) in html
    exam = between(html, 'id="exam-heading"', "</section>")
    for value in (cert.exam_parts, cert.exam_questions):
        assert (str(value) if value else "not published") in exam
    assert (f"{cert.exam_minutes} minutes" if cert.exam_minutes else "not published") in exam
    cost = between(html, 'id="cost-heading"', "</section>")
    assert f'Members</dt><dd class="pay">{money(cert.cost_member)}' in cost
    assert f'Non-members</dt><dd class="pay">{money(cert.cost_nonmember)}' in cost
    assert escape(cert.cost_note) in cost
    assert escape(cert.renewal) in html
    for label in cert.tier_labels:
        assert f'<span class="badge">{label}</span>' in html
    assert f'href="{cert.official_url}"' in html
    assert f'<time datetime="{cert.verified_on:%Y-%m-%d}">' in html
    sources = between(html, '<ul class="source-list">', "</ul>")
    for source in cert.sources:
        assert escape(source["title"]) in sources
        assert f"({source['date']})" in sources
    for role in cert.roles.all():
        assert f'<a href="/roles/{role.slug}/">{escape(role.title)}</a>' in html
    assert_valid_html(html)
    assert_no_inline_code(html)


@pytest.mark.parametrize("slug", CONTENT_SLUGS)
def test_the_check_date_and_unconfirmed_facts_are_one_click_away(client, slug):
    cert = Certification.objects.get(slug=slug)
    _, html = page(client, slug)
    checked = between(html, '<details class="certification__checked">', "</details>")
    assert f"{cert.verified_on:%B %-d, %Y}" in checked
    if cert.unverified:
        assert "not confirmed by" in checked and escape(cert.unverified) in checked
    else:
        assert "not confirmed by" not in checked


@pytest.mark.parametrize("slug", CONTENT_SLUGS)
def test_every_certification_page_gives_the_total_study_time_and_pass_rate(client, slug):
    cert = Certification.objects.get(slug=slug)
    _, html = page(client, slug)
    assert "All in, for a first attempt" in html
    assert escape(cert.cost_total_note) in html
    assert escape(cert.study_hours) in html and escape(cert.pass_rate) in html


def test_the_pmp_page_gives_the_july_2026_outline(client):
    _, html = page(client, "pmp")
    exam = between(html, 'id="exam-heading"', "</section>")
    assert "9 July 2026" in exam and "People 33%" in exam and "240 minutes" in exam
    assert "230" not in exam


def test_costs_that_are_not_published_say_so_with_the_note(client):
    _, html = page(client, "cpim")
    cost = between(html, 'id="cost-heading"', "</section>")
    assert cost.count("not published") == 2
    assert "One exam-prep vendor lists USD 1,215" in cost


def test_published_costs_are_shown_as_money(client):
    _, html = page(client, "pmp")
    assert "$405" in html and "$555" in html


def test_validity_distinguishes_lifetime_from_unknown(client):
    assert "Lifetime: it does not expire" in page(client, "asq-six-sigma-green-belt")[1]
    assert "Valid for 5 years" in page(client, "cpim")[1]
    # SME's renewal cycle is not known, which is not the same as lifetime.
    assert "Validity period not published" in page(client, "sme-lean-certification")[1]


def test_sources_with_a_link_are_linked(client):
    _, html = page(client, "cltd")
    assert '<a href="https://www.coursera.org/articles/cltd">' in html


def test_unknown_certification_is_a_404(client):
    assert client.get("/certifications/no-such-thing/").status_code == 404


def test_breadcrumbs_lead_back_to_the_catalogue(client):
    response, html = page(client, "cpim")
    assert response.context["breadcrumbs"] == [
        ("Certifications", "/certifications/"),
        ("CPIM", "/certifications/cpim/"),
    ]
    crumbs = json_ld(html, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "Certifications",
        "CPIM",
    ]


def test_structured_data_describes_the_credential_and_its_issuer(client):
    _, html = page(client, "cscp")
    data = json_ld(html, "EducationalOccupationalCredential")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Certified Supply Chain Professional"
    assert data["url"] == "http://testserver/certifications/cscp/"
    assert data["recognizedBy"] == {
        "@type": "Organization",
        "name": "Association for Supply Chain Management",
        "url": "https://www.ascm.org/",
    }
    assert data["validFor"] == "P5Y"


def test_compare_with_links_to_a_comparison_with_a_close_certification(client):
    _, html = page(client, "cpim")
    section = between(html, 'id="compare-heading"', "</section>")
    assert re.search(r'href="/certifications/compare/\?c=cpim&amp;c=[a-z-]+"', section)
    assert '<input type="hidden" name="c" value="cpim">' in section
    assert '<label for="compare-with">' in section
    assert '<option value="cpim"' not in section


def test_compare_with_prefers_a_certification_with_the_same_focus(client):
    _, html = page(client, "pmp")
    assert 'href="/certifications/compare/?c=pmp&amp;c=capm"' in html


def test_with_more_certifications_than_a_list_holds_the_one_to_compare_with_is_typed(
    client, tenfold_content
):
    assert Certification.objects.count() > PICKER_LIMIT
    _, html = page(client, "pmp")
    section = between(html, 'id="compare-heading"', "</section>")
    assert "<option" not in section
    assert 'href="/certifications/compare/?c=pmp&amp;c=capm"' in section
    assert re.search(r'<input id="compare-with" name="c" type="text"[^>]* value="CAPM">', section)
    assert "Type another certification's acronym, for example CAPM." in section
    compared = client.get("/certifications/compare/", {"c": ["pmp", "CAPM"]})
    assert compared.status_code == 200
    assert '<th scope="col"' in compared.content.decode() and "CAPM" in compared.content.decode()


def test_the_closest_to_compare_with_is_found_past_the_options_listed():
    cert = Certification.objects.get(slug="lean-six-sigma-green-belt")
    options, closest = compare_options(cert, 2)
    firsts = Certification.objects.exclude(pk=cert.pk).order_by("acronym", "slug")[:2]
    assert options == list(firsts)
    assert closest.focus == cert.focus and closest not in options
    same_focus = Certification.objects.exclude(pk=cert.pk).filter(focus=cert.focus)
    assert closest == same_focus.order_by("acronym", "slug").first()
