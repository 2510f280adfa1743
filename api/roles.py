"""Roles and the ladder as a graph. (The path between two roles draws on the certifications
too, so it is assembled in careerpath/api.py.)"""

from ninja import Field, Query, Router

from roles import selectors
from roles.models import Tier

from . import schemas, serializers
from .errors import Problem
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
    roles = selectors.roles_listed(query.tier or "")
    return paginate(request, roles, query, serializers.role_summary, selectors.with_medians)


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
