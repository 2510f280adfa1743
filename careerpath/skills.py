"""The skill pages: a skill with the roles that need it (roles) and the certifications and
guides that cover it (found through the site search, as neither app links skills). Assembled
here, above the apps, because roles may import neither certifications nor guides."""

from dataclasses import dataclass

from roles import selectors as role_selectors

from . import search as site_search
from .models import SearchEntry

# What each level of a role's need means; the same scale the role pages use.
LEVELS = [
    (1, "Aware", "knows what it is and when it matters, and recognizes it in others' work"),
    (2, "Working", "applies it to routine tasks with guidance"),
    (3, "Practitioner", "applies it independently, day to day, in their own area"),
    (4, "Advanced", "leads others in it and adapts it to new situations"),
    (5, "Expert", "the person others turn to; sets how the organization uses it"),
]
RELATED_PER_KIND = 5


@dataclass
class SkillPage:
    skill: object  # roles.models.Skill with `needs` (RoleSkill with role, lowest rung first)
    levels: list[tuple[int, str, str, list]]  # (level, name, meaning, roles needing it there)
    certifications: list[SearchEntry]
    guides: list[SearchEntry]


def skill_page(slug: str) -> SkillPage:
    """Everything /skills/<slug>/ shows, in a fixed number of queries (404 if unknown)."""
    skill = role_selectors.skill_with_roles(slug)
    by_level = {level: [] for level, _, _ in LEVELS}
    for need in skill.needs:
        by_level[need.level].append(need.role)
    found = site_search.search(
        skill.name,
        per_group=RELATED_PER_KIND,
        kinds=["certifications", "guides"],
    )
    hits = {group.kind: [hit.entry for hit in group.hits] for group in found.groups}
    return SkillPage(
        skill=skill,
        levels=[(level, name, meaning, by_level[level]) for level, name, meaning in LEVELS],
        certifications=hits.get("certifications", []),
        guides=hits.get("guides", []),
    )
