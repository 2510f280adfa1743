"""At many times today's questions the FAQ comes in pages (plain links, or in place with htmx,
keeping the filter), and each question's permalink finds its page however the list grows."""

import re

import pytest

from guides.models import FAQ
from guides.selectors import FAQ_PAGE_SIZE
from tests.pages import pager_links

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def questions(html: str) -> list[str]:
    return re.findall(r'<details id="([^"]+)" class="faq-item"', html)


def test_with_todays_questions_the_faq_is_one_page_without_a_pager(client):
    html = client.get("/faq/").content.decode()
    assert len(questions(html)) == FAQ.objects.published().count()
    assert 'class="pager"' not in html


def test_at_ten_times_the_questions_each_page_holds_a_pageful_and_every_one_is_on_a_page(
    client, tenfold_content
):
    total = FAQ.objects.published().count()
    assert total > FAQ_PAGE_SIZE
    seen, url = [], "/faq/"
    while url:
        html = client.get(url).content.decode()
        on_page = questions(html)
        assert 0 < len(on_page) <= FAQ_PAGE_SIZE
        seen += on_page
        links = pager_links(html)
        url = "/faq/" + links["next"] if "next" in links else ""
    assert sorted(seen) == sorted(FAQ.objects.published().values_list("slug", flat=True))
    assert len(seen) == len(set(seen))
    first = client.get("/faq/").content.decode()
    assert f"Questions 1–{FAQ_PAGE_SIZE} of {total}." in first


def test_a_questions_permalink_leads_to_the_page_and_anchor_that_hold_it(client, tenfold_content):
    for faq in FAQ.objects.published().order_by("?")[:5]:
        response = client.get(faq.get_absolute_url())
        assert response.status_code == 302
        target = response["Location"]
        assert target.endswith(f"#{faq.slug}")
        assert faq.slug in questions(client.get(target.split("#")[0]).content.decode())


def test_an_unknown_or_unpublished_question_is_a_404(client):
    hidden = FAQ.objects.published().first()
    hidden.published = False
    hidden.save()
    assert client.get(f"/faq/{hidden.slug}/").status_code == 404
    assert client.get("/faq/no-such-question/").status_code == 404


def test_pages_keep_the_filter_and_swap_in_place_with_htmx(client, monkeypatch):
    monkeypatch.setattr("guides.selectors.FAQ_PAGE_SIZE", 3)  # today's questions, in threes
    html = client.get("/faq/?q=operations").content.decode()
    links = pager_links(html)
    assert links["next"] == "?q=operations&page=2"
    assert 'hx-target="#faq-list" hx-swap="innerHTML show:#faq-list:top"' in html
    fragment = client.get("/faq/" + links["next"], **HTMX).content.decode()
    assert "<html" not in fragment
    assert questions(fragment) and "Page 2 of" in fragment


@pytest.mark.parametrize(
    ("page", "message"),
    [("x", "Give a page number"), ("0", "Pages start at 1."), ("999", "is past the end")],
)
def test_a_page_that_does_not_exist_gets_a_400_that_says_why(client, page, message):
    response = client.get("/faq/", {"page": page})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Go to the first page of questions" in response.content.decode()
