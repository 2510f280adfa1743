"""Values every page's layout needs."""

from django.conf import settings
from django.core.exceptions import DisallowedHost

from common.urls import reverse

NAVIGATION = [
    ("roles:index", "Roles"),
    ("ladder", "Ladder"),
    ("path", "Path planner"),
    ("certifications:index", "Certifications"),
    ("guides:faq", "FAQ"),
    ("guides:index", "Guides"),
    ("plans:start", "Your plan"),
]


def site(request):
    try:
        site_url = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # the 400 page for a bad Host header must still render
        site_url = ""
    return {
        "site_name": "CareerPath",
        "site_url": site_url,
        # Reversed here, each remembered (common.urls): a {% url %} in the layout's loop cost
        # more than the rest of the navigation.
        "navigation": [(reverse(name), label) for name, label in NAVIGATION],
        "debug": settings.DEBUG,
    }
