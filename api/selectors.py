"""The queries behind the downloads: one query per file, whatever the amount of content."""

from roles.models import SalaryFigure


def pay_table():
    """Every pay figure with its role, in ladder order, then newest year first."""
    return SalaryFigure.objects.select_related("role").order_by(
        "role__rank",
        "role__title",
        "-reference_year",
        "occupation_code",
        "source_name",
        "statistic",
    )
