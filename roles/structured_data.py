"""schema.org Occupation for a role profile, built from the figures the page shows."""

from .models import Statistic

_PERCENTILE_KEYS = {
    Statistic.P10: "percentile10",
    Statistic.P25: "percentile25",
    Statistic.MEDIAN: "median",
    Statistic.P75: "percentile75",
    Statistic.P90: "percentile90",
}


def occupation(profile, request) -> dict:
    role = profile.role
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.title,
        "description": role.summary,
        "url": request.build_absolute_uri(role.get_absolute_url()),
        "educationRequirements": role.education,
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": role.years_min * 12,
        },
        "responsibilities": list(role.responsibilities),
        "skills": [rs.skill.name for group in profile.skill_groups for rs in group.skills],
        "qualifications": [f"{c.acronym} – {c.name}" for c in profile.certifications],
    }
    median = profile.pay.median
    if median:
        data["occupationalCategory"] = median.occupation_code
        distribution = {
            "@type": "MonetaryAmountDistribution",
            "name": f"{median.source_name}, {median.reference_year}",
            "currency": median.currency,
            "duration": "P1Y",
        }
        if median.statistic == Statistic.MEDIAN:  # a rung's estimate is not the median
            distribution["median"] = float(median.amount)
        chart = profile.pay.chart
        if chart and chart.figures[0].series_key() == median.series_key():
            for figure in chart.figures:
                distribution[_PERCENTILE_KEYS[figure.statistic]] = float(figure.amount)
        data["estimatedSalary"] = [distribution]
        data["occupationLocation"] = {"@type": "Country", "name": median.region}
    return data
