"""API endpoints that draw on several apps: the role profile (with the certifications, FAQs
and guides for a role), the path between two roles (with the certifications for each step) and
search. They are assembled here from careerpath's own page builders, like the pages, and join
the API in urls.py."""

from ninja import Field, Query, Router, Schema

from api import schemas, serializers
from api.errors import SLUG_SCHEMA, ApiError, Problem, bad_parameter, found, not_found
from api.pagination import PageQuery, paginate
from common.urls import reverse
from roles.ladder import NoRoute, plan_route, route_reads
from roles.models import Industry

from . import search as site_search
from .profiles import role_profile, route_index, route_ladder

router = Router()


class IndustryQuery(Schema):
    industry: str | None = Field(
        None,
        description="Show the role as it is in this industry (manufacturing when not given).",
        json_schema_extra={"enum": ["", *Industry.values]},
    )


def _industry(value: str | None) -> str:
    """The industry asked for ("" for none), or a 400 with the pages' message."""
    if not value:
        return ""
    industry, problem = Industry.from_param(value)
    if problem:
        raise bad_parameter("industry", problem)
    return industry


@router.get(
    "/roles/{slug}",
    response={200: schemas.RoleDetail, 400: Problem, 404: Problem},
    url_name="role",
    operation_id="get_role",
    summary="One role: skills and levels, pay with sources, outlook, certifications, FAQs",
    tags=["roles and the ladder"],
)
def role_detail(request, slug: str, query: Query[IndustryQuery]):
    industry = _industry(query.industry) or Industry.MANUFACTURING
    profile = found("role", slug, lambda s: role_profile(s, industry))
    role = profile.role
    lens = profile.industry
    return {
        "slug": role.slug,
        "title": role.title,
        "tier": role.tier,
        "rank": role.rank,
        "headline": role.headline,
        "summary": role.summary,
        "responsibilities": role.responsibilities,
        "years_min": role.years_min,
        "years_max": role.years_max,
        "education": role.education,
        "entry_points": role.entry_points,
        "kpis": role.kpis,
        "focus": {
            "manufacturing": role.focus_manufacturing,
            "services": role.focus_services,
            "technology": role.focus_technology,
        },
        "reports_to": [r.slug for r in role.reports_to.all()],
        "leads_to": [r.slug for r in role.leads_to.all()],
        "skills": [
            {
                "slug": need.skill.slug,
                "name": need.skill.name,
                "kind": need.skill.kind,
                "level": need.level,
            }
            for group in profile.skill_groups
            for need in group.skills
        ],
        "pay": {
            "median": serializers.pay_figure(profile.pay.median),
            "figures": [serializers.pay_figure(f) for f in profile.pay.figures],
        },
        "outlook": [serializers.projection(p) for p in profile.pay.projections],
        "certifications": [serializers.certification_link(c) for c in profile.certifications],
        "certifications_in_all": profile.certifications_in_all,
        "more_certifications": (
            f"{serializers.api_url('certifications')}?suits={role.tier}"
            if profile.more_certifications
            else None
        ),
        "faqs": [
            {"slug": f.slug, "question": f.question, "page": f.get_absolute_url()}
            for f in profile.faqs
        ],
        "faqs_in_all": profile.faqs_in_all,
        "guides": [serializers.guide_link(g) for g in profile.guides],
        "guides_in_all": profile.guides_in_all,
        "sources": serializers.sources(role.sources),
        "attribution": serializers.ONET_ATTRIBUTION if role.onet_derived else None,
        "industry": {
            "industry": lens.industry,
            "differs": lens.differs,
            "change_note": lens.change_note,
            "kpis": lens.kpis,
            "skill_changes": [
                {
                    "slug": change.skill.slug,
                    "name": change.skill.name,
                    "general_level": change.general_level,
                    "level": change.level,
                }
                for change in lens.skill_changes
            ],
            "median": serializers.pay_figure(lens.median),
        },
        "page": role.get_absolute_url(),
    }


class PathQuery(Schema):
    start: str = Field(
        alias="from", description="Slug of the role you start from.", json_schema_extra=SLUG_SCHEMA
    )
    end: str = Field(
        alias="to", description="Slug of the role you want to reach.", json_schema_extra=SLUG_SCHEMA
    )
    industry: str | None = Field(
        None,
        description="Plan with the skill levels roles need in this industry.",
        json_schema_extra={"enum": ["", *Industry.values]},
    )


@router.get(
    "/ladder/path",
    response={200: schemas.Path, 400: Problem, 404: Problem},
    url_name="path",
    operation_id="plan_path",
    summary="The shortest route up the ladder between two roles",
    tags=["roles and the ladder"],
)
def path(request, query: Query[PathQuery]):
    start, end = query.start.strip(), query.end.strip()
    for name, value in (("from", start), ("to", end)):
        if not value:
            raise bad_parameter(name, "choose a role slug, e.g. operations-analyst")
    industry = _industry(query.industry)
    index = route_index()
    shape = index.shape
    for value in (start, end):
        if value not in shape:
            raise not_found("role", value)
    only = route_reads(shape, start, end)
    graph = route_ladder(industry, only=only, steps=False, index=index).graph
    try:
        route = plan_route(graph, start, end, shape)
    except NoRoute as no_route:
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
                        "slug": gain.skill.slug,
                        "name": gain.skill.name,
                        "from_level": gain.from_level,
                        "to_level": gain.to_level,
                    }
                    for gain in step.skills_to_gain
                ],
                "certifications": [serializers.certification_link(c) for c in step.certifications],
                "more_certifications": step.next.more_certifications,
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


class SearchQuery(Schema):
    q: str = Field(
        description=(
            "Words to look for: the first 100 characters; common words such as 'the' are "
            "ignored, so a query without other words finds nothing."
        ),
    )


@router.get(
    "/search",
    response={200: schemas.SearchResults, 400: Problem},
    url_name="search",
    operation_id="search",
    summary="Roles, skills, certifications, FAQs and guides, ranked and grouped by kind",
    tags=["search"],
)
def search(request, query: Query[SearchQuery]):
    results = site_search.search(query.q)
    return {
        "query": results.query,
        "terms": results.terms,
        "truncated": results.truncated,
        "total": results.total,
        "groups": [
            {
                "kind": group.kind,
                "label": group.label,
                "total": group.total,
                "hits": [
                    {
                        "kind": hit.entry.kind,
                        "slug": hit.entry.slug,
                        "title": hit.entry.title,
                        "page": hit.entry.url,
                        "snippet_html": str(hit.snippet),
                        "score": round(hit.score, 4),
                    }
                    for hit in group.hits
                ],
            }
            for group in results.groups
        ],
    }


class FaqQuery(PageQuery):
    q: str | None = Field(
        None,
        description="Only the questions the site search finds for these words (as /faq/?q=).",
    )


@router.get(
    "/faqs",
    response={200: schemas.FaqList, 400: Problem, 404: Problem},
    url_name="faqs",
    operation_id="list_faqs",
    summary="Published questions and answers, by category",
)
def faq_list(request, query: Query[FaqQuery]):
    faqs = site_search.faq_list(query.q).faqs
    return paginate(request, faqs, query, serializers.faq)
