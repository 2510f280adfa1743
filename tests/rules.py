"""Stand-ins for roles, skills and figures, shaped like the prefetched rows the rule modules
receive, so the rules are tested on values worked out by hand, without a database."""

from dataclasses import dataclass, field
from decimal import Decimal

from roles.ladder import Link, Median, Rung


class Related(list):
    """A prefetched relation: `.all()` gives its rows."""

    def all(self):
        return self


@dataclass(eq=False)
class FakeSkill:
    name: str
    pk: int = 0


@dataclass(eq=False)
class FakeRoleSkill:
    skill: FakeSkill
    level: int

    @property
    def skill_id(self):
        return self.skill.pk


@dataclass(eq=False)
class FakeMedian:
    amount: Decimal


@dataclass(eq=False)
class FakeRole:
    slug: str
    title: str
    rank: int
    years_min: int = 0
    years_max: int = 0
    median: FakeMedian | None = None
    leads_to: Related = field(default_factory=Related)
    comes_from: Related = field(default_factory=Related)
    role_skills: Related = field(default_factory=Related)
    suitable_certifications: list = field(default_factory=list)
    pk: int = 0


def ladder(*roles: FakeRole, links: list[tuple[str, str]]) -> dict[str, FakeRole]:
    graph = {role.slug: role for role in roles}
    for number, role in enumerate(roles, start=1):
        role.pk = number
    for start, end in links:
        graph[start].leads_to.append(graph[end])
        graph[end].comes_from.append(graph[start])
    return graph


def rung_of(role: FakeRole) -> Rung:
    """The role as the route search reads it (careerpath.profiles.ladder_graph makes these)."""
    return Rung(
        role.slug,
        role.title,
        role.rank,
        role.years_min,
        role.years_max,
        f"/roles/{role.slug}/",
        Median(role.median.amount) if role.median else None,
        tuple(r.slug for r in role.leads_to),
        tuple(
            (Link(rs.skill.name.lower(), rs.skill.name, ""), rs.level) for rs in role.role_skills
        ),
        tuple(role.suitable_certifications),
    )


def rungs(graph: dict[str, FakeRole]) -> dict[str, Rung]:
    return {slug: rung_of(role) for slug, role in graph.items()}
