"""The role index. The role profile draws on other apps too: see careerpath/views/roles.py."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def role_index(request):
    return render(
        request,
        "roles/index.html",
        {"tiers": selectors.roles_by_tier(), "breadcrumbs": [("Roles", "/roles/")]},
    )
