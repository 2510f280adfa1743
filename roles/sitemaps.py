from django.contrib.sitemaps import Sitemap

from .models import Role, Skill


class RoleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Role.objects.order_by("rank", "slug")

    def lastmod(self, role):
        return role.updated


class SkillSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Skill.objects.order_by("slug")

    def lastmod(self, skill):
        return skill.updated
