"""/search/?q= finds roles, skills, certifications, FAQs and guides, ranked and grouped by
kind, on PostgreSQL (weighted full-text search) and SQLite (a plain word search) alike."""

import re
from html import unescape

import pytest
from django.db import connection

from careerpath import search as site_search
from careerpath.models import SearchEntry
from guides.models import Guide
from tests.conftest import VERSION_QUERY
from tests.guides.factories import add_nine_copies_of_every_faq_and_guide, make_faq, make_guide

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="weighted full-text search is PostgreSQL's"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")


def results(query):
    return site_search.search(query)


def kinds_in_order(found):
    return [group.kind for group in found.groups]


def group(found, kind):
    return next(g for g in found.groups if g.kind == kind)


def slugs(found, kind):
    return (
        [hit.entry.slug for hit in group(found, kind).hits] if kind in kinds_in_order(found) else []
    )


def get(client, query, **headers):
    response = client.get("/search/", {"q": query}, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def fresh_index(django_capture_on_commit_callbacks):
    """Content changes made inside this block reach the index, as they do after a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- what it finds ---------------------------------------------------------------------------


def test_inventory_puts_the_inventory_analyst_and_cpim_first_in_early_groups():
    found = results("inventory")
    assert slugs(found, "roles")[0] == "inventory-analyst"
    assert slugs(found, "certifications")[0] == "cpim"
    order = kinds_in_order(found)
    assert order.index("roles") <= 1 and order.index("certifications") <= 2


def test_managers_finds_the_operations_manager_by_its_stem():
    assert slugs(results("managers"), "roles")[0] == "operations-manager"


@pytest.mark.parametrize(
    ("query", "kind", "slug"),
    [
        ("inventory analyst", "roles", "inventory-analyst"),
        ("production scheduler", "roles", "production-scheduler"),
        ("inventory control", "skills", "inventory-control"),
        ("CPIM", "certifications", "cpim"),
        ("black belt", "certifications", "lean-six-sigma-black-belt"),
        ("CPIM or CSCP", "faqs", "cpim-or-cscp"),
        ("improvement proposal executives", "faqs", "how-do-i-pitch-an-improvement-to-executives"),
        ("senior management", "guides", "working-with-senior-management"),
        ("career ladder", "guides", "operations-career-ladder"),
    ],
)
def test_each_kind_of_page_can_be_found(query, kind, slug):
    assert slug in slugs(results(query), kind)[:3]


def test_results_link_to_the_page_they_describe(client):
    html = get(client, "inventory")
    assert 'href="/roles/inventory-analyst/"' in html
    assert 'href="/certifications/cpim/"' in html
    assert re.search(r'href="/faq/[a-z0-9-]+/"', html)
    assert re.search(r'href="/guides/[a-z0-9-]+/"', html)


def test_results_are_grouped_by_kind_under_headings(client):
    html = get(client, "inventory")
    headings = re.findall(r'<section class="search-group[^"]*">\s*<h2>([^<]+)</h2>', html)
    assert set(headings) == {"Roles", "Skills", "Certifications", "FAQ", "Guides"}
    assert "results for “inventory”" in html


def test_the_last_word_matches_as_a_prefix_while_the_person_types():
    assert "inventory-analyst" in slugs(results("invent"), "roles")


def test_every_word_must_match():
    assert slugs(results("inventory xylophone"), "roles") == []


def test_words_that_stop_nowhere_are_ignored():
    found = results("what is the CPIM")
    assert found.terms == ["cpim"]
    assert slugs(found, "certifications")[0] == "cpim"


# --- ranking ---------------------------------------------------------------------------------


def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(fresh_index):
    with fresh_index():
        body = make_guide(
            title="Plain guide one",
            summary="Nothing here.",
            body="The zorblatt appears only in this body text.",
        )
        summary = make_guide(
            title="Plain guide two",
            summary="A zorblatt in the summary.",
            body="Nothing in the body.",
        )
        title = make_guide(
            title="All about the zorblatt", summary="Nothing here.", body="Nothing in the body."
        )
    assert slugs(results("zorblatt"), "guides") == [title.slug, summary.slug, body.slug]


def test_a_faq_with_the_word_in_its_question_ranks_above_one_with_it_in_the_answer(fresh_index):
    with fresh_index():
        in_answer = make_faq(
            question="Which tools help a planner?",
            answer="A quibbleton helps more than most people expect.",
        )
        in_question = make_faq(
            question="What is a quibbleton?", answer="A tool some planners use every day."
        )
    assert slugs(results("quibbleton"), "faqs") == [in_question.slug, in_answer.slug]


def test_each_group_shows_its_best_ten_and_says_how_many_more_match(client):
    found = results("operations")
    crowded = [g for g in found.groups if g.total > site_search.PER_GROUP]
    assert crowded, "'operations' matches more than ten of some kind"
    for g in found.groups:
        assert len(g.hits) == min(g.total, site_search.PER_GROUP)
    assert "add a word to narrow the search" in get(client, "operations")


@on_postgresql
def test_postgresql_ranks_with_the_weighted_vector_through_the_gin_index():
    entry = SearchEntry.objects.get(kind="roles", slug="inventory-analyst")
    assert entry.search_vector is not None
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        # The match the search makes (careerpath/search.py), on its own: on today's few hundred
        # rows the whole ranked statement may read them in `kind` order instead.
        cursor.execute(
            "EXPLAIN SELECT id FROM careerpath_searchentry "
            "WHERE search_vector @@ to_tsquery('english'::regconfig, %s)",
            [site_search.tsquery_text(["inventory"])],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "careerpath_searchentry_vector_gin" in plan
    ranked = [hit.score for hit in group(results("inventory"), "roles").hits]
    assert ranked == sorted(ranked, reverse=True) and ranked[0] > ranked[-1]


@on_postgresql
def test_postgresql_stems_words_the_sqlite_fallback_cannot():
    # "operational" and "operations" share the English stem "oper"; SQLite sees other words.
    assert "operations-manager" in slugs(results("operational management"), "roles")


@on_sqlite
def test_sqlite_needs_no_search_vector_and_matches_words_not_parts_of_words():
    assert not SearchEntry.objects.exclude(search_vector=None).exists()
    assert "inventory-analyst" in slugs(results("inventory"), "roles")
    # Inside a word is not a match (asked of the word search itself: the whole search would
    # take "nventory" for a typo of "inventory").
    rows = site_search._plain_hits([["nventory"]], site_search.PER_GROUP)
    assert [entry.slug for entry, _, _ in rows if entry.kind == "roles"] == []


# --- what it leaves out ----------------------------------------------------------------------


def test_unpublished_faqs_and_guides_are_never_found(fresh_index):
    with fresh_index():
        make_faq(question="Is the glimmerwort draft hidden?", published=False)
        make_guide(title="Glimmerwort draft guide", published=False)
    found = results("glimmerwort")
    assert found.groups == []


def test_unpublishing_a_guide_removes_it_from_the_results(fresh_index):
    assert "working-with-senior-management" in slugs(results("senior management"), "guides")
    with fresh_index():
        Guide.objects.filter(slug="working-with-senior-management").update(published=False)
        Guide.objects.get(slug="working-with-senior-management").save()
    assert "working-with-senior-management" not in slugs(results("senior management"), "guides")


def test_link_addresses_in_markdown_are_not_searched(fresh_index):
    with fresh_index():
        make_faq(question="Where do I start?", answer="See [this](/roles/zzaddressonly/).")
    assert results("zzaddressonly").groups == []


# --- highlighting ----------------------------------------------------------------------------


def test_matches_are_marked_in_titles_and_extracts(client):
    html = get(client, "inventory")
    assert '<a href="/roles/inventory-analyst/"><mark>Inventory</mark> Analyst</a>' in html
    assert re.search(r"<p>[^<]*<mark>inventory</mark>", html, re.IGNORECASE)


def test_marks_are_built_from_escaped_text(fresh_index, client):
    with fresh_index():
        make_faq(
            question="Does <b>wibblewort</b> & co matter?",
            answer="Type `<script>wibblewort</script>` & see.",
        )
    html = get(client, "wibblewort")
    assert "Does &lt;b&gt;<mark>wibblewort</mark>&lt;/b&gt; &amp; co matter?" in html
    assert "&lt;script&gt;<mark>wibblewort</mark>&lt;/script&gt; &amp; see." in html
    assert "<script>wibblewort" not in html and "<b>wibblewort" not in html


def test_a_search_for_an_entity_name_does_not_break_escaped_text():
    pattern = site_search.highlight_pattern(["amp", "lt"])
    marked = site_search.mark("R&D <lt> amp", pattern)
    assert marked == "R&amp;D &lt;<mark>lt</mark>&gt; <mark>amp</mark>"


def test_extracts_are_short_and_show_the_first_match():
    for g in results("budget").groups:
        for hit in g.hits:
            text = unescape(re.sub(r"<[^>]+>", "", hit.snippet))
            assert len(text) <= site_search.SNIPPET_WIDTH + 2, text
            assert "<mark>" in hit.snippet or "<mark>" in hit.title_html


# --- the page, htmx and hostile input --------------------------------------------------------


def test_the_page_box_searches_as_the_person_types_and_pushes_the_url(client):
    html = get(client, "lean")
    box = html.split('id="search-q"')[1].split(">")[0]
    assert 'hx-get="/search/"' in box and 'hx-push-url="true"' in box
    assert 'hx-trigger="input changed delay:300ms, search"' in box
    assert 'hx-target="#search-live"' in box and 'value="lean"' in box
    assert '<div id="search-live" aria-live="polite">' in html
    assert '<label for="search-q">' in html and '<button type="submit">Search</button>' in html


def test_htmx_gets_only_the_results_and_the_response_varies_on_hx_request(client, htmx_headers):
    response = client.get("/search/", {"q": "lean"}, **htmx_headers)
    html = response.content.decode()
    assert "<html" not in html and "<h1" not in html
    assert html.strip().startswith('<div id="search-results"')  # what the header box selects
    assert "<mark>Lean</mark>" in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(
        "/search/", {"q": "lean"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()


def test_an_empty_search_suggests_words(client):
    html = get(client, "")
    assert 'href="/search/?q=inventory"' in html
    assert "Type a word or two" in html


def test_a_search_with_no_results_says_so_and_suggests_where_to_look(client):
    html = get(client, "xylophonist")
    assert "Nothing matches “xylophonist”" in html and 'href="/roles/"' in html


def test_a_very_long_search_is_cut_to_100_characters_with_a_notice(client):
    html = get(client, "inventory " * 50)
    assert "only its first 100 characters were used" in html
    assert 'value="' + ("inventory " * 10).strip() + '"' in html
    assert 'href="/roles/inventory-analyst/"' in html


HOSTILE = [
    "' OR 1=1 --",
    "'; DROP TABLE careerpath_searchentry; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "a & | ! b",
    "foo:*",
    "inventory:*",
    "!inventory",
    "(inventory | cpim) & !lean",
    "inventory <-> analyst",
    "'inventory'",
    "\\",
    "%_%",
    "\x00",
    "invent\x00ory",
    "inventory\x00",
    "\x01\x02\x1f\x7f",
    "Ünïcödé café",
    "операции",
    "在库管理",
    "🚀📦 inventory",
    "x" * 5000,
    "a" * 101,
    "the of and",
    "managers'",
    "_",
    "x²",
    "&amp;",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("htmx", [False, True])
def test_hostile_searches_give_a_sensible_page_never_an_error(client, query, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.get("/search/", {"q": query}, **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "\x00" not in html
    assert 'id="search-results"' in html


def test_markup_in_the_query_is_shown_escaped(client):
    html = get(client, "<script>alert(1)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_nul_byte_is_dropped_from_the_query():
    found = results("invent\x00ory")
    assert "\x00" not in found.query
    assert found.terms == ["inventory"]


# --- query budget ----------------------------------------------------------------------------

# Two queries: the vocabulary (the words it holds, with their synonyms), then the index; a
# third for the words near a term the vocabulary does not hold (a typo's corrections).
SEARCHES = [
    ("/search/?q=inventory", 2),
    ("/search/?q=operations", 2),
    ("/search/?q=managers", 2),
    ("/search/?q=xylophonist", 3),
    ("/search/?q=invntory", 3),
    ("/search/", 0),
]


@pytest.mark.parametrize(("url", "budget"), SEARCHES)
def test_a_search_stays_within_its_query_budget(client, django_assert_max_num_queries, url, budget):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), SEARCHES)
def test_a_search_keeps_its_budget_with_ten_times_the_faqs_and_guides(
    client, django_assert_max_num_queries, url, budget
):
    faqs, guides = (SearchEntry.objects.filter(kind=k).count() for k in ("faqs", "guides"))
    add_nine_copies_of_every_faq_and_guide()
    site_search.rebuild_index()
    assert SearchEntry.objects.filter(kind="faqs").count() == 10 * faqs
    assert SearchEntry.objects.filter(kind="guides").count() == 10 * guides
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200
