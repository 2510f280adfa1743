"""HTML to PDF with WeasyPrint, fetching nothing from the network.

The only URLs a PDF may load are the site's own static files (stylesheets, images), read from
disk; every other URL (http, https, file, data, another host) is refused, so text a visitor
typed can never make the server fetch anything. Used by every app that offers a PDF.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative links in the HTML (`/static/css/x.css`) resolve against this origin. `.invalid` is
# reserved (RFC 2606) and never resolves, so even a fetcher bug could not reach a real host.
BASE_URL = "https://careerpath.invalid/"
_BASE = urlsplit(BASE_URL)


class RefusedURL(ValueError):
    """A PDF asked for something that is not one of the site's static files."""


class StaticFilesOnly(URLFetcher):
    """WeasyPrint URL fetcher that serves the site's static files from disk and nothing else."""

    def fetch(self, url, headers=None):
        path = static_file_path(url)
        if path is None:
            raise RefusedURL(f"PDF rendering fetches only the site's static files, not {url[:80]}")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as file:
            body = file.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def static_file_path(url: str) -> str | None:
    """The file on disk behind one of the site's static URLs, or None for any other URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    static_prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
    if (parts.scheme, parts.netloc) != (_BASE.scheme, _BASE.netloc):
        return None
    if parts.query or not parts.path.startswith(static_prefix):
        return None
    name = unquote(parts.path[len(static_prefix) :])
    if not name or name != posixpath.normpath(name) or name.startswith(("/", "..")):
        return None
    try:
        found = finders.find(name)  # the source folders (development, tests)
        if found:
            return str(found)
        if staticfiles_storage.exists(name):  # collected, possibly hashed, files (production)
            return staticfiles_storage.path(name)
    except Exception:  # a name the storage refuses (traversal, odd characters) is not a file
        return None
    return None


def render_pdf(html: str) -> bytes:
    """The PDF of a page of HTML; relative URLs in it resolve to the site's static files."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    """A PDF to download as `filename` (ASCII letters, digits, dots and hyphens)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
