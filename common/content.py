"""The small field types every content schema shares, and the base of a content record."""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints


def _date_to_text(value):
    # YAML reads 2026-05 as text but 2026-05-01 as a date; both mean "when".
    return value.isoformat() if isinstance(value, date) else value


def Name(max_length: int):  # noqa: N802 - reads as a type in a schema
    """A required one-line text of at most `max_length` characters."""
    return Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)
    ]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=300)]
DateText = Annotated[str, BeforeValidator(_date_to_text), StringConstraints(min_length=4)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class Record(BaseModel):
    """One record of a content file: unknown fields are refused, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    title: Text
    url: Url | None = None
    date: DateText


def sources_as_stored(sources: list[Source]) -> list[dict]:
    """Sources as the database keeps them: what the content files write, no empty fields."""
    return [source.model_dump(mode="json", exclude_none=True) for source in sources]
