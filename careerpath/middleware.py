"""Middleware: 503 while the database cannot be reached, and the anonymous page cache."""

import logging

from django.db import connections
from django.template.response import TemplateResponse
from redis.exceptions import RedisError

from common.nonce_marks import mark_nonce, unmark_nonce

from .freshness import UNAVAILABLE

logger = logging.getLogger(__name__)
# What a cache that cannot be reached raises (Redis, or its socket).
CACHE_UNAVAILABLE = (RedisError, OSError)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("Database unavailable: %s", exception)
        return unavailable(request)


def unavailable(request):
    """The 503 page, after dropping broken connections so the next request opens a fresh one."""
    for conn in connections.all(initialized_only=True):
        conn.close_if_unusable_or_obsolete()
    response = TemplateResponse(request, "503.html", status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response.render()


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET pages from the cache, never stale and never the wrong answer.

    - Fresh: each entry holds the content version it was built under and is served only while
      that is still the current version, read from where every process reads it (freshness.py).
    - The right answer: the key holds the scheme, host and path, the query parameters the view
      declares it reads (`common.http.query_params`; the view gets a query string without the
      others) and the answer the view picks from the htmx headers, decoded as the view decodes
      them (`common.htmx.variant`). A response that varies on a header the key does not cover
      is not stored.
    - Never private: visitors with a session (editors, staff previewing drafts), the admin,
      plans, and responses that are private, no-store, set cookies or fail are not stored.

    `PAGE_CACHE_SECONDS=0` turns it off: nothing is stored and nothing stored is served.

    On a miss (or with the cache off), a whole page that its view publishes is looked up among
    the pages published for the current content version (publishing.py) before it is built;
    those pages are built through this middleware, which hands them over frozen as it would
    keep them.

    The CSP nonce of a cached page is swapped, inside `nonce="…"` attributes only, for the
    nonce of the request that reads it. `X-Cache: hit` is sent only with PAGE_CACHE_HEADER
    (on with DEBUG).
    """

    SKIP_PREFIXES = ("/admin/", "/healthz", "/static/", "/plan/")
    # Every cacheable request carries no session cookie, the only cookie a public page reads.
    ALWAYS_COVERED = frozenset({"cookie"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        view = self._cacheable_view(request)
        if view is None:
            return self.get_response(request)
        # Drops the parameters the view does not read, whether the cache is on or not, so a
        # page is the same page either way.
        key, covered = self._key(request, view)
        if getattr(request, "publishing", False):  # built to be published: kept, never looked up
            return self._publish(request, view, covered)
        if key is None:
            return self.get_response(request)
        if settings.PAGE_CACHE_SECONDS <= 0:  # off: nothing is stored or served from the cache
            served = self._from_published(request, view)
            return served if served is not None else self.get_response(request)
        try:
            version, frozen = self._lookup(key)
        except UNAVAILABLE:
            # The database is away: serve what is cached as it is; nothing else can be built.
            frozen = self._cached(key)
            return self._rebuild(request, frozen) if frozen else unavailable(request)
        # With the version unknown (an outage in the last second), serve what is cached too.
        if frozen is not None and (version is None or frozen["version"] == version):
            return self._for_door(self._rebuild(request, frozen), version)
        served = self._from_published(request, view, key, version)
        if served is not None:
            return self._for_door(served, version)
        response = self.get_response(request)
        if version is not None and self._cacheable_response(response, covered):
            self._store(key, self._freeze(request, response, version))
            self._for_door(response, version)
        return response

    @staticmethod
    def _for_door(response, version):
        """Let the front door (front_door.py) keep this answer under `version`, which must be
        known: the door serves it only while that version is current."""
        if version is not None and response.status_code == 200:
            response.door_version = version
        return response

    def _publish(self, request, view, covered):
        """Build the page for careerpath.publishing, which keeps it as this cache would."""
        from common.htmx import variant

        response = self.get_response(request)
        if self._cacheable_response(response, covered):
            frozen = self._freeze(request, response, version=None)
            frozen["answer"] = variant(request, view)[0]
            response.frozen_page = frozen
        return response

    def _from_published(self, request, view, key=None, version=None):
        """The published page as this request's answer (kept in the cache under `key` too),
        a 503 when the database is away (nothing could be built either), or None when the page
        is not published for the current version."""
        if not self._publishes(request, view):
            return None
        try:
            published = self._published(request, view)
        except UNAVAILABLE:
            return unavailable(request)
        if published is None:
            return None
        if key is not None and version is not None:
            self._store(key, published)
        return self._rebuild(request, published, "published")

    @staticmethod
    def _publishes(request, view) -> bool:
        """Whether the view publishes pages for this request's query parameters."""
        from django.conf import settings

        from .publishing import publishable

        return settings.PUBLISH_PAGES and publishable(view, request.GET)

    @staticmethod
    def _published(request, view):
        """The answer as published for the current content version (one query), or None.
        Raises the database's error when it cannot be reached."""
        from common.htmx import variant

        from .publishing import published_page

        query = request.META.get("QUERY_STRING", "")
        address = request.path + (f"?{query}" if query else "")
        return published_page(address, variant(request, view)[0])

    def _cacheable_view(self, request):
        from django.conf import settings
        from django.urls import Resolver404, resolve

        if (
            request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.path.startswith(self.SKIP_PREFIXES)
        ):
            return None
        try:
            return resolve(request.path_info).func
        except Resolver404:
            return None

    def _key(self, request, view) -> tuple[str | None, frozenset[str]]:
        import hashlib

        from django.core.exceptions import DisallowedHost

        from common.htmx import variant

        query = self._declared_query(request, view)
        # Measured after dropping what the view does not read, so a long tracking tag is no
        # way round the cache.
        if query is None or len(request.path) + len(query) > 1024:
            return None, frozenset()
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            return None, frozenset()
        answer, headers = variant(request, view)
        identity = "\n".join([origin, request.path, query, answer])
        key = "careerpath:page:" + hashlib.sha256(identity.encode()).hexdigest()
        return key, self.ALWAYS_COVERED | {h.lower() for h in headers}

    @staticmethod
    def _declared_query(request, view) -> str | None:
        """The query string with only the parameters the view reads; the request is changed to
        carry just those, so the page built is the page stored. None: the view declares none."""
        from django.http import QueryDict

        declared = getattr(view, "query_params", None)
        if declared is None:
            return None if request.META.get("QUERY_STRING") else ""
        kept = QueryDict(mutable=True)
        for name, values in request.GET.lists():
            if name in declared:
                kept.setlist(name, values)
        query = kept.urlencode()
        if query != request.META.get("QUERY_STRING", ""):
            kept._mutable = False
            request.GET = kept
            request.META["QUERY_STRING"] = query
        return query

    @staticmethod
    def _cached(key):
        from django.core.cache import cache

        try:
            return cache.get(key)
        except CACHE_UNAVAILABLE:
            return None

    @staticmethod
    def _lookup(key):
        """(current content version or None if unknown, the cached entry or None). Raises the
        database's error when the version must be read and the database cannot be reached."""
        from django.conf import settings
        from django.core.cache import cache

        from . import freshness

        try:
            if not freshness.shared_version():
                return freshness.database_version(), cache.get(key)
            found = cache.get_many([freshness.VERSION_KEY, key])
            version = found.get(freshness.VERSION_KEY)
            if version is None:
                version = freshness.database_version()
                if version is not None:
                    # add, not set: a copy published by a commit meanwhile is newer
                    cache.add(freshness.VERSION_KEY, version, settings.CONTENT_VERSION_SECONDS)
            return version, found.get(key)
        except CACHE_UNAVAILABLE as exc:  # the cache is away: build the page, keep nothing
            logger.warning("Page cache unavailable: %s", exc)
            return None, None

    @staticmethod
    def _store(key, frozen) -> None:
        from django.conf import settings
        from django.core.cache import cache

        try:
            cache.set(key, frozen, settings.PAGE_CACHE_SECONDS)
        except CACHE_UNAVAILABLE as exc:
            logger.warning("Page cache unavailable: %s", exc)

    @staticmethod
    def _cacheable_response(response, covered) -> bool:
        cache_control = response.get("Cache-Control", "")
        vary = {h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()}
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "*" not in vary
            and vary <= covered
        )

    def _freeze(self, request, response, version) -> dict:
        content = mark_nonce(request, response.content)
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-security-policy", "set-cookie")
        }
        # The headers of the middleware inside this one (SessionMiddleware's `Vary: Cookie`
        # when the view looked at the session, X-Frame-Options) are kept with the page.
        return {
            "version": version,
            "status": response.status_code,
            "headers": headers,
            "content": content,
        }

    def _rebuild(self, request, frozen, source="hit"):
        from django.conf import settings
        from django.http import HttpResponse

        from .publishing import ORIGIN

        content = unmark_nonce(request, frozen["content"])
        if ORIGIN in content:  # a published page: links made absolute name this request's origin
            origin = f"{request.scheme}://{request.get_host()}".encode()
            content = content.replace(ORIGIN, origin)
        response = HttpResponse(content, status=frozen["status"])
        for name, value in frozen["headers"].items():
            response.headers[name] = value
        if "Content-Length" in response.headers:  # the swapped origin may be longer or shorter
            response.headers["Content-Length"] = str(len(content))
        if settings.PAGE_CACHE_HEADER:
            response.headers["X-Cache"] = source
        return response
