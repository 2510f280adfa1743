"""The sitemap: the fixed pages, then every kind in the registry that lists its pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .registry import KINDS


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
            "guides:update",
            "sources",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": StaticPages, **{kind.name: kind.sitemap for kind in KINDS if kind.sitemap}}
