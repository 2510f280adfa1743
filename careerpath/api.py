"""API endpoints that draw on several apps: the role profile (with the certifications, FAQs
and guides for a role) and search. They join the API in urls.py."""

from ninja import Field, Query, Router, Schema

from api import schemas, serializers
from api.errors import Problem, found
from roles.selectors import role_profile

from . import search as site_search

router = Router()


@router.get(
    "/roles/{slug}",
    response={200: schemas.RoleDetail, 404: Problem},
    url_name="role",
    operation_id="get_role",
    summary="One role: skills and levels, pay with sources, outlook, certifications, FAQs",
    tags=["roles and the ladder"],
)
def role_detail(request, slug: str):
    profile = found("role", slug, role_profile)
    role = profile.role
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
        "faqs": [
            {"slug": f.slug, "question": f.question, "page": f.get_absolute_url()}
            for f in profile.faqs
        ],
        "guides": [serializers.guide_link(g) for g in profile.guides],
        "sources": serializers.sources(role.sources),
        "attribution": serializers.ONET_ATTRIBUTION if role.onet_derived else None,
        "page": role.get_absolute_url(),
    }


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
