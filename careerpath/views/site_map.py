"""The site map for people: every role, certification and guide, and the tools, on one page.
(`/sitemap.xml` stays for crawlers.)"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from certifications.models import Certification
from guides.models import Guide
from roles import selectors as role_selectors


@require_safe
def site_map(request):
    context = {
        "tiers": role_selectors.roles_by_tier(),
        "certifications": Certification.objects.select_related("issuer").order_by("acronym"),
        "guides": Guide.objects.published().order_by("title"),
        "breadcrumbs": [("Site map", "/sitemap/")],
    }
    return render(request, "careerpath/site_map.html", context)
