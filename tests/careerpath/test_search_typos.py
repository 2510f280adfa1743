"""The search forgives: a misspelt word finds what was meant (trigram similarity on
PostgreSQL, difflib on SQLite), synonyms kept as content widen a word ("salary" finds pay),
and a person's intent ("switch to operations") finds the guide for people moving in."""

import re

import pytest
from django.db import connection

from careerpath import search as site_search
from careerpath import vocabulary
from careerpath.content import ContentInvalid, read_content
from careerpath.models import SearchWord, Synonym
from tests.guides.factories import make_guide

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's"
)


def slugs(query, kind):
    found = site_search.search(query)
    return next(([h.entry.slug for h in g.hits] for g in found.groups if g.kind == kind), [])


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- typos -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kind", "slug"),
    [
        ("invntory", "roles", "inventory-analyst"),
        ("inventroy analyst", "roles", "inventory-analyst"),
        ("schedular", "roles", "production-scheduler"),
        ("certifcation", "faqs", "which-certifications-are-most-valuable-for-operations-managers"),
        ("senoir management", "guides", "working-with-senior-management"),
    ],
)
def test_a_misspelt_word_finds_what_was_meant(typed, kind, slug):
    assert slug in slugs(typed, kind)[:3]


def test_invntory_puts_the_inventory_analyst_first():
    assert slugs("invntory", "roles")[0] == "inventory-analyst"


def test_the_page_marks_the_word_the_typo_was_taken_for(client):
    html = get(client, "/search/?q=invntory")
    assert '<a href="/roles/inventory-analyst/"><mark>Inventory</mark> Analyst</a>' in html


def test_a_word_nothing_resembles_still_finds_nothing(client):
    assert site_search.search("xylophonist").groups == []
    assert "Nothing matches “xylophonist”" in get(client, "/search/?q=xylophonist")


def test_a_short_word_is_never_taken_for_another(client):
    # Three letters are too few to tell a typo from a different word: "pmx" is not "pmp".
    assert slugs("pmx", "certifications") == []


def test_a_half_typed_last_word_is_not_corrected_into_other_words():
    assert "capital-investment-planning" not in slugs("invent", "skills")
    assert "inventory-control" in slugs("invent", "skills")


def test_a_correctly_spelt_word_is_not_widened_by_its_neighbours():
    # "planner" is a word the index holds, so "planners" and "planned" are not added to it.
    assert site_search.search("planner").widened[0][0] == "planner"
    assert "planned" not in site_search.search("planner").widened[0]


@on_postgresql
def test_postgresql_finds_neighbours_of_a_typo_through_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = (
            SearchWord.objects.filter(word__trigram_similar="invntory")
            .values("pk")
            .query.sql_with_params()
        )
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "careerpath_searchword_trgm" in plan


# --- synonyms, kept as content ---------------------------------------------------------------


def test_salary_finds_the_pay_faq_first():
    assert slugs("salary", "faqs")[0] == "how-much-do-operations-managers-earn"


def test_salary_finds_the_pay_faq_on_the_search_page_marked(client):
    html = get(client, "/search/?q=salary")
    assert 'href="/faq/how-much-do-operations-managers-earn/"' in html
    assert "<mark>earn</mark>" in html


@pytest.mark.parametrize(
    ("query", "kind", "slug"),
    [
        ("wage", "faqs", "how-much-do-operations-managers-earn"),
        ("ops manager", "roles", "operations-manager"),
        ("stock control", "skills", "inventory-control"),
    ],
)
def test_a_synonym_finds_pages_that_use_another_word(query, kind, slug):
    assert slug in slugs(query, kind)[:3]


def test_switch_to_operations_finds_the_guide_for_people_moving_in(client):
    assert slugs("switch to operations", "guides")[0] == "moving-into-operations"
    html = get(client, "/search/?q=switch+to+operations")
    assert 'href="/guides/moving-into-operations/"' in html


def test_an_editor_adds_a_synonym_and_the_search_follows(django_capture_on_commit_callbacks):
    assert slugs("zorblax", "roles") == []
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(slug="zorblax", words=["zorblax", "inventory"])
    assert slugs("zorblax", "roles")[0] == "inventory-analyst"


def test_other_forms_of_a_synonym_count_too():
    words = vocabulary.build_vocabulary(["Salaries vary"], [["salary", "pay"]])
    by_word = {w.word: w.synonyms for w in words}
    assert by_word["salaries"] == ["pay", "salary"]
    assert by_word["vary"] == []


def test_a_synonym_group_with_a_repeated_or_common_word_is_refused(tmp_path):
    (tmp_path / "synonyms.yaml").write_text(
        "- slug: pay\n  words: [pay, pay, the]\n", encoding="utf-8"
    )
    with pytest.raises(ContentInvalid) as refused:
        read_content(tmp_path)
    message = str(refused.value)
    assert "synonyms.yaml: pay: words:" in message
    assert "pay appears more than once" in message


def test_a_synonym_must_be_one_lower_case_word(tmp_path):
    (tmp_path / "synonyms.yaml").write_text(
        "- slug: pay\n  words: [pay, Annual Salary]\n", encoding="utf-8"
    )
    with pytest.raises(ContentInvalid, match=r"synonyms\.yaml: pay: words\.1"):
        read_content(tmp_path)


# --- the FAQ filter is the same search -------------------------------------------------------


def faq_slugs(client, query):
    return re.findall(r'<details id="([^"]+)"', get(client, f"/faq/?q={query}"))


def test_the_faq_filter_knows_synonyms_and_forgives_typos(client):
    assert "how-much-do-operations-managers-earn" in faq_slugs(client, "salary")
    assert "how-much-do-operations-managers-earn" in faq_slugs(client, "salry")
    assert "can-i-move-into-operations-from-project-management" in faq_slugs(
        client, "switch to operations"
    )


def test_the_faq_filter_finds_what_the_search_finds(client):
    for query in ("lean", "salary", "certifcation", "senior leadership"):
        found = site_search.search(query, per_group=None, kinds=["faqs"])
        expected = {h.entry.slug for g in found.groups for h in g.hits}
        assert set(faq_slugs(client, query)) == expected, query


def test_a_guide_title_typo_is_found_once_the_index_follows(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide = make_guide(title="Quartermaster routines", summary="Plain.", body="Plain.")
    assert guide.slug in slugs("quartermastr", "guides")
