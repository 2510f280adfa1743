"""Pages that draw on several apps, assembled from each app's own selectors: the role profile
(with the certifications, FAQs and guides that suit the role) and the ladder as a graph for
the path planner (with the certifications that suit each role)."""

from dataclasses import dataclass

from certifications import selectors as certification_selectors
from guides import selectors as guide_selectors
from roles import selectors as role_selectors
from roles.industry import IndustryView, industry_view, skills_in
from roles.ladder import Rung, on_the_way_up
from roles.models import Role
from roles.pay import Pay, pay
from roles.profile import SkillGroup, skill_groups
from roles.progression import SkillComparison, compare_skills

from . import route_data


@dataclass
class RoleProfile:
    role: Role
    skill_groups: list[SkillGroup]
    pay: Pay
    certifications: list  # the first few (certifications.selectors.SUITING_SHOWN)
    certifications_in_all: int
    faqs: list
    guides: list
    industry: IndustryView
    skills: SkillComparison


def role_profile(slug: str, industry: str) -> RoleProfile:
    """Everything the role page shows, with the role as it is in `industry`, in a fixed number
    of queries (404 if unknown)."""
    role = role_selectors.role_detail(slug)
    figures = list(role.salary_figures.all())
    role_pay = pay(figures, role_selectors.projections_for(figures))
    variant = role_selectors.industry_variant(role, industry)
    certifications, certifications_in_all = certification_selectors.suiting_role(role)
    return RoleProfile(
        role=role,
        skill_groups=skill_groups(role.role_skills.all()),
        pay=role_pay,
        certifications=certifications,
        certifications_in_all=certifications_in_all,
        faqs=guide_selectors.faqs_for_role(role),
        guides=guide_selectors.guides_for_role(role),
        industry=industry_view(industry, role.kpis, role.role_skills.all(), variant, role_pay),
        skills=compare_skills(
            role,
            [*role.role_skills.all(), *role.neighbor_skills],
            {r.pk for r in role.leads_to.all()},
        ),
    )


def route_index(limit: int | None = None) -> route_data.Index:
    """Every role (or, read from the content, the first `limit`), lowest rung and then title
    first, and each one's next roles: as stored for the current content version (one query;
    route_data.py), or from the content until it is stored."""
    stored = route_data.stored_index()
    if stored is not None:
        return stored
    roles = [route_data.Picker(r.slug, r.title) for r in role_selectors.role_choices(limit)]
    return route_data.Index(roles, role_selectors.upward_edges())


def route_ladder(
    industry: str = "", *, around=None, steps: bool = True, index=None
) -> route_data.Ladder:
    """Every role by slug as the route search reads it (`roles.ladder.plan_route`), with its
    next roles, skills, median and the certifications that suit it. With an industry, each
    role's skills are its levels in that industry. With `around` (role slugs), only those
    roles and the roles above them, where every route between them lies: a route then reads a
    handful of roles however large the ladder grows. Read as stored for the current content
    version, with each step up already rendered unless `steps` is false (route_data.py), or from
    the content until it is stored. `index`: `route_index()`, when the caller has read it."""
    stored = route_data.stored_ladder(industry, around, steps=steps, index=index)
    if stored is not None:
        return stored
    edges = index.next if index is not None else None
    return route_data.Ladder(built_graph(industry, around=around, edges=edges), {})


def ladder_graph(industry: str = "", *, around=None) -> dict[str, Rung]:
    """`route_ladder(...).graph`: the roles alone."""
    return route_ladder(industry, around=around, steps=False).graph


def built_graph(industry: str = "", *, around=None, edges=None) -> dict[str, Rung]:
    """`ladder_graph` read from the content itself (`edges`: each role's next roles, when the
    caller has read them)."""
    slugs = None
    if around is not None:
        slugs = on_the_way_up(edges or role_selectors.upward_edges(), around)
    roles = role_selectors.ladder_roles(slugs)
    by_role = certification_selectors.listing_roles([r.pk for r in roles])
    variants = role_selectors.industry_variants(industry) if industry else {}
    for role in roles:
        if role.pk in variants:
            # Rung.of reads role.role_skills.all(): give it the industry's levels.
            adjusted = skills_in(role.role_skills.all(), variants[role.pk])
            role._prefetched_objects_cache["role_skills"] = adjusted
    return {r.slug: Rung.of(r, by_role.get(r.pk, ())) for r in roles}
