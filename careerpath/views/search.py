"""Search across roles, skills, certifications, FAQs and guides."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from common.http import wants_fragment

from .. import search as site_search


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def search(request):
    results = site_search.search(request.GET.get("q"))
    fragment = wants_fragment(request)
    template = "careerpath/search.html#results" if fragment else "careerpath/search.html"
    context = {"results": results, "breadcrumbs": [("Search", reverse("search"))]}
    return render(request, template, context)
