"""The comparison of certifications side by side: which rows it has and which differ."""

import json
from collections.abc import Callable
from dataclasses import dataclass

from roles.models import Tier

from .models import Certification

MAX_COMPARED = 4
MIN_COMPARED = 2


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    differs: bool
    cells: str = ""  # the row's cells as stored rendered (stored_parts.py), when they are


# What each row shows, as comparable values: a row differs when any two columns differ.
ROWS: list[tuple[str, str, Callable[[Certification], object]]] = [
    ("issuer", "Issuer", lambda c: c.issuer_id),
    ("focus", "Focus", lambda c: c.focus),
    ("audience", "Who it is for", lambda c: c.audience.strip()),
    ("eligibility", "Eligibility", lambda c: c.eligibility.strip()),
    (
        "exam",
        "Exam",
        lambda c: (c.exam_parts, c.exam_questions, c.exam_minutes, c.exam_format.strip()),
    ),
    ("cost", "Cost", lambda c: (c.cost_member, c.cost_nonmember, c.currency, c.cost_note.strip())),
    ("renewal", "Validity and renewal", lambda c: (c.validity_years, c.renewal.strip())),
    ("tiers", "Tiers it suits", lambda c: tuple(t for t in Tier.values if t in c.tiers)),
    ("roles", "Roles it suits", lambda c: tuple(r.pk for r in c.roles.all())),
]


def compared_values(cert: Certification) -> dict[str, str]:
    """What each row shows of `cert`, as text that is equal exactly when the values are (so it
    can be stored with the certification and compared without loading it)."""
    return {key: json.dumps(value(cert), default=str) for key, _, value in ROWS}


def comparison_rows(certifications: list[Certification], *, differences_only=False):
    return rows_differing([compared_values(c) for c in certifications], differences_only)


def rows_differing(values: list[dict[str, str]], differences_only=False) -> list[ComparisonRow]:
    """The rows for certifications whose `compared_values` these are: a row differs when any
    two columns differ."""
    rows = [
        ComparisonRow(key, label, len({column[key] for column in values}) > 1)
        for key, label, _ in ROWS
    ]
    return [row for row in rows if row.differs] if differences_only else rows
