"""Schema of fixtures/starting_points.yaml: where people come from before the ladder."""

from typing import Annotated

from pydantic import StringConstraints

from roles.content import Level, Record, Slug, Text


class StartingPointRecord(Record):
    slug: Slug
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    description: Text
    enters_at: Slug  # the role such a person usually joins the ladder at
    skills: dict[Slug, Level] = {}  # typical levels such a person brings
