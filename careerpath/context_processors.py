"""Values every page's layout needs."""

from django.conf import settings

NAVIGATION = [
    ("roles:index", "Roles"),
    ("ladder", "Ladder"),
    ("path", "Path planner"),
    ("certifications:index", "Certifications"),
    ("guides:faq", "FAQ"),
    ("guides:index", "Guides"),
]


def site(request):
    return {
        "site_name": "CareerPath",
        "navigation": NAVIGATION,
        "debug": settings.DEBUG,
    }
