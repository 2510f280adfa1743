"""What editors do to roles beyond editing one: moving them along the ladder."""

from django.db import transaction

from .ladder import rung_move_problem
from .models import Role


@transaction.atomic
def roles_move_rung(*, roles, step: int) -> tuple[list[Role], list[str]]:
    """Move each role `step` rungs (the one furthest along first, so a block of rungs moves
    together); return the roles moved and why the others could not move."""
    moved, problems = [], []
    order = "-rank" if step > 0 else "rank"
    for role in roles.order_by(order, "title"):
        rank = role.rank + step
        problem = rung_move_problem(role, rank)
        if problem:
            problems.append(problem)
            continue
        role.rank = rank
        role.save()  # save(), not update(): the signals refresh the public pages
        moved.append(role)
    return moved, problems
