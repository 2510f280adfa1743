"""The skill pages: a skill with what each level means and the roles that need it (roles), the
certifications that develop it (certifications) and the guides that cover it (found through
the site search, as guides do not link skills). Assembled here, above the apps, because roles
may import neither certifications nor guides."""

from dataclasses import dataclass

from certifications import selectors as certification_selectors
from roles import selectors as role_selectors

from . import search as site_search
from .models import SearchEntry

# The scale every skill shares; each skill's own sentence for a level (the content's `levels`)
# says what a person at that level can do, and this general meaning stands where one is missing.
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
    certifications: list
    guides: list[SearchEntry]


def skill_page(slug: str) -> SkillPage:
    """Everything /skills/<slug>/ shows, in a fixed number of queries (404 if unknown)."""
    skill = role_selectors.skill_with_roles(slug)
    by_level = {level: [] for level, _, _ in LEVELS}
    for need in skill.needs:
        by_level[need.level].append(need.role)
    found = site_search.search(skill.name, per_group=RELATED_PER_KIND, kinds=["guides"])
    hits = {group.kind: [hit.entry for hit in group.hits] for group in found.groups}
    return SkillPage(
        skill=skill,
        levels=[
            (level, name, skill.level_text(level) or meaning, by_level[level])
            for level, name, meaning in LEVELS
        ],
        certifications=certification_selectors.developing(skill),
        guides=hits.get("guides", []),
    )
