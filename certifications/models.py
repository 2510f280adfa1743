"""Professional bodies and the certifications they award."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from roles.models import Role, Skill, Tier


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
    validity_years = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Leave empty for a lifetime credential."
    )
    renewal = models.TextField("validity and renewal")
    tiers = models.JSONField(
        default=list, help_text="Tiers it suits: entry, mid, senior, executive."
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="certifications")
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="developed_by", help_text="The skills it develops."
    )
    official_url = models.URLField(max_length=300)
    verified_on = models.DateField("facts last verified")
    sources = models.JSONField(default=list)
    unverified = models.TextField(
        "unverified facts", blank=True, help_text="Facts that are not confirmed; shown on the page."
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
                condition=~Q(eligibility=""),
                name="cert_eligibility_not_empty",
                violation_error_message="Say what a candidate needs, or 'No formal prerequisite'.",
            ),
        ]

    def __str__(self):
        return f"{self.acronym} – {self.name}"

    def get_absolute_url(self):
        return reverse("certifications:detail", args=[self.slug])

    @property
    def tier_labels(self) -> list[str]:
        labels = dict(Tier.choices)
        return [labels[t] for t in Tier.values if t in self.tiers]

    def clean(self):
        errors = {}
        if not (self.eligibility or "").strip():
            errors["eligibility"] = "Say what a candidate needs, or 'No formal prerequisite'."
        unknown = [t for t in (self.tiers or []) if t not in Tier.values]
        if unknown:
            errors["tiers"] = f"Unknown tier(s): {', '.join(map(str, unknown))}."
        for field in ("cost_member", "cost_nonmember"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = "A cost cannot be negative."
        if errors:
            raise ValidationError(errors)
