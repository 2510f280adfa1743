"""Role fit: every role ranked by how closely a person's levels match what it asks.

The share is the sum, over the role's skills, of the levels the person has up to what the role
asks, divided by the sum of what it asks. A skill with an unknown level adds nothing (we do not
guess), and the reason says how many were unknown.
"""

from dataclasses import dataclass

from .readiness import UNKNOWN, PersonLevel

METHOD = (
    "For each role we add up, skill by skill, the level you have up to the level the role asks "
    "for, and divide by the total it asks for. Going beyond what a role asks earns nothing "
    "extra; a skill you have not rated (and that your starting point does not tell us) counts "
    "as nothing rather than a guess. Roles with the same share keep their ladder order."
)


@dataclass(frozen=True)
class RoleFit:
    role: object
    share: float  # 0..1
    met: int
    total: int
    unknown: int
    biggest_gap: tuple[str, int] | None  # (skill name, levels short)

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def reason(self) -> str:
        if not self.total:
            return "This role lists no skills to compare."
        parts = [f"meets {self.met} of {self.total} skills"]
        if self.biggest_gap:
            name, short = self.biggest_gap
            parts.append(f"biggest gap: {name} ({short} level{'s' if short != 1 else ''} short)")
        if self.unknown:
            parts.append(f"{self.unknown} not rated")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def role_fit(role, levels: dict[str, PersonLevel]) -> RoleFit:
    asked = have = met = unknown = 0
    gaps = []
    for rs in role.role_skills.all():
        level = levels.get(rs.skill.slug, UNKNOWN)
        asked += rs.level
        if not level.known:
            unknown += 1
            continue
        have += min(level.value, rs.level)
        short = rs.level - level.value
        if short <= 0:
            met += 1
        else:
            gaps.append((rs.skill.name, short))
    gap = min(gaps, key=lambda g: (-g[1], g[0])) if gaps else None
    share = have / asked if asked else 0.0
    return RoleFit(role, share, met, len(role.role_skills.all()), unknown, gap)


def rank_roles(roles, levels: dict[str, PersonLevel]) -> list[RoleFit]:
    """Every role, best fit first; ties keep the ladder order (rank, then title)."""
    fits = [role_fit(r, levels) for r in roles]
    return sorted(fits, key=lambda f: (-f.share, f.role.rank, f.role.title))
