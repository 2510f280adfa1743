"""Published pages: every public page that shows one thing, built when the content changes.

A page built on request costs 5 to 20 times a bare Django answer (README: Benchmark), and the
first visitor after every edit would pay it. So, like the search index, the pages the sitemap
lists, the ladder as each role's page links to it, each role in each industry and the API's
answers about one thing are built again once a change has moved the content version
(freshness.py), by a task (tasks.py) that runs in the process that made the change or in a
worker of its own, and stored in the database with that version. The page cache serves one
only while its version is current and it was built by the release that serves it, read in the
same query (`published_page`); until then, the page is built on request as before.

Each page is built as an anonymous visitor's request through the whole middleware stack, and
kept as the page cache keeps a page (its status, the headers of the middleware inside the page
cache, its body with the CSP nonce as a mark). Its origin is a mark too, so every host the site
answers on gets its own in the links a page makes absolute (canonical, JSON-LD).
"""

import functools
import io
import json
import logging
import zlib

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from certifications import stored_parts
from common.release import code_fingerprint
from roles.ladder import step
from roles.models import Industry

from . import route_data
from .models import ContentVersion, PublishedPage
from .profiles import built_graph

logger = logging.getLogger(__name__)

# The origin a page is built under (`.invalid` is never a real host, so no content names it):
# the page cache swaps it for the visitor's own wherever it appears.
ORIGIN_HOST = "published.careerpath.invalid"
ORIGIN = f"https://{ORIGIN_HOST}".encode()


class PublishingRequest(WSGIRequest):
    """An anonymous visitor's GET of one page, made on the server."""

    publishing = True

    def __init__(self, path: str, query: str = "", *, swap: bool = False):
        super().__init__(
            {
                **({"HTTP_HX_REQUEST": "true"} if swap else {}),
                "REQUEST_METHOD": "GET",
                "PATH_INFO": path,
                "QUERY_STRING": query,
                "SCRIPT_NAME": "",
                "SERVER_NAME": ORIGIN_HOST,
                "SERVER_PORT": "443",
                "SERVER_PROTOCOL": "HTTP/1.1",
                "REMOTE_ADDR": "127.0.0.1",
                "wsgi.url_scheme": "https",
                "wsgi.input": io.BytesIO(),
            }
        )

    def get_host(self):
        return ORIGIN_HOST

    @property
    def scheme(self):
        return "https"


def publishable(view, params) -> bool:
    """Whether `view` publishes its page for a query string with these parameters (the view
    declares it with `common.http.published`)."""
    allowed = getattr(view, "published_params", None)
    return allowed is not None and set(params) <= allowed


def addresses() -> list[tuple[str, bool]]:
    """Every address to publish, each with whether it is the part an htmx swap asks for: the
    sitemap's pages, the ladder with each role marked, each role in each industry (the page
    and the part its industry switch swaps in), the API's answers about one thing and the
    catalogue by each choice of one facet, where the view publishes them."""
    from roles.models import Industry, Role

    from .sitemaps import SITEMAPS

    found = []
    for sitemap_class in SITEMAPS.values():
        sitemap = sitemap_class()
        found += [(sitemap.location(item), False) for item in sitemap.items()]
    for role in Role.objects.order_by("rank", "slug").only("slug"):
        found.append((f"/ladder/?{urlencode({'role': role.slug})}", False))
        for industry in Industry.values:
            in_industry = f"{role.get_absolute_url()}?{urlencode({'industry': industry})}"
            found += [(in_industry, False), (in_industry, True)]
    found += [(address, False) for address in _api_addresses()]
    found += [(address, False) for address in _catalogue_facet_addresses()]
    return [target for target in dict.fromkeys(found) if _publishes(target[0])]


def _api_addresses() -> list[str]:
    """The API's lists, and each role, certification and published guide in it."""
    from certifications.models import Certification
    from guides.models import Guide
    from roles.models import Role

    by_slug = {
        "api-v1:role": Role.objects.all(),
        "api-v1:certification": Certification.objects.all(),
        "api-v1:guide": Guide.objects.published(),
    }
    lists = ("roles", "ladder", "certifications", "guides", "faqs")
    found = [reverse(f"api-v1:{name}") for name in lists]
    for name, things in by_slug.items():
        slugs = things.order_by("slug").values_list("slug", flat=True)
        found += [reverse(name, kwargs={"slug": slug}) for slug in slugs]
    return found


def _catalogue_facet_addresses() -> list[str]:
    """The catalogue, page and API list, filtered by each choice of one facet."""
    from certifications.catalogue import one_facet_filters
    from certifications.selectors import awarding

    filters = [urlencode({facet: value}) for facet, value in one_facet_filters(awarding())]
    lists = (reverse("certifications:index"), reverse("api-v1:certifications"))
    return [f"{path}?{query}" for path in lists for query in filters]


def _publishes(address: str) -> bool:
    path, _, query = address.partition("?")
    try:
        view = resolve(path).func
    except Resolver404:
        return False
    return publishable(view, QueryDict(query))


def build(address: str, *, swap: bool = False, handler: BaseHandler | None = None) -> dict | None:
    """The page at `address` (or the part an htmx swap asks for) as the page cache keeps it,
    or None when it is not one to share (it did not answer 200, or answered privately).
    `handler`: one `request_handler()` for many pages."""
    path, _, query = address.partition("?")
    handler = handler or request_handler()
    response = handler.get_response(PublishingRequest(path, query, swap=swap))
    # Not response.close(): its request_finished signal would close the database connection
    # in the middle of the transaction that publishes.
    return getattr(response, "frozen_page", None)


def request_handler() -> BaseHandler:
    """Django's request handling with the site's middleware, as a web process has it."""
    handler = BaseHandler()
    handler.load_middleware()
    return handler


# Pages written at a time: memory stays bounded however many pages there are.
BATCH = 100


def publish_pages(version: int) -> int:
    """Build every page again under `version`, in the caller's transaction, and store the
    ladder as routes read it (`publish_ladder`) and each certification's parts of the pages
    that answer questions (certifications/stored_parts.py); how many pages."""
    PublishedPage.objects.all().delete()  # seen by others only when the transaction commits
    publish_ladder(version)
    stored_parts.store(version)
    batch, count, handler = [], 0, request_handler()
    for address, swap in addresses():
        frozen = build(address, swap=swap, handler=handler)
        if frozen is None:
            logger.warning("Not published (the page is not one to share): %s", address)
            continue
        batch.append(page_row(address, frozen, version))
        if len(batch) == BATCH:
            count += len(PublishedPage.objects.bulk_create(batch))
            batch = []
    return count + len(PublishedPage.objects.bulk_create(batch))


def publish_ladder(version: int) -> int:
    """Store the ladder in every industry under `version`, with each step up rendered as the
    path planner prints it (route_data.py); how many rows."""
    graphs = {industry: built_graph(industry) for industry in ["", *Industry.values]}
    steps = {
        industry: {
            (start.slug, end): render_to_string(
                "careerpath/path.html#route_step", {"step": step(start, graph[end])}
            )
            for start in graph.values()
            for end in start.next
        }
        for industry, graph in graphs.items()
    }
    return route_data.store(version, graphs, steps)


def page_row(address: str, frozen: dict, version: int) -> PublishedPage:
    """The row that publishes `frozen` (as `build` returns it) for `address` under `version`.
    The page is kept compressed: served, it is a sixth of the bytes to read and send from the
    database, which costs more than inflating it again."""
    return PublishedPage(
        address=address,
        answer=frozen["answer"],
        version=version,
        code=code_fingerprint(),
        status=frozen["status"],
        headers=frozen["headers"],
        content=zlib.compress(frozen["content"]),
    )


def published_page(address: str, answer: str) -> dict | None:
    """The page (or part: `answer`, see common.htmx.variant) published for `address` under the
    current content version by this release, as the page cache keeps a page (one query); None
    while there is none."""
    # Plain SQL: building this one query with the ORM costs more than running it.
    with connection.cursor() as cursor:
        cursor.execute(_published_sql(), [address, answer, code_fingerprint()])
        row = cursor.fetchone()
    if row is None:
        return None
    version, status, headers, content = row
    return {
        "version": version,
        "status": status,
        "headers": json.loads(headers) if isinstance(headers, str) else headers,
        "content": zlib.decompress(content),
    }


@functools.cache
def _published_sql() -> str:
    page = connection.ops.quote_name(PublishedPage._meta.db_table)
    current = connection.ops.quote_name(ContentVersion._meta.db_table)
    return (
        f"SELECT p.version, p.status, p.headers, p.content FROM {page} p "
        f"JOIN {current} v ON v.id = 1 AND v.version = p.version "
        "WHERE p.address = %s AND p.answer = %s AND p.code = %s"
    )
