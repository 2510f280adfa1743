"""Tiny stand-ins for roles and skills, so the rules can be checked by hand."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FakeSkill:
    slug: str
    name: str = ""


@dataclass(frozen=True)
class FakeRoleSkill:
    skill: FakeSkill
    level: int


class _Manager(list):
    def all(self):
        return self


@dataclass
class FakeRole:
    slug: str
    skills: dict[str, int]
    rank: int = 1
    years_min: int = 0
    years_max: int = 3
    certs: list = field(default_factory=list)

    @property
    def title(self):
        return self.slug.title()

    @property
    def role_skills(self):
        return _Manager(
            FakeRoleSkill(FakeSkill(s, s.title()), lvl) for s, lvl in self.skills.items()
        )

    @property
    def suitable_certifications(self):
        return self.certs
