"""Answer 503 with a friendly page while the database cannot be reached."""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - psycopg is a dependency
    PoolTimeout = OperationalError

UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("Database unavailable: %s", exception)
        # Drop broken connections so the next request opens a fresh one.
        for conn in connections.all(initialized_only=True):
            conn.close_if_unusable_or_obsolete()
        response = TemplateResponse(request, "503.html", status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response.render()


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET pages from the cache.

    The key holds the content version (bumped whenever content changes, see freshness.py),
    the full URL and whether the request came from htmx, so an edit shows at the next request
    and a partial is never served for a whole page. Visitors with a session (editors, staff
    previewing drafts) always get a fresh page. The CSP nonce in a cached page is swapped for
    the nonce of the request that reads it.
    """

    NONCE_MARK = "__careerpath_csp_nonce__"
    SKIP_PREFIXES = ("/admin/", "/healthz", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        from django.conf import settings
        from django.core.cache import cache

        from .freshness import content_version

        key = self._key(request, content_version())
        cached = cache.get(key)
        if cached is not None:
            return self._rebuild(request, cached)
        response = self.get_response(request)
        if self._cacheable_response(response):
            cache.set(key, self._freeze(request, response), settings.PAGE_CACHE_SECONDS)
        return response

    def _cacheable_request(self, request) -> bool:
        from django.conf import settings

        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.SKIP_PREFIXES)
            and len(request.get_full_path()) <= 1024
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    def _key(self, request, version) -> str:
        import hashlib

        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        fragment = (
            request.headers.get("HX-Request") == "true"
            and request.headers.get("HX-History-Restore-Request") != "true"
        )
        htmx = "htmx" if fragment else "page"
        return f"careerpath:page:{version}:{htmx}:{digest}"

    def _freeze(self, request, response) -> dict:
        content = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if nonce:  # generated while rendering: it appears in the page
            content = content.replace(str(nonce).encode(), self.NONCE_MARK.encode())
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-security-policy", "set-cookie")
        }
        return {"status": response.status_code, "headers": headers, "content": content}

    def _rebuild(self, request, frozen):
        from django.http import HttpResponse

        content = frozen["content"]
        if self.NONCE_MARK.encode() in content:
            content = content.replace(self.NONCE_MARK.encode(), str(request._csp_nonce).encode())
        response = HttpResponse(content, status=frozen["status"])
        for name, value in frozen["headers"].items():
            response.headers[name] = value
        response.headers["X-Cache"] = "hit"
        return response
