"""The role index. The role profile draws on other apps too: see careerpath/views/roles.py."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.http import published, query_params

from . import selectors


@require_safe
@query_params()
@published()
def role_index(request):
    return render(
        request,
        "roles/index.html",
        {"tiers": selectors.roles_by_tier(), "breadcrumbs": [("Roles", "/roles/")]},
    )
