"""The certifications app's content files: fixtures/organizations.yaml and
fixtures/certifications.yaml, their schemas and how their records map to the database."""

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from common.content import (
    Currency,
    Name,
    OptionalText,
    Record,
    Slug,
    Source,
    Text,
    Url,
    sources_as_stored,
)
from common.content_kind import ContentKind, IndexEntry
from common.synthetic import clone, copies_of, link_copies
from roles.content import TierName
from roles.models import Tier

from .models import Certification, Focus, Organization
from .sitemaps import CertificationSitemap


class OrganizationRecord(Record):
    slug: Slug
    name: Name(160)
    abbreviation: Name(20)
    url: Url
    description: Text


class Exam(Record):
    parts: Annotated[int, Field(gt=0)] | None = None
    questions: Annotated[int, Field(gt=0)] | None = None
    minutes: Annotated[int, Field(gt=0)] | None = None
    format: OptionalText = ""


class Cost(Record):
    member: Annotated[int, Field(ge=0)] | None = None
    nonmember: Annotated[int, Field(ge=0)] | None = None
    currency: Currency = "USD"
    note: OptionalText = ""
    total: Annotated[int, Field(ge=0)] | None = None
    total_note: OptionalText = ""


class CertificationRecord(Record):
    slug: Slug
    acronym: Name(20)
    name: Name(200)
    issuer: Slug
    focus: Literal[tuple(Focus.values)]  # type: ignore[valid-type]
    audience: Text
    eligibility: Text
    min_experience_years: Annotated[int, Field(ge=0, le=40)] | None = None
    no_prerequisite: bool = False
    exam: Exam
    cost: Cost
    validity_years: Annotated[int, Field(gt=0, le=100)] | None = None
    lifetime: bool = False
    renewal: Text
    tiers: list[TierName] = Field(min_length=1)
    roles: list[Slug] = []
    official_url: Url
    verified_on: date
    sources: list[Source] = Field(min_length=1)
    unverified: OptionalText = ""
    study_hours: OptionalText = ""
    pass_rate: OptionalText = ""
    editor_notes: OptionalText = ""

    @model_validator(mode="after")
    def facts_agree(self):
        if self.lifetime and self.validity_years is not None:
            raise ValueError("validity_years: a lifetime credential has no validity period")
        if self.no_prerequisite and self.min_experience_years != 0:
            raise ValueError(
                "min_experience_years: with no formal prerequisite, the experience asked is 0"
            )
        return self


class Organizations(ContentKind):
    name, noun, file = "organizations", "organisation", "organizations.yaml"
    schema, model = OrganizationRecord, Organization

    def export_records(self):
        return [
            OrganizationRecord.model_validate(
                {f: getattr(o, f) for f in OrganizationRecord.model_fields}
            ).model_dump(mode="json")
            for o in Organization.objects.order_by("slug")
        ]


_EXAM = {"parts": "exam_parts", "questions": "exam_questions", "minutes": "exam_minutes"}
_COST = {
    "member": "cost_member",
    "nonmember": "cost_nonmember",
    "currency": "currency",
    "total": "cost_total",
}


class Certifications(ContentKind):
    name, noun, file = "certifications", "certification", "certifications.yaml"
    schema, model = CertificationRecord, Certification
    search_label = "Certifications"
    sitemap = CertificationSitemap

    def references(self, record):
        return [("issuer", "organizations", [record.issuer]), ("roles", "roles", record.roles)]

    def values(self, record, resolved):
        data = record.model_dump(mode="json", exclude={"exam", "cost", "roles", "tiers"})
        data["issuer"] = resolved["organizations"][record.issuer]
        data["verified_on"] = record.verified_on
        data["sources"] = sources_as_stored(record.sources)
        exam, cost = record.exam, record.cost
        return {
            **data,
            **{column: getattr(exam, name) for name, column in _EXAM.items()},
            "exam_format": exam.format,
            **{column: getattr(cost, name) for name, column in _COST.items()},
            "cost_note": cost.note,
            "cost_total_note": cost.total_note,
            **{f"suits_{tier}": tier in record.tiers for tier in Tier.values},
        }

    def relate(self, records, objects, resolved, writer):
        for record in records:
            roles = [resolved["roles"][s] for s in record.roles]
            writer.set_m2m(self, objects[record.slug], "roles", roles)

    def export_records(self):
        certifications = (
            Certification.objects.select_related("issuer")
            .prefetch_related("roles")
            .order_by("slug")
        )
        return [self._record(c).model_dump(mode="json") for c in certifications]

    @staticmethod
    def _record(cert: Certification) -> CertificationRecord:
        skip = {"issuer", "exam", "cost", "roles", "tiers"}
        return CertificationRecord.model_validate(
            {
                **{f: getattr(cert, f) for f in CertificationRecord.model_fields if f not in skip},
                "issuer": cert.issuer.slug,
                "exam": {
                    **{name: getattr(cert, column) for name, column in _EXAM.items()},
                    "format": cert.exam_format,
                },
                "cost": {
                    **{name: _whole(getattr(cert, column)) for name, column in _COST.items()},
                    "note": cert.cost_note,
                    "total_note": cert.cost_total_note,
                },
                "tiers": cert.tiers,
                "roles": sorted(r.slug for r in cert.roles.all()),
            }
        )

    def search_entries(self):
        for cert in Certification.objects.select_related("issuer"):
            issuer = cert.issuer
            yield IndexEntry(
                slug=cert.slug,
                title=f"{cert.acronym} – {cert.name}",
                summary=f"{cert.get_focus_display()}. {cert.audience}",
                body=" ".join(
                    [issuer.name, issuer.abbreviation, cert.eligibility, cert.renewal]
                    + [cert.exam_format]
                ),
                url=cert.get_absolute_url(),
            )

    def originals(self, copy_slug):
        return list(Certification.objects.exclude(slug__regex=copy_slug).prefetch_related("roles"))

    def synthesize(self, i, originals, copies):
        new = copies_of(
            originals,
            lambda c: clone(
                c, acronym=f"{c.acronym}{i}"[:20], name=f"{c.name} {i}", slug=f"{c.slug}-x{i}"
            ),
        )
        link_copies(Certification, "roles", originals, new, copies["roles"], keep_original=True)
        return new


def _whole(value):
    """Money is stored as a decimal with no places and written to the files as a whole number."""
    return int(value) if value is not None and not isinstance(value, str) else value


ORGANIZATIONS = Organizations()
CERTIFICATIONS = Certifications()
