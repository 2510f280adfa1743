"""Saved personal plans, the starting points beside the ladder, and the shared counters that
rate-limit writes.

A plan refers to roles, skills and certifications by slug (not by foreign key) so that it
outlives content edits: whatever no longer exists is shown as gone, never an error.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from roles.models import Role


class StartingPoint(models.Model):
    """Where people often come from before their first operations role."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField()
    enters_at = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="starting_points",
        help_text="The rung such a person usually joins the ladder at.",
    )
    skills = models.JSONField(
        "typical skill levels",
        default=dict,
        blank=True,
        help_text='Skill slug to level 1-5, e.g. {"project-management": 4}.',
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        from roles.models import Skill

        levels = self.skills or {}
        if not isinstance(levels, dict):
            raise ValidationError({"skills": "Give a mapping of skill slug to level."})
        bad = [s for s, v in levels.items() if not isinstance(v, int) or not 1 <= v <= 5]
        if bad:
            raise ValidationError({"skills": f"Levels must be 1 to 5: {', '.join(bad)}."})
        known = set(Skill.objects.filter(slug__in=list(levels)).values_list("slug", flat=True))
        unknown = sorted(set(levels) - known)
        if unknown:
            raise ValidationError({"skills": f"Unknown skill(s): {', '.join(unknown)}."})


def token_digest(token: str) -> str:
    """What is stored instead of the token: a leaked table gives away no plan link."""
    return hashlib.sha256(token.encode()).hexdigest()


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    IN_PROGRESS = "in-progress", "In progress"
    DONE = "done", "Done"


class Plan(models.Model):
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Where the person is now: a role on the ladder or a starting point beside it.
    current_role = models.CharField(max_length=80, blank=True)
    starting_point = models.CharField(max_length=80, blank=True)
    target_role = models.CharField(max_length=80)
    years = models.PositiveSmallIntegerField("years of experience", default=0)
    certifications = models.JSONField(default=list, blank=True)  # slugs held
    ratings = models.JSONField(default=dict, blank=True)  # skill slug -> 1..5
    action_status = models.JSONField(default=dict, blank=True)  # skill slug -> ActionStatus
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField()
    last_opened = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(current_role="") & ~Q(starting_point=""))
                | (~Q(current_role="") & Q(starting_point="")),
                name="plan_starts_in_one_place",
            ),
            models.CheckConstraint(condition=Q(years__lte=60), name="plan_years_at_most_60"),
        ]

    def __str__(self):
        return f"Plan {self.pk} towards {self.target_role}"


class RateCounter(models.Model):
    """Writes per client address per time window, shared by every web process.

    The address is kept only as a salted hash, and rows of past windows are pruned.
    """

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="rate_counter_unique")
        ]
        indexes = [models.Index(fields=["window_start"], name="rate_counter_window")]

    def __str__(self):
        return f"{self.count} since {self.window_start:%Y-%m-%d %H:%M}"


class PlanPage(models.Model):
    """A saved plan's page as it was last built, served again while the plan, the content and
    the release are what it was built from (`built_from`; plans/pages.py). It holds marks
    where the token, the CSRF tokens and the CSP nonce of each request go: never the token."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, primary_key=True)
    built_from = models.CharField(max_length=120)
    content = models.BinaryField()

    def __str__(self):
        return f"Page of plan {self.plan_id}"
