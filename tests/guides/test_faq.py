"""/faq/: published questions by category, linkable, filterable with and without htmx."""

import json
import re

import pytest
from django.utils.html import escape

from guides.markdown import plain_text
from guides.models import FAQ, FAQCategory

pytestmark = pytest.mark.django_db


def page(client, query=None, **headers):
    response = client.get("/faq/", {"q": query} if query is not None else {}, **headers)
    assert response.status_code == 200
    return response.content.decode()


def visible_text(faq):
    """What the filter searches: the question, its topic and the answer a reader sees."""
    return f"{faq.question} {faq.get_category_display()} {plain_text(faq.answer_html)}".lower()


def question_slugs(html):
    return re.findall(r'<details id="([^"]+)"', html)


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, blocks) if data["@type"] == kind]


def test_every_published_question_is_shown_grouped_by_category_in_the_categories_order(client):
    html = page(client)
    headings = re.findall(r'<h2 id="faq-topic-[^"]+">([^<]+)</h2>', html)
    used = set(FAQ.objects.published().values_list("category", flat=True))
    assert headings == [escape(label) for value, label in FAQCategory.choices if value in used]
    assert len(headings) >= 5
    # Within the page, each question sits under its own category's heading.
    sections = re.split(r'<h2 id="faq-topic-', html)[1:]
    for section in sections:
        category = section.split('"', 1)[0]
        for slug in question_slugs(section):
            assert FAQ.objects.get(slug=slug).category == category


def test_each_question_is_a_details_element_with_an_anchor_named_after_its_slug(client):
    html = page(client)
    published = list(FAQ.objects.published())
    assert sorted(question_slugs(html)) == sorted(f.slug for f in published)
    for faq in published:
        assert f'<details id="{faq.slug}" class="faq-item">' in html
        assert f'<summary class="faq-question">{escape(faq.question)}</summary>' in html
        assert f'href="/faq/{faq.slug}/"' in html  # its permalink
    assert " open" not in html.split('<div id="faq-list"')[1].split("<details")[1]


def test_unpublished_questions_never_appear(client, make_faq):
    make_faq(
        question="Is this draft question hidden from readers?",
        slug="draft-question",
        answer="Drafting zebra answer.",
        published=False,
    )
    assert "draft-question" not in page(client)
    assert "draft-question" not in page(client, "zebra")
    assert "draft-question" not in page(client, "draft")


def test_each_answer_links_its_related_roles_and_guides(client):
    html = page(client)
    item = html.split('<details id="what-does-an-operations-manager-do"')[1].split("</details>")[0]
    related = item.split('class="faq-related"')[1]
    assert 'href="/roles/operations-manager/"' in related
    assert 'href="/guides/operations-by-industry/"' in related


def test_a_draft_guide_is_not_linked_from_an_answer(client, make_guide, make_faq):
    draft = make_guide(title="Unfinished guide", slug="unfinished-guide", published=False)
    faq = make_faq(question="Which guide is still being written?")
    faq.guides.add(draft)
    html = page(client)
    assert faq.slug in question_slugs(html)
    assert "/guides/unfinished-guide/" not in html


def test_the_filter_narrows_the_list_to_questions_containing_every_word(client):
    html = page(client, "senior leadership")
    slugs = question_slugs(html)
    assert slugs
    everything = FAQ.objects.published()
    expected = [
        f.slug for f in everything if all(w in visible_text(f) for w in ("senior", "leadership"))
    ]
    assert sorted(slugs) == sorted(expected)
    assert len(slugs) < everything.count()


def test_the_filter_ignores_case_and_matches_part_of_a_word(client):
    lower, upper, partial = page(client, "cpim"), page(client, "CPIM"), page(client, "certif")
    assert question_slugs(lower) == question_slugs(upper)
    assert "cpim-or-cscp" in question_slugs(lower)
    assert "which-certifications-are-most-valuable-for-operations-managers" in question_slugs(
        partial
    )


def test_the_filter_matches_what_readers_see_not_link_addresses(
    client, make_faq, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the index follows the commit
        faq = make_faq(
            question="Where do zzcoordinators start?",
            answer="Start as an [Operations Coordinator](/roles/zzlinkonly-path/).",
        )
    assert question_slugs(page(client, "zzlinkonly")) == []
    assert question_slugs(page(client, "zzcoordinators start")) == [faq.slug]


def test_matching_questions_open_and_the_count_says_how_many_match(client):
    html = page(client, "cscp")
    slugs = question_slugs(html)
    assert slugs
    for slug in slugs:
        assert f'<details id="{slug}" class="faq-item" open>' in html
    assert f"{len(slugs)} question{'s' if len(slugs) != 1 else ''} match" in html


def test_one_match_is_counted_in_the_singular(client, make_faq, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the index follows the commit
        make_faq(question="What is a quokkaflux?", answer="Nothing you need for operations.")
    assert "1 question matches" in page(client, "quokkaflux")


def test_a_filter_with_no_matches_explains_what_to_try(client):
    html = page(client, "xylophone")
    assert question_slugs(html) == []
    assert "No question matches all of “xylophone”" in html
    assert 'href="/search/?q=xylophone"' in html
    assert 'href="/faq/">Show all questions' in html


def test_the_filter_is_a_plain_get_form_with_a_label_and_a_button(client):
    html = page(client)
    form = html.split('<form class="faq-filter"')[1].split("</form>")[0]
    assert 'action="/faq/" method="get"' in form
    assert '<label for="faq-q">' in form and 'id="faq-q"' in form and 'name="q"' in form
    assert '<button type="submit">' in form


def test_the_filter_box_updates_the_list_as_the_person_types(client):
    html = page(client, "lean")
    box = html.split('id="faq-q"')[1].split(">")[0]
    assert 'hx-get="/faq/"' in box
    assert 'hx-trigger="input changed delay:300ms, search"' in box
    assert 'hx-target="#faq-list"' in box and 'hx-push-url="true"' in box
    assert 'value="lean"' in box
    assert '<div id="faq-list" class="faq-list" aria-live="polite">' in html


def test_htmx_gets_only_the_list_and_the_response_varies_on_hx_request(client, htmx_headers):
    response = client.get("/faq/", {"q": "lean"}, **htmx_headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<h1" not in html and 'id="faq-q"' not in html
    assert "question" in html and question_slugs(html) == question_slugs(page(client, "lean"))
    assert "application/ld+json" not in html
    assert "HX-Request" in response["Vary"]
    assert "HX-Request" in client.get("/faq/")["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(
        "/faq/", {"q": "lean"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()


LONG_AND_ODD = [
    "x" * 5000,
    "lean " * 80,
    "\x00",
    "lean\x00six",
    "' OR 1=1 --",
    '"; DROP TABLE guides_faq; --',
    "<script>alert(1)</script>",
    "a & | ! b",
    "foo:*",
    "100%_",
    "Ünïcödé café",
    "🚀📦",
    "\\",
    "%",
]


@pytest.mark.parametrize("query", LONG_AND_ODD)
@pytest.mark.parametrize("htmx", [False, True])
def test_long_and_odd_filters_give_a_page_never_an_error(client, query, htmx):
    response = client.get("/faq/", {"q": query}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "\x00" not in html


def test_an_over_long_filter_is_cut_to_100_characters_with_a_notice(client):
    html = page(client, "lean " * 80)
    assert "only its first 100 characters were used" in html
    assert 'value="' + ("lean " * 20).strip() + '"' in html


def test_a_filter_without_words_shows_every_question(client):
    assert question_slugs(page(client, "% & !")) == question_slugs(page(client))


def test_the_page_describes_its_questions_as_schema_org_faqpage(client):
    html = page(client)
    (data,) = json_ld(html, "FAQPage")
    assert data["@context"] == "https://schema.org"
    names = [q["name"] for q in data["mainEntity"]]
    assert names == [FAQ.objects.get(slug=s).question for s in question_slugs(html)]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["@type"] == "Answer"
    assert first["acceptedAnswer"]["text"].startswith("<p>")


def test_the_faqpage_data_follows_the_filter_and_leaves_out_unpublished_questions(client, make_faq):
    make_faq(question="Hidden lean question?", published=False)
    (data,) = json_ld(page(client, "lean"), "FAQPage")
    names = [q["name"] for q in data["mainEntity"]]
    assert names and "Hidden lean question?" not in names
    assert all("lean" in visible_text(FAQ.objects.get(question=n)) for n in names)
    assert json_ld(page(client, "xylophone"), "FAQPage") == []
