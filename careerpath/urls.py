"""Root URLs: the cross-app pages here, each app's pages under its own prefix."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from roles import urls as role_urls

from .sitemaps import SITEMAPS
from .views import ladder, pages, roles, search, site_map

urlpatterns = [
    path("", pages.home, name="home"),
    path("ladder/", ladder.ladder, name="ladder"),
    path("ladder/path/", ladder.path_planner, name="path"),
    path("search/", search.search, name="search"),
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
    path("", include("guides.urls")),
    path("admin/", admin.site.urls),
    path("healthz", pages.healthz, name="healthz"),
    path("robots.txt", pages.robots_txt, name="robots"),
    path("sitemap/", site_map.site_map, name="site_map"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.BENCHMARK_FLOOR:
    # The framework's floor for `make bench`: the same middleware, no work in the view.
    urlpatterns.append(path("_floor", pages.floor))

handler400 = "careerpath.views.errors.bad_request"
handler403 = "careerpath.views.errors.permission_denied"
handler404 = "careerpath.views.errors.page_not_found"
handler500 = "careerpath.views.errors.server_error"
