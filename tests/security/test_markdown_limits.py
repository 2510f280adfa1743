"""Markdown that would take the renderer seconds or minutes (nested or unclosed brackets) or
that is simply too long is refused before it is rendered: as a form error on save, as a
message in the preview, never as a worker stuck until its timeout."""

import time

import pytest

from guides.markdown import MAX_FAQ_ANSWER, MAX_GUIDE_BODY, MAX_NESTING, MarkdownRefused, render
from guides.models import FAQ, Guide
from tests.admin.formdata import submit

pytestmark = pytest.mark.django_db


def nested_brackets(n: int) -> str:
    return "[" * n + "x" + "]" * n


def guide_url():
    guide = Guide.objects.get(slug="working-with-senior-management")
    return guide, f"/admin/guides/guide/{guide.pk}/change/"


def test_nested_brackets_are_refused_before_rendering():
    started = time.monotonic()
    with pytest.raises(MarkdownRefused, match="Brackets nest more than"):
        render(nested_brackets(4000))  # took about 4 s to render; 40 KB took about 100 s
    assert time.monotonic() - started < 0.5


def test_the_preview_of_nested_brackets_answers_at_once_with_a_message(editor_client):
    started = time.monotonic()
    response = editor_client.post("/admin/guides/guide/preview/", {"body": nested_brackets(4000)})
    assert time.monotonic() - started < 1
    assert response.status_code == 200
    assert "Brackets nest more than 16 deep" in response.content.decode()


def test_a_preview_longer_than_a_guide_may_be_is_refused(editor_client):
    response = editor_client.post("/admin/guides/guide/preview/", {"body": "word " * 4001})
    assert "Keep it to 20,000 characters (this has 20,005)" in response.content.decode()


def test_the_faq_preview_holds_the_shorter_cap_of_an_answer(editor_client):
    response = editor_client.post("/admin/guides/faq/preview/", {"answer": "a" * 3001})
    assert "Keep it to 3,000 characters" in response.content.decode()


def test_saving_a_guide_body_over_the_cap_is_a_form_error_and_nothing_changes(editor_client):
    guide, url = guide_url()
    response = submit(editor_client, url, {"body": "word " * 4001})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please correct the error" in page and "Keep it to 20,000 characters" in page
    assert Guide.objects.get(pk=guide.pk).body == guide.body


def test_saving_nested_brackets_is_a_form_error(editor_client):
    guide, url = guide_url()
    response = submit(editor_client, url, {"body": "Intro " + nested_brackets(2000)})
    assert "Brackets nest more than 16 deep" in response.content.decode()
    assert Guide.objects.get(pk=guide.pk).body == guide.body


def test_hundreds_of_definitions_in_a_row_are_a_form_error_not_a_500(editor_client):
    # Python-Markdown recurses once per item here and runs out of stack at about 500.
    guide, url = guide_url()
    response = submit(editor_client, url, {"body": "term\n: meaning\n" * 1000})
    assert response.status_code == 200
    assert "nests too deeply" in response.content.decode()
    assert Guide.objects.get(pk=guide.pk).body == guide.body


def test_an_faq_answer_over_its_cap_is_a_form_error(editor_client):
    faq = FAQ.objects.first()
    url = f"/admin/guides/faq/{faq.pk}/change/"
    response = submit(editor_client, url, {"answer": "word " * (MAX_FAQ_ANSWER // 5 + 1)})
    assert "Keep it to 3,000 characters" in response.content.decode()
    assert FAQ.objects.get(pk=faq.pk).answer == faq.answer


def test_a_stored_pathological_body_opens_its_form_at_once(editor_client):
    # Saved before the limits existed (or straight into the database): the change form's
    # preview shows the refusal instead of rendering for minutes.
    guide, url = guide_url()
    Guide.objects.filter(pk=guide.pk).update(body=nested_brackets(5000))
    started = time.monotonic()
    response = editor_client.get(url)
    assert time.monotonic() - started < 2
    assert response.status_code == 200
    assert "Brackets nest more than 16 deep" in response.content.decode()


@pytest.mark.parametrize(
    "shape",
    [
        "[" * MAX_NESTING + "x " * MAX_GUIDE_BODY,  # every `[` left open scans to the end
        "![" * MAX_NESTING + "x " * MAX_GUIDE_BODY,
        "[x](" * MAX_NESTING + "x " * MAX_GUIDE_BODY,
        (nested_brackets(MAX_NESTING) + " ") * MAX_GUIDE_BODY,
    ],
    ids=["open-brackets", "open-images", "open-link-targets", "deepest-nesting-repeated"],
)
def test_the_slowest_text_that_passes_renders_in_well_under_the_worker_timeout(shape):
    text = shape[:MAX_GUIDE_BODY]
    started = time.monotonic()
    render(text)
    assert time.monotonic() - started < 3  # about 0.1 s on the project machine


def test_every_guide_and_answer_in_the_content_fits_the_limits(content_dir):
    # The real content passes: the loader (through the same schema) loaded it for this test.
    assert Guide.objects.count() >= 5 and FAQ.objects.count() >= 20
    longest = max(len(guide.body) for guide in Guide.objects.all())
    assert longest < MAX_GUIDE_BODY / 2
