"""The update builder: a person's measures, risks and asks laid out as the one-page update,
with nothing they typed stored, cached, indexed or logged."""

import logging
import xml.etree.ElementTree as ET

import html5lib
import pytest
from django.core.cache import cache
from django.test import RequestFactory

from careerpath.freshness import content_version
from careerpath.middleware import AnonymousPageCacheMiddleware

from .update_inputs import BUILDER, COST, HAND_CHECKED, INCIDENTS, ON_TIME, query

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def parse(response) -> ET.Element:
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def measure_rows(response) -> dict[str, list[str]]:
    table = parse(response).find(".//table[@class='update-measures']")
    rows = {}
    for row in table.find("tbody").findall("tr"):
        cells = [text(cell) for cell in row]
        rows[cells[0]] = cells[1:]
    return rows


def field_error(response, field_id: str) -> str:
    return text(parse(response).find(f".//span[@id='{field_id}_error']"))


def input_value(response, field_id: str) -> str:
    return parse(response).find(f".//input[@id='{field_id}']").get("value", "")


def test_builder_shows_each_measure_with_its_status_against_target_and_direction(client):
    response = client.get(f"{BUILDER}?{HAND_CHECKED}")

    assert response.status_code == 200
    rows = measure_rows(response)
    # this month, target, status, against last month, year to date, trend
    assert rows["On-time delivery"][:5] == [
        "91.5%",
        "95%",
        "! Within 5% of target",
        "▼ Worse: down 3.3 points from 94.8%",
        "93.9%",
    ]
    assert rows["Cost per unit"][:5] == [
        "$4.12",
        "$4.20",
        "✓ On target",
        "▲ Better: down $0.13 from $4.25",
        "$4.18",
    ]
    assert rows["Safety incidents"][:5] == ["3", "0", "✗ Off target", "▼ Worse: up 2 from 1", "–"]


def test_builder_writes_a_headline_from_the_measures_when_none_is_given(client):
    response = client.get(f"{BUILDER}?{HAND_CHECKED}")

    headline = text(parse(response).find(".//*[@id='update-report-headline']"))
    assert headline == (
        "Headline: 1 of 3 measures on target; off target: Safety incidents; "
        "within 5% of target: On-time delivery."
    )


def test_builder_uses_the_headline_the_person_wrote(client):
    written = "Output on plan; deliveries recover by week 48."
    response = client.get(f"{BUILDER}?{query(ON_TIME, headline=written)}")

    headline = text(parse(response).find(".//*[@id='update-report-headline']"))
    assert headline == f"Headline: {written}"


def test_builder_lists_risks_and_asks_and_draws_a_trend_per_measure(client):
    response = client.get(f"{BUILDER}?{HAND_CHECKED}")
    report = parse(response).find(".//article[@class='update-report']")

    lists = [text(ul) for ul in report.findall(".//ul[@class='update-report__list']")]
    assert lists == [
        "Gearbox on the packaging line failed twice; spare on order",
        "Approve a Saturday shift in weeks 47 and 48, about $9,000",
    ]
    charts = report.findall(f".//{SVG}svg")
    assert len(charts) == 3
    # On-time delivery: three earlier months, last month, this month; the target as a level.
    assert len(charts[0].find(f"{SVG}polyline").get("points").split()) == 5
    assert charts[0].get("aria-label") == (
        "Trend of On-time delivery, oldest to newest: 93.2%, 94.1%, 95%, 94.8%, 91.5%; target 95%"
    )


def test_the_empty_builder_is_an_ordinary_public_page_listed_in_the_sitemap(client):
    response = client.get(BUILDER)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response
    assert BUILDER in client.get("/sitemap.xml").content.decode()


def test_builder_output_is_private_and_never_kept_in_the_shared_page_cache(client):
    url = f"{BUILDER}?{HAND_CHECKED}"

    first = client.get(url)
    second = client.get(url)

    for response in (first, second):
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert response["Referrer-Policy"] == "no-referrer"
        assert "X-Cache" not in response
    request = RequestFactory().get(url)
    key = AnonymousPageCacheMiddleware(lambda r: None)._key(request, content_version())
    assert cache.get(key) is None


def test_builder_stores_nothing_and_reads_nothing_from_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        client.get(f"{BUILDER}?{HAND_CHECKED}")
        client.get(f"{BUILDER}?{query({**ON_TIME, 'this_month': 'ninety'})}")


def test_builder_refuses_a_figure_that_is_not_a_number_next_to_the_field_and_keeps_it(client):
    response = client.get(f"{BUILDER}?{query(ON_TIME, {**COST, 'this_month': 'four-ish'})}")

    assert response.status_code == 400
    assert field_error(response, "id_m-1-this_month") == "Enter a number, such as 94.5 or 1,200."
    assert input_value(response, "id_m-1-this_month") == "four-ish"
    assert input_value(response, "id_m-0-this_month") == "91.5"  # the rest is kept too
    assert parse(response).find(".//table[@class='update-measures']") is None


def test_builder_refuses_more_measures_than_one_page_holds(client):
    seven = [{**INCIDENTS, "name": f"Measure {n}"} for n in range(7)]

    response = client.get(f"{BUILDER}?{query(*seven)}")

    assert response.status_code == 400
    assert "The update takes at most 6 measures" in text(parse(response).find(".//main"))


def test_builder_refuses_a_name_that_is_too_long_and_keeps_what_was_typed(client):
    long_name = "On-time delivery to our largest customer in the north-east region"  # 65

    response = client.get(f"{BUILDER}?{query({**ON_TIME, 'name': long_name})}")

    assert response.status_code == 400
    assert "at most 60 characters" in field_error(response, "id_m-0-name")
    assert input_value(response, "id_m-0-name") == long_name


def test_builder_refuses_more_than_five_risks(client):
    risks = "\n".join(f"Risk number {n}" for n in range(6))

    response = client.get(f"{BUILDER}?{query(ON_TIME, risks=risks)}")

    assert response.status_code == 400
    assert field_error(response, "id_risks") == ("Keep it to 5 lines; the update fits on one page.")
    textarea = parse(response).find(".//textarea[@id='id_risks']")
    assert "Risk number 5" in textarea.text


def test_builder_asks_for_a_name_when_figures_have_none(client):
    response = client.get(f"{BUILDER}?{query({**ON_TIME, 'name': ''})}")

    assert response.status_code == 400
    assert field_error(response, "id_m-0-name") == "Name this measure, such as On-time delivery."


def test_add_a_measure_shows_one_more_blank_row_and_keeps_every_figure(client):
    response = client.get(f"{BUILDER}?{query(ON_TIME, COST)}&add=1")

    assert response.status_code == 200
    page = parse(response)
    assert len(page.findall(".//fieldset[@class='update-form__measure']")) == 3
    assert input_value(response, "id_m-1-this_month") == "4.12"
    assert input_value(response, "id_m-2-name") == ""
    # The download link carries the figures, not the request to add a row.
    pdf_link = page.find(".//a[.='Download as PDF']").get("href")
    assert "m-1-this_month=4.12" in pdf_link and "add=" not in pdf_link


def test_add_a_measure_stops_at_six_rows(client):
    six = [{**INCIDENTS, "name": f"Measure {n}"} for n in range(6)]

    response = client.get(f"{BUILDER}?{query(*six)}&add=1")

    page = parse(response)
    assert len(page.findall(".//fieldset[@class='update-form__measure']")) == 6
    assert page.find(".//button[@name='add']") is None


def test_htmx_gets_the_preview_and_the_field_errors_to_swap_in_place(client, htmx_headers):
    bad = query({**ON_TIME, "target": "lots"})

    response = client.get(f"{BUILDER}?{bad}", **htmx_headers)

    assert response.status_code == 400
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert "HX-Request" in response["Vary"]
    oob = parse(response).find(".//span[@id='id_m-0-target_error']")
    assert oob.get("hx-swap-oob") == "true"
    assert text(oob) == "Enter a number, such as 94.5 or 1,200."
    assert response["Cache-Control"] == "private, no-store"


def test_htmx_add_a_measure_loads_the_whole_page_instead(client, htmx_headers):
    url = f"{BUILDER}?{query(ON_TIME)}&add=1"

    response = client.get(url, **htmx_headers)

    assert response["HX-Redirect"] == url


def test_the_figures_never_reach_the_logs(client, caplog):
    secret = "987654.321"
    with caplog.at_level(logging.DEBUG):
        client.get(f"{BUILDER}?{query({**ON_TIME, 'this_month': secret})}")
        client.get(f"{BUILDER}?{query({**ON_TIME, 'this_month': secret + 'x'})}")
        client.get(f"{BUILDER}update.pdf?{query({**ON_TIME, 'this_month': secret})}")

    assert "Bad Request" in caplog.text  # the refusal is logged, by its path alone
    assert "987654" not in caplog.text and "987,654" not in caplog.text
