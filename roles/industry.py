"""The industry lens: a role's key measures, skill levels and pay in one industry, with what
differs from the role in general. Where the content gives nothing for the industry, the
general version stands, and the page says so."""

from dataclasses import dataclass, field

from .models import RoleIndustry, RoleSkill, SalaryFigure
from .pay import Pay


@dataclass(frozen=True)
class SkillChange:
    skill: object
    general_level: int | None  # None: not listed for the role in general
    level: int  # 0: not needed in this industry

    @property
    def direction(self) -> str:
        if self.level == 0:
            return "not needed"
        if self.general_level is None or self.level > self.general_level:
            return "higher"
        return "lower"


@dataclass
class IndustryView:
    industry: str
    change_note: str = ""
    kpis: list[dict] = field(default_factory=list)
    kpis_differ: bool = False
    skill_changes: list[SkillChange] = field(default_factory=list)
    median: SalaryFigure | None = None  # the industry's own median, if one is sourced

    @property
    def differs(self) -> bool:
        return bool(self.kpis_differ or self.skill_changes or self.median or self.change_note)


def industry_view(
    industry: str, general_kpis: list[dict], role_skills, variant: RoleIndustry | None, pay: Pay
) -> IndustryView:
    """The role as it is in `industry`, from its general version and the industry's changes."""
    view = IndustryView(industry, kpis=list(general_kpis), median=pay.median_in(industry))
    if variant is None:
        return view
    view.change_note = variant.change_note
    if variant.kpis:
        view.kpis, view.kpis_differ = list(variant.kpis), variant.kpis != list(general_kpis)
    general = {rs.skill_id: rs.level for rs in role_skills}
    view.skill_changes = sorted(
        (
            SkillChange(level.skill, general.get(level.skill_id), level.level)
            for level in variant.skill_levels.all()
            if general.get(level.skill_id, 0) != level.level
        ),
        key=lambda change: change.skill.name,
    )
    return view


def skills_in(role_skills, variant: RoleIndustry | None) -> list[RoleSkill]:
    """The role's skills and levels in an industry: overridden levels replace the general
    ones, a level of 0 drops the skill, and skills only the industry needs are added."""
    if variant is None:
        return list(role_skills)
    overrides = {level.skill_id: level for level in variant.skill_levels.all()}
    adjusted = []
    for rs in role_skills:
        override = overrides.pop(rs.skill_id, None)
        if override is None:
            adjusted.append(rs)
        elif override.level:
            adjusted.append(RoleSkill(role_id=rs.role_id, skill=rs.skill, level=override.level))
    adjusted += [
        RoleSkill(role_id=variant.role_id, skill=level.skill, level=level.level)
        for level in overrides.values()
        if level.level
    ]
    return adjusted
