"""The whole ladder and the path planner."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careerpath.ladder_diagram import ladder_diagram
from common.http import wants_fragment
from roles import selectors
from roles.ladder import NoRoute, plan_route
from roles.models import Industry

from ..profiles import ladder_graph

LADDER_CRUMBS = [("Ladder", "/ladder/")]


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def ladder(request):
    rungs = selectors.ladder_rungs()
    slug = request.GET.get("role")
    selected, status = None, 200
    if slug:
        selected = next((r for _, roles in rungs for r in roles if r.slug == slug), None)
        if selected is None:
            status = 404
    context = {
        "rungs": rungs,
        "diagram": ladder_diagram(rungs),
        "selected": selected,
        "unknown_role": slug if status == 404 else None,
        "breadcrumbs": LADDER_CRUMBS,
    }
    template = (
        "careerpath/ladder.html#panel" if wants_fragment(request) else "careerpath/ladder.html"
    )
    return render(request, template, context, status=status)


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def path_planner(request):
    start, end = request.GET.get("from", ""), request.GET.get("to", "")
    industry, industry_error = "", None
    if request.GET.get("industry"):
        industry, industry_error = Industry.from_param(request.GET["industry"])
    graph = ladder_graph(industry if not industry_error else "")
    route, problem, status = None, None, 200
    if industry_error:
        problem, status = industry_error, 400
    elif start or end or "from" in request.GET or "to" in request.GET:
        route, problem, status = _plan(graph, start, end)
    context = {
        "roles": sorted(graph.values(), key=lambda r: (r.rank, r.title)),
        "start": start,
        "end": end,
        "route": route,
        "problem": problem,
        "industry": industry if not industry_error else "",
        "industry_label": Industry(industry).label if industry and not industry_error else "",
        "industries": Industry.choices,
        "breadcrumbs": [*LADDER_CRUMBS, ("Path planner", "/ladder/path/")],
    }
    template = "careerpath/path.html#result" if wants_fragment(request) else "careerpath/path.html"
    return render(request, template, context, status=status)


def _plan(graph, start, end):
    """(route, message, status) for two slugs from the query string."""
    if not start or not end:
        missing = "where you start" if not start else "where you want to go"
        return None, f"Choose {missing} to plan a path.", 400
    unknown = [s for s in (start, end) if s not in graph]
    if unknown:
        names = ", ".join(f"“{s[:60]}”" for s in unknown)
        return None, f"We have no role called {names}. Pick roles from the lists.", 404
    try:
        return plan_route(graph, start, end), None, 200
    except NoRoute as no_route:
        return None, str(no_route), 400
