"""The role index. The role profile draws on other apps too: see careerpath/views/roles.py."""

from django.views.decorators.http import require_safe

from common.htmx import render_list_page, vary_on_htmx
from common.http import published, query_params

from . import selectors


@require_safe
@vary_on_htmx
@query_params("page")
@published()
def role_index(request):
    def read_page(number):
        tiers, pager = selectors.role_index(number)
        return {"tiers": tiers, "pager": pager}

    context = {"breadcrumbs": [("Roles", "/roles/")]}
    return render_list_page(
        request, "roles/index.html", context, partial="role-list", read_page=read_page
    )
