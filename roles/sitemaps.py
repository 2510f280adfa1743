from django.contrib.sitemaps import Sitemap

from .models import Role


class RoleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Role.objects.order_by("rank", "slug")

    def lastmod(self, role):
        return role.updated
