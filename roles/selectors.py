"""Every query the roles pages make, each returning what one page needs in a fixed number
of queries, whatever the amount of content."""

from itertools import groupby

from django.db.models import Prefetch

from .models import Role, SalaryFigure, Statistic


def _with_median(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "salary_figures",
            queryset=SalaryFigure.objects.filter(statistic=Statistic.MEDIAN).order_by(
                "-reference_year", "-verified", "code_match"
            ),
            to_attr="median_figures",
        )
    )


def median_figure(role: Role) -> SalaryFigure | None:
    """The newest median for a role (exact codes before proxies, verified before not)."""
    figures = getattr(role, "median_figures", None)
    if figures is None:
        figures = list(
            role.salary_figures.filter(statistic=Statistic.MEDIAN).order_by(
                "-reference_year", "-verified", "code_match"
            )
        )
    return figures[0] if figures else None


def ladder_rungs() -> list[tuple[int, list[Role]]]:
    """Roles grouped by rung, lowest first, each with its median figure and next roles."""
    roles = list(
        _with_median(Role.objects.all()).prefetch_related("leads_to").order_by("rank", "title")
    )
    for role in roles:
        role.median = median_figure(role)
    return [(rank, list(group)) for rank, group in groupby(roles, key=lambda r: r.rank)]
