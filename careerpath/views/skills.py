"""The skill index and one skill: what it is, what each level means, who needs it, what
develops it."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from common.http import published, query_params
from roles import selectors as role_selectors

from ..skills import skill_page

SKILLS_CRUMB = ("Skills", "/skills/")


@require_safe
@query_params()
@published()
def skill_index(request):
    context = {"kinds": role_selectors.skills_by_kind(), "breadcrumbs": [SKILLS_CRUMB]}
    return render(request, "careerpath/skills.html", context)


@require_safe
@query_params()
@published()
def skill_detail(request, slug):
    page = skill_page(slug)
    context = {
        "page": page,
        "skill": page.skill,
        "breadcrumbs": [SKILLS_CRUMB, (page.skill.name, reverse("skill", args=[slug]))],
    }
    return render(request, "careerpath/skill.html", context)
