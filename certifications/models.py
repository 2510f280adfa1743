"""Professional bodies and the certifications they award."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from common.urls import reverse
from roles.models import Role, Skill, Tier

# Each tier with the field that says a certification suits it; and its label. Read on every
# card and fit, where Django's enum properties would build these lists again each time.
_SUITS = tuple((tier, f"suits_{tier}") for tier in Tier.values)
_TIER_LABELS = dict(Tier.choices)


class Organization(models.Model):
    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=80, unique=True)
    abbreviation = models.CharField(max_length=20)
    url = models.URLField(max_length=300)
    description = models.TextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["abbreviation"]

    def __str__(self):
        return self.abbreviation or self.name


class Focus(models.TextChoices):
    PLANNING_INVENTORY = "planning-inventory", "Planning and inventory"
    SUPPLY_CHAIN = "supply-chain-logistics", "Supply chain and logistics"
    PROCESS_IMPROVEMENT = "process-improvement", "Process improvement"
    PROJECT_MANAGEMENT = "project-management", "Project management"
    GENERAL_MANAGEMENT = "general-management", "General management"


class Certification(models.Model):
    acronym = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    issuer = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="certifications"
    )
    focus = models.CharField(max_length=30, choices=Focus.choices)
    audience = models.TextField("who it is for")
    eligibility = models.TextField()
    exam_parts = models.PositiveSmallIntegerField(
        "exam parts", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    exam_questions = models.PositiveSmallIntegerField(
        "exam questions", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    exam_minutes = models.PositiveSmallIntegerField(
        "exam minutes", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    exam_format = models.TextField("exam format", blank=True)
    cost_member = models.DecimalField(
        "cost for members", max_digits=8, decimal_places=0, null=True, blank=True
    )
    cost_nonmember = models.DecimalField(
        "cost for non-members", max_digits=8, decimal_places=0, null=True, blank=True
    )
    currency = models.CharField(max_length=3, default="USD")
    cost_note = models.TextField(blank=True)
    min_experience_years = models.PositiveSmallIntegerField(
        "fewest years of experience asked",
        null=True,
        blank=True,
        help_text="The fewest years of work experience any route to the exam asks for: 0 when "
        "none is asked; empty when the issuer's rule cannot be reduced to a number.",
    )
    no_prerequisite = models.BooleanField(
        "no formal prerequisite",
        default=False,
        help_text="Anyone may sit the exam: no education, training or experience is asked.",
    )
    cost_total = models.DecimalField(
        "total for a first attempt",
        max_digits=8,
        decimal_places=0,
        null=True,
        blank=True,
        help_text="The least a first attempt costs: exam plus any required membership or course.",
    )
    cost_total_note = models.TextField(
        "total cost: what it covers, or why it cannot be given", blank=True
    )
    study_hours = models.TextField(
        "typical study hours",
        blank=True,
        help_text="E.g. 'About 80 to 150 hours (training providers' estimates)'.",
    )
    pass_rate = models.TextField(
        blank=True,
        help_text="The issuer's published pass rate, or say that it publishes none.",
    )
    validity_years = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty for a lifetime credential or an unknown period."
    )
    lifetime = models.BooleanField(
        "lifetime credential", default=False, help_text="It never expires and needs no renewal."
    )
    renewal = models.TextField("validity and renewal")
    suits_entry = models.BooleanField("suits entry roles", default=False)
    suits_mid = models.BooleanField("suits mid-level roles", default=False)
    suits_senior = models.BooleanField("suits senior roles", default=False)
    suits_executive = models.BooleanField("suits executive roles", default=False)
    roles = models.ManyToManyField(Role, blank=True, related_name="certifications")
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="developed_by", help_text="The skills it develops."
    )
    official_url = models.URLField(max_length=300)
    verified_on = models.DateField(
        "facts last checked", help_text="When the facts were last checked against the sources."
    )
    sources = models.JSONField(default=list)
    unverified = models.TextField(
        "unverified facts",
        blank=True,
        help_text="Facts not confirmed on the issuer's own pages; shown on the page.",
    )
    editor_notes = models.TextField(
        blank=True, help_text="For editors only; never shown on the public site."
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["acronym"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_member__gte=0) | Q(cost_member__isnull=True),
                name="cert_member_cost_not_negative",
                violation_error_message="A cost cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(cost_nonmember__gte=0) | Q(cost_nonmember__isnull=True),
                name="cert_nonmember_cost_not_negative",
                violation_error_message="A cost cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(cost_total__gte=0) | Q(cost_total__isnull=True),
                name="cert_total_cost_not_negative",
                violation_error_message="A cost cannot be negative.",
            ),
            models.CheckConstraint(
                condition=~Q(eligibility=""),
                name="cert_eligibility_not_empty",
                violation_error_message="Say what a candidate needs, or 'No formal prerequisite'.",
            ),
            models.CheckConstraint(
                condition=Q(suits_entry=True)
                | Q(suits_mid=True)
                | Q(suits_senior=True)
                | Q(suits_executive=True),
                name="cert_suits_a_tier",
                violation_error_message="Tick at least one tier it suits.",
            ),
            models.CheckConstraint(
                condition=Q(lifetime=False) | Q(validity_years__isnull=True),
                name="cert_lifetime_has_no_validity",
                violation_error_message="A lifetime credential has no validity period.",
            ),
            models.CheckConstraint(
                condition=Q(no_prerequisite=False) | Q(min_experience_years=0),
                name="cert_no_prerequisite_asks_no_experience",
                violation_error_message="With no formal prerequisite, the experience asked is 0.",
            ),
        ]

    def __str__(self):
        return f"{self.acronym} – {self.name}"

    def get_absolute_url(self):
        return certification_url(self.slug)

    @property
    def tiers(self) -> list[str]:
        """The tiers it suits, in ladder order."""
        return [tier for tier, field in _SUITS if getattr(self, field)]

    @tiers.setter
    def tiers(self, tiers) -> None:
        for tier in Tier.values:
            setattr(self, f"suits_{tier}", tier in tiers)

    @property
    def tier_labels(self) -> list[str]:
        return [_TIER_LABELS[t] for t in self.tiers]


def certification_url(slug: str) -> str:
    return reverse("certifications:detail", args=[slug])


def suits_tier(tier: str) -> Q:
    """The condition "suits roles at `tier`", for filtering certifications in the database."""
    return Q(**{f"suits_{tier}": True})


class StoredParts(models.Model):
    """One certification's parts of the pages that answer questions (its comparison cells, its
    catalogue card), rendered when the content changes (stored_parts.py), so a comparison or a
    fit finder's answer prints them instead of building them.

    Read only while `version` is the current content version and `code` the release that
    stored it, like a published page. JSON kept as text, as the database sends it."""

    version = models.BigIntegerField()
    code = models.CharField(max_length=64, help_text="The release that stored it.")
    slug = models.SlugField(max_length=80, unique=True)
    acronym = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    # JSON: the parts each kind of page reads, apart, so neither reads the other's.
    listed = models.TextField(help_text="Its catalogue card and the facts under a fit, rendered.")
    compared = models.TextField(help_text="Its cell in each row of a comparison, and the values.")

    class Meta:
        verbose_name_plural = "stored parts"

    def __str__(self):
        return self.slug
