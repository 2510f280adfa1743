"""Reading, checking, loading and exporting the content files in fixtures/.

Every file is parsed and validated (pydantic schemas in each app's ``content.py``, then the
references between files) before anything is written; the writes happen in one transaction.
Errors read ``file: record: field: message``.
"""

import os
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import frontmatter
import yaml
from django.db import transaction
from pydantic import BaseModel, ValidationError

from certifications.content import CertificationRecord, OrganizationRecord
from certifications.models import Certification, Organization
from guides.content import FAQRecord, GuideRecord
from guides.models import FAQ, Guide
from roles.content import ProjectionRecord, RoleRecord, SalaryRecord, SkillRecord
from roles.models import (
    EmploymentProjection,
    Role,
    RoleSkill,
    SalaryFigure,
    Skill,
    Statistic,
    find_cycle,
    misordered_percentiles,
)

from .models import Synonym
from .vocabulary import SynonymRecord, synonym_record

YAML_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "organizations": ("organizations.yaml", OrganizationRecord),
    "skills": ("skills.yaml", SkillRecord),
    "roles": ("roles.yaml", RoleRecord),
    "salaries": ("salaries.yaml", SalaryRecord),
    "projections": ("projections.yaml", ProjectionRecord),
    "certifications": ("certifications.yaml", CertificationRecord),
    "faqs": ("faqs.yaml", FAQRecord),
    "synonyms": ("synonyms.yaml", SynonymRecord),
}
GUIDES_DIR = "guides"
KINDS = [*YAML_FILES, "guides"]


@dataclass(frozen=True)
class ContentError:
    file: str
    record: str = ""
    field: str = ""
    message: str = ""

    def __str__(self):
        return ": ".join(
            part for part in (self.file, self.record, self.field, self.message) if part
        )


class ContentInvalid(Exception):
    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


@dataclass
class Content:
    """Validated records of every content file found in one directory."""

    records: dict[str, list] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    files: dict[str, str] = field(default_factory=dict)  # kind -> display path
    present: set[str] = field(default_factory=set)


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def changed(self) -> bool:
        return (
            any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())
        )


def _display(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _record_label(kind: str, raw, index: int) -> str:
    if isinstance(raw, dict):
        if kind == "salaries":
            parts = [raw.get(k) for k in ("role", "occupation_code", "statistic", "reference_year")]
            if all(parts):
                return " ".join(str(p) for p in parts)
        elif kind == "projections":
            parts = [raw.get(k) for k in ("occupation_code", "start_year", "end_year")]
            if all(parts):
                return f"{parts[0]} {parts[1]}-{parts[2]}"
        elif isinstance(raw.get("slug"), str) and raw["slug"]:
            return raw["slug"]
    return f"record {index + 1}"


_MESSAGES = {
    "Field required": "is required",
    "Extra inputs are not permitted": "is not a known field",
}


def _validation_errors(file: str, label: str, exc: ValidationError, fields) -> list[ContentError]:
    errors = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"])
        message = _MESSAGES.get(error["msg"], error["msg"])
        message = message.removeprefix("Value error, ").replace("Input should be", "must be")
        first, sep, rest = message.partition(": ")
        if not loc and sep and first.split(".")[0] in fields:
            loc, message = first, rest
        if not loc:
            first_word = message.split(" ")[0]
            if first_word in fields:
                loc, message = first_word, message[len(first_word) :].strip()
        errors.append(ContentError(file, label, loc, message))
    return errors


def _parse_records(kind: str, schema, raw_records, file: str, errors: list) -> list:
    records = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_records):
        label = _record_label(kind, raw, index)
        if not isinstance(raw, dict):
            errors.append(ContentError(file, label, "", "must be a mapping of field: value"))
            continue
        try:
            record = schema.model_validate(raw)
        except ValidationError as exc:
            errors.extend(_validation_errors(file, label, exc, schema.model_fields))
            continue
        key = getattr(record, "key", None) or record.slug
        if key in seen:
            errors.append(
                ContentError(
                    file,
                    label,
                    "slug" if hasattr(record, "slug") else "",
                    f"duplicate of record {seen[key] + 1}",
                )
            )
            continue
        seen[key] = index
        records.append(record)
    return records


def read_content(directory: Path | str) -> Content:
    """Parse and validate every content file in `directory`; raise ContentInvalid on any error."""
    directory = Path(directory)
    content = Content()
    errors: list[ContentError] = []
    if not directory.is_dir():
        raise ContentInvalid([ContentError(_display(directory), message="is not a directory")])

    for kind, (filename, schema) in YAML_FILES.items():
        path = directory / filename
        if not path.exists():
            continue
        file = _display(path)
        content.files[kind] = file
        content.present.add(kind)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            errors.append(ContentError(file, where, "", f"not valid YAML: {problem}"))
            continue
        except UnicodeDecodeError:
            errors.append(ContentError(file, message="is not UTF-8 text"))
            continue
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            errors.append(ContentError(file, message="must be a list of records"))
            continue
        content.records[kind] = _parse_records(kind, schema, raw, file, errors)

    guides_dir = directory / GUIDES_DIR
    if guides_dir.is_dir():
        content.present.add("guides")
        content.files["guides"] = _display(guides_dir)
        for path in sorted(guides_dir.glob("*.md")):
            file = _display(path)
            try:
                post = frontmatter.loads(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
                errors.append(
                    ContentError(file, path.stem, "", f"front matter is not valid: {exc}")
                )
                continue
            raw = {**post.metadata, "slug": path.stem, "body": post.content}
            content.records["guides"] += _parse_records("guides", GuideRecord, [raw], file, errors)

    errors += _reference_errors(content)
    if errors:
        raise ContentInvalid(errors)
    return content


def _known(content: Content, kind: str, model, key="slug") -> set[str]:
    if kind in content.present:
        return {getattr(r, key) for r in content.records[kind]}
    return set(model.objects.values_list(key, flat=True))


def _reference_errors(content: Content) -> list[ContentError]:
    errors = []
    roles = _known(content, "roles", Role)
    skills = _known(content, "skills", Skill)
    organizations = _known(content, "organizations", Organization)
    certifications = _known(content, "certifications", Certification)
    guides = _known(content, "guides", Guide)

    def check(kind, record, field_name, slugs, known, what, label=None):
        file = content.files.get(kind, kind)
        if kind == "guides":
            file = f"{file}/{record.slug}.md"
        for slug in slugs:
            if slug not in known:
                errors.append(
                    ContentError(file, label or record.slug, field_name, f"unknown {what} '{slug}'")
                )

    for role in content.records["roles"]:
        check("roles", role, "reports_to", role.reports_to, roles, "role")
        check("roles", role, "leads_to", role.leads_to, roles, "role")
        check("roles", role, "skills", role.skills, skills, "skill")
    for figure in content.records["salaries"]:
        check("salaries", figure, "role", [figure.role], roles, "role", label=figure.key)
    for cert in content.records["certifications"]:
        check("certifications", cert, "issuer", [cert.issuer], organizations, "organisation")
        check("certifications", cert, "roles", cert.roles, roles, "role")
    for faq in content.records["faqs"]:
        check("faqs", faq, "roles", faq.roles, roles, "role")
        check("faqs", faq, "guides", faq.guides, guides, "guide")
    for guide in content.records["guides"]:
        check("guides", guide, "roles", guide.roles, roles, "role")
        check(
            "guides", guide, "certifications", guide.certifications, certifications, "certification"
        )

    if "roles" in content.present:
        cycle = find_cycle({r.slug: r.leads_to for r in content.records["roles"]})
        if cycle:
            errors.append(
                ContentError(
                    content.files["roles"],
                    cycle[0],
                    "leads_to",
                    "the ladder goes round in a circle: " + " → ".join(cycle),
                )
            )
    errors += _percentile_errors(content)
    return errors


def _percentile_errors(content: Content) -> list[ContentError]:
    def series(record):
        return (record.role, record.occupation_code, record.source_name, record.reference_year)

    errors = []
    for lower, higher in misordered_percentiles(content.records["salaries"], series):
        if lower.statistic == Statistic.RANGE_LOW:
            message = "the high end of the range is below the low end"
        else:
            message = (
                f"{Statistic(higher.statistic).label} ({higher.amount:,}) is below "
                f"{Statistic(lower.statistic).label} ({lower.amount:,})"
            )
        errors.append(ContentError(content.files["salaries"], higher.key, "amount", message))
    return errors


# --- writing -------------------------------------------------------------------------------


class _Writer:
    def __init__(self, report: LoadReport):
        self.report = report
        self.counted: set[tuple[str, int]] = set()
        self.touched: set[tuple[str, int]] = set()  # objects whose relations changed

    def sync(self, kind, model, records, key_of_record, key_of_object, values_of, queryset=None):
        """Create or update one object per record, matched by key.

        Returns the objects by key and the existing objects no record matched.
        """
        existing = {key_of_object(obj): obj for obj in (queryset or model.objects.all())}
        objects = {}
        for record in records:
            key = key_of_record(record)
            values = values_of(record)
            obj = existing.get(key)
            if obj is None:
                obj = model(**values)
                obj.save()
                self.counted.add((kind, obj.pk))
                self.report.created[kind] += 1
            else:
                changed = [name for name, value in values.items() if getattr(obj, name) != value]
                for name in changed:
                    setattr(obj, name, values[name])
                if changed:
                    obj.save()
                    self.report.updated[kind] += 1
                    self.touched.discard((kind, obj.pk))
                    self.counted.add((kind, obj.pk))  # already counted once
                else:
                    self.report.unchanged[kind] += 1
            objects[key] = obj
        stale = [obj for key, obj in existing.items() if key not in objects]
        self.report.missing[kind] = sorted(
            " ".join(map(str, key)) if isinstance(key, tuple) else str(key)
            for key in existing.keys() - objects.keys()
        )
        return objects, stale

    def set_m2m(self, kind, obj, name, targets):
        manager = getattr(obj, name)
        wanted = {target.pk for target in targets}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            self.mark_touched(kind, obj)

    def mark_touched(self, kind, obj):
        if (kind, obj.pk) not in self.counted:
            self.touched.add((kind, obj.pk))

    def count_touched(self):
        """Relation-only changes count as one update of the record that owns them."""
        for kind, _pk in self.touched:
            self.report.updated[kind] += 1
            self.report.unchanged[kind] -= 1


def load_content(directory: Path | str, *, prune: bool = False) -> LoadReport:
    """Validate everything in `directory`, then write it in one transaction."""
    content = read_content(directory)
    report = LoadReport()
    with transaction.atomic():
        _write(content, report, prune)
    return report


def _write(content: Content, report: LoadReport, prune: bool) -> None:
    writer = _Writer(report)
    stale: dict[str, list] = {}
    records = content.records

    organizations = {o.slug: o for o in Organization.objects.all()}
    if "organizations" in content.present:
        organizations, stale["organizations"] = writer.sync(
            "organizations",
            Organization,
            records["organizations"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: r.model_dump(),
        )

    skills = {s.slug: s for s in Skill.objects.all()}
    if "skills" in content.present:
        skills, stale["skills"] = writer.sync(
            "skills",
            Skill,
            records["skills"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: r.model_dump(),
        )

    roles = {r.slug: r for r in Role.objects.all()}
    if "roles" in content.present:
        roles, stale["roles"] = writer.sync(
            "roles", Role, records["roles"], lambda r: r.slug, lambda o: o.slug, _role_values
        )
        current_skills = defaultdict(dict)
        for rs in RoleSkill.objects.all():
            current_skills[rs.role_id][rs.skill_id] = rs.level
        for record in records["roles"]:
            role = roles[record.slug]
            writer.set_m2m("roles", role, "reports_to", [roles[s] for s in record.reports_to])
            writer.set_m2m("roles", role, "leads_to", [roles[s] for s in record.leads_to])
            wanted = {skills[s].pk: level for s, level in record.skills.items()}
            if current_skills[role.pk] != wanted:
                RoleSkill.objects.filter(role=role).delete()
                RoleSkill.objects.bulk_create(
                    RoleSkill(role=role, skill_id=pk, level=level) for pk, level in wanted.items()
                )
                writer.mark_touched("roles", role)

    if "salaries" in content.present:
        _, stale["salaries"] = writer.sync(
            "salaries",
            SalaryFigure,
            records["salaries"],
            lambda r: (r.role, r.occupation_code, r.statistic, r.source_name, r.reference_year),
            lambda o: (
                o.role.slug,
                o.occupation_code,
                o.statistic,
                o.source_name,
                o.reference_year,
            ),
            lambda r: {
                **r.model_dump(exclude={"role"}),
                "role": roles[r.role],
                "source_url": r.source_url or "",
            },
            queryset=SalaryFigure.objects.select_related("role"),
        )

    if "projections" in content.present:
        _, stale["projections"] = writer.sync(
            "projections",
            EmploymentProjection,
            records["projections"],
            lambda r: (r.occupation_code, r.start_year, r.end_year),
            lambda o: (o.occupation_code, o.start_year, o.end_year),
            lambda r: {
                **r.model_dump(),
                "source_url": r.source_url or "",
                "growth_percent": _decimal(r.growth_percent),
            },
        )

    certifications = {c.slug: c for c in Certification.objects.all()}
    if "certifications" in content.present:
        certifications, stale["certifications"] = writer.sync(
            "certifications",
            Certification,
            records["certifications"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: _certification_values(r, organizations),
        )
        for record in records["certifications"]:
            writer.set_m2m(
                "certifications",
                certifications[record.slug],
                "roles",
                [roles[s] for s in record.roles],
            )

    guides = {g.slug: g for g in Guide.objects.all()}
    if "guides" in content.present:
        guides, stale["guides"] = writer.sync(
            "guides",
            Guide,
            records["guides"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: r.model_dump(exclude={"roles", "certifications"}),
        )
        for record in records["guides"]:
            guide = guides[record.slug]
            writer.set_m2m("guides", guide, "roles", [roles[s] for s in record.roles])
            writer.set_m2m(
                "guides",
                guide,
                "certifications",
                [certifications[s] for s in record.certifications],
            )

    if "faqs" in content.present:
        faqs, stale["faqs"] = writer.sync(
            "faqs",
            FAQ,
            records["faqs"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: r.model_dump(exclude={"roles", "guides"}),
        )
        for record in records["faqs"]:
            faq = faqs[record.slug]
            writer.set_m2m("faqs", faq, "roles", [roles[s] for s in record.roles])
            writer.set_m2m("faqs", faq, "guides", [guides[s] for s in record.guides])

    if "synonyms" in content.present:
        _, stale["synonyms"] = writer.sync(
            "synonyms",
            Synonym,
            records["synonyms"],
            lambda r: r.slug,
            lambda o: o.slug,
            lambda r: r.model_dump(),
        )

    writer.count_touched()

    if prune:
        for kind in [
            "synonyms",
            "faqs",
            "guides",
            "certifications",
            "organizations",
            "projections",
            "salaries",
            "roles",
            "skills",
        ]:
            for obj in stale.get(kind, []):
                obj.delete()
                report.deleted[kind] += 1
            if report.deleted[kind]:
                report.missing[kind] = []


def _decimal(value: float):
    return Decimal(str(value)).quantize(Decimal("0.1"))


def _role_values(record: RoleRecord) -> dict:
    data = record.model_dump(mode="json", exclude_none=True)
    focus = data.pop("focus")
    for name in ("reports_to", "leads_to", "skills"):
        data.pop(name)
    return {**data, **{f"focus_{industry}": text for industry, text in focus.items()}}


def _certification_values(record: CertificationRecord, organizations) -> dict:
    data = record.model_dump(mode="json", exclude_none=True)
    exam, cost = data.pop("exam"), data.pop("cost")
    data.pop("roles")
    data["issuer"] = organizations[data.pop("issuer")]
    data["verified_on"] = record.verified_on
    return {
        **data,
        "exam_parts": exam.get("parts"),
        "exam_questions": exam.get("questions"),
        "exam_minutes": exam.get("minutes"),
        "exam_format": exam.get("format", ""),
        "cost_member": cost.get("member"),
        "cost_nonmember": cost.get("nonmember"),
        "currency": cost.get("currency", "USD"),
        "cost_note": cost.get("note", ""),
        "validity_years": record.validity_years,
    }


# --- exporting -----------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def export_content(directory: Path | str) -> list[Path]:
    """Write the database out as content files in `directory`; return the paths written."""
    directory = Path(directory)
    (directory / GUIDES_DIR).mkdir(parents=True, exist_ok=True)
    written = []

    def write(name, records):
        path = directory / name
        path.write_text(_dump(records), encoding="utf-8")
        written.append(path)

    write(
        "organizations.yaml",
        [
            OrganizationRecord.model_validate(
                {f: getattr(o, f) for f in OrganizationRecord.model_fields}
            ).model_dump(mode="json")
            for o in Organization.objects.order_by("slug")
        ],
    )
    write(
        "skills.yaml",
        [
            SkillRecord.model_validate(
                {f: getattr(s, f) for f in SkillRecord.model_fields}
            ).model_dump(mode="json")
            for s in Skill.objects.order_by("slug")
        ],
    )
    role_qs = Role.objects.order_by("rank", "slug").prefetch_related(
        "reports_to", "leads_to", "role_skills__skill"
    )
    write(
        "roles.yaml", [_role_record(r).model_dump(mode="json", exclude_none=True) for r in role_qs]
    )
    write(
        "salaries.yaml",
        [
            _salary_record(f).model_dump(mode="json", exclude_none=True)
            for f in SalaryFigure.objects.select_related("role").order_by(
                "role__rank",
                "role__slug",
                "occupation_code",
                "-reference_year",
                "source_name",
                "statistic",
            )
        ],
    )
    write(
        "projections.yaml",
        [
            ProjectionRecord.model_validate(
                {
                    **{f: getattr(p, f) for f in ProjectionRecord.model_fields},
                    "growth_percent": float(p.growth_percent),
                    "source_url": p.source_url or None,
                }
            ).model_dump(mode="json", exclude_none=True)
            for p in EmploymentProjection.objects.order_by("occupation_code", "start_year")
        ],
    )
    write(
        "certifications.yaml",
        [
            _certification_record(c).model_dump(mode="json", exclude_none=False)
            for c in Certification.objects.select_related("issuer")
            .prefetch_related("roles")
            .order_by("slug")
        ],
    )
    write(
        "faqs.yaml",
        [
            FAQRecord.model_validate(
                {
                    **{
                        f: getattr(q, f)
                        for f in FAQRecord.model_fields
                        if f not in ("roles", "guides")
                    },
                    "roles": sorted(r.slug for r in q.roles.all()),
                    "guides": sorted(g.slug for g in q.guides.all()),
                }
            ).model_dump(mode="json")
            for q in FAQ.objects.prefetch_related("roles", "guides").order_by(
                "category", "order", "slug"
            )
        ],
    )
    write(
        "synonyms.yaml",
        [synonym_record(s).model_dump(mode="json") for s in Synonym.objects.order_by("slug")],
    )
    guide_dir = directory / GUIDES_DIR
    for guide in Guide.objects.prefetch_related("roles", "certifications").order_by("slug"):
        metadata = {
            "title": guide.title,
            "summary": guide.summary,
            "roles": sorted(r.slug for r in guide.roles.all()),
            "certifications": sorted(c.slug for c in guide.certifications.all()),
            "published": guide.published,
            "updated": guide.updated,
        }
        path = guide_dir / f"{guide.slug}.md"
        path.write_text(
            "---\n"
            + yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)
            + "---\n"
            + guide.body.rstrip("\n")
            + "\n",
            encoding="utf-8",
        )
        written.append(path)
    return written


def _role_record(role: Role) -> RoleRecord:
    return RoleRecord.model_validate(
        {
            **{
                f: getattr(role, f)
                for f in RoleRecord.model_fields
                if f not in ("focus", "reports_to", "leads_to", "skills")
            },
            "focus": {i: role.focus_in(i) for i in ("manufacturing", "services", "technology")},
            "reports_to": sorted(r.slug for r in role.reports_to.all()),
            "leads_to": sorted(r.slug for r in role.leads_to.all()),
            "skills": {
                rs.skill.slug: rs.level
                for rs in sorted(role.role_skills.all(), key=lambda rs: rs.skill.slug)
            },
        }
    )


def _salary_record(figure: SalaryFigure) -> SalaryRecord:
    return SalaryRecord.model_validate(
        {
            **{f: getattr(figure, f) for f in SalaryRecord.model_fields if f != "role"},
            "role": figure.role.slug,
            "amount": int(figure.amount),
            "source_url": figure.source_url or None,
        }
    )


def _certification_record(cert: Certification) -> CertificationRecord:
    return CertificationRecord.model_validate(
        {
            **{
                f: getattr(cert, f)
                for f in CertificationRecord.model_fields
                if f not in ("issuer", "exam", "cost", "roles")
            },
            "issuer": cert.issuer.slug,
            "exam": {
                "parts": cert.exam_parts,
                "questions": cert.exam_questions,
                "minutes": cert.exam_minutes,
                "format": cert.exam_format,
            },
            "cost": {
                "member": _int_or_none(cert.cost_member),
                "nonmember": _int_or_none(cert.cost_nonmember),
                "currency": cert.currency,
                "note": cert.cost_note,
            },
            "roles": sorted(r.slug for r in cert.roles.all()),
        }
    )


def _int_or_none(value):
    return None if value is None else int(value)
