"""The site map for people: the tools, and the roles, certifications and guides on one page,
each section as long as the first page of its own index. (`/sitemap.xml` stays for crawlers.)"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from certifications import selectors as certification_selectors
from guides import selectors as guide_selectors
from guides.selectors import GUIDE_INDEX_PAGE_SIZE
from roles import selectors as role_selectors
from roles.selectors import ROLE_INDEX_PAGE_SIZE

# Certifications listed here before the catalogue takes over (today's fit).
CERTIFICATIONS_LISTED = 60


@require_safe
def site_map(request):
    tiers, roles_in_all = role_selectors.roles_by_tier(ROLE_INDEX_PAGE_SIZE)
    certifications, certifications_in_all = certification_selectors.first_listed(
        CERTIFICATIONS_LISTED
    )
    guides, guides_in_all = guide_selectors.first_guides(GUIDE_INDEX_PAGE_SIZE)
    context = {
        "tiers": tiers,
        "roles_listed": sum(len(roles) for _, _, roles in tiers),
        "roles_in_all": roles_in_all,
        "certifications": certifications,
        "certifications_in_all": certifications_in_all,
        "guides": guides,
        "guides_in_all": guides_in_all,
        "breadcrumbs": [("Site map", "/sitemap/")],
    }
    return render(request, "careerpath/site_map.html", context)
