"""A saved plan's page, built once and served again until something it shows changes.

Building the page reads the whole catalogue and renders a long template; a plan is opened far
more often than it, the content or the code changes. So the page as built is kept beside the
plan (PlanPage) with what it was built from: the plan's version, the content version and the
release (common.release). Opening the plan reads the plan, its kept page (compressed) and the
content version in one query; while all three match, the kept page is the answer. Otherwise
the page is built as before and kept for next time. Every process on every host reads the same
rows, so none serves a page another has outdated.

The content version is read before the page is built: content that changes during the build
is newer than the version the page is kept under, so the next visit builds it again.

The token is never stored. The kept page has a mark wherever the plan's address appears, and
marks for the CSRF tokens and the CSP nonce: each request gets its own.
"""

import re
import zlib

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token

from common.nonce_marks import mark_nonce, unmark_nonce
from common.release import code_fingerprint

from . import services

TOKEN_MARK = b"__careerpath_plan_token__"
CSRF_MARK = b"__careerpath_csrf_token__"
_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def built_from(kept) -> str | None:
    """What the plan's page shows besides the request (`kept`: selectors.KeptPage); None before
    the content has a version (the page is then built and not kept)."""
    if kept.content_version is None:
        return None
    return f"{kept.version}:{kept.content_version}:{code_fingerprint()}"


def kept_or_built(request, token, kept, build) -> HttpResponse:
    """The plan's kept page (`kept`: selectors.KeptPage) when it is current, else `build()`'s
    answer, kept when it is a whole page."""
    key = built_from(kept)
    if key is not None and kept.content is not None and kept.built_from == key:
        return _serve(request, token, zlib.decompress(kept.content))
    response = build()
    if key is not None and response.status_code == 200:
        content = zlib.compress(_mark(request, token, response))
        services.plan_page_keep(plan_id=kept.plan_id, built_from=key, content=content)
    return _labelled(response, "built")


def _mark(request, token, response) -> bytes:
    content = mark_nonce(request, response.content)
    content = _CSRF_FIELD.sub(rb"\g<1>" + CSRF_MARK + rb"\g<2>", content)
    return content.replace(token.encode(), TOKEN_MARK)


def _serve(request, token, content: bytes) -> HttpResponse:
    content = unmark_nonce(request, content.replace(TOKEN_MARK, token.encode()))
    if CSRF_MARK in content:  # as {% csrf_token %} would: the cookie is set if it is missing
        content = content.replace(CSRF_MARK, get_token(request).encode())
    return _labelled(HttpResponse(content), "kept")


def _labelled(response, how: str) -> HttpResponse:
    """Says (with PAGE_CACHE_HEADER) whether the page was kept or built: not the page cache's
    X-Cache, since a plan is never in the shared cache."""
    if settings.PAGE_CACHE_HEADER:
        response["X-Plan-Page"] = how
    return response
