"""How a role's skill levels compare with the roles that lead to it and the roles it leads to.
A reader moving up learns more from "this rises from 2 to 4" than from a bar at 3 of 5."""

from dataclasses import dataclass

from .models import Role, RoleSkill, Skill


@dataclass(frozen=True)
class SkillStep:
    """One skill of the role: its level here, below (lowest and highest among the roles that
    lead here, None when none of them lists it) and in the next roles (highest)."""

    skill: Skill
    level: int
    below_low: int | None
    below_high: int | None
    above: int | None

    @property
    def rise(self) -> int | None:
        """How far the level rises from the roles below; None when the skill is new here."""
        return None if self.below_high is None else self.level - self.below_high

    @property
    def next_rise(self) -> int | None:
        return None if self.above is None else self.above - self.level


@dataclass(frozen=True)
class SkillComparison:
    below: list[Role]
    above: list[Role]
    steps: list[SkillStep]
    next_adds: list[RoleSkill]  # skills the next roles ask for that this role does not list

    @property
    def rising(self) -> list[SkillStep]:
        return [s for s in self.steps if s.rise is not None and s.rise > 0]

    @property
    def new(self) -> list[SkillStep]:
        return [s for s in self.steps if s.rise is None] if self.below else []

    @property
    def top(self) -> list[SkillStep]:
        """The skills this role asks most of, highest level first."""
        return sorted(self.steps, key=lambda s: (-s.level, s.skill.name))


def compare_skills(
    role: Role, role_skills: list[RoleSkill], above_ids: set[int]
) -> SkillComparison:
    """Split the role skills of a role and its neighbors (the role's own, the roles that lead
    to it and the roles it leads to) into one comparison. `above_ids` names the next roles;
    every other neighbor is below."""
    own = [rs for rs in role_skills if rs.role_id == role.pk]
    below_levels: dict[int, list[int]] = {}
    above_levels: dict[int, int] = {}
    above_skills: dict[int, RoleSkill] = {}
    below_roles: dict[int, Role] = {}
    above_roles: dict[int, Role] = {}
    for rs in role_skills:
        if rs.role_id == role.pk:
            continue
        if rs.role_id in above_ids:
            above_roles[rs.role_id] = rs.role
            if rs.level > above_levels.get(rs.skill_id, 0):
                above_levels[rs.skill_id] = rs.level
                above_skills[rs.skill_id] = rs
        else:
            below_roles[rs.role_id] = rs.role
            below_levels.setdefault(rs.skill_id, []).append(rs.level)
    steps = []
    for rs in own:
        levels = below_levels.get(rs.skill_id)
        steps.append(
            SkillStep(
                skill=rs.skill,
                level=rs.level,
                below_low=min(levels) if levels else None,
                below_high=max(levels) if levels else None,
                above=above_levels.get(rs.skill_id),
            )
        )
    # What changes comes first: the biggest rise from below, then skills new here, then the rest.
    steps.sort(key=lambda s: (-(s.rise if s.rise is not None else 0.5), -s.level, s.skill.name))
    own_ids = {rs.skill_id for rs in own}
    next_adds = sorted(
        (rs for skill_id, rs in above_skills.items() if skill_id not in own_ids),
        key=lambda rs: (-rs.level, rs.skill.name),
    )
    by_rung = lambda r: (r.rank, r.title)  # noqa: E731
    return SkillComparison(
        below=sorted(below_roles.values(), key=by_rung),
        above=sorted(above_roles.values(), key=by_rung),
        steps=steps,
        next_adds=next_adds,
    )
