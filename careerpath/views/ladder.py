"""The whole ladder and the path planner."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from careerpath.ladder_diagram import ladder_diagram
from common.htmx import render_page, vary_on_htmx
from common.http import published, query_params
from common.pagination import PICKER_LIMIT, RUNG_LIMIT
from common.text import nameable
from common.urls import reverse
from roles import selectors
from roles.ladder import NoRoute, next_up, plan_route, route_reads
from roles.models import Industry

from ..profiles import route_index, route_ladder

SUGGESTIONS = 10

LADDER_CRUMBS = [("Ladder", "/ladder/")]


@require_safe
@vary_on_htmx
@query_params("role")
@published("role")
def ladder(request):
    slug = request.GET.get("role", "")
    # Each rung's first few roles, and the one chosen wherever it sits on its rung.
    rungs = selectors.ladder_glance(RUNG_LIMIT, also=slug if nameable(slug) else "")
    selected, status = None, 200
    if slug:
        selected = next((r for _, roles, _ in rungs for r in roles if r.slug == slug), None)
        if selected is None:
            status = 404
    context = {
        "rungs": rungs,
        "more": sum(more for _, _, more in rungs),
        "per_rung": RUNG_LIMIT,
        "diagram": ladder_diagram([(rank, roles) for rank, roles, _ in rungs]),
        "selected": selected,
        "unknown_role": slug if status == 404 else None,
        "breadcrumbs": LADDER_CRUMBS,
    }
    return render_page(request, "careerpath/ladder.html", context, partial="panel", status=status)


@require_safe
@vary_on_htmx
@query_params("from", "to", "industry", "swap")
def path_planner(request):
    start, end = request.GET.get("from", ""), request.GET.get("to", "")
    industry, industry_error = "", None
    if request.GET.get("industry"):
        industry, industry_error = Industry.from_param(request.GET["industry"])
    if request.GET.get("swap"):
        # The form's swap button: the same two roles the other way round, at a clean URL.
        return redirect(_swap_url(start, end, industry if not industry_error else ""))
    # A ladder too long to list in a select is picked by name: a title or slug typed in.
    index = route_index()
    choices = index.roles[: PICKER_LIMIT + 1]
    by_name = len(choices) > PICKER_LIMIT
    typed = {"from": start, "to": end}
    if by_name:
        named = selectors.roles_named([start, end])
        start, end = named.get(start.strip(), start), named.get(end.strip(), end)
    shape = index.shape
    # Only a start: plan to the next rung up, and pre-select it so the person sees which
    # destination was assumed and can change it.
    assumed = next_up(shape, start) if start in shape and not end else None
    found = route_ladder(
        industry if not industry_error else "",
        only=route_reads(shape, start, end or assumed or ""),
        index=index,
    )
    graph = found.graph
    route, problem, status, chosen_for_you = None, None, 200, False
    if industry_error:
        problem, status = industry_error, 400
    elif start in graph and not end:
        if assumed is None:
            problem = f"{graph[start].title} is the top of the ladder: choose where you want to go."
        else:
            end, chosen_for_you = assumed, True
    if not problem and (start or end or "from" in request.GET or "to" in request.GET):
        route, problem, status = _plan(graph, shape, start, end)
    context = {
        "roles": [] if by_name else choices,
        "by_name": by_name,
        "typed": typed,
        "suggestions": _suggestions(graph, typed, start, end) if by_name and problem else {},
        "start": start,
        "end": end,
        "route": route,
        "route_steps": _route_steps(route, found.steps) if route else [],
        "problem": problem,
        "industry": industry if not industry_error else "",
        "industry_label": Industry(industry).label if industry and not industry_error else "",
        "industries": Industry.choices,
        "chosen_for_you": chosen_for_you,
        "start_role": graph.get(start),
        "end_role": graph.get(end),
        # A downward request is refused; the link offers the same two roles upwards.
        "swap_url": _swap_url(start, end, industry) if _downward(graph, start, end) else "",
        "breadcrumbs": [*LADDER_CRUMBS, ("Path planner", "/ladder/path/")],
    }
    return render_page(request, "careerpath/path.html", context, partial="result", status=status)


def _route_steps(route, stored: dict) -> list[tuple]:
    """Each step of the route with its part of the page as stored with the ladder, or None to
    render it here (a move across, or a ladder not yet stored)."""
    steps = []
    for step in route.steps:
        html = stored.get((step.current.slug, step.next.slug))
        # Marked safe: the site's own template rendered it when the content was published.
        steps.append((step, mark_safe(html) if html is not None else None))
    return steps


def _suggestions(graph, typed: dict, start: str, end: str) -> dict[str, list]:
    """For each of from/to that names no role, the roles whose titles hold its words, as
    links that put each in its place."""
    found = {}
    for name, slug in (("from", start), ("to", end)):
        if slug and slug not in graph:
            choices = selectors.roles_titled(typed[name], SUGGESTIONS)
            found[name] = [
                (role, _path_url(**{"from": start, "to": end, name: role.slug})) for role in choices
            ]
    return {name: links for name, links in found.items() if links}


def _path_url(**query) -> str:
    return f"{reverse('path')}?{urlencode({k: v for k, v in query.items() if v})}"


def _downward(graph, start: str, end: str) -> bool:
    return start in graph and end in graph and graph[end].rank < graph[start].rank


def _swap_url(start: str, end: str, industry: str = "") -> str:
    return _path_url(**{"from": end, "to": start, "industry": industry})


def _plan(graph, shape, start, end):
    """(route, message, status) for two slugs from the query string."""
    if not start or not end:
        missing = "where you start" if not start else "where you want to go"
        return None, f"Choose {missing} to plan a path.", 400
    unknown = [s for s in (start, end) if s not in graph]
    if unknown:
        names = ", ".join(f"“{s[:60]}”" for s in unknown)
        return None, f"We have no role called {names}.", 404
    try:
        return plan_route(graph, start, end, shape), None, 200
    except NoRoute as no_route:
        return None, str(no_route), 400
