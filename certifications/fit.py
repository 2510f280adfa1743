"""The fit finder's rule: how well each certification fits a person, from their tier and
where they want to grow, best first, each with the facts behind it."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import TextChoices

from roles.models import TIER_ORDER, Tier

from .facts import summary_line
from .models import Certification, Focus


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
OPEN_TO_NEWCOMERS = 1  # at entry level, no experience asked
ONE_EXAM = 1
LIFETIME = 1


@dataclass(frozen=True)
class Fit:
    certification: Certification
    score: int
    reason: str


def tier_points(tier: str, tiers: list[str]) -> int:
    """Full points when it suits the tier, a little when it suits a neighbouring tier."""
    if tier in tiers:
        return TIER_POINTS["suits"]
    position = TIER_ORDER.index(tier)
    neighbours = TIER_ORDER[max(position - 1, 0) : position + 2]
    return TIER_POINTS["next to"] if any(t in tiers for t in neighbours) else 0


def experience_points(cert: Certification, *, tier: str, tier_years: dict[str, int]) -> int:
    years = cert.min_experience_years
    if years:
        return EXPERIENCE_SHORT if years > tier_years.get(tier, 0) else EXPERIENCE_MET
    if years == 0 and tier == Tier.ENTRY:
        return OPEN_TO_NEWCOMERS
    return 0


def fit_score(cert: Certification, *, tier: str, grow: str, tier_years: dict[str, int]) -> int:
    """How well a certification fits a person at `tier` who wants to grow in `grow`."""
    score = FOCUS_POINTS * FOCUS_WEIGHT[grow].get(cert.focus, 0)
    score += tier_points(tier, cert.tiers)
    score += experience_points(cert, tier=tier, tier_years=tier_years)
    if cert.exam_parts == 1:
        score += ONE_EXAM
    if cert.lifetime:
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
    return [Fit(cert, score, summary_line(cert)) for score, cert in scored]
