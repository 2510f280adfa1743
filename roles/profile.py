"""How a role profile arranges the skills a role needs."""

from dataclasses import dataclass

from .models import RoleSkill, SkillKind


@dataclass
class SkillGroup:
    kind: str
    label: str
    skills: list[RoleSkill]


def skill_groups(role_skills) -> list[SkillGroup]:
    """Skills by kind (in the kinds' order), the highest level first within each kind."""
    groups = {kind: SkillGroup(kind, label, []) for kind, label in SkillKind.choices}
    for rs in sorted(role_skills, key=lambda rs: (-rs.level, rs.skill.name)):
        groups[rs.skill.kind].skills.append(rs)
    return [g for g in groups.values() if g.skills]
