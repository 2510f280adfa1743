"""The rules behind the update: status against target, direction, figures as people type them."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from guides.forms import FiguresField, parse_number
from guides.update import (
    Direction,
    MeasureInput,
    Status,
    direction,
    format_value,
    headline,
    measure_row,
    status,
    trend,
)


def measure(**fields) -> MeasureInput:
    return MeasureInput(name="Measure", **fields)


@pytest.mark.parametrize(
    ("this_month", "target", "higher_is_better", "expected"),
    [
        (D("95"), D("95"), True, Status.ON_TARGET),  # meeting the target counts
        (D("90.25"), D("95"), True, Status.CLOSE),  # exactly 5% short
        (D("90.24"), D("95"), True, Status.OFF_TARGET),
        (D("4.12"), D("4.20"), False, Status.ON_TARGET),  # under budget is good
        (D("4.40"), D("4.20"), False, Status.CLOSE),  # 4.8% over budget
        (D("4.50"), D("4.20"), False, Status.OFF_TARGET),
        (D("1"), D("0"), False, Status.OFF_TARGET),  # nothing is close to a target of zero
        (D("7"), None, True, Status.NO_TARGET),
    ],
)
def test_status_judges_this_month_against_the_target_in_the_right_direction(
    this_month, target, higher_is_better, expected
):
    m = measure(this_month=this_month, target=target, higher_is_better=higher_is_better)
    assert status(m) == expected


def test_direction_says_better_or_worse_by_which_way_is_good():
    assert direction(measure(this_month=D(3), last_month=D(1))) == Direction.BETTER
    falling_cost = measure(this_month=D(3), last_month=D(4), higher_is_better=False)
    assert direction(falling_cost) == Direction.BETTER
    assert direction(measure(this_month=D(3), last_month=D(3))) == Direction.UNCHANGED
    assert direction(measure(this_month=D(3))) == Direction.UNKNOWN
    assert measure_row(measure(this_month=D(3))).change == "no figure for last month"


def test_figures_are_shown_with_their_unit():
    assert format_value(D("1234.50"), "") == "1,234.5"
    assert format_value(D("4.2"), "$") == "$4.20"
    assert format_value(D("-3000"), "$") == "−$3,000"
    assert format_value(D("91.5"), "%") == "91.5%"
    assert format_value(D("12"), "days") == "12 days"
    assert format_value(None, "%") == "–"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,200", D("1200")), ("$4.12", D("4.12")), ("94.5%", D("94.5")), (" -3 ", D("-3"))],
)
def test_figures_are_read_the_way_people_type_them(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "1e20", "ninety", "4..2", "1/2"])
def test_things_that_are_not_usable_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        parse_number(typed)


def test_earlier_months_split_on_commas_and_spaces_but_keep_thousands_together():
    field = FiguresField()
    assert field.clean("93.1, 94.0 94.8") == (D("93.1"), D("94.0"), D("94.8"))
    assert field.clean("93.1,94.0;94.8") == (D("93.1"), D("94.0"), D("94.8"))
    assert field.clean("1,200, 1,350") == (D("1200"), D("1350"))
    with pytest.raises(ValidationError):
        field.clean(" ".join(["1"] * 11))


def test_trend_puts_the_best_value_at_the_top_and_the_target_on_the_same_scale():
    line = trend(measure(earlier=(D(90),), last_month=D(100), this_month=D(95), target=D(100)))
    points = [tuple(map(float, p.split(","))) for p in line.points.split()]
    assert [x for x, _ in points] == [4.0, 60.0, 116.0]
    assert [y for _, y in points] == [32.0, 4.0, 18.0]  # 100 at the top, 90 at the bottom
    assert line.target_y == "4.0"


def test_headline_when_everything_is_on_target():
    rows = [measure_row(measure(this_month=D(5), target=D(4))) for _ in range(2)]
    assert headline(rows) == "All 2 measures with a target are on target."


def test_headline_for_a_single_measure_names_it():
    rows = [measure_row(measure(this_month=D(3), target=D(4)))]
    assert headline(rows) == "Measure is off target."
