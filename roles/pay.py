"""The rules of pay figures: which median a role shows, which series is charted, and the order
percentiles must keep."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from .models import PERCENTILE_ORDER, EmploymentProjection, SalaryFigure, Statistic

# The figure shown for a role: the one editors marked as its headline (a rung's estimate where
# rungs share an occupation code), otherwise its newest median: newest year first, verified
# before unverified, an exact occupation code before a proxy.
MEDIAN_ORDER = ("-headline", "-reference_year", "-verified", "code_match", "source_name")
SHOWN_FIGURES = Q(headline=True) | Q(statistic=Statistic.MEDIAN)


def best_median(figures) -> SalaryFigure | None:
    """The figure a role shows, by MEDIAN_ORDER, from any of its figures."""
    shown = [f for f in figures if f.headline or f.statistic == Statistic.MEDIAN]
    shown.sort(
        key=lambda f: (
            not f.headline,
            -f.reference_year,
            not f.verified,
            f.code_match,
            f.source_name,
        )
    )
    return shown[0] if shown else None


@dataclass
class PayChart:
    """One series of percentiles drawn as a scale from the lowest to the highest figure."""

    figures: list[SalaryFigure]
    low: Decimal
    high: Decimal

    @property
    def points(self):
        span = (self.high - self.low) or Decimal(1)
        return [
            {"figure": f, "percent": float((f.amount - self.low) / span * 100)}
            for f in self.figures
        ]


@dataclass
class PaySeries:
    """Figures of one occupation code, source and edition: one table, its notes said once."""

    figures: list[SalaryFigure]

    @property
    def first(self) -> SalaryFigure:
        return self.figures[0]

    @property
    def edition(self) -> str:
        return self.first.edition or str(self.first.reference_year)

    @property
    def notes(self) -> list[str]:
        """Reader notes of the series, each once however many figures repeat it."""
        return list(dict.fromkeys(f.note for f in self.figures if f.note))


@dataclass
class Pay:
    figures: list[SalaryFigure]
    median: SalaryFigure | None
    chart: PayChart | None
    projections: list[EmploymentProjection] = field(default_factory=list)
    series: list[PaySeries] = field(default_factory=list)

    @property
    def editions(self) -> list[str]:
        """The editions the page draws on, newest first, so a mix is said, never hidden."""
        return list(dict.fromkeys(s.edition for s in self.series))

    def median_in(self, industry: str) -> SalaryFigure | None:
        """The median for one industry, where a sourced figure for it exists."""
        return best_median([f for f in self.figures if f.industry == industry])


def chart_series(figures) -> PayChart | None:
    """The newest series with the most percentiles, if one has at least three points."""
    series: dict[tuple, list[SalaryFigure]] = {}
    for figure in figures:
        if figure.statistic in PERCENTILE_ORDER:
            series.setdefault(figure.series_key(), []).append(figure)
    candidates = [s for s in series.values() if len(s) >= 3]
    if not candidates:
        return None
    best = max(candidates, key=lambda s: (len(s), s[0].reference_year, s[0].verified))
    best = sorted(best, key=lambda f: PERCENTILE_ORDER.index(f.statistic))
    return PayChart(best, best[0].amount, best[-1].amount)


def pay_series(figures) -> list[PaySeries]:
    """The figures grouped by series (newest first), each in percentile order."""
    grouped: dict[tuple, list[SalaryFigure]] = {}
    for figure in sorted(figures, key=lambda f: (-f.reference_year, f.occupation_code)):
        grouped.setdefault(figure.series_key(), []).append(figure)
    order = [*PERCENTILE_ORDER, Statistic.RANGE_LOW, Statistic.RANGE_HIGH]
    order.insert(order.index(Statistic.MEDIAN) + 1, Statistic.MEAN)
    return [
        PaySeries(sorted(group, key=lambda f: order.index(f.statistic)))
        for group in grouped.values()
    ]


def newest_outlooks(projections) -> list[EmploymentProjection]:
    """One outlook per occupation: the newest projection (they come newest first), never two
    editions side by side."""
    newest: dict[str, EmploymentProjection] = {}
    for projection in projections:
        newest.setdefault(projection.occupation_code, projection)
    return list(newest.values())


def pay(figures: list[SalaryFigure], projections) -> Pay:
    """The role's pay: the figure it shows and its chart from the figures for all industries;
    figures for one industry are listed, and shown when that industry is chosen."""
    general = [f for f in figures if not f.industry]
    return Pay(
        figures,
        best_median(general),
        chart_series(general),
        newest_outlooks(projections),
        series=pay_series(figures),
    )


def misordered_percentiles(figures, series_key) -> list[tuple]:
    """(lower, higher) pairs whose amounts fall where they should rise, within each series.

    `figures` are anything with a `statistic` and an `amount` (model rows or content records);
    `series_key(figure)` says which series (role, code, source, year) a figure belongs to.
    """
    series: dict[tuple, dict] = {}
    for figure in figures:
        series.setdefault(series_key(figure), {})[figure.statistic] = figure
    pairs = []
    for points in series.values():
        ordered = [points[s] for s in PERCENTILE_ORDER if s in points]
        pairs += [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if a.amount > b.amount]
        low, high = points.get(Statistic.RANGE_LOW), points.get(Statistic.RANGE_HIGH)
        if low and high and low.amount > high.amount:
            pairs.append((low, high))
    return pairs


def percentile_order_errors(figures) -> list[str]:
    """Messages for every series (role, code, source, year) whose percentiles do not rise."""
    messages = []
    for lower, higher in misordered_percentiles(figures, SalaryFigure.series_key):
        if lower.statistic == Statistic.RANGE_LOW:
            messages.append("The low end of the range is above the high end.")
        else:
            messages.append(
                f"{lower.get_statistic_display()} ({lower.amount:,.0f}) is above "
                f"{higher.get_statistic_display()} ({higher.amount:,.0f}) for "
                f"{lower.source_name} {lower.reference_year}."
            )
    return messages
