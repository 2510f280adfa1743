"""The public page that explains editions, stand-in codes, estimates and "verified"."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_sources_page_explains_editions_estimates_and_what_verified_means(client):
    response = client.get("/about/sources/")
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in ("Editions", "stand-in", "estimate", "What “verified” means", "primary source"):
        assert phrase in html, phrase
    assert "May 2025" in html, "it says a newer edition is reported but not yet used"


def test_the_sources_page_lists_the_editions_the_figures_use_today(client):
    html = client.get("/about/sources/").content.decode()
    assert "May 2024" in html and "May 2023" in html
    assert "Not yet" in html  # none of today's figures is checked on bls.gov itself


def test_the_sources_page_is_in_the_footer_and_the_sitemap(client):
    assert 'href="/about/sources/"' in client.get("/faq/").content.decode()
    assert "/about/sources/" in client.get("/sitemap.xml").content.decode()


def test_the_sources_page_refuses_to_be_posted_to(client):
    assert client.post("/about/sources/").status_code == 405


def test_the_sources_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, tenfold_content
):
    with django_assert_max_num_queries(3):
        assert client.get("/about/sources/").status_code == 200
