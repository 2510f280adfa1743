"""Search across roles, skills, certifications, FAQs and guides."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from .. import search as site_search


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def search(request):
    results = site_search.search(request.GET.get("q"))
    # htmx restores history after a cache miss with HX-Request set too; that needs the page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "careerpath/search.html#results" if partial else "careerpath/search.html"
    return render(request, template, {"results": results})
