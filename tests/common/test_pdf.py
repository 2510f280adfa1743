"""The PDF renderer every app uses: it reads the site's own static files and fetches nothing
else, whatever URL the HTML names."""

import io

import pytest
from pypdf import PdfReader

from common.pdf import BASE_URL, RefusedURL, StaticFilesOnly, render_pdf, static_file_path
from tests.network import Listener


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_fetcher_serves_the_sites_own_static_files():
    response = StaticFilesOnly().fetch(f"{BASE_URL}static/css/update.css")
    assert response.content_type == "text/css"
    assert b".update-report" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1/x",
        "https://example.com/static/css/update.css",
        "file:///etc/passwd",
        "data:text/css,body{color:red}",
        f"{BASE_URL}static/../careerpath/settings.py",
        f"{BASE_URL}static/%2e%2e/careerpath/settings.py",
        f"{BASE_URL}admin/",
        f"{BASE_URL}static/css/no-such-file.css",
    ],
)
def test_the_fetcher_refuses_everything_but_a_static_file(url):
    assert static_file_path(url) is None
    with pytest.raises(RefusedURL):
        StaticFilesOnly().fetch(url)


def test_html_that_points_at_the_network_renders_without_fetching_anything():
    with Listener() as listener:
        html = (
            f'<p>Plain words</p><img src="{listener.url}/image.png" alt="">'
            f'<link rel="stylesheet" href="{listener.url}/style.css">'
            f'<div class="x">styled</div>'
        )
        pdf = render_pdf(html)

    assert listener.connections == 0
    assert "Plain words" in pdf_text(pdf)


def test_a_static_stylesheet_named_by_the_html_is_applied():
    # update.css hides the builder's introduction in print, and a PDF is print.
    html = (
        '<link rel="stylesheet" href="/static/css/update.css">'
        '<div class="update-intro">Only on screen</div><p>On paper</p>'
    )
    text = pdf_text(render_pdf(html))
    assert "On paper" in text
    assert "Only on screen" not in text
