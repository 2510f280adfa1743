"""Root URLs: the cross-app pages here, each app's pages under its own prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from api.api import build_api, urls_with_declared_queries
from guides import urls as guide_urls
from roles import urls as role_urls

from . import api as cross_app_api
from .views import faq, ladder, pages, roles, search, site_map, skills

# The FAQ filter uses the site search, so careerpath serves the FAQ page; it keeps its name
# in the guides namespace ("guides:faq") beside guides' own pages.
guide_patterns = [path("faq/", faq.faq, name="faq"), *guide_urls.urlpatterns]

api_v1 = build_api(cross_app_api.router)

urlpatterns = [
    path("", pages.home, name="home"),
    path("ladder/", ladder.ladder, name="ladder"),
    path("ladder/path/", ladder.path_planner, name="path"),
    path("search/", search.search, name="search"),
    path("skills/", skills.skill_index, name="skills"),
    path("skills/<slug:slug>/", skills.skill_detail, name="skill"),
    path("about/sources/", pages.sources, name="sources"),
    # The role index is the roles app's own; a profile draws on every app, so it is assembled here.
    path(
        "roles/",
        include(
            (
                [*role_urls.urlpatterns, path("<slug:slug>/", roles.role_detail, name="detail")],
                role_urls.app_name,
            )
        ),
    ),
    path("certifications/", include("certifications.urls")),
    path("plan/", include("plans.urls")),
    path("", include((guide_patterns, guide_urls.app_name))),
    path("api/v1/", urls_with_declared_queries(api_v1)),
    path("data/", include("api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", pages.healthz, name="healthz"),
    path("robots.txt", pages.robots_txt, name="robots"),
    path("sitemap/", site_map.site_map, name="site_map"),
    path("sitemap.xml", pages.sitemap, name="sitemap"),
]

if settings.BENCHMARK_FLOOR:
    # The framework's floor for `make bench`: the same middleware, no work in the view.
    urlpatterns.append(path("_floor", pages.floor))

handler400 = "careerpath.views.errors.bad_request"
handler403 = "careerpath.views.errors.permission_denied"
handler404 = "careerpath.views.errors.page_not_found"
handler500 = "careerpath.views.errors.server_error"
