"""The role index and role profiles."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from common.http import wants_fragment

from . import selectors
from .models import Industry


@require_safe
def role_index(request):
    return render(
        request,
        "roles/index.html",
        {"tiers": selectors.roles_by_tier(), "breadcrumbs": [("Roles", "/roles/")]},
    )


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def role_detail(request, slug):
    profile = selectors.role_profile(slug)
    industry, error = parse_industry(request.GET.get("industry"))
    context = {
        "profile": profile,
        "role": profile.role,
        "industry": industry,
        "industries": Industry.choices,
        "industry_error": error,
        "breadcrumbs": [
            ("Roles", "/roles/"),
            (profile.role.title, profile.role.get_absolute_url()),
        ],
    }
    template = "roles/detail.html#industry" if wants_fragment(request) else "roles/detail.html"
    return render(request, template, context, status=400 if error else 200)


def parse_industry(value: str | None) -> tuple[str, str | None]:
    """The chosen industry (manufacturing by default) and a message if the value is unknown."""
    if value in (None, ""):
        return Industry.MANUFACTURING, None
    if value in Industry.values:
        return value, None
    choices = ", ".join(label.lower() for _, label in Industry.choices)
    return Industry.MANUFACTURING, f"There is no industry called “{value[:40]}”. Choose {choices}."
