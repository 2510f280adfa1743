from django.contrib.sitemaps import Sitemap

from .models import Certification


class CertificationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Certification.objects.order_by("slug")

    def lastmod(self, cert):
        return cert.updated
