"""A plan as JSON to take away (`/plan/<token>/plan.json`) and to bring back (the import on
`/plan/`): the pydantic schema both sides use, and the check of its slugs against the content."""

import json
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from roles.content import Level, Slug

from .models import ActionStatus
from .selectors import Catalog, PlanInput

FORMAT = "careerpath-plan"
MAX_BYTES = 64 * 1024


class PlanDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["careerpath-plan"]
    format_version: Literal[1]
    current_role: Slug | None = None
    starting_point: Slug | None = None
    target_role: Slug
    years: Annotated[int, Field(ge=0, le=60)] = 0
    certifications: Annotated[list[Slug], Field(max_length=100)] = []
    ratings: Annotated[dict[Slug, Level], Field(max_length=500)] = {}
    action_status: Annotated[
        dict[Slug, Literal[tuple(ActionStatus.values)]],  # type: ignore[valid-type]
        Field(max_length=500),
    ] = {}
    exported: datetime | None = None

    @model_validator(mode="after")
    def starts_in_one_place(self):
        if bool(self.current_role) == bool(self.starting_point):
            raise ValueError("current_role: give either current_role or starting_point")
        return self


def export_document(plan) -> dict:
    data = PlanInput.of(plan)
    return PlanDocument(
        format=FORMAT,
        format_version=1,
        current_role=data.current_role or None,
        starting_point=data.starting_point or None,
        target_role=data.target_role,
        years=data.years,
        certifications=data.certifications,
        ratings=data.ratings,
        action_status=data.action_status,
        exported=plan.updated,
    ).model_dump(mode="json")


class ImportRefused(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def read_document(raw: bytes, found: Catalog) -> PlanInput:
    """Parse and check an uploaded or pasted plan; every error names its field."""
    if len(raw) > MAX_BYTES:
        raise ImportRefused([f"The file is larger than {MAX_BYTES // 1024} KB."])
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRefused([f"This is not valid JSON: {exc}."]) from exc
    try:
        doc = PlanDocument.model_validate(payload)
    except ValidationError as exc:
        raise ImportRefused([_message(e) for e in exc.errors()]) from exc
    errors = []
    if doc.current_role and doc.current_role not in found.graph:
        errors.append(f"current_role: unknown role “{doc.current_role}”")
    if doc.starting_point and doc.starting_point not in found.starting_points:
        errors.append(f"starting_point: unknown starting point “{doc.starting_point}”")
    if doc.target_role not in found.graph:
        errors.append(f"target_role: unknown role “{doc.target_role}”")
    errors += [
        f"certifications: unknown certification “{s}”"
        for s in doc.certifications
        if s not in found.certifications
    ]
    errors += [f"ratings.{s}: unknown skill" for s in doc.ratings if s not in found.skills]
    errors += [
        f"action_status.{s}: unknown skill" for s in doc.action_status if s not in found.skills
    ]
    if errors:
        raise ImportRefused(errors)
    return PlanInput(
        current_role=doc.current_role or "",
        starting_point=doc.starting_point or "",
        target_role=doc.target_role,
        years=doc.years,
        certifications=list(dict.fromkeys(doc.certifications)),
        ratings=dict(doc.ratings),
        action_status=dict(doc.action_status),
    )


def _message(error) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "plan"
    message = error["msg"].removeprefix("Value error, ")
    first, sep, rest = message.partition(": ")
    if sep and where == "plan" and " " not in first:
        where, message = first, rest
    message = message.replace("Input should be", "must be")
    message = {
        "Field required": "is required",
        "Extra inputs are not permitted": "is not a field of a plan",
    }.get(message, message)
    return f"{where}: {message}"
