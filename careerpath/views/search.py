"""Search across roles, skills, certifications, FAQs and guides."""

from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import query_params
from common.urls import reverse

from .. import search as site_search


@require_safe
@vary_on_htmx
@query_params("q")
def search(request):
    results = site_search.search(request.GET.get("q"))
    context = {"results": results, "breadcrumbs": [("Search", reverse("search"))]}
    return render_page(request, "careerpath/search.html", context, partial="results")
