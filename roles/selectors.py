"""Every query the role pages, the ladder and the path planner make. Each function returns
what one page needs in a fixed number of queries, whatever the amount of content."""

from collections import deque
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from .models import (
    PERCENTILE_ORDER,
    TIER_ORDER,
    EmploymentProjection,
    Role,
    RoleSkill,
    SalaryFigure,
    SkillKind,
    Statistic,
    Tier,
)
from .progression import SkillComparison, compare_skills

MEDIAN_ORDER = ("-reference_year", "-verified", "code_match", "source_name")


def _with_median(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "salary_figures",
            queryset=SalaryFigure.objects.filter(statistic=Statistic.MEDIAN).order_by(
                *MEDIAN_ORDER
            ),
            to_attr="median_figures",
        )
    )


def median_figure(role: Role) -> SalaryFigure | None:
    """The newest median for a role: newest year first, verified before unverified,
    an exact occupation code before a proxy."""
    figures = getattr(role, "median_figures", None)
    if figures is None:
        figures = list(
            role.salary_figures.filter(statistic=Statistic.MEDIAN).order_by(*MEDIAN_ORDER)
        )
    return figures[0] if figures else None


def _annotate_medians(roles):
    for role in roles:
        role.median = median_figure(role)
    return roles


def ladder_rungs() -> list[tuple[int, list[Role]]]:
    """Roles grouped by rung, lowest first, each with its median figure and next roles."""
    roles = list(
        _with_median(Role.objects.all()).prefetch_related("leads_to").order_by("rank", "title")
    )
    _annotate_medians(roles)
    return [(rank, list(group)) for rank, group in groupby(roles, key=lambda r: r.rank)]


def roles_by_tier() -> list[tuple[str, list[Role]]]:
    """(tier label, roles) from entry to executive, for the role index."""
    roles = _annotate_medians(list(_with_median(Role.objects.order_by("rank", "title"))))
    labels = dict(Tier.choices)
    by_tier = {tier: [] for tier in TIER_ORDER}
    for role in roles:
        by_tier[role.tier].append(role)
    return [(labels[tier], tier, members) for tier, members in by_tier.items() if members]


# --- the role profile ------------------------------------------------------------------------


@dataclass
class PayChart:
    """One series of percentiles drawn as a scale from the lowest to the highest figure."""

    figures: list[SalaryFigure]
    low: Decimal
    high: Decimal

    @property
    def points(self):
        span = (self.high - self.low) or Decimal(1)
        return [
            {"figure": f, "percent": float((f.amount - self.low) / span * 100)}
            for f in self.figures
        ]


@dataclass
class Pay:
    figures: list[SalaryFigure]
    median: SalaryFigure | None
    chart: PayChart | None
    projections: list[EmploymentProjection] = field(default_factory=list)


def _pay(figures: list[SalaryFigure], projections) -> Pay:
    medians = sorted(
        (f for f in figures if f.statistic == Statistic.MEDIAN),
        key=lambda f: (-f.reference_year, not f.verified, f.code_match, f.source_name),
    )
    series: dict[tuple, list[SalaryFigure]] = {}
    for figure in figures:
        if figure.statistic in PERCENTILE_ORDER:
            series.setdefault(figure.series_key(), []).append(figure)
    # Chart the newest series with the most percentiles (at least three points to draw).
    candidates = [s for s in series.values() if len(s) >= 3]
    chart = None
    if candidates:
        best = max(candidates, key=lambda s: (len(s), s[0].reference_year, s[0].verified))
        best.sort(key=lambda f: PERCENTILE_ORDER.index(f.statistic))
        chart = PayChart(best, best[0].amount, best[-1].amount)
    return Pay(figures, medians[0] if medians else None, chart, list(projections))


@dataclass
class SkillGroup:
    kind: str
    label: str
    skills: list[RoleSkill]


@dataclass
class RoleProfile:
    role: Role
    skill_groups: list[SkillGroup]
    pay: Pay
    certifications: list
    faqs: list
    guides: list
    skills: SkillComparison | None = None


def role_profile(slug: str) -> RoleProfile:
    """Everything the role page shows, in a fixed number of queries (404 if unknown)."""
    from certifications.models import Certification
    from guides.models import FAQ, Guide

    role = get_object_or_404(
        Role.objects.prefetch_related(
            Prefetch("reports_to", queryset=Role.objects.order_by("rank", "title")),
            Prefetch("leads_to", queryset=Role.objects.order_by("rank", "title")),
            Prefetch(
                "salary_figures",
                queryset=SalaryFigure.objects.order_by(
                    "-reference_year", "occupation_code", "source_name", "amount"
                ),
            ),
            Prefetch("faqs", queryset=FAQ.objects.published().order_by("category", "order")),
            Prefetch("guides", queryset=Guide.objects.published().order_by("title")),
        ),
        slug=slug,
    )
    # The role's skills and its neighbors' in one query, so the page can compare levels.
    role_skills = list(
        RoleSkill.objects.filter(
            Q(role=role)
            | Q(role__in=Role.objects.filter(leads_to=role))
            | Q(role__in=Role.objects.filter(comes_from=role))
        ).select_related("skill", "role")
    )
    figures = list(role.salary_figures.all())
    codes = {f.occupation_code for f in figures}
    projections = EmploymentProjection.objects.filter(occupation_code__in=codes).order_by(
        "occupation_code", "-start_year"
    )
    certifications = (
        Certification.objects.filter(Q(roles=role) | Q(tiers__icontains=f'"{role.tier}"'))
        .select_related("issuer")
        .distinct()
        .order_by("acronym")
    )
    return RoleProfile(
        role=role,
        skill_groups=_skill_groups([rs for rs in role_skills if rs.role_id == role.pk]),
        pay=_pay(figures, projections),
        certifications=list(certifications),
        faqs=list(role.faqs.all()),
        guides=list(role.guides.all()),
        skills=compare_skills(role, role_skills, {r.pk for r in role.leads_to.all()}),
    )


def _skill_groups(role_skills) -> list[SkillGroup]:
    groups = {kind: SkillGroup(kind, label, []) for kind, label in SkillKind.choices}
    for rs in sorted(role_skills, key=lambda rs: (-rs.level, rs.skill.name)):
        groups[rs.skill.kind].skills.append(rs)
    return [g for g in groups.values() if g.skills]


# --- the path planner ------------------------------------------------------------------------


@dataclass
class Step:
    current: Role
    next: Role
    skills_to_gain: list[dict]  # {"skill", "from_level", "to_level"}
    certifications: list
    pay_change: Decimal | None


@dataclass
class Route:
    start: Role
    end: Role
    steps: list[Step]

    @property
    def roles(self) -> list[Role]:
        return [self.start, *(s.next for s in self.steps)]

    @property
    def total_pay_change(self) -> Decimal | None:
        if self.start.median and self.end.median:
            return self.end.median.amount - self.start.median.amount
        return None

    @property
    def skills_to_gain_count(self) -> int:
        return len({g["skill"].pk for s in self.steps for g in s.skills_to_gain})

    @property
    def extra_years(self) -> tuple[int, int]:
        """More years of experience the destination typically asks for than the start."""
        low = max(0, self.end.years_min - self.start.years_max)
        high = max(low, self.end.years_max - self.start.years_min)
        return low, high


class NoRoute(Exception):
    """No upward route joins the two roles; the message says why."""


def ladder_graph() -> dict[str, Role]:
    """All roles by slug, with next roles, skills, medians and suitable certifications."""
    from certifications.models import Certification

    roles = Role.objects.prefetch_related(
        "leads_to",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        Prefetch(
            "certifications",
            queryset=Certification.objects.select_related("issuer").order_by("acronym"),
        ),
    )
    return {r.slug: r for r in _annotate_medians(list(_with_median(roles)))}


def plan_route(graph: dict[str, Role], start_slug: str, end_slug: str) -> Route:
    """The shortest route up the ladder from one role to another (breadth-first search)."""
    start, end = graph[start_slug], graph[end_slug]
    if start == end:
        raise NoRoute(f"You are already a {start.title}: choose a different destination.")
    previous: dict[str, str | None] = {start.slug: None}
    queue = deque([start.slug])
    while queue:
        slug = queue.popleft()
        if slug == end.slug:
            break
        for nxt in sorted(graph[slug].leads_to.all(), key=lambda r: (r.rank, r.title)):
            if nxt.slug not in previous:
                previous[nxt.slug] = slug
                queue.append(nxt.slug)
    if end.slug not in previous:
        if end.rank < start.rank:
            raise NoRoute(
                f"{end.title} sits below {start.title} on the ladder. The planner maps moves "
                "upwards: swap the two roles to see the route from there."
            )
        raise NoRoute(f"The ladder has no upward route from {start.title} to {end.title}.")
    slugs = [end.slug]
    while previous[slugs[-1]] is not None:
        slugs.append(previous[slugs[-1]])
    chain = [graph[s] for s in reversed(slugs)]
    return Route(start, end, [_step(a, b) for a, b in zip(chain, chain[1:], strict=False)])


def _step(current: Role, nxt: Role) -> Step:
    have = {rs.skill_id: rs.level for rs in current.role_skills.all()}
    gains = [
        {"skill": rs.skill, "from_level": have.get(rs.skill_id, 0), "to_level": rs.level}
        for rs in nxt.role_skills.all()
        if rs.level > have.get(rs.skill_id, 0)
    ]
    gains.sort(key=lambda g: (-(g["to_level"] - g["from_level"]), g["skill"].name))
    pay_change = None
    if current.median and nxt.median:
        pay_change = nxt.median.amount - current.median.amount
    return Step(current, nxt, gains, list(nxt.certifications.all()), pay_change)
