"""The read-only JSON API at /api/v1/ (django-ninja): its routers, its error answers and its
documentation page.

Endpoints that assemble several apps (the role profile, the path, search) live in
careerpath/api.py, above the apps, and are passed in by the root URLconf; the rest are here."""

import re

from django.http import Http404
from ninja import NinjaAPI, Router, Swagger
from ninja.errors import ValidationError

from certifications.catalogue import CATALOGUE_FACETS
from common.http import published, query_params

from . import certifications, guides, roles
from .errors import ApiError, parameter_problems
from .renderers import EscapedJSONRenderer

DESCRIPTION = """
CareerPath's content as JSON: roles on the operations ladder with their skills, pay (each
figure with its source, year and whether it was verified) and outlook; the ladder as a graph
and the path between two roles; certifications with their facts and sources; the FAQ, the
guides and search.

Read-only and public: GET or HEAD, no key, any origin (CORS). Lists are paginated
(`page`, `page_size` up to 100). Every answer has an `ETag`; send it back in `If-None-Match`
to get `304 Not Modified` while the content is unchanged. Errors are JSON with a `detail`
message and, for bad parameters, one entry per parameter in `errors`.

Profiles that draw on O*NET carry its CC BY 4.0 credit in `attribution`; keep it with the data.
"""


def build_api(*extra_routers: Router) -> NinjaAPI:
    api = NinjaAPI(
        title="CareerPath API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        renderer=EscapedJSONRenderer(),
        openapi_url="/openapi.json",
        docs_url="/docs",
        # Served from the site's own static files (templates/ninja/swagger.html); no validator
        # badge, which would load an image from swagger.io.
        docs=Swagger(settings={"validatorUrl": None, "supportedSubmitMethods": ["get"]}),
    )

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return api.create_response(
            request, {"detail": exc.detail, "errors": exc.errors}, status=exc.status
        )

    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc: ValidationError):
        # ninja answers 422 by default; a bad query string is a 400 like on the pages.
        errors = parameter_problems(exc.errors)
        detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": "Not found.", "errors": []}, status=404)

    api.add_router("", roles.router)
    api.add_router("", certifications.router)
    api.add_router("", guides.router)
    for router in extra_routers:
        api.add_router("", router)
    return api


# The answers built when the content changes (careerpath/publishing.py), by URL name, with the
# query parameters each is published for: each list, the catalogue by one of its facets too,
# and each role, certification and guide.
PUBLISHED = {
    **dict.fromkeys(("roles", "role", "ladder", "certification", "guides", "guide", "faqs"), ()),
    "certifications": CATALOGUE_FACETS,
}


def urls_with_declared_queries(api: NinjaAPI):
    """The API's URL patterns, each view declaring the query parameters its OpenAPI operation
    reads (`common.http.query_params`), so the page cache keeps API answers by those parameters
    alone, as it keeps pages: tracking tags and unknown parameters neither fill the cache nor
    force a fresh answer."""
    patterns, app_name, namespace = api.urls
    paths = api.get_openapi_schema(path_prefix="")["paths"]
    for pattern in patterns:
        route = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        operations = paths.get(route, {})
        names = {
            parameter["name"]
            for operation in operations.values()
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
        }
        if operations:
            pattern.callback = query_params(*sorted(names))(pattern.callback)
            if pattern.name in PUBLISHED:
                pattern.callback = published(*PUBLISHED[pattern.name])(pattern.callback)
    return patterns, app_name, namespace
