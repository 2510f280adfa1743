"""The update as a PDF: the same GET parameters, nothing stored, nothing fetched."""

import io

import pytest
from pypdf import PdfReader

from tests.network import Listener

from .update_inputs import HAND_CHECKED, ON_TIME, PDF, query

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_download_holds_the_headline_the_measures_risks_and_asks(client):
    response = client.get(f"{PDF}?{HAND_CHECKED}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="plant-2-operations-update-november-2026.pdf"'
    )
    text = pdf_text(response)
    assert "PLANT 2 OPERATIONS UPDATE · NOVEMBER 2026" in text
    assert "Headline: 1 of 3 measures on target; off target: Safety incidents;" in text
    for figure in ("91.5%", "95%", "$4.12", "$4.20", "Within 5% of target", "Off target"):
        assert figure in text, figure
    assert "Gearbox on the packaging line failed twice" in text
    assert "Approve a Saturday shift in weeks 47 and 48" in text


def test_pdf_is_private_and_never_cached(client):
    first = client.get(f"{PDF}?{HAND_CHECKED}")
    second = client.get(f"{PDF}?{HAND_CHECKED}")

    for response in (first, second):
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert "X-Cache" not in response


def test_pdf_of_an_empty_update_is_refused_with_a_message(client):
    response = client.get(PDF)

    assert response.status_code == 400
    assert "There is nothing to put in a PDF yet" in response.content.decode()


def test_pdf_with_bad_input_returns_the_form_with_the_message_and_the_typing(client):
    response = client.get(f"{PDF}?{query({**ON_TIME, 'year_to_date': '9x'})}")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Correct the entries marked below" in html
    assert 'value="9x"' in html


def test_text_typed_as_markup_or_a_css_url_makes_the_server_fetch_nothing(client):
    with Listener() as listener:
        image = f'<img src="{listener.url}/x">'
        css_url = f"url({listener.url}/y)"
        typed = query(
            {**ON_TIME, "name": image[:60]},
            headline=f'<link rel="stylesheet" href="{listener.url}/z">'[:200],
            risks=f'<div style="background: {css_url}">risk</div>',
        )
        response = client.get(f"{PDF}?{typed}")

    assert response.status_code == 200
    assert listener.connections == 0
    text = pdf_text(response)
    assert "<img src=" in text  # shown as the words typed, never made into an element
    assert "url(" in text
