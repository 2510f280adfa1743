"""The sitemap: every public role, certification and guide, and the fixed pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from certifications.models import Certification
from guides.models import Guide
from roles.models import Role


class StaticPages(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "roles:index",
            "ladder",
            "path",
            "certifications:index",
            "guides:faq",
            "guides:index",
            "data:index",
        ]

    def location(self, item):
        return reverse(item)


class RoleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Role.objects.order_by("rank", "slug")

    def lastmod(self, role):
        return role.updated


class CertificationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Certification.objects.order_by("slug")

    def lastmod(self, cert):
        return cert.updated


class GuideSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Guide.objects.published().order_by("slug")

    def lastmod(self, guide):
        return guide.modified


SITEMAPS = {
    "pages": StaticPages,
    "roles": RoleSitemap,
    "certifications": CertificationSitemap,
    "guides": GuideSitemap,
}
