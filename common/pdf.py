"""HTML to PDF on the server (WeasyPrint), fetching nothing from the network.

The URL fetcher serves only the site's own static files, found through the staticfiles
finders; every other URL (http, https, file, data, anything a visitor could slip into the
HTML) is refused, so text a visitor typed can never make the server fetch a URL.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

BASE_URL = "https://static.invalid/"  # a base no real fetch can ever reach


class RefusedURL(ValueError):
    pass


def static_path(url: str) -> Path | None:
    """The file behind one of the site's static URLs, or None for anything else."""
    parts = urlsplit(url)
    static = urlsplit(settings.STATIC_URL).path
    if url.startswith(BASE_URL):
        path = "/" + url.removeprefix(BASE_URL)
    elif parts.scheme == "" and parts.netloc == "":
        path = parts.path
    else:
        return None
    path = unquote(path.split("?", 1)[0].split("#", 1)[0])
    if not path.startswith(static):
        return None
    relative = path.removeprefix(static)
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    return Path(found) if found else None


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Answers from the static files; never opens a connection or a file elsewhere."""

        def fetch(self, url, headers=None):
            found = static_path(url)
            if found is None:
                raise RefusedURL(
                    f"The PDF renderer fetches only the site's static files: {url[:80]}"
                )
            mime, _ = mimetypes.guess_type(found.name)
            return URLFetcherResponse(
                url, found.read_bytes(), {"Content-Type": mime or "application/octet-stream"}
            )

    return StaticOnlyFetcher(allowed_protocols=("https",), allow_redirects=False)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()
