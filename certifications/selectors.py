"""Every query the certification pages make, each in a fixed number of queries whatever the
amount of content, and the read-side logic built on them: the comparison rows and the fit
finder's ranking."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Min, Prefetch, QuerySet, TextChoices, prefetch_related_objects

from roles.models import TIER_ORDER, Role, Tier

from .models import Certification, Focus, Organization

# Queries ---------------------------------------------------------------------------------------


def _roles_in_ladder_order() -> Prefetch:
    return Prefetch("roles", queryset=Role.objects.order_by("rank", "title"))


def catalogue() -> list[Certification]:
    """Every certification with its issuer, in one query."""
    return list(Certification.objects.select_related("issuer").order_by("acronym", "slug"))


def profiles() -> QuerySet[Certification]:
    """Certifications ready for a detail page: issuer joined, roles prefetched."""
    return Certification.objects.select_related("issuer").prefetch_related(_roles_in_ladder_order())


def compare_options(exclude: Certification) -> list[Certification]:
    """The other certifications, for a "compare with…" choice."""
    return list(
        Certification.objects.exclude(pk=exclude.pk)
        .only("slug", "acronym", "name", "focus")
        .order_by("acronym", "slug")
    )


def with_roles(certifications: list[Certification]) -> list[Certification]:
    """Prefetch the roles of already-loaded certifications (one query)."""
    prefetch_related_objects(certifications, _roles_in_ladder_order())
    return certifications


def typical_experience() -> dict[str, int]:
    """Years of experience the roles of each tier start from, e.g. {"mid": 5}."""
    rows = Role.objects.values("tier").annotate(years=Min("years_min")).order_by()
    return {row["tier"]: row["years"] for row in rows}


# The catalogue ---------------------------------------------------------------------------------


def issuers(certifications: Iterable[Certification]) -> list[Organization]:
    """The organisations that award at least one of these certifications."""
    return sorted({c.issuer for c in certifications}, key=lambda org: org.abbreviation)


def filter_catalogue(
    certifications: Iterable[Certification], *, focus: str = "", suits: str = "", issuer: str = ""
) -> list[Certification]:
    # Filtered in Python: tiers is a JSON list, and SQLite cannot look inside one portably.
    return [
        c
        for c in certifications
        if (not focus or c.focus == focus)
        and (not suits or suits in c.tiers)
        and (not issuer or c.issuer.slug == issuer)
    ]


# Facts read from a certification ---------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_EXPERIENCE = re.compile(
    r"\b(\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(?:or more\s+)?(years?|months)\s+of\b", re.I
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def experience_years(eligibility: str) -> int | None:
    """The fewest years of experience the main eligibility sentence asks for, if any.

    Only the first sentence counts: it states the routes to the exam, while later sentences
    add detail for other levels or notes (SME's Gold level, PMP's "within the last eight years").
    """
    first = _SENTENCE_END.split(eligibility.strip(), maxsplit=1)[0]
    years = []
    for number, unit in _EXPERIENCE.findall(first):
        value = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
        years.append(value / 12 if unit.lower() == "months" else value)
    return round(min(years)) if years else None


def no_prerequisite(eligibility: str) -> bool:
    text = eligibility.strip().lower()
    return text.startswith("no formal prerequisite") or text.startswith("no prerequisite")


def no_experience_needed(eligibility: str) -> bool:
    return bool(re.search(r"\bno (?:\w+ )?experience is required", eligibility, re.I))


_LIFETIME = re.compile(r"^\s*lifetime\b|\bno recertification\b", re.I)


def is_lifetime(cert: Certification) -> bool:
    """No expiry and the renewal text says so: an empty validity can also mean "not known"
    (SME: "not a lifetime credential, but its cycle ... could not be confirmed")."""
    return cert.validity_years is None and bool(_LIFETIME.search(cert.renewal))


def validity(cert: Certification) -> str:
    if cert.validity_years:
        return f"Valid for {cert.validity_years} year{'s' if cert.validity_years != 1 else ''}"
    if is_lifetime(cert):
        return "Lifetime: it does not expire"
    return "Validity period not published"


# The comparison --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    differs: bool


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


def comparison_rows(certifications: list[Certification], *, differences_only=False):
    rows = [
        ComparisonRow(key, label, len({value(c) for c in certifications}) > 1)
        for key, label, value in ROWS
    ]
    return [row for row in rows if row.differs] if differences_only else rows


# The fit finder --------------------------------------------------------------------------------


class Growth(TextChoices):
    """Where a person wants to grow, as asked by the fit finder."""

    PRODUCTION_FLOOR = "production-floor", "The production floor"
    SUPPLY_CHAIN = "supply-chain", "The end-to-end supply chain"
    IMPROVEMENT_PROJECTS = "improvement-projects", "Leading improvement projects"
    RUNNING_PROJECTS = "running-projects", "Running projects"


# How well each focus serves each growth area, from 0 (not at all) to 3 (directly).
FOCUS_WEIGHT = {
    Growth.PRODUCTION_FLOOR: {
        Focus.PLANNING_INVENTORY: 3,
        Focus.PROCESS_IMPROVEMENT: 2,
        Focus.SUPPLY_CHAIN: 1,
        Focus.GENERAL_MANAGEMENT: 1,
    },
    Growth.SUPPLY_CHAIN: {
        Focus.SUPPLY_CHAIN: 3,
        Focus.PLANNING_INVENTORY: 2,
        Focus.PROCESS_IMPROVEMENT: 1,
    },
    Growth.IMPROVEMENT_PROJECTS: {
        Focus.PROCESS_IMPROVEMENT: 3,
        Focus.PROJECT_MANAGEMENT: 1,
        Focus.PLANNING_INVENTORY: 1,
    },
    Growth.RUNNING_PROJECTS: {
        Focus.PROJECT_MANAGEMENT: 3,
        Focus.PROCESS_IMPROVEMENT: 1,
        Focus.GENERAL_MANAGEMENT: 1,
    },
}
FOCUS_POINTS = 3  # per step of focus weight, so the growth area matters most
TIER_POINTS = {"suits": 3, "next to": 1}
EXPERIENCE_SHORT = -4  # asks for more years than roles at this tier start from
EXPERIENCE_MET = 1  # a demanding credential this person can already sit is worth more to them
OPEN_TO_NEWCOMERS = 1  # at entry level, no prerequisite or no experience needed
ONE_EXAM = 1
LIFETIME = 1

_SMALL_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Fit:
    certification: Certification
    score: int
    reason: str


def _tier_points(tier: str, tiers: list[str]) -> int:
    if tier in tiers:
        return TIER_POINTS["suits"]
    position = TIER_ORDER.index(tier)
    neighbours = TIER_ORDER[max(position - 1, 0) : position + 2]
    return TIER_POINTS["next to"] if any(t in tiers for t in neighbours) else 0


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def fit_reason(cert: Certification) -> str:
    """One line of facts: "Suits mid-level roles; one 150-question exam; no formal prerequisite"."""
    parts = [cert.get_focus_display()]
    tier_labels = [label.lower() for label in cert.tier_labels]
    if tier_labels:
        parts.append(f"suits {_and_list(tier_labels)} roles")
    if cert.exam_parts == 1:
        parts.append(
            f"one {cert.exam_questions}-question exam" if cert.exam_questions else "one exam"
        )
    elif cert.exam_parts:
        parts.append(f"{_SMALL_NUMBERS.get(cert.exam_parts, cert.exam_parts)} exams")
    years = experience_years(cert.eligibility)
    if years:
        parts.append(f"asks for experience (from {years} year{'s' if years != 1 else ''})")
    elif no_prerequisite(cert.eligibility):
        parts.append("no formal prerequisite")
    elif no_experience_needed(cert.eligibility):
        parts.append("no experience needed")
    if is_lifetime(cert):
        parts.append("lifetime credential")
    elif cert.validity_years:
        parts.append(f"renew every {cert.validity_years} years")
    return "; ".join(parts)


def fit_score(cert: Certification, *, tier: str, grow: str, tier_years: dict[str, int]) -> int:
    """How well a certification fits a person at `tier` who wants to grow in `grow`."""
    score = FOCUS_POINTS * FOCUS_WEIGHT[grow].get(cert.focus, 0)
    score += _tier_points(tier, cert.tiers)
    years = experience_years(cert.eligibility)
    if years is not None:
        score += EXPERIENCE_SHORT if years > tier_years.get(tier, 0) else EXPERIENCE_MET
    elif tier == Tier.ENTRY and (
        no_prerequisite(cert.eligibility) or no_experience_needed(cert.eligibility)
    ):
        score += OPEN_TO_NEWCOMERS
    if cert.exam_parts == 1:
        score += ONE_EXAM
    if is_lifetime(cert):
        score += LIFETIME
    return score


def rank_for(
    certifications: Iterable[Certification], *, tier: str, grow: str, tier_years: dict[str, int]
) -> list[Fit]:
    """Best fit first; ties go to the closer focus, then the acronym, so the order is stable."""
    scored = [
        (fit_score(c, tier=tier, grow=grow, tier_years=tier_years), c) for c in certifications
    ]
    scored.sort(
        key=lambda pair: (
            -pair[0],
            -FOCUS_WEIGHT[grow].get(pair[1].focus, 0),
            pair[1].acronym,
            pair[1].slug,
        )
    )
    return [Fit(cert, score, fit_reason(cert)) for score, cert in scored]
