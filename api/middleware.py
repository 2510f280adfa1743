"""HTTP rules for everything under /api/: read-only methods, JSON errors, ETag and
revalidation, and CORS for any origin.

One middleware rather than django-cors-headers: the API is public and read-only, so CORS is a
fixed header (any origin, no credentials) plus an answer to preflights, and the method, error
and caching rules belong beside it. It sits outside the page cache, so a cached answer still
gets its ETag checked against If-None-Match and its CORS headers.
"""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag

from .renderers import dumps

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")
ALLOW = "GET, HEAD"
# Shared caches may keep an answer but must check it on every use: an edit is visible at the
# next request, and an unchanged answer costs a 304 without a body.
CACHE_CONTROL = "public, max-age=0, must-revalidate"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ALLOW,
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Max-Age": "86400",
}
ERROR_MESSAGES = {
    404: "Nothing answers at {path}. The endpoints are listed at /api/v1/docs.",
    500: "Something went wrong on our side; it has been logged.",
    503: "The database cannot be reached just now; try again shortly.",
}


def problem(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        dumps({"detail": detail, "errors": []}),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def _set(response, headers: dict) -> None:
    for name, value in headers.items():
        response[name] = value


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOW
            _set(response, PREFLIGHT_HEADERS)
        elif request.method not in READ_METHODS:
            response = problem(
                405, f"The API only reads: use GET or HEAD, not {request.method[:20]}."
            )
            response["Allow"] = ALLOW
        else:
            response = self._read(request)
        _set(response, CORS_HEADERS)
        return response

    def _read(self, request):
        head = request.method == "HEAD"
        if head:
            # As Django's require_safe does for the pages: HEAD runs the GET view and the
            # server sends the headers alone.
            request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            if head:
                request.method = "HEAD"
        response = self._as_json(request, response)
        if response.status_code >= 500:
            response["Cache-Control"] = "no-store"
            return response
        if response.streaming:
            return response
        response["Cache-Control"] = CACHE_CONTROL
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _as_json(request, response):
        """Errors that Django answered with an HTML page (an unknown path, the database
        outage) get the API's JSON shape instead; the documentation page stays HTML."""
        if response.status_code < 400 or "json" in response.get("Content-Type", ""):
            return response
        template = ERROR_MESSAGES.get(response.status_code, "The request could not be answered.")
        replacement = problem(response.status_code, template.format(path=request.path[:200]))
        for header in ("Retry-After", "Allow"):
            if header in response:
                replacement[header] = response[header]
        return replacement
