"""Pages that draw on several apps, assembled from each app's own selectors: the role profile
(with the certifications, FAQs and guides that suit the role) and the ladder as a graph for
the path planner (with the certifications that suit each role)."""

from dataclasses import dataclass

from certifications import selectors as certification_selectors
from certifications.selectors import SUITING_SHOWN
from guides import selectors as guide_selectors
from roles import selectors as role_selectors
from roles.industry import IndustryView, industry_view, skills_in
from roles.ladder import Rung
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
    faqs: list  # the first few (guides.selectors.READING_SHOWN), as are the guides
    faqs_in_all: int
    guides: list
    guides_in_all: int
    industry: IndustryView
    skills: SkillComparison

    # How many are not listed, of each list the page and the API's role shorten.
    @property
    def more_certifications(self) -> int:
        return self.certifications_in_all - len(self.certifications)

    @property
    def more_faqs(self) -> int:
        return self.faqs_in_all - len(self.faqs)

    @property
    def more_guides(self) -> int:
        return self.guides_in_all - len(self.guides)


def role_profile(slug: str, industry: str) -> RoleProfile:
    """Everything the role page shows, with the role as it is in `industry`, in a fixed number
    of queries (404 if unknown)."""
    role = role_selectors.role_detail(slug)
    figures = list(role.salary_figures.all())
    role_pay = pay(figures, role_selectors.projections_for(figures))
    variant = role_selectors.industry_variant(role, industry)
    certifications, certifications_in_all = certification_selectors.suiting_role(role)
    faqs, faqs_in_all = guide_selectors.faqs_for_role(role)
    guides, guides_in_all = guide_selectors.guides_for_role(role)
    return RoleProfile(
        role=role,
        skill_groups=skill_groups(role.role_skills.all()),
        pay=role_pay,
        certifications=certifications,
        certifications_in_all=certifications_in_all,
        faqs=faqs,
        faqs_in_all=faqs_in_all,
        guides=guides,
        guides_in_all=guides_in_all,
        industry=industry_view(industry, role.kpis, role.role_skills.all(), variant, role_pay),
        skills=compare_skills(
            role,
            [*role.role_skills.all(), *role.neighbor_skills],
            {r.pk for r in role.leads_to.all()},
        ),
    )


def route_index() -> route_data.Index:
    """Every role, lowest rung and then title first, and each one's next roles: as stored for
    the current content version (one query; route_data.py), or from the content until it is
    stored (one more)."""
    stored = route_data.stored_index()
    if stored is not None:
        return stored
    roles, edges = role_selectors.ladder_outline()
    # In the order the stored index keeps (Python's, which a database's collation may not be).
    roles.sort(key=lambda role: (role[2], role[1]))
    return route_data.Index([route_data.Picker(slug, title) for slug, title, _ in roles], edges)


def route_ladder(
    industry: str = "", *, only=None, steps: bool = True, index=None
) -> route_data.Ladder:
    """Every role by slug as the route search reads it (`roles.ladder.plan_route`), with its
    next roles, skills, median and the certifications that suit it. With an industry, each
    role's skills are its levels in that industry. With `only` (role slugs), those roles alone:
    a route reads its own (`roles.ladder.route_reads`), however large the ladder grows. Read
    as stored for the current content version, with each step up already rendered unless
    `steps` is false (route_data.py), or from the content until it is stored. `index`:
    `route_index()`, when the caller has read it."""
    stored = route_data.stored_ladder(industry, only, steps=steps, index=index)
    if stored is not None:
        return stored
    return route_data.Ladder(built_graph(industry, only=only), {})


def ladder_graph(industry: str = "", *, only=None) -> dict[str, Rung]:
    """`route_ladder(...).graph`: the roles alone."""
    return route_ladder(industry, only=only, steps=False).graph


def built_graph(industry: str = "", *, only=None) -> dict[str, Rung]:
    """`ladder_graph` read from the content itself."""
    slugs = None if only is None else set(only)
    roles = role_selectors.ladder_roles(slugs)
    # A step up names the first few certifications that name the role, and counts the rest.
    by_role = certification_selectors.listing_roles([r.pk for r in roles], SUITING_SHOWN)
    variants = role_selectors.industry_variants(industry) if industry else {}
    for role in roles:
        if role.pk in variants:
            # Rung.of reads role.role_skills.all(): give it the industry's levels.
            adjusted = skills_in(role.role_skills.all(), variants[role.pk])
            role._prefetched_objects_cache["role_skills"] = adjusted
    return {r.slug: Rung.of(r, *by_role.get(r.pk, ((), 0))) for r in roles}
