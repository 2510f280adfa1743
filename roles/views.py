"""The role index and role profiles."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import query_params

from . import selectors
from .models import Industry


@require_safe
@query_params()
def role_index(request):
    return render(
        request,
        "roles/index.html",
        {"tiers": selectors.roles_by_tier(), "breadcrumbs": [("Roles", "/roles/")]},
    )


@require_safe
@vary_on_htmx
@query_params("industry")
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
    status = 400 if error else 200
    return render_page(request, "roles/detail.html", context, partial="industry", status=status)


def parse_industry(value: str | None) -> tuple[str, str | None]:
    """The chosen industry (manufacturing by default) and a message if the value is unknown."""
    if value in (None, ""):
        return Industry.MANUFACTURING, None
    if value in Industry.values:
        return value, None
    choices = ", ".join(label.lower() for _, label in Industry.choices)
    return Industry.MANUFACTURING, f"There is no industry called “{value[:40]}”. Choose {choices}."
