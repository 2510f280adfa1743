"""Roles, the ladder as a graph, and the path between two roles."""

from django.urls import reverse
from ninja import Field, Query, Router, Schema

from roles import selectors
from roles.models import Tier

from . import schemas, serializers
from .errors import SLUG_SCHEMA, ApiError, Problem, bad_parameter, not_found
from .pagination import PageQuery, paginate

router = Router(tags=["roles and the ladder"])


class RoleFilter(PageQuery):
    tier: Tier | None = Field(None, description="Only roles at this tier.")


def _all_roles():
    return [role for _rank, roles in selectors.ladder_rungs() for role in roles]


@router.get(
    "/roles",
    response={200: schemas.RoleList, 400: Problem, 404: Problem},
    url_name="roles",
    operation_id="list_roles",
    summary="Roles on the ladder, lowest rung first, each with its median pay",
)
def role_list(request, query: Query[RoleFilter]):
    roles = _all_roles()
    if query.tier:
        roles = [r for r in roles if r.tier == query.tier]
    return paginate(request, roles, query, serializers.role_summary)


@router.get(
    "/ladder",
    response={200: schemas.Ladder},
    url_name="ladder",
    operation_id="ladder_graph",
    summary="The whole ladder as a graph: roles as nodes, each step up as an edge",
)
def ladder(request):
    roles = _all_roles()
    return {
        "nodes": [
            {
                "slug": r.slug,
                "title": r.title,
                "tier": r.tier,
                "rank": r.rank,
                "median_pay": serializers.pay_figure(r.median),
                "href": serializers.api_url("role", slug=r.slug),
            }
            for r in roles
        ],
        "edges": [
            {"source": r.slug, "target": nxt.slug}
            for r in roles
            for nxt in sorted(r.leads_to.all(), key=lambda n: (n.rank, n.title))
        ],
    }


class PathQuery(Schema):
    start: str = Field(
        alias="from",
        description="Slug of the role you start from.",
        json_schema_extra=SLUG_SCHEMA,
    )
    end: str = Field(
        alias="to",
        description="Slug of the role you want to reach.",
        json_schema_extra=SLUG_SCHEMA,
    )


@router.get(
    "/ladder/path",
    response={200: schemas.Path, 400: Problem, 404: Problem},
    url_name="path",
    operation_id="plan_path",
    summary="The shortest route up the ladder between two roles",
)
def path(request, query: Query[PathQuery]):
    start, end = query.start.strip(), query.end.strip()
    for name, value in (("from", start), ("to", end)):
        if not value:
            raise bad_parameter(name, "choose a role slug, e.g. operations-analyst")
    graph = selectors.ladder_graph()
    for value in (start, end):
        if value not in graph:
            raise not_found("role", value)
    try:
        route = selectors.plan_route(graph, start, end)
    except selectors.NoRoute as no_route:
        raise ApiError(400, str(no_route)) from None
    low, high = route.extra_years
    return {
        "start": route.start.slug,
        "end": route.end.slug,
        "roles": [r.slug for r in route.roles],
        "steps": [
            {
                "current": step.current.slug,
                "next": step.next.slug,
                "skills_to_gain": [
                    {
                        "slug": g["skill"].slug,
                        "name": g["skill"].name,
                        "from_level": g["from_level"],
                        "to_level": g["to_level"],
                    }
                    for g in step.skills_to_gain
                ],
                "certifications": [serializers.certification_link(c) for c in step.certifications],
                "pay_change": _whole(step.pay_change),
            }
            for step in route.steps
        ],
        "total_pay_change": _whole(route.total_pay_change),
        "skills_to_gain": route.skills_to_gain_count,
        "extra_years": {"low": low, "high": high},
        "currency": route.end.median.currency if route.end.median else None,
        "page": f"{reverse('path')}?from={route.start.slug}&to={route.end.slug}",
    }


def _whole(amount) -> int | None:
    return None if amount is None else int(amount)
