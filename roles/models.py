"""Roles on the operations ladder, the skills they need and what they pay."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class Tier(models.TextChoices):
    ENTRY = "entry", "Entry"
    MID = "mid", "Mid-level"
    SENIOR = "senior", "Senior"
    EXECUTIVE = "executive", "Executive"


TIER_ORDER = [Tier.ENTRY, Tier.MID, Tier.SENIOR, Tier.EXECUTIVE]


class Industry(models.TextChoices):
    MANUFACTURING = "manufacturing", "Manufacturing"
    SERVICES = "services", "Services"
    TECHNOLOGY = "technology", "Technology"


class Role(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    tier = models.CharField(max_length=12, choices=Tier.choices)
    rank = models.PositiveSmallIntegerField(
        help_text="Rung on the ladder, 1 = lowest. Roles on the same rung share a rank.",
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    headline = models.CharField(max_length=160, help_text="One line for lists and the ladder.")
    summary = models.TextField()
    responsibilities = models.JSONField(default=list, blank=True)
    years_min = models.PositiveSmallIntegerField("typical years of experience (from)", default=0)
    years_max = models.PositiveSmallIntegerField("typical years of experience (to)", default=0)
    education = models.TextField()
    entry_points = models.JSONField(default=list, blank=True)
    kpis = models.JSONField("KPIs", default=list, blank=True)
    focus_manufacturing = models.TextField("focus in manufacturing")
    focus_services = models.TextField("focus in services")
    focus_technology = models.TextField("focus in technology")
    reports_to = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="direct_reports"
    )
    leads_to = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="comes_from"
    )
    sources = models.JSONField(default=list, blank=True)
    onet_derived = models.BooleanField(
        "draws on O*NET", default=False, help_text="Shows O*NET's CC BY 4.0 credit line."
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["rank", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(years_max__gte=F("years_min")),
                name="role_years_in_order",
                violation_error_message="Typical years 'to' must not be below 'from'.",
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="role_rank_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("roles:detail", args=[self.slug])

    def focus_in(self, industry: str) -> str:
        return getattr(self, f"focus_{industry}")

    def clean(self):
        if (
            self.years_max is not None
            and self.years_min is not None
            and self.years_max < self.years_min
        ):
            raise ValidationError({"years_max": "Must not be below 'from'."})


class SkillKind(models.TextChoices):
    HARD = "hard", "Hard skill"
    SOFT = "soft", "Soft skill"
    METHOD = "method", "Method"
    TOOL = "tool", "Tool"


class Skill(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=SkillKind.choices)
    description = models.TextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The skill page draws on every app, so careerpath serves it (see careerpath/urls.py).
        return reverse("skill", args=[self.slug])


class RoleSkill(models.Model):
    """How much a role needs a skill, from 1 (aware) to 5 (expert)."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="role_skills")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["-level", "skill__name"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="role_skill_unique"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="role_skill_level_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.role} needs {self.skill} at {self.level}"


class Statistic(models.TextChoices):
    P10 = "p10", "10th percentile"
    P25 = "p25", "25th percentile"
    MEDIAN = "median", "Median"
    P75 = "p75", "75th percentile"
    P90 = "p90", "90th percentile"
    RANGE_LOW = "range_low", "Range (low)"
    RANGE_HIGH = "range_high", "Range (high)"


PERCENTILE_ORDER = [Statistic.P10, Statistic.P25, Statistic.MEDIAN, Statistic.P75, Statistic.P90]


class CodeMatch(models.TextChoices):
    EXACT = "exact", "Exact match"
    PROXY = "proxy", "Stands in for the role"


class SalaryFigure(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_figures")
    occupation_code = models.CharField(
        max_length=10,
        help_text="Standard Occupational Classification code, e.g. 11-1021.",
    )
    occupation_title = models.CharField(max_length=160)
    code_match = models.CharField(max_length=5, choices=CodeMatch.choices)
    code_note = models.TextField(blank=True, help_text="Why a proxy code stands in for the role.")
    statistic = models.CharField(max_length=12, choices=Statistic.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=0)
    currency = models.CharField(max_length=3, default="USD")
    region = models.CharField(max_length=80, default="United States")
    source_name = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, blank=True)
    reference_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    verified = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["role", "-reference_year", "source_name", "amount"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="salary_amount_not_negative",
                violation_error_message="Pay cannot be negative.",
            ),
            models.UniqueConstraint(
                fields=["role", "occupation_code", "statistic", "source_name", "reference_year"],
                name="salary_figure_unique",
                violation_error_message=(
                    "This role already has this statistic from this source and year."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.get_statistic_display()} {self.amount} ({self.reference_year})"

    def series_key(self):
        return (self.role_id, self.occupation_code, self.source_name, self.reference_year)

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = "Pay cannot be negative."
        if self.code_match == CodeMatch.PROXY and not self.code_note.strip():
            errors["code_note"] = "Say why this occupation code stands in for the role."
        if errors:
            raise ValidationError(errors)


def misordered_percentiles(figures, series_key) -> list[tuple]:
    """(lower, higher) pairs whose amounts fall where they should rise, within each series.

    `figures` are anything with a `statistic` and an `amount` (model rows or content records);
    `series_key(figure)` says which series (role, code, source, year) a figure belongs to.
    """
    series: dict[tuple, dict] = {}
    for figure in figures:
        series.setdefault(series_key(figure), {})[figure.statistic] = figure
    pairs = []
    for points in series.values():
        ordered = [points[s] for s in PERCENTILE_ORDER if s in points]
        pairs += [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if a.amount > b.amount]
        low, high = points.get(Statistic.RANGE_LOW), points.get(Statistic.RANGE_HIGH)
        if low and high and low.amount > high.amount:
            pairs.append((low, high))
    return pairs


def percentile_order_errors(figures) -> list[str]:
    """Messages for every series (role, code, source, year) whose percentiles do not rise."""
    messages = []
    for lower, higher in misordered_percentiles(figures, SalaryFigure.series_key):
        if lower.statistic == Statistic.RANGE_LOW:
            messages.append("The low end of the range is above the high end.")
        else:
            messages.append(
                f"{lower.get_statistic_display()} ({lower.amount:,.0f}) is above "
                f"{higher.get_statistic_display()} ({higher.amount:,.0f}) for "
                f"{lower.source_name} {lower.reference_year}."
            )
    return messages


class EmploymentProjection(models.Model):
    """How employment in an occupation is expected to change over a decade."""

    occupation_code = models.CharField(max_length=10)
    occupation_title = models.CharField(max_length=160)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()
    growth_percent = models.DecimalField(max_digits=5, decimal_places=1)
    source_name = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, blank=True)
    verified = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["occupation_code", "-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation_code", "start_year", "end_year"],
                name="projection_unique",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")), name="projection_period_in_order"
            ),
        ]

    def __str__(self):
        return f"{self.occupation_code} {self.start_year}–{self.end_year}: {self.growth_percent}%"


def find_cycle(edges: dict) -> list | None:
    """A path that returns to its start in the graph `edges` (node -> next nodes), or None."""
    state: dict = {}  # 1 = on the current path, 2 = finished

    def visit(node, path):
        state[node] = 1
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in list(edges):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def ladder_cycle(role: Role, leads_to: list[Role]) -> list[str] | None:
    """Titles of the loop that `role` leading to `leads_to` would close, or None.

    The saved ladder has no loop, so a loop found after the change runs through `role`;
    it is told starting and ending there.
    """
    edges: dict = {}
    for source_id, target_id in Role.leads_to.through.objects.values_list(
        "from_role_id", "to_role_id"
    ):
        edges.setdefault(source_id, []).append(target_id)
    edges[role.pk] = [r.pk for r in leads_to]
    cycle = find_cycle(edges)
    if cycle is None:
        return None
    loop = cycle[:-1]
    if role.pk in loop:
        start = loop.index(role.pk)
        loop = loop[start:] + loop[:start]
    titles = dict(Role.objects.values_list("pk", "title"))
    titles[role.pk] = role.title
    return [titles[pk] for pk in [*loop, loop[0]]]
