"""The rules of the one-page update for executives: each measure's status against its target,
its direction against last month, a small trend line, and a headline when none is given.

Pure functions of what the person typed; nothing here reads or writes the database.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

# A measure that misses its target by no more than this share of the target is "close".
CLOSE_SHARE = Decimal("0.05")
CURRENCY_UNITS = {"$", "€", "£"}
PERCENT_UNITS = {"%"}


class Status(StrEnum):
    ON_TARGET = "on-target"
    CLOSE = "close"
    OFF_TARGET = "off-target"
    NO_TARGET = "no-target"

    @property
    def label(self) -> str:
        return {
            Status.ON_TARGET: "On target",
            Status.CLOSE: "Within 5% of target",
            Status.OFF_TARGET: "Off target",
            Status.NO_TARGET: "No target set",
        }[self]

    @property
    def symbol(self) -> str:
        return {"on-target": "✓", "close": "!", "off-target": "✗", "no-target": "–"}[self]


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class MeasureInput:
    """One row of the form, already cleaned."""

    name: str
    unit: str = ""
    higher_is_better: bool = True
    this_month: Decimal | None = None
    target: Decimal | None = None
    last_month: Decimal | None = None
    year_to_date: Decimal | None = None
    earlier: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class Trend:
    """A sparkline in a 120 × 36 box: the months as a polyline, the target as a level."""

    WIDTH = 120
    HEIGHT = 36
    PAD = 4

    points: str  # "x,y x,y …" for <polyline>
    last_x: str
    last_y: str
    target_y: str | None
    description: str  # what the chart shows, in words, for screen readers


@dataclass(frozen=True)
class MeasureRow:
    """A measure as the update shows it."""

    name: str
    unit: str
    this_month: str
    target: str
    last_month: str
    year_to_date: str
    status: Status
    direction: Direction
    change: str  # "down 3.3 points from 94.8", "unchanged", "no figure for last month"
    trend: Trend | None


@dataclass
class Update:
    team: str
    period: str
    headline: str
    headline_is_written: bool
    measures: list[MeasureRow]
    risks: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.measures or self.risks or self.asks)


def status(measure: MeasureInput) -> Status:
    if measure.target is None or measure.this_month is None:
        return Status.NO_TARGET
    gap = measure.this_month - measure.target
    if not measure.higher_is_better:
        gap = -gap
    if gap >= 0:
        return Status.ON_TARGET
    if measure.target != 0 and abs(gap) <= abs(measure.target) * CLOSE_SHARE:
        return Status.CLOSE
    return Status.OFF_TARGET


def direction(measure: MeasureInput) -> Direction:
    if measure.this_month is None or measure.last_month is None:
        return Direction.UNKNOWN
    change = measure.this_month - measure.last_month
    if change == 0:
        return Direction.UNCHANGED
    improved = change > 0 if measure.higher_is_better else change < 0
    return Direction.BETTER if improved else Direction.WORSE


def change_text(measure: MeasureInput) -> str:
    if measure.this_month is None or measure.last_month is None:
        return "no figure for last month"
    change = measure.this_month - measure.last_month
    before = format_value(measure.last_month, measure.unit)
    if change == 0:
        return f"unchanged from {before}"
    word = "up" if change > 0 else "down"
    return f"{word} {format_change(abs(change), measure.unit)} from {before}"


def format_number(value: Decimal) -> str:
    """1234.50 -> "1,234.5"; at most four decimals; a true minus sign."""
    value = value.quantize(Decimal("0.0001")).normalize() if value % 1 else value.quantize(1)
    text = f"{abs(value):,}"
    return f"−{text}" if value < 0 else text


def format_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "–"
    number = format_number(value)
    if unit in PERCENT_UNITS:
        return f"{number}%"
    if unit in CURRENCY_UNITS:
        if value % 1:  # money with cents keeps both digits: $4.20, not $4.2
            places = max(2, -value.normalize().as_tuple().exponent)
            number = f"{abs(value):,.{min(places, 4)}f}"
            number = f"−{number}" if value < 0 else number
        return f"−{unit}{number[1:]}" if number.startswith("−") else f"{unit}{number}"
    return f"{number} {unit}" if unit else number


def format_change(amount: Decimal, unit: str) -> str:
    """A difference between two values: percentages differ by points, not by per cent."""
    if unit in PERCENT_UNITS:
        number = format_number(amount)
        return f"{number} point{'' if number == '1' else 's'}"
    return format_value(amount, unit)


def trend(measure: MeasureInput) -> Trend | None:
    values = [*measure.earlier, measure.last_month, measure.this_month]
    values = [v for v in values if v is not None]
    if not values:
        return None
    scale = values + ([measure.target] if measure.target is not None else [])
    low, high = min(scale), max(scale)
    inner_w = Trend.WIDTH - 2 * Trend.PAD
    inner_h = Trend.HEIGHT - 2 * Trend.PAD

    def y(value: Decimal) -> str:
        if high == low:
            return f"{Trend.HEIGHT / 2:g}"
        return f"{Trend.PAD + float((high - value) / (high - low)) * inner_h:.1f}"

    if len(values) == 1:
        xs = [f"{Trend.WIDTH / 2:g}"]
    else:
        step = inner_w / (len(values) - 1)
        xs = [f"{Trend.PAD + i * step:.1f}" for i in range(len(values))]
    coordinates = [(x, y(v)) for x, v in zip(xs, values, strict=True)]
    shown = ", ".join(format_value(v, measure.unit) for v in values)
    description = f"{measure.name}, oldest to newest: {shown}"
    if measure.target is not None:
        description += f"; target {format_value(measure.target, measure.unit)}"
    return Trend(
        points=" ".join(f"{x},{y_}" for x, y_ in coordinates),
        last_x=coordinates[-1][0],
        last_y=coordinates[-1][1],
        target_y=y(measure.target) if measure.target is not None else None,
        description=description,
    )


def measure_row(measure: MeasureInput) -> MeasureRow:
    return MeasureRow(
        name=measure.name,
        unit=measure.unit,
        this_month=format_value(measure.this_month, measure.unit),
        target=format_value(measure.target, measure.unit),
        last_month=format_value(measure.last_month, measure.unit),
        year_to_date=format_value(measure.year_to_date, measure.unit),
        status=status(measure),
        direction=direction(measure),
        change=change_text(measure),
        trend=trend(measure),
    )


def _names(rows: list[MeasureRow]) -> str:
    names = [row.name for row in rows]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def headline(rows: list[MeasureRow]) -> str:
    """One sentence that says how the measures stand, for when the person wrote none."""
    if not rows:
        return "No measures yet."
    judged = [row for row in rows if row.status != Status.NO_TARGET]
    if not judged:
        return f"{len(rows)} measure{'s' if len(rows) != 1 else ''} reported, none with a target."
    if len(judged) == 1:
        return f"{judged[0].name} is {judged[0].status.label.lower()}."
    on = [row for row in judged if row.status == Status.ON_TARGET]
    close = [row for row in judged if row.status == Status.CLOSE]
    off = [row for row in judged if row.status == Status.OFF_TARGET]
    if len(on) == len(judged):
        return f"All {len(judged)} measures with a target are on target."
    parts = [f"{len(on)} of {len(judged)} measures on target"]
    if off:
        parts.append(f"off target: {_names(off)}")
    if close:
        parts.append(f"within 5% of target: {_names(close)}")
    return "; ".join(parts) + "."


def build_update(
    *,
    measures: list[MeasureInput],
    team: str = "",
    period: str = "",
    written_headline: str = "",
    risks: list[str] | None = None,
    asks: list[str] | None = None,
) -> Update:
    rows = [measure_row(m) for m in measures]
    return Update(
        team=team,
        period=period,
        headline=written_headline or headline(rows),
        headline_is_written=bool(written_headline),
        measures=rows,
        risks=list(risks or []),
        asks=list(asks or []),
    )
