"""Where a person stands against each step of a route: the skills met and short (by how much),
the certifications that suit the step, the typical years, and the step they are ready for now.

A skill the person has not rated and no baseline covers is *unknown*, never level 0.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    RATED = "rated"  # the person's own rating
    ASSUMED = "assumed"  # the typical level of where they are now
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PersonLevel:
    value: int | None
    source: Source

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN = PersonLevel(None, Source.UNKNOWN)


def person_levels(ratings: dict[str, int], baseline: dict[str, int]) -> dict[str, PersonLevel]:
    """The person's own ratings first; where there is none, the typical level of their current
    role or starting point, marked as assumed."""
    levels = {slug: PersonLevel(level, Source.ASSUMED) for slug, level in baseline.items()}
    levels.update({slug: PersonLevel(level, Source.RATED) for slug, level in ratings.items()})
    return levels


@dataclass(frozen=True)
class SkillCheck:
    skill: object  # roles.models.Skill (or anything with slug and name)
    required: int
    have: PersonLevel

    @property
    def short_by(self) -> int | None:
        """How many levels below what the step asks; None when the level is unknown."""
        if not self.have.known:
            return None
        return max(0, self.required - self.have.value)

    @property
    def met(self) -> bool:
        return self.short_by == 0


@dataclass
class StepReadiness:
    role: object  # roles.models.Role
    checks: list[SkillCheck]
    certifications: list = field(default_factory=list)
    years: int = 0  # the person's years of experience

    @property
    def met(self) -> list[SkillCheck]:
        return [c for c in self.checks if c.met]

    @property
    def short(self) -> list[SkillCheck]:
        shorts = [c for c in self.checks if c.short_by]
        return sorted(shorts, key=lambda c: (-c.short_by, c.skill.name))

    @property
    def unknown(self) -> list[SkillCheck]:
        return [c for c in self.checks if c.short_by is None]

    @property
    def enough_years(self) -> bool:
        return self.years >= self.role.years_min

    @property
    def ready(self) -> bool:
        """Every skill known and met, and at least the typical minimum years."""
        return not self.short and not self.unknown and self.enough_years


def step_readiness(role, levels: dict[str, PersonLevel], years: int, certifications=()):
    """How the person measures up to one role: one check per skill the role lists."""
    checks = [
        SkillCheck(rs.skill, rs.level, levels.get(rs.skill.slug, UNKNOWN))
        for rs in sorted(role.role_skills.all(), key=lambda rs: (-rs.level, rs.skill.name))
    ]
    return StepReadiness(role, checks, list(certifications), years)


def route_readiness(roles, levels: dict[str, PersonLevel], years: int) -> list[StepReadiness]:
    """Readiness for each role of the route, in order (the roles still to reach)."""
    return [
        step_readiness(r, levels, years, getattr(r, "suitable_certifications", ())) for r in roles
    ]


def ready_now(steps: list[StepReadiness]) -> StepReadiness | None:
    """The furthest step the person is ready for, counting only unbroken readiness from the
    first step: being ready for a later role does not skip an earlier one."""
    reached = None
    for step in steps:
        if not step.ready:
            break
        reached = step
    return reached
