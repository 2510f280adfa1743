"""Schemas of fixtures/organizations.yaml and fixtures/certifications.yaml."""

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from roles.content import OptionalText, Record, Slug, Source, Text, TierName, Url

from .models import Focus


class OrganizationRecord(Record):
    slug: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
    abbreviation: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
    ]
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
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    note: OptionalText = ""


class CertificationRecord(Record):
    slug: Slug
    acronym: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    issuer: Slug
    focus: Literal[tuple(Focus.values)]  # type: ignore[valid-type]
    audience: Text
    eligibility: Text
    exam: Exam
    cost: Cost
    validity_years: Annotated[int, Field(gt=0, le=100)] | None = None
    renewal: Text
    tiers: list[TierName] = Field(min_length=1)
    roles: list[Slug] = []
    skills: list[Slug] = []  # the skills it develops
    official_url: Url
    verified_on: date
    sources: list[Source] = Field(min_length=1)
    unverified: OptionalText = ""
