"""The role index. The role profile draws on other apps too: see careerpath/views/roles.py."""

from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import published, query_params
from common.pagination import BadPage, page_number

from . import selectors


@require_safe
@vary_on_htmx
@query_params("page")
@published()
def role_index(request):
    context = {"breadcrumbs": [("Roles", "/roles/")]}
    try:
        tiers, pager = selectors.role_index(page_number(request.GET.get("page")))
    except BadPage as bad:
        context["page_error"] = str(bad)
        return render_page(request, "roles/index.html", context, partial="role-list", status=400)
    context |= {"tiers": tiers, "pager": pager}
    return render_page(request, "roles/index.html", context, partial="role-list")
