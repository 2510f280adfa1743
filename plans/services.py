"""Every write to a plan: create, update (checked against the version it was based on),
delete, mark opened, purge."""

import functools
import json
import secrets
from dataclasses import asdict

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from roles.models import Skill

from .models import Plan, PlanPage, token_digest
from .selectors import PlanInput, opened_note_due


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


def plan_update(*, plan: Plan, version: int, changes: dict) -> None:
    """Apply `changes` only if the plan is still at `version`; raise StaleVersion otherwise,
    with the plan as it now is, so nothing is overwritten and nothing lost silently."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    now = timezone.now()
    # One statement: the version check and the write are atomic without a transaction.
    updated = Plan.objects.filter(pk=plan.pk, version=version).update(
        **changes, version=F("version") + 1, updated=now, last_opened=now
    )
    if not updated:
        raise StaleVersion(Plan.objects.filter(pk=plan.pk).first())


class NotApplied(Exception):
    """Nothing was changed: no plan has the token, it is not at the version given, or the
    skill is unknown. The caller reads the plan to say which."""


def plan_set_action_status(*, token: str, version: int, skill: str, status: str) -> None:
    """Set one action's status, only if the plan is still at `version` and the skill exists:
    one statement that reads nothing before it writes; NotApplied when it changed nothing."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [json.dumps({skill: status}), now, now, token_digest(token), version, skill]
    with connection.cursor() as cursor:
        cursor.execute(_set_status_sql(), params)
        if cursor.rowcount != 1:
            raise NotApplied


@functools.cache
def _set_status_sql() -> str:
    # Plain SQL: the most frequent write, and building it with the ORM costs more than it.
    plan = connection.ops.quote_name(Plan._meta.db_table)
    skill = connection.ops.quote_name(Skill._meta.db_table)
    if connection.vendor == "postgresql":
        merged = "action_status || %s::jsonb"
    else:
        merged = "json_patch(action_status, %s)"
    return (
        f"UPDATE {plan} SET action_status = {merged}, version = version + 1, updated = %s, "
        "last_opened = %s WHERE token_hash = %s AND version = %s "
        f"AND EXISTS (SELECT 1 FROM {skill} WHERE slug = %s)"
    )


def plan_mark_opened(*, plan: Plan) -> None:
    """Note the visit for the 18-month purge, when one is due (selectors.NOTE_OPENED_EVERY)."""
    if opened_note_due(plan.last_opened):
        plan_note_opened(plan_id=plan.pk)


def plan_note_opened(*, plan_id: int) -> None:
    Plan.objects.filter(pk=plan_id).update(last_opened=timezone.now())


def plan_page_keep(*, plan_id: int, built_from: str, content: bytes) -> None:
    """Keep the plan's page as built from `built_from` (plans/pages.py), replacing the one kept
    before; nothing when the plan was deleted meanwhile."""
    page = PlanPage(plan_id=plan_id, built_from=built_from, content=content)
    try:
        with transaction.atomic():
            PlanPage.objects.bulk_create(
                [page],
                update_conflicts=True,
                unique_fields=["plan"],
                update_fields=["built_from", "content"],
            )
    except IntegrityError:  # the plan is gone: there is no page to keep
        pass


def plan_delete(*, plan: Plan) -> None:
    Plan.objects.filter(pk=plan.pk).delete()


def plans_purge(*, cutoff) -> int:
    """Remove every plan not opened since `cutoff`."""
    deleted, _ = Plan.objects.filter(last_opened__lt=cutoff).delete()
    return deleted
