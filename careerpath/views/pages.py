"""The home page and the pages for operations and crawlers."""

from django.contrib.sitemaps import views as sitemap_views
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from common.http import published, query_params
from common.pagination import RUNG_LIMIT
from common.urls import reverse
from roles import selectors as role_selectors

from ..sitemaps import SITEMAPS


@require_safe
@query_params()
@published()
def home(request):
    # At a glance: each rung's first few roles, and how many more the role index lists.
    rungs = role_selectors.ladder_glance(RUNG_LIMIT)
    return render(request, "careerpath/home.html", {"rungs": rungs})


@require_safe
@query_params()
@published()
def sources(request):
    """How we source our data: editions, stand-in codes, estimates and what "verified" means."""
    context = {
        "editions": role_selectors.editions_in_use(),
        "breadcrumbs": [("How we source our data", reverse("sources"))],
    }
    return render(request, "careerpath/sources.html", context)


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to reach the database is "unhealthy"
        connection.close_if_unusable_or_obsolete()
        # Public: it says whether the site can serve, never which software or which error.
        response = JsonResponse({"status": "unavailable"}, status=503)
        response["Retry-After"] = "30"
        return response
    return JsonResponse({"status": "ok"})


@require_safe
@query_params()
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@query_params("p")
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)


@query_params()
def floor(request):
    return HttpResponse("ok", content_type="text/plain")
