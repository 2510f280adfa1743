"""The front door: a page the shared cache holds, answered before Django handles the request.

A hit through Django builds a request object, runs the middleware in front of the page cache,
resolves the URL and keys the page by what the view reads: about half a millisecond in one
process, most of a cached page's cost. The door answers the same request from the raw WSGI
environ in one round trip to Redis, with the answer Django gave it last time, whole (status,
every header, body).

It can never answer what Django would not:
- An answer is kept for the door only by `FrontDoorMiddleware`, the outermost middleware, when
  the page cache (careerpath.middleware) served or stored a page under a known content version.
  The door's key is made from every input the page cache's key is made from, as sent (scheme
  and host headers, path, the query parameters the view reads, the htmx headers), so it is at
  least as fine as that key: two requests the door answers alike, Django answers alike.
- It is served only while that content version is still the current one, read from the same
  round trip: an edit anywhere is at every door at the next request.
- Anything else goes to Django, as before: another method than GET, a session cookie, a
  conditional request (the API's ETag), the paths the page cache skips, or no shared cache
  (the door needs `CONTENT_VERSION_IN_CACHE`, Redis in production, and the page cache on).

Each answer gets its own CSP nonce, in the policy header and the page's `nonce` attributes.
"""

import functools
import hashlib
import logging
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info
from django.http import parse_cookie
from django.urls import Resolver404, resolve
from django.utils.csp import generate_nonce

from common.htmx import FRAGMENT_HEADERS, TARGET_HEADER
from common.nonce_marks import NONCE_MARK, mark_nonce, unmark_bytes

from .freshness import VERSION_KEY
from .middleware import CACHE_UNAVAILABLE, AnonymousPageCacheMiddleware

logger = logging.getLogger(__name__)

KEY_PREFIX = "careerpath:door:"
SKIP_PREFIXES = AnonymousPageCacheMiddleware.SKIP_PREFIXES
# What Django reads to tell the scheme and the host (request.scheme, request.get_host()).
_ORIGIN_KEYS = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_HOST",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "SERVER_NAME",
    "SERVER_PORT",
)
# The htmx headers the page cache keys an answer on (common.htmx.variant), as sent.
_HTMX_KEYS = tuple(
    "HTTP_" + name.upper().replace("-", "_")
    for header in (*FRAGMENT_HEADERS, TARGET_HEADER)
    for name in (header, f"{header}-URI-AutoEncoded")
)
_CONDITIONAL_KEYS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# The policy's nonce source as kept: the nonce itself is made per answer.
_NONCE_SOURCE = f"'nonce-{NONCE_MARK.decode()}'"


def is_open() -> bool:
    """The door needs the page cache on and the content version shared by every process."""
    return settings.PAGE_CACHE_SECONDS > 0 and settings.CONTENT_VERSION_IN_CACHE


def door_key(environ) -> str | None:
    """The door's key for a request, or None when the door must leave it to Django."""
    if environ.get("REQUEST_METHOD") != "GET":
        return None
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    if path.startswith(SKIP_PREFIXES) or any(k in environ for k in _CONDITIONAL_KEYS):
        return None
    cookie = environ.get("HTTP_COOKIE")
    if cookie and settings.SESSION_COOKIE_NAME in parse_cookie(cookie):
        return None
    query = environ.get("QUERY_STRING", "")
    if query:
        query = _read_query(environ, query)
        if query is None:
            return None
    parts = [environ.get(k, "") for k in (*_ORIGIN_KEYS, *_HTMX_KEYS)]
    identity = "\n".join([*parts, path, query])
    return KEY_PREFIX + hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()


def _read_query(environ, query: str) -> str | None:
    """The query string with only the parameters the view reads, as the page cache keeps it
    (a tracking tag is no new page), or None when the page cache would not keep the page."""
    declared = _declared_params(get_path_info(environ))
    if declared is None:
        return None
    pairs = parse_qsl(query, keep_blank_values=True)
    if len(pairs) > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:  # Django answers 400 to those
        return None
    return urlencode([(name, value) for name, value in pairs if name in declared])


@functools.lru_cache(maxsize=4096)
def _declared_params(path_info: str) -> frozenset[str] | None:
    """The query parameters the view at `path_info` reads; None when none is declared. Kept per
    process: the URLconf is the code's, and the same for every visitor and every content."""
    try:
        view = resolve(path_info).func
    except Resolver404:
        return None
    return getattr(view, "query_params", None)


class FrontDoor:
    """WSGI middleware around Django's application (careerpath/wsgi.py)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = door_key(environ) if is_open() else None
        kept = self._kept(key) if key else None
        if kept is None:
            return self.application(environ, start_response)
        status, headers, body = kept
        nonce = generate_nonce().encode()
        body = unmark_bytes(body, nonce)
        sent = [
            (name, value.replace(_NONCE_SOURCE, f"'nonce-{nonce.decode()}'"))
            for name, value in headers
        ]
        sent.append(("Content-Length", str(len(body))))
        if settings.PAGE_CACHE_HEADER:
            sent.append(("X-Cache", "door"))
        start_response(status, sent)
        return [body]

    @staticmethod
    def _kept(key):
        """(status line, headers, body) kept for `key` under the current content version."""
        try:
            found = cache.get_many([VERSION_KEY, key])
        except CACHE_UNAVAILABLE:  # Django's path answers and says why
            return None
        entry, version = found.get(key), found.get(VERSION_KEY)
        if entry is None or version is None or entry[0] != version:
            return None
        return entry[1:]


class FrontDoorMiddleware:
    """Outermost middleware: keeps the answer Django gave, as it went out, for the door."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = door_key(request.META) if is_open() else None
        response = self.get_response(request)
        version = getattr(response, "door_version", None)
        if key and version is not None and response.status_code == 200:
            self._keep(key, request, response, version)
        return response

    @staticmethod
    def _keep(key, request, response, version) -> None:
        if response.streaming or response.cookies:
            return
        nonce = getattr(request, "_csp_nonce", None)
        marked = f"'nonce-{nonce}'" if nonce else None
        headers = [
            (name, value.replace(marked, _NONCE_SOURCE) if marked else value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "x-cache")
        ]
        status = f"{response.status_code} {response.reason_phrase}"
        entry = (version, status, headers, mark_nonce(request, response.content))
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except CACHE_UNAVAILABLE as exc:
            logger.warning("Page cache unavailable: %s", exc)
