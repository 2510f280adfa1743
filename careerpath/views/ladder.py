"""The whole ladder and the path planner."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from roles import selectors


@require_safe
def ladder(request):
    return render(request, "careerpath/ladder.html", {"rungs": selectors.ladder_rungs()})


@require_safe
def path_planner(request):
    return render(request, "careerpath/path.html", {})
