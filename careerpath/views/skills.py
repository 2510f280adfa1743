"""The skill index and one skill: what it is, what each level means, who needs it, what
develops it."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.htmx import render_list_page, vary_on_htmx
from common.http import published, query_params
from common.urls import reverse
from roles import selectors as role_selectors

from ..skills import skill_page

SKILLS_CRUMB = ("Skills", "/skills/")


@require_safe
@vary_on_htmx
@query_params("page")
@published()
def skill_index(request):
    def read_page(number):
        kinds, pager = role_selectors.skill_index(number)
        return {"kinds": kinds, "pager": pager}

    context = {"breadcrumbs": [SKILLS_CRUMB]}
    return render_list_page(
        request, "careerpath/skills.html", context, partial="skill-list", read_page=read_page
    )


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
