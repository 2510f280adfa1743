"""The htmx contract every view keeps: a page is served whole or as one of its named partials,
chosen from the request in one way, and the response says in `Vary` which headers chose it.

The page cache (careerpath/middleware.py) keys pages on `variant()`, built from the same decoded
values (django-htmx's `request.htmx`) that `render_page()` decides on, so a header that picks a
response can never fetch another one.
"""

from collections.abc import Mapping
from functools import wraps

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from .pagination import BadPage, page_number

# The headers that choose between the whole page and a partial. htmx may send any of them
# URI-encoded, flagged by `<name>-URI-AutoEncoded: true`, which django-htmx decodes: that flag
# picks the response too.
FRAGMENT_HEADERS = ("HX-Request", "HX-History-Restore-Request")
TARGET_HEADER = "HX-Target"


def _with_encoding_flags(headers) -> tuple[str, ...]:
    return tuple(h for name in headers for h in (name, f"{name}-URI-AutoEncoded"))


def wants_fragment(request) -> bool:
    """True for an htmx swap; False for a normal visit and for htmx restoring history after
    Back/Forward, which needs the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def chosen_partial(request, partial: str | Mapping[str | None, str] | None) -> str | None:
    """The partial an htmx swap asks for: `partial` itself, or, when it maps `HX-Target` ids to
    partials, the one for the request's target (the `None` entry for any other target)."""
    if partial is None or not wants_fragment(request):
        return None
    if isinstance(partial, Mapping):
        return partial.get(request.htmx.target, partial[None])
    return partial


def render_page(request, template: str, context=None, *, partial=None, status: int = 200):
    """The whole `template`, or its named partial (`"page.html#name"`) for an htmx swap.

    The template sees `fragment` (true when only the partial is sent) to add what a swap alone
    needs, such as out-of-band updates; it never looks at the request's headers itself."""
    name = chosen_partial(request, partial)
    context = {**(context or {}), "fragment": name is not None}
    return render(request, f"{template}#{name}" if name else template, context, status=status)


def render_list_page(request, template: str, context: dict, *, partial: str, read_page):
    """A page of a long list (`?page=`), whole or as its partial for an htmx swap:
    `read_page(number)` gives what the page adds to `context`. A page that is not one (not a
    number, or past the last) is a 400 whose `page_error` says why."""
    try:
        found = read_page(page_number(request.GET.get("page")))
    except BadPage as bad:
        context = {**context, "page_error": str(bad)}
        return render_page(request, template, context, partial=partial, status=400)
    return render_page(request, template, {**context, **found}, partial=partial)


def vary_on_htmx(view=None, *, targets: Mapping[str | None, str] | None = None):
    """Mark a view that serves a partial to htmx: its responses say `Vary` for every header that
    picks the response. Pass the same `HX-Target` map given to `render_page` as `targets` when
    the target picks the partial.

    The page cache reads `htmx_targets` to key each answer apart (see `variant`)."""

    def decorate(view):
        headers = FRAGMENT_HEADERS + ((TARGET_HEADER,) if targets else ())
        vary = _with_encoding_flags(headers)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, vary)
            return response

        wrapper.htmx_vary = vary
        wrapper.htmx_targets = frozenset(t for t in (targets or {}) if t is not None)
        return wrapper

    return decorate(view) if view is not None else decorate


def variant(request, view) -> tuple[str, tuple[str, ...]]:
    """Which answer `view` gives this request, from the decoded headers, and the headers that
    decided it: ("page"), ("fragment") or ("fragment", target) for a view that reads
    `HX-Target`. Targets a view does not know share one slot, so no header can make a page
    store more than a few answers."""
    vary = getattr(view, "htmx_vary", ())
    if not vary:
        return "any", ()
    if not wants_fragment(request):
        return "page", vary
    targets = view.htmx_targets
    if not targets:
        return "fragment", vary
    target = request.htmx.target
    return f"fragment:{target if target in targets else '*'}", vary
