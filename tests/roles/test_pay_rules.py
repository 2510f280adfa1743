"""Which median a role shows, which series its chart draws, and the order percentiles keep,
worked out by hand on unsaved figures."""

from decimal import Decimal

from roles.models import SalaryFigure
from roles.pay import best_median, chart_series, misordered_percentiles, percentile_order_errors


def figure(
    statistic, amount, year=2024, verified=True, code_match="exact", source="BLS", code="11-1021"
):
    return SalaryFigure(
        role_id=1,
        occupation_code=code,
        statistic=statistic,
        amount=Decimal(amount),
        reference_year=year,
        verified=verified,
        code_match=code_match,
        source_name=source,
    )


def test_the_newest_median_is_shown():
    older, newer = figure("median", 90000, year=2023), figure("median", 95000, year=2024)
    assert best_median([older, newer]) is newer


def test_a_verified_median_beats_an_unverified_one_of_the_same_year():
    unverified = figure("median", 99000, verified=False, source="A")
    verified = figure("median", 95000, verified=True, source="B")
    assert best_median([unverified, verified]) is verified


def test_an_exact_occupation_code_beats_a_proxy_of_the_same_year_and_standing():
    proxy = figure("median", 99000, code_match="proxy", source="A")
    exact = figure("median", 95000, code_match="exact", source="B")
    assert best_median([proxy, exact]) is exact


def test_no_median_means_none_shown():
    assert best_median([figure("p10", 50000), figure("p90", 150000)]) is None


def test_the_chart_draws_the_series_with_the_most_points_from_lowest_to_highest():
    full = [figure(s, a) for s, a in [("p90", 180), ("p10", 60), ("median", 100), ("p25", 75)]]
    short = [figure(s, a, source="Other") for s, a in [("p10", 50), ("median", 90), ("p90", 200)]]
    chart = chart_series(full + short)
    assert [f.statistic for f in chart.figures] == ["p10", "p25", "median", "p90"]
    assert (chart.low, chart.high) == (Decimal(60), Decimal(180))
    assert [round(p["percent"], 1) for p in chart.points] == [0.0, 12.5, 33.3, 100.0]


def test_no_chart_with_fewer_than_three_points():
    assert chart_series([figure("p10", 60), figure("median", 100)]) is None


def test_percentiles_that_fall_are_reported_in_pairs():
    figures = [figure("p10", 60), figure("p25", 50), figure("median", 100), figure("p75", 90)]
    pairs = misordered_percentiles(figures, SalaryFigure.series_key)
    assert [(a.statistic, b.statistic) for a, b in pairs] == [("p10", "p25"), ("median", "p75")]


def test_series_are_checked_apart():
    one = [figure("p10", 60), figure("median", 100)]
    other = [figure("p10", 120, source="Other"), figure("median", 130, source="Other")]
    assert misordered_percentiles(one + other, SalaryFigure.series_key) == []


def test_a_range_whose_low_end_is_above_its_high_end_is_reported():
    figures = [figure("range_low", 90), figure("range_high", 80)]
    assert percentile_order_errors(figures) == ["The low end of the range is above the high end."]


def test_the_message_names_both_percentiles_and_the_source():
    messages = percentile_order_errors([figure("p25", 80000), figure("median", 70000)])
    assert messages == ["25th percentile (80,000) is above Median (70,000) for BLS 2024."]


def test_three_points_are_enough_for_a_chart():
    chart = chart_series([figure("p10", 60), figure("median", 100), figure("p90", 180)])
    assert [f.statistic for f in chart.figures] == ["p10", "median", "p90"]


def test_between_series_of_one_length_and_year_the_verified_one_is_charted():
    checked = [figure(s, a, source="A") for s, a in [("p10", 1), ("median", 2), ("p90", 3)]]
    unchecked = [
        figure(s, a, source="B", verified=False) for s, a in [("p10", 5), ("median", 6), ("p90", 7)]
    ]
    assert chart_series(unchecked + checked).figures[0].source_name == "A"
    newer = [
        figure(s, a, source="C", year=2025) for s, a in [("p10", 5), ("median", 6), ("p90", 7)]
    ]
    assert chart_series(checked + newer).figures[0].source_name == "C"


def test_equal_neighbouring_percentiles_are_in_order():
    figures = [
        figure("p10", 60),
        figure("p25", 60),
        figure("range_low", 50),
        figure("range_high", 50),
    ]
    assert misordered_percentiles(figures, SalaryFigure.series_key) == []


def test_a_range_with_one_end_only_is_not_checked():
    assert misordered_percentiles([figure("range_low", 90)], SalaryFigure.series_key) == []


def test_every_series_out_of_order_is_reported():
    one = [figure("p10", 60), figure("median", 50)]
    other = [figure("p10", 120, source="Other"), figure("median", 110, source="Other")]
    assert len(misordered_percentiles(one + other, SalaryFigure.series_key)) == 2


def test_figures_of_different_series_are_never_compared_with_each_other():
    one = [figure("p10", 60), figure("median", 70)]
    other = [figure("p25", 100, source="Other"), figure("p75", 130, source="Other")]
    assert misordered_percentiles(one + other, SalaryFigure.series_key) == []
