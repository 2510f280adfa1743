"""The roles app's pay files, fixtures/salaries.yaml and projections.yaml: their schemas and how
their records map to the database."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from common.content import Currency, Name, OptionalText, Record, Slug, Text, Url
from common.content_kind import ContentError, ContentKind
from common.synthetic import clone

from .content import IndustryName, OccupationCode
from .models import CodeMatch, EmploymentProjection, SalaryFigure, Statistic
from .pay import misordered_percentiles


class SalaryRecord(Record):
    role: Slug
    occupation_code: OccupationCode
    occupation_title: Text
    code_match: Literal[tuple(CodeMatch.values)]  # type: ignore[valid-type]
    code_note: OptionalText = ""
    industry: IndustryName | Literal[""] = ""
    statistic: Literal[tuple(Statistic.values)]  # type: ignore[valid-type]
    amount: Annotated[int, Field(ge=0)]
    currency: Currency = "USD"
    region: Text = "United States"
    source_name: Name(200)
    source_url: Url | None = None
    reference_year: Annotated[int, Field(ge=1990, le=2100)]
    edition: OptionalText = ""
    verified: bool
    checked_on: date | None = None
    headline: bool = False
    rung_note: OptionalText = ""
    note: OptionalText = ""
    editor_notes: OptionalText = ""

    @model_validator(mode="after")
    def proxy_needs_a_reason(self):
        if self.code_match == CodeMatch.PROXY and not self.code_note:
            raise ValueError("code_note: say why a proxy occupation code stands in for the role")
        return self

    @property
    def key(self) -> str:
        where = f" {self.industry}" if self.industry else ""
        return (
            f"{self.role}{where} {self.occupation_code} {self.statistic} {self.reference_year} "
            f"({self.source_name})"
        )


class ProjectionRecord(Record):
    occupation_code: OccupationCode
    occupation_title: Text
    start_year: Annotated[int, Field(ge=1990, le=2100)]
    end_year: Annotated[int, Field(ge=1990, le=2100)]
    growth_percent: Annotated[float, Field(ge=-100, le=1000)]
    source_name: Text
    source_url: Url | None = None
    verified: bool
    checked_on: date | None = None
    note: OptionalText = ""
    editor_notes: OptionalText = ""

    @model_validator(mode="after")
    def period_in_order(self):
        if self.end_year <= self.start_year:
            raise ValueError("end_year must be after start_year")
        return self

    @property
    def key(self) -> str:
        return f"{self.occupation_code} {self.start_year}-{self.end_year}"


# --- how the records map to the database ---------------------------------------------------


def _series(figure) -> tuple:
    return (
        figure.role,
        figure.industry,
        figure.occupation_code,
        figure.source_name,
        figure.reference_year,
    )


class Salaries(ContentKind):
    name, noun, file = "salaries", "salary figure", "salaries.yaml"
    schema, model = SalaryRecord, SalaryFigure

    def label(self, raw, index):
        if isinstance(raw, dict):
            parts = [raw.get(k) for k in ("role", "occupation_code", "statistic", "reference_year")]
            if all(parts):
                if raw.get("industry"):
                    parts.insert(1, raw["industry"])
                return " ".join(str(p) for p in parts)
        return super().label(raw, index)

    def key(self, record):
        return (
            record.role,
            record.industry,
            record.occupation_code,
            record.statistic,
            record.source_name,
            record.reference_year,
        )

    def record_label(self, record):
        return record.key

    def references(self, record):
        return [("role", "roles", [record.role])]

    def check(self, records, file):
        errors = []
        for lower, higher in misordered_percentiles(records, _series):
            if lower.statistic == Statistic.RANGE_LOW:
                message = "the high end of the range is below the low end"
            else:
                message = (
                    f"{Statistic(higher.statistic).label} ({higher.amount:,}) is below "
                    f"{Statistic(lower.statistic).label} ({lower.amount:,})"
                )
            errors.append(ContentError(file, higher.key, "amount", message))
        return errors

    def queryset(self):
        return SalaryFigure.objects.select_related("role")

    def object_key(self, obj):
        return (
            obj.role.slug,
            obj.industry,
            obj.occupation_code,
            obj.statistic,
            obj.source_name,
            obj.reference_year,
        )

    def values(self, record, resolved):
        return {
            **record.model_dump(exclude={"role"}),
            "role": resolved["roles"][record.role],
            "source_url": record.source_url or "",
        }

    def export_records(self):
        figures = SalaryFigure.objects.select_related("role").order_by(
            "role__rank",
            "role__slug",
            "industry",
            "occupation_code",
            "-reference_year",
            "source_name",
            "statistic",
        )
        return [
            SalaryRecord.model_validate(
                {
                    **{f: getattr(figure, f) for f in SalaryRecord.model_fields if f != "role"},
                    "role": figure.role.slug,
                    "amount": int(figure.amount),
                    "source_url": figure.source_url or None,
                }
            ).model_dump(mode="json", exclude_none=True)
            for figure in figures
        ]

    def originals(self, copy_slug):
        return list(SalaryFigure.objects.exclude(role__slug__regex=copy_slug))

    def synthesize(self, i, originals, copies):
        roles = copies["roles"]
        new = [clone(f, role_id=roles[f.role_id].pk) for f in originals]
        SalaryFigure.objects.bulk_create(new)
        return {f.pk: copy for f, copy in zip(originals, new, strict=True)}


class Projections(ContentKind):
    name, noun, file = "projections", "projection", "projections.yaml"
    schema, model = ProjectionRecord, EmploymentProjection

    def label(self, raw, index):
        if isinstance(raw, dict):
            parts = [raw.get(k) for k in ("occupation_code", "start_year", "end_year")]
            if all(parts):
                return f"{parts[0]} {parts[1]}-{parts[2]}"
        return super().label(raw, index)

    def key(self, record):
        return (record.occupation_code, record.start_year, record.end_year)

    def record_label(self, record):
        return record.key

    def object_key(self, obj):
        return (obj.occupation_code, obj.start_year, obj.end_year)

    def values(self, record, resolved):
        growth = Decimal(str(record.growth_percent)).quantize(Decimal("0.1"))
        return {
            **record.model_dump(),
            "source_url": record.source_url or "",
            "growth_percent": growth,
        }

    def export_records(self):
        return [
            ProjectionRecord.model_validate(
                {
                    **{f: getattr(p, f) for f in ProjectionRecord.model_fields},
                    "growth_percent": float(p.growth_percent),
                    "source_url": p.source_url or None,
                }
            ).model_dump(mode="json", exclude_none=True)
            for p in EmploymentProjection.objects.order_by("occupation_code", "start_year")
        ]


SALARIES = Salaries()
PROJECTIONS = Projections()
