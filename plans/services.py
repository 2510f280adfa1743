"""Every write to a plan: create, update (checked against the version it was based on),
delete, mark opened, purge."""

import secrets
from dataclasses import asdict

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Plan, token_digest
from .selectors import PlanInput


class StaleVersion(Exception):
    """The plan changed since the form was shown; nothing was saved."""

    def __init__(self, current: Plan | None):
        self.current = current
        super().__init__("The plan has changed since this page was loaded.")


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 random bits


def plan_create(*, data: PlanInput) -> tuple[Plan, str]:
    """Save a new plan; returns it with its token (shown once, never stored)."""
    token = new_token()
    now = timezone.now()
    plan = Plan(token_hash=token_digest(token), updated=now, last_opened=now, **asdict(data))
    plan.full_clean()
    plan.save()
    return plan, token


UPDATABLE = {"current_role", "starting_point", "target_role", "years", "certifications"}
UPDATABLE |= {"ratings", "action_status"}


def plan_update(*, plan: Plan, version: int, changes: dict) -> Plan:
    """Apply `changes` only if the plan is still at `version`; raise StaleVersion otherwise,
    with the plan as it now is, so nothing is overwritten and nothing lost silently."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    now = timezone.now()
    with transaction.atomic():
        updated = Plan.objects.filter(pk=plan.pk, version=version).update(
            **changes, version=F("version") + 1, updated=now, last_opened=now
        )
        if not updated:
            raise StaleVersion(Plan.objects.filter(pk=plan.pk).first())
    return Plan.objects.get(pk=plan.pk)


def plan_mark_opened(*, plan: Plan) -> None:
    """Note the visit for the 18-month purge; at most one write a day per plan."""
    now = timezone.now()
    if (now - plan.last_opened).days >= 1:
        Plan.objects.filter(pk=plan.pk).update(last_opened=now)


def plan_delete(*, plan: Plan) -> None:
    Plan.objects.filter(pk=plan.pk).delete()


def plans_purge(*, cutoff) -> int:
    """Remove every plan not opened since `cutoff`."""
    deleted, _ = Plan.objects.filter(last_opened__lt=cutoff).delete()
    return deleted
