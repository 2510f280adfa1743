"""The update builder in Chromium: fill it in, watch the update appear, download the PDF, with
JavaScript and without; and a guide's checklist that remembers its ticks in this browser."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .site_pages import (
    UPDATE_BUILDER,
    UPDATE_EXAMPLE,
    assert_same_document,
    mark_document,
    wait_for_htmx,
)
from .test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def fill_first_measure(page):
    page.get_by_label("Team or area").fill("Contact center")
    page.get_by_label("Period").fill("November 2026")
    measure = page.locator("fieldset.update-form__measure").first
    measure.get_by_label("Measure").fill("Calls answered in 60 seconds")
    measure.get_by_label("Unit").fill("%")
    measure.get_by_label("This month").fill("78")
    measure.get_by_label("Target").fill("80")
    measure.get_by_label("Last month").fill("74")
    page.get_by_label("Decisions or help you need").fill("Bring the January training class forward")


def downloaded_pdf_text(download) -> str:
    with open(download.path(), "rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_update_appears_in_place_as_you_type_and_downloads_as_a_pdf(page):
    page.goto(UPDATE_BUILDER)
    mark_document(page)

    fill_first_measure(page)

    preview = page.locator("#update-preview")
    expect(preview.locator(".update-report__headline")).to_have_text(
        "Headline: Calls answered in 60 seconds is within 5% of target."
    )
    row = preview.locator("tbody tr").first
    expect(row.locator("td").nth(2)).to_have_text("! Within 5% of target")
    expect(row.locator("td").nth(3)).to_have_text("▲ Better: up 4 points from 74%")
    expect(preview.locator("svg.trend")).to_have_count(1)
    expect(page.locator("#update-status")).to_contain_text("Update ready")
    assert_same_document(page, "Typing into the builder")
    wait_for_htmx(page)

    with page.expect_download() as info:
        preview.get_by_role("link", name="Download as PDF").click()
    download = info.value

    assert download.suggested_filename == "contact-center-update-november-2026.pdf"
    text = downloaded_pdf_text(download)
    assert "Calls answered in 60 seconds" in text
    assert "78%" in text and "80%" in text
    assert "Bring the January training class forward" in text


def test_a_mistake_is_marked_next_to_the_field_while_typing_and_cleared_when_fixed(page, console):
    console.allow(r"status of 400")  # the builder answers a mistake with 400, by design
    page.goto(UPDATE_BUILDER)
    measure = page.locator("fieldset.update-form__measure").first
    measure.get_by_label("Measure").fill("Scrap rate")

    measure.get_by_label("This month").fill("two")

    error = page.locator("[id='id_m-0-this_month_error']")
    expect(error).to_have_text("Enter a number, such as 94.5 or 1,200.")
    expect(page.locator("#update-preview")).to_contain_text("We could not lay out the update yet")
    expect(measure.get_by_label("This month")).to_have_value("two")

    measure.get_by_label("This month").fill("2.1")

    expect(error).to_be_empty()
    expect(page.locator("#update-preview .update-report")).to_be_visible()


def test_add_a_measure_grows_the_form_and_keeps_what_was_typed(page):
    page.goto(UPDATE_BUILDER)
    fill_first_measure(page)
    expect(page.locator("fieldset.update-form__measure")).to_have_count(3)

    page.get_by_role("button", name="Add a measure").click()

    expect(page.locator("fieldset.update-form__measure")).to_have_count(4)
    first = page.locator("fieldset.update-form__measure").first
    expect(first.get_by_label("This month")).to_have_value("78")
    expect(page.get_by_label("Team or area")).to_have_value("Contact center")


def test_without_javascript_the_form_submits_as_a_get_and_the_pdf_link_works(nojs_page):
    page = nojs_page
    page.goto(UPDATE_BUILDER)
    fill_first_measure(page)

    page.get_by_role("button", name="Show the update").click()

    expect(page).to_have_url(re.compile(r"/update/\?.*m-0-this_month=78"))
    expect(page.locator(".update-report__headline")).to_contain_text("within 5% of target")
    expect(page.locator("button[data-print]")).to_be_hidden()  # printing needs JavaScript

    page.get_by_role("button", name="Add a measure").click()
    expect(page.locator("fieldset.update-form__measure")).to_have_count(4)
    expect(
        page.locator("fieldset.update-form__measure").first.get_by_label("Target")
    ).to_have_value("80")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PDF").click()
    assert "Calls answered in 60 seconds" in downloaded_pdf_text(info.value)


def test_without_javascript_a_mistake_comes_back_with_the_message_beside_the_field(
    nojs_page, nojs_context
):
    nojs_context.console.allow(r"status of 400")
    page = nojs_page
    page.goto(UPDATE_BUILDER)
    measure = page.locator("fieldset.update-form__measure").first
    measure.get_by_label("Measure").fill("Scrap rate")
    measure.get_by_label("This month").fill("2.1.1")

    page.get_by_role("button", name="Show the update").click()

    expect(page.locator("[id='id_m-0-this_month_error']")).to_have_text(
        "Enter a number, such as 94.5 or 1,200."
    )
    expect(
        page.locator("fieldset.update-form__measure").first.get_by_label("This month")
    ).to_have_value("2.1.1")
    expect(page.locator("#update-errors")).to_contain_text("Measure 1, this month")


def test_printing_the_builder_prints_only_the_update(page):
    page.goto(f"{UPDATE_BUILDER}?{UPDATE_EXAMPLE}")

    page.emulate_media(media="print")

    expect(page.locator(".update-report")).to_be_visible()
    expect(page.locator(".update-report svg.trend").first).to_be_visible()
    for hidden in ["#update-form", ".update-intro", ".update-actions", "header.site-header"]:
        expect(page.locator(hidden)).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_the_builder_with_an_update_and_with_a_mistake_has_no_axe_violations(page, console, width):
    console.allow(r"status of 400")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(UPDATE_BUILDER)
    fill_first_measure(page)
    expect(page.locator("#update-preview .update-report")).to_be_visible()
    wait_for_htmx(page)

    count, report = axe_violations(page)
    assert count == 0, report

    page.locator("fieldset.update-form__measure").first.get_by_label("Target").fill("eighty")
    expect(page.locator("[id='id_m-0-target_error']")).not_to_be_empty()
    wait_for_htmx(page)

    count, report = axe_violations(page)
    assert count == 0, report


GUIDE = "/guides/weekly-and-monthly-updates-for-executives/"


def test_ticks_in_a_guide_checklist_survive_a_reload(page):
    page.goto(GUIDE)
    boxes = page.locator(".prose li.task input[type='checkbox']")
    expect(boxes).to_have_count(7)
    expect(boxes.nth(0)).not_to_be_checked()
    first_label = page.locator(".prose li.task").nth(0).inner_text()
    assert first_label.startswith("The headline states the position")

    page.get_by_role("checkbox", name=re.compile("^The headline states")).check()
    boxes.nth(3).check()
    page.reload()

    boxes = page.locator(".prose li.task input[type='checkbox']")
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(3)).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    # Another guide's checklist is not affected.
    page.goto("/guides/working-with-senior-management/")
    expect(page.locator(".prose li.task input[type='checkbox']").first).not_to_be_checked()


def test_without_javascript_a_checklist_reads_as_a_list_with_boxes(nojs_page):
    page = nojs_page
    page.goto(GUIDE)

    items = page.locator(".prose li.task")
    expect(items).to_have_count(7)
    expect(items.first.locator(".task__box")).to_have_text("☐")
    expect(page.locator(".prose input[type='checkbox']")).to_have_count(0)


def test_printing_a_guide_shows_the_checklist_boxes(page):
    page.goto(GUIDE)
    page.locator(".prose li.task input[type='checkbox']").first.check()

    page.emulate_media(media="print")

    expect(page.locator(".prose li.task input[type='checkbox']").first).to_be_visible()
    expect(page.locator(".prose li.task input[type='checkbox']").first).to_be_checked()
