"""The timeline of a plan: when each step of the route typically comes, with its median pay,
and milestones at 12, 24 and 36 months drawn from the ranked actions."""

from dataclasses import dataclass, field

MILESTONE_MONTHS = (12, 24, 36)
WIDTH, HEIGHT, MARGIN = 720, 220, 48


@dataclass
class Point:
    role: object
    years: int  # from now
    median: object  # SalaryFigure or None
    x: float = 0.0


@dataclass
class Milestone:
    months: int
    actions: list = field(default_factory=list)
    x: float = 0.0


@dataclass
class Timeline:
    points: list[Point]
    milestones: list[Milestone]
    span: int  # years drawn
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def ticks(self) -> list[tuple[int, float]]:
        return [(y, _x(y, self.span)) for y in range(self.span + 1)]

    @property
    def axis_end(self) -> float:
        return WIDTH - MARGIN


def _x(years: float, span: int) -> float:
    return round(MARGIN + years / span * (WIDTH - 2 * MARGIN), 1)


def build_timeline(roles, person_years: int, actions) -> Timeline:
    """`roles`: the roles of the route still ahead, in order; each comes no sooner than the
    one before it and no sooner than its typical minimum years allow."""
    points, at = [], 0
    for role in roles:
        at = max(at, role.years_min - person_years, 0)
        points.append(Point(role, at, getattr(role, "median", None)))
    open_actions = [a for a in actions if a.status != "done"]
    milestones = [Milestone(m) for m in MILESTONE_MONTHS]
    count = len(open_actions)
    for index, action in enumerate(open_actions):
        milestones[index * len(milestones) // count].actions.append(action)
    span = max([3, *(p.years for p in points)])
    for point in points:
        point.x = _x(point.years, span)
    for milestone in milestones:
        milestone.x = _x(milestone.months / 12, span)
    return Timeline(points, milestones, span)
