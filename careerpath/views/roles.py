"""The role profile: a role with the certifications, FAQs and guides that suit it."""

from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import published, query_params
from roles.models import Industry

from ..profiles import role_profile


@require_safe
@vary_on_htmx
@query_params("industry")
@published("industry")
def role_detail(request, slug):
    industry, error = Industry.from_param(request.GET.get("industry"))
    profile = role_profile(slug, industry)
    context = {
        "profile": profile,
        "role": profile.role,
        "industry": industry,
        "industries": Industry.choices,
        "industry_error": error,
        "certifications": profile.certifications,
        "more_certifications": profile.more_certifications,
        "breadcrumbs": [
            ("Roles", "/roles/"),
            (profile.role.title, profile.role.get_absolute_url()),
        ],
    }
    status = 400 if error else 200
    return render_page(request, "roles/detail.html", context, partial="industry", status=status)
