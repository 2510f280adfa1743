"""Role index and role profiles."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from . import selectors
from .models import Role


@require_safe
def role_index(request):
    return render(request, "roles/index.html", {"rungs": selectors.ladder_rungs()})


@require_safe
def role_detail(request, slug):
    role = get_object_or_404(Role, slug=slug)
    return render(request, "roles/detail.html", {"role": role})
