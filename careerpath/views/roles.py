"""The role profile: a role with the certifications, FAQs and guides that suit it."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from common.http import wants_fragment
from roles.models import Industry

from ..profiles import role_profile


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def role_detail(request, slug):
    industry, error = Industry.from_param(request.GET.get("industry"))
    profile = role_profile(slug, industry)
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
