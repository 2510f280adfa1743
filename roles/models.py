"""Roles on the operations ladder, the skills they need and what they pay."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from common.urls import reverse


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

    @classmethod
    def from_param(cls, value: str | None) -> tuple[str, str | None]:
        """The industry a query parameter asks for (manufacturing when none), and a message
        when it names none we know."""
        if value in (None, ""):
            return cls.MANUFACTURING, None
        if value in cls.values:
            return value, None
        choices = ", ".join(label.lower() for _, label in cls.choices)
        return cls.MANUFACTURING, f"There is no industry called “{value[:40]}”. Choose {choices}."


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
    levels = models.JSONField(
        "what each level means",
        default=dict,
        blank=True,
        help_text='One concrete sentence per level, e.g. {"1": "Can read a control chart…", '
        '… "5": "…"}: what a person at that level can do.',
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The skill page draws on every app, so careerpath serves it (see careerpath/urls.py).
        return reverse("skill", args=[self.slug])

    def level_text(self, level: int) -> str:
        return (self.levels or {}).get(str(level), "")


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


class RoleIndustry(models.Model):
    """What differs for a role in one industry: its key measures (empty: as in general)."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="industry_variants")
    industry = models.CharField(max_length=16, choices=Industry.choices)
    kpis = models.JSONField(
        "KPIs in this industry", default=list, blank=True, help_text="Empty: as in general."
    )
    change_note = models.TextField(
        "what changes", blank=True, help_text="One or two sentences a reader sees first."
    )

    class Meta:
        ordering = ["role", "industry"]
        verbose_name = "industry version"
        constraints = [
            models.UniqueConstraint(fields=["role", "industry"], name="role_industry_unique"),
        ]

    def __str__(self):
        return f"{self.role} in {self.get_industry_display().lower()}"


class IndustrySkillLevel(models.Model):
    """The level a role needs a skill at in one industry, where it differs from in general;
    0 means the industry does not need the skill for this role."""

    variant = models.ForeignKey(RoleIndustry, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="industry_levels")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(5)]
    )

    class Meta:
        ordering = ["skill__name"]
        constraints = [
            models.UniqueConstraint(fields=["variant", "skill"], name="industry_skill_unique"),
            models.CheckConstraint(
                condition=Q(level__gte=0, level__lte=5),
                name="industry_skill_level_0_to_5",
                violation_error_message="A level runs from 0 (not needed) to 5.",
            ),
        ]

    def __str__(self):
        return f"{self.skill} at {self.level} for {self.variant}"


class Statistic(models.TextChoices):
    MEAN = "mean", "Mean"
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
    industry = models.CharField(
        max_length=16,
        choices=Industry.choices,
        blank=True,
        help_text="Empty for all industries; otherwise the industry this figure is for.",
    )
    statistic = models.CharField(max_length=12, choices=Statistic.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=0)
    currency = models.CharField(max_length=3, default="USD")
    region = models.CharField(max_length=80, default="United States")
    source_name = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, blank=True)
    reference_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    edition = models.CharField(
        max_length=80,
        blank=True,
        help_text="The release the figure belongs to, e.g. 'OEWS May 2024'. Shown with the figure.",
    )
    verified = models.BooleanField(
        default=False,
        help_text="Only when checked against the primary source itself (bls.gov, the issuer).",
    )
    checked_on = models.DateField(
        "last checked", null=True, blank=True, help_text="When the figure was last checked."
    )
    headline = models.BooleanField(
        "shown for the role",
        default=False,
        help_text="The one figure shown for this role on the home page, the ladder and cards.",
    )
    rung_note = models.TextField(
        "how the figure fits this rung",
        blank=True,
        help_text=(
            "Where several rungs share one occupation code: the estimate and its method, or why "
            "the same figure is shown. Shown to readers."
        ),
    )
    note = models.TextField(blank=True, help_text="Shown to readers.")
    editor_notes = models.TextField(
        blank=True, help_text="For editors only; never shown on the public site."
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["role", "-reference_year", "source_name", "amount"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="salary_amount_not_negative",
                violation_error_message="Pay cannot be negative.",
            ),
            models.CheckConstraint(
                condition=~Q(code_match="proxy") | ~Q(code_note=""),
                name="salary_proxy_code_has_reason",
                violation_error_message="Say why this occupation code stands in for the role.",
            ),
            models.UniqueConstraint(
                fields=[
                    "role",
                    "industry",
                    "occupation_code",
                    "statistic",
                    "source_name",
                    "reference_year",
                ],
                name="salary_figure_unique",
                violation_error_message=(
                    "This role already has this statistic from this source and year."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.get_statistic_display()} {self.amount} ({self.reference_year})"

    def series_key(self):
        return (
            self.role_id,
            self.industry,
            self.occupation_code,
            self.source_name,
            self.reference_year,
        )


class EmploymentProjection(models.Model):
    """How employment in an occupation is expected to change over a decade."""

    occupation_code = models.CharField(max_length=10)
    occupation_title = models.CharField(max_length=160)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()
    growth_percent = models.DecimalField(max_digits=5, decimal_places=1)
    source_name = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, blank=True)
    verified = models.BooleanField(
        default=False,
        help_text="Only when checked against the primary source itself (bls.gov).",
    )
    checked_on = models.DateField(
        "last checked", null=True, blank=True, help_text="When the figure was last checked."
    )
    note = models.TextField(blank=True, help_text="Shown to readers.")
    editor_notes = models.TextField(
        blank=True, help_text="For editors only; never shown on the public site."
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["occupation_code", "-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation_code", "start_year", "end_year"],
                name="projection_unique",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")),
                name="projection_period_in_order",
                violation_error_message="The period must end after it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.occupation_code} {self.start_year}–{self.end_year}: {self.growth_percent}%"

    @property
    def edition(self) -> str:
        return f"{self.start_year}–{str(self.end_year)[-2:]}"
