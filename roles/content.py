"""The roles app's content files fixtures/skills.yaml and roles.yaml: their schemas and how
their records map to the database. Pay files are in `pay_content.py`."""

from collections import defaultdict
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from common.content import (
    Name,
    OptionalText,
    Record,
    Slug,
    Source,
    Text,
    sources_as_stored,
)
from common.content_kind import ContentError, ContentKind, IndexEntry
from common.synthetic import clone, copies_of, link_copies

from .ladder import find_cycle
from .models import (
    Industry,
    IndustrySkillLevel,
    Role,
    RoleIndustry,
    RoleSkill,
    Skill,
    SkillKind,
    Tier,
)
from .sitemaps import RoleSitemap, SkillSitemap

OccupationCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}(\.\d{2})?$")]
LEVEL_NUMBERS = (1, 2, 3, 4, 5)
Level = Annotated[int, Field(ge=1, le=5)]
TierName = Literal[tuple(Tier.values)]  # type: ignore[valid-type]


class SkillRecord(Record):
    slug: Slug
    name: Name(120)
    kind: Literal[tuple(SkillKind.values)]  # type: ignore[valid-type]
    description: Text
    # What each level 1-5 means, so a self-rating is a choice between descriptions.
    levels: dict[Level, Text] = {}

    @model_validator(mode="after")
    def every_level_described(self):
        if self.levels and set(self.levels) != set(LEVEL_NUMBERS):
            missing = sorted(set(LEVEL_NUMBERS) - set(self.levels))
            raise ValueError(f"levels: describe every level 1 to 5 (missing {missing})")
        return self


class Kpi(Record):
    name: Text
    measure: Text


class Focus(Record):
    manufacturing: Text
    services: Text
    technology: Text


assert set(Focus.model_fields) == set(Industry.values)

IndustryName = Literal[tuple(Industry.values)]  # type: ignore[valid-type]


class IndustryVersion(Record):
    """What differs for a role in one industry; anything left out is as in general."""

    change_note: OptionalText = ""
    kpis: list[Kpi] = []
    skills: dict[Slug, Annotated[int, Field(ge=0, le=5)]] = {}  # 0: not needed there


class RoleRecord(Record):
    slug: Slug
    title: Name(120)
    tier: TierName
    rank: Annotated[int, Field(ge=1, le=50)]
    headline: Name(160)
    summary: Text
    responsibilities: list[Text] = Field(min_length=1)
    years_min: Annotated[int, Field(ge=0, le=60)]
    years_max: Annotated[int, Field(ge=0, le=60)]
    education: Text
    entry_points: list[Text] = []
    kpis: list[Kpi] = []
    focus: Focus
    reports_to: list[Slug] = []
    leads_to: list[Slug] = []
    skills: dict[Slug, Annotated[int, Field(ge=1, le=5)]] = {}
    sources: list[Source] = []
    onet_derived: bool = False
    industries: dict[IndustryName, IndustryVersion] = {}

    @model_validator(mode="after")
    def years_in_order(self):
        if self.years_max < self.years_min:
            raise ValueError("years_max must not be below years_min")
        if self.slug in self.leads_to:
            raise ValueError("leads_to: a role cannot lead to itself")
        if self.slug in self.reports_to:
            raise ValueError("reports_to: a role cannot report to itself")
        return self


class Skills(ContentKind):
    name, noun, file = "skills", "skill", "skills.yaml"
    schema, model = SkillRecord, Skill
    search_label = "Skills"
    sitemap = SkillSitemap

    def values(self, record, resolved):
        return record.model_dump(mode="json")  # level keys as text, as JSON stores them

    def export_records(self):
        return [
            SkillRecord.model_validate(
                {f: getattr(s, f) for f in SkillRecord.model_fields}
            ).model_dump(mode="json")
            for s in Skill.objects.order_by("slug")
        ]

    def search_entries(self):
        for skill in Skill.objects.prefetch_related("role_skills__role"):
            needed_by = sorted(skill.role_skills.all(), key=lambda rs: (-rs.level, rs.role.rank))
            yield IndexEntry(
                slug=skill.slug,
                title=skill.name,
                summary=skill.description,
                body=", ".join(rs.role.title for rs in needed_by),
                url=skill.get_absolute_url(),
            )

    def originals(self, copy_slug):
        return list(Skill.objects.exclude(slug__regex=copy_slug))

    def synthesize(self, i, originals, copies):
        return copies_of(originals, lambda s: clone(s, name=f"{s.name} {i}", slug=f"{s.slug}-x{i}"))


_RELATIONS = ("reports_to", "leads_to", "skills", "industries")


class Roles(ContentKind):
    name, noun, file = "roles", "role", "roles.yaml"
    schema, model = RoleRecord, Role
    extra_models = (RoleSkill, RoleIndustry, IndustrySkillLevel)
    search_label = "Roles"
    sitemap = RoleSitemap

    def references(self, record):
        return [
            ("reports_to", "roles", record.reports_to),
            ("leads_to", "roles", record.leads_to),
            ("skills", "skills", record.skills),
            *(
                (f"industries.{name}.skills", "skills", version.skills)
                for name, version in record.industries.items()
            ),
        ]

    def check(self, records, file):
        cycle = find_cycle({r.slug: r.leads_to for r in records})
        if not cycle:
            return []
        loop = "the ladder goes round in a circle: " + " → ".join(cycle)
        return [ContentError(file, cycle[0], "leads_to", loop)]

    def values(self, record, resolved):
        data = record.model_dump(mode="json", exclude_none=True, exclude={"focus", *_RELATIONS})
        data["sources"] = sources_as_stored(record.sources)
        focus = {f"focus_{industry}": getattr(record.focus, industry) for industry in Industry}
        return {**data, **focus}

    def relate(self, records, objects, resolved, writer):
        skills = resolved["skills"]
        current = defaultdict(dict)
        for rs in RoleSkill.objects.all():
            current[rs.role_id][rs.skill_id] = rs.level
        for record in records:
            role = objects[record.slug]
            writer.set_m2m(self, role, "reports_to", [objects[s] for s in record.reports_to])
            writer.set_m2m(self, role, "leads_to", [objects[s] for s in record.leads_to])
            wanted = {skills[s].pk: level for s, level in record.skills.items()}
            if current[role.pk] != wanted:
                RoleSkill.objects.filter(role=role).delete()
                RoleSkill.objects.bulk_create(
                    RoleSkill(role=role, skill_id=pk, level=level) for pk, level in wanted.items()
                )
                writer.mark_touched(self, role)
        self._relate_industries(records, objects, skills, writer)

    def _relate_industries(self, records, objects, skills, writer):
        """Each role's industry versions, rewritten where they differ from the files."""
        current: dict = defaultdict(dict)
        for variant in RoleIndustry.objects.prefetch_related("skill_levels__skill"):
            current[variant.role_id][variant.industry] = _version(variant)
        for record in records:
            role = objects[record.slug]
            wanted = {name: v.model_dump(mode="json") for name, v in record.industries.items()}
            if current[role.pk] == wanted:
                continue
            RoleIndustry.objects.filter(role=role).delete()
            for name, version in record.industries.items():
                variant = RoleIndustry.objects.create(
                    role=role,
                    industry=name,
                    kpis=[kpi.model_dump() for kpi in version.kpis],
                    change_note=version.change_note,
                )
                IndustrySkillLevel.objects.bulk_create(
                    IndustrySkillLevel(variant=variant, skill=skills[slug], level=level)
                    for slug, level in version.skills.items()
                )
            writer.mark_touched(self, role)

    def export_records(self):
        roles = Role.objects.order_by("rank", "slug").prefetch_related(
            "reports_to",
            "leads_to",
            "role_skills__skill",
            "industry_variants__skill_levels__skill",
        )
        return [self._record(r).model_dump(mode="json", exclude_none=True) for r in roles]

    @staticmethod
    def _record(role: Role) -> RoleRecord:
        skip = {"focus", *_RELATIONS}
        return RoleRecord.model_validate(
            {
                **{f: getattr(role, f) for f in RoleRecord.model_fields if f not in skip},
                "focus": {industry: role.focus_in(industry) for industry in Industry.values},
                "reports_to": sorted(r.slug for r in role.reports_to.all()),
                "leads_to": sorted(r.slug for r in role.leads_to.all()),
                "skills": {
                    rs.skill.slug: rs.level
                    for rs in sorted(role.role_skills.all(), key=lambda rs: rs.skill.slug)
                },
                "industries": {v.industry: _version(v) for v in role.industry_variants.all()},
            }
        )

    def search_entries(self):
        for role in Role.objects.all():
            kpis = " ".join(f"{k.get('name', '')} {k.get('measure', '')}" for k in role.kpis)
            focus = [role.focus_in(industry) for industry in Industry.values]
            yield IndexEntry(
                slug=role.slug,
                title=role.title,
                summary=f"{role.headline} {role.summary}",
                body=" ".join([*role.responsibilities, kpis, role.education, *focus]),
                url=role.get_absolute_url(),
            )

    def originals(self, copy_slug):
        return list(
            Role.objects.exclude(slug__regex=copy_slug).prefetch_related(
                "leads_to", "reports_to", "role_skills"
            )
        )

    def synthesize(self, i, originals, copies):
        new = copies_of(
            originals, lambda r: clone(r, title=f"{r.title} {i}", slug=f"{r.slug}-x{i}")
        )
        link_copies(Role, "leads_to", originals, new, new)
        link_copies(Role, "reports_to", originals, new, new)
        skills = copies["skills"]
        RoleSkill.objects.bulk_create(
            RoleSkill(role=new[r.pk], skill=skills[rs.skill_id], level=rs.level)
            for r in originals
            for rs in r.role_skills.all()
        )
        return new


def _version(variant: RoleIndustry) -> dict:
    """An industry version as the content files write it."""
    levels = sorted(variant.skill_levels.all(), key=lambda level: level.skill.slug)
    return IndustryVersion.model_validate(
        {
            "change_note": variant.change_note,
            "kpis": variant.kpis,
            "skills": {level.skill.slug: level.level for level in levels},
        }
    ).model_dump(mode="json")


SKILLS = Skills()
ROLES = Roles()
