"""Schemas of fixtures/faqs.yaml and the guides in fixtures/guides/<slug>.md."""

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from roles.content import Record, Slug, Text

from .models import FAQCategory


class FAQRecord(Record):
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
    question: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=250)]
    category: Literal[tuple(FAQCategory.values)]  # type: ignore[valid-type]
    order: Annotated[int, Field(ge=1, le=1000)] = 1
    answer: Text
    roles: list[Slug] = []
    guides: list[Slug] = []
    published: bool = True


class GuideRecord(Record):
    """Front matter plus body of one guide file; the slug is the file name."""

    slug: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    summary: Text
    roles: list[Slug] = []
    certifications: list[Slug] = []
    published: bool = True
    updated: date
    body: Text
