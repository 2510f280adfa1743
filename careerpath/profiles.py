"""Pages that draw on several apps, assembled from each app's own selectors: the role profile
(with the certifications, FAQs and guides that suit the role) and the ladder as a graph for
the path planner (with the certifications that suit each role)."""

from dataclasses import dataclass

from certifications import selectors as certification_selectors
from guides import selectors as guide_selectors
from roles import selectors as role_selectors
from roles.models import Role
from roles.pay import Pay, pay
from roles.profile import SkillGroup, skill_groups


@dataclass
class RoleProfile:
    role: Role
    skill_groups: list[SkillGroup]
    pay: Pay
    certifications: list
    faqs: list
    guides: list


def role_profile(slug: str) -> RoleProfile:
    """Everything the role page shows, in a fixed number of queries (404 if unknown)."""
    role = role_selectors.role_detail(slug)
    figures = list(role.salary_figures.all())
    return RoleProfile(
        role=role,
        skill_groups=skill_groups(role.role_skills.all()),
        pay=pay(figures, role_selectors.projections_for(figures)),
        certifications=certification_selectors.suiting_role(role),
        faqs=guide_selectors.faqs_for_role(role),
        guides=guide_selectors.guides_for_role(role),
    )


def ladder_graph() -> dict[str, Role]:
    """All roles by slug with next roles, skills, medians and the certifications that list
    them (`suitable_certifications`), for `roles.ladder.plan_route`."""
    roles = role_selectors.ladder_roles()
    by_role = certification_selectors.listing_roles([r.pk for r in roles])
    for role in roles:
        role.suitable_certifications = by_role.get(role.pk, [])
    return {r.slug: r for r in roles}
