"""Rendered Markdown keeps only the ids and classes its own features produce, so text can
never take over the page's ids (the skip link's #main) or borrow its styles."""

import pytest

from guides.markdown import render

pytestmark = pytest.mark.django_db


def test_raw_html_loses_an_id_and_a_class_of_the_page():
    html = render('<div id="main" class="skip-link">x</div>').html
    assert "<div>x</div>" in html
    assert 'id="main"' not in html and "skip-link" not in html


def test_attribute_lists_cannot_set_a_page_id_or_class():
    html = render("Intro\n{: #site-search-q .site-header }\n\n## Title {: #main .button }").html
    assert "site-search-q" not in html and "site-header" not in html
    assert 'id="main"' not in html and "button" not in html


def test_a_heading_named_like_a_page_id_gets_an_anchor_of_its_own():
    rendered = render("## Main\n\ntext")
    assert '<h2 id="main-section">Main</h2>' in rendered.html
    assert rendered.toc[0]["id"] == "main-section"


def test_a_heading_whose_id_was_dropped_is_left_out_of_the_table_of_contents():
    rendered = render("## Kept\n\n## Taken {: #faq-list }\n\ntext")
    assert [item["id"] for item in rendered.toc] == ["kept"]


def test_what_the_markdown_features_produce_survives():
    text = "## Steps\n\n- [ ] first\n\n| a |\n|---|\n| b |\n\nClaim.[^1]\n\n[^1]: Source."
    html = render(text).html
    assert '<h2 id="steps">' in html
    assert '<li class="task"><span class="task__box" aria-hidden="true">' in html
    assert '<div class="table-scroll"' in html
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"' in html
    assert '<div class="footnote">' in html and '<li id="fn:1">' in html
    assert 'class="footnote-backref" href="#fnref:1"' in html


def test_the_published_guide_page_has_one_element_with_the_main_id(client):
    from guides.models import Guide

    Guide.objects.create(
        slug="ids", title="Ids", summary="s", published=True, body="## Main\n\n<p id='main'>x</p>"
    )
    page = client.get("/guides/ids/").content.decode()
    assert page.count('id="main"') == 1
