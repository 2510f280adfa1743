"""The fit finder's rule: how well each certification fits a person, from their tier, where
they want to grow, their years of experience and the role they aim at; what they can sit now
first, then when each of the others becomes possible, each with the facts behind it."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import TextChoices

from roles.models import TIER_ORDER, Tier

from .facts import and_list, summary_line
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
TOWARD_TARGET = 2  # suits the tier of the role the person aims at

# Where an industry changes what a focus is worth: in services there is little or no stock to
# plan (roles/industry versions lower Inventory Control and drop MRP there), so planning and
# inventory credentials count one step of focus less.
INDUSTRY_FOCUS_SHIFT = {
    "services": {Focus.PLANNING_INVENTORY: -1},
}
INDUSTRY_NOTES = {
    ("services", Focus.PLANNING_INVENTORY): "less used in services, where there is little stock",
}


# Every field the score, the readiness and the order read but the acronym and the slug, which
# only break ties: certifications alike in these fit every person alike, so the first few of
# each kind by acronym are all a ranking needs to read (selectors.catalogue_read).
DECIDED_BY = (
    "focus",
    *(f"suits_{tier}" for tier in TIER_ORDER),
    "min_experience_years",
    "exam_parts",
    "lifetime",
)


@dataclass(frozen=True)
class Fit:
    certification: Certification
    score: int
    reason: str
    now: bool = True  # the person can sit it now
    when: str = ""  # if not now, when it becomes possible
    toward_target: bool = False  # it suits the tier of the role they aim at


def typical_years(roles) -> dict[str, int]:
    """Years of experience the roles of each tier start from, e.g. {"mid": 5}."""
    years: dict[str, int] = {}
    for role in roles:
        years[role.tier] = min(years.get(role.tier, role.years_min), role.years_min)
    return years


def readiness(cert: Certification, *, tier: str, years: int) -> tuple[bool, str]:
    """Whether a person at `tier` with `years` of experience can sit it now, and if not, when
    it becomes possible: once they have the years it asks for, or as a later step once they
    reach the tiers it suits."""
    needed = cert.min_experience_years
    if needed and needed > years:
        wait = needed - years
        return False, (
            f"Possible in {wait} more year{'s' if wait != 1 else ''}: it asks for {needed} "
            f"year{'s' if needed != 1 else ''} of experience"
        )
    tiers = cert.tiers
    if tiers and all(TIER_ORDER.index(t) > TIER_ORDER.index(tier) for t in tiers):
        labels = [label.lower() for label in cert.tier_labels]
        return False, f"A later step: it suits {and_list(labels)} roles"
    return True, ""


def tier_points(tier: str, tiers: list[str]) -> int:
    """Full points when it suits the tier, a little when it suits a neighbouring tier."""
    if tier in tiers:
        return TIER_POINTS["suits"]
    position = TIER_ORDER.index(tier)
    neighbours = TIER_ORDER[max(position - 1, 0) : position + 2]
    return TIER_POINTS["next to"] if any(t in tiers for t in neighbours) else 0


def experience_points(
    cert: Certification, *, tier: str, tier_years: dict[str, int], have: int | None = None
) -> int:
    """Points for the experience it asks: `have` is the person's years, or by default the
    years roles at their tier start from."""
    years = cert.min_experience_years
    have = tier_years.get(tier, 0) if have is None else have
    if years:
        return EXPERIENCE_SHORT if years > have else EXPERIENCE_MET
    if years == 0 and tier == Tier.ENTRY:
        return OPEN_TO_NEWCOMERS
    return 0


def focus_weight(grow: str, focus: str, industry: str = "") -> int:
    """How well a focus serves a growth area, in steps, shifted where the industry says."""
    shift = INDUSTRY_FOCUS_SHIFT.get(industry, {}).get(focus, 0)
    return max(0, FOCUS_WEIGHT[grow].get(focus, 0) + shift)


def fit_score(
    cert: Certification,
    *,
    tier: str,
    grow: str,
    tier_years: dict[str, int],
    years: int | None = None,
    target_tier: str = "",
    industry: str = "",
) -> int:
    """How well a certification fits a person at `tier` who wants to grow in `grow` (with
    `years` of experience, aiming at a role of `target_tier`, in `industry`, when they say)."""
    score = FOCUS_POINTS * focus_weight(grow, cert.focus, industry)
    score += tier_points(tier, cert.tiers)
    score += experience_points(cert, tier=tier, tier_years=tier_years, have=years)
    if target_tier and target_tier in cert.tiers:
        score += TOWARD_TARGET
    if cert.exam_parts == 1:
        score += ONE_EXAM
    if cert.lifetime:
        score += LIFETIME
    return score


def rank_for(
    certifications: Iterable[Certification],
    *,
    tier: str,
    grow: str,
    tier_years: dict[str, int],
    years: int | None = None,
    target_tier: str = "",
    industry: str = "",
) -> list[Fit]:
    """What the person can sit now first, then the others; within each, best fit first; ties
    go to the closer focus, then the acronym, so the order is stable."""
    have = tier_years.get(tier, 0) if years is None else years
    fits = []
    for cert in certifications:
        score = fit_score(
            cert,
            tier=tier,
            grow=grow,
            tier_years=tier_years,
            years=years,
            target_tier=target_tier,
            industry=industry,
        )
        now, when = readiness(cert, tier=tier, years=have)
        toward = bool(target_tier) and target_tier in cert.tiers
        reason = summary_line(cert)
        note = INDUSTRY_NOTES.get((industry, cert.focus))
        if note:
            reason = f"{reason}; {note}"
        fits.append(Fit(cert, score, reason, now, when, toward))
    fits.sort(
        key=lambda fit: (
            not fit.now,
            -fit.score,
            -focus_weight(grow, fit.certification.focus, industry),
            fit.certification.acronym,
            fit.certification.slug,
        )
    )
    return fits
