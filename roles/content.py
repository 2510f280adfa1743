"""Schemas of the roles content files (fixtures/roles.yaml, skills.yaml, salaries.yaml,
projections.yaml), and the small field types the other apps' schemas share."""

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .models import CodeMatch, Industry, SkillKind, Statistic, Tier


def _date_to_text(value):
    # YAML reads 2026-05 as text but 2026-05-01 as a date; both mean "when".
    return value.isoformat() if isinstance(value, date) else value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=300)]
DateText = Annotated[str, BeforeValidator(_date_to_text), StringConstraints(min_length=4)]
OccupationCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}(\.\d{2})?$")]

LEVEL_NUMBERS = (1, 2, 3, 4, 5)
Level = Annotated[int, Field(ge=1, le=5)]

TierName = Literal[tuple(Tier.values)]  # type: ignore[valid-type]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    title: Text
    url: Url | None = None
    date: DateText


class SkillRecord(Record):
    slug: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
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


class RoleRecord(Record):
    slug: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    tier: TierName
    rank: Annotated[int, Field(ge=1, le=50)]
    headline: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
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

    @model_validator(mode="after")
    def years_in_order(self):
        if self.years_max < self.years_min:
            raise ValueError("years_max must not be below years_min")
        if self.slug in self.leads_to:
            raise ValueError("leads_to: a role cannot lead to itself")
        if self.slug in self.reports_to:
            raise ValueError("reports_to: a role cannot report to itself")
        return self


class SalaryRecord(Record):
    role: Slug
    occupation_code: OccupationCode
    occupation_title: Text
    code_match: Literal[tuple(CodeMatch.values)]  # type: ignore[valid-type]
    code_note: OptionalText = ""
    statistic: Literal[tuple(Statistic.values)]  # type: ignore[valid-type]
    amount: Annotated[int, Field(ge=0)]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    region: Text = "United States"
    source_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    source_url: Url | None = None
    reference_year: Annotated[int, Field(ge=1990, le=2100)]
    verified: bool
    note: OptionalText = ""

    @model_validator(mode="after")
    def proxy_needs_a_reason(self):
        if self.code_match == CodeMatch.PROXY and not self.code_note:
            raise ValueError("code_note: say why a proxy occupation code stands in for the role")
        return self

    @property
    def key(self) -> str:
        return (
            f"{self.role} {self.occupation_code} {self.statistic} {self.reference_year} "
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
    note: OptionalText = ""

    @model_validator(mode="after")
    def period_in_order(self):
        if self.end_year <= self.start_year:
            raise ValueError("end_year must be after start_year")
        return self

    @property
    def key(self) -> str:
        return f"{self.occupation_code} {self.start_year}-{self.end_year}"
