"""Admin forms for roles, skills, salaries and projections. The rules they show as form
errors live in `ladder.py` and `pay.py`; the fields in `common/forms.py`."""

from django import forms
from django.core.exceptions import ValidationError

from common.forms import ContentForm, KpiLinesField, LinesField, SourcesField

from .content import (
    IndustryVersion,
    RoleRecord,
    SkillRecord,
)
from .ladder import earlier_rung_problems, next_step_problems
from .models import Role, SalaryFigure
from .pay import percentile_order_errors
from .pay_content import ProjectionRecord, SalaryRecord
from .selectors import saved_ladder

# --- roles ---------------------------------------------------------------------------------


class RoleAdminForm(ContentForm):
    content_schema = RoleRecord

    responsibilities = LinesField(help_text="One duty per line; six to ten concrete duties.")
    entry_points = LinesField(
        required=False, rows=5, help_text="How people really get into this role, one per line."
    )
    kpis = KpiLinesField(label="KPIs", required=False)
    sources = SourcesField(required=False)

    def clean(self):
        cleaned_data = super().clean()
        role, rank = self.instance, cleaned_data.get("rank")
        leads_to = cleaned_data.get("leads_to")
        if leads_to is not None:
            named = Role(pk=role.pk, title=cleaned_data.get("title") or role.title)
            saved = saved_ladder()
            for problem in next_step_problems(named, rank, list(leads_to), saved):
                self.add_error("leads_to", problem)
        if rank is not None and role.pk is not None:
            for problem in earlier_rung_problems(role, rank):
                self.add_error("rank", problem)
        reports_to = cleaned_data.get("reports_to")
        if reports_to is not None and role.pk in {r.pk for r in reports_to}:
            self.add_error("reports_to", "A role cannot report to itself.")
        return cleaned_data


class RoleIndustryForm(ContentForm):
    content_schema = IndustryVersion

    kpis = KpiLinesField(label="KPIs in this industry", required=False)


# --- skills --------------------------------------------------------------------------------


class SkillAdminForm(ContentForm):
    content_schema = SkillRecord


# --- salaries ------------------------------------------------------------------------------

SERIES_FIELDS = ("role", "occupation_code", "source_name", "reference_year")


class SalaryFigureInlineForm(ContentForm):
    """One figure on its role's page; the formset checks the percentiles of all of them."""

    content_schema = SalaryRecord


class SalaryFigureForm(SalaryFigureInlineForm):
    """One figure on its own; its percentiles must still rise with the saved rest of its series."""

    def clean(self):
        cleaned_data = super().clean()
        needed = (*SERIES_FIELDS, "statistic", "amount")
        if any(cleaned_data.get(name) is None for name in needed):
            return cleaned_data
        figure = SalaryFigure(pk=self.instance.pk, **{n: cleaned_data[n] for n in needed})
        series = SalaryFigure.objects.filter(**{n: cleaned_data[n] for n in SERIES_FIELDS})
        others = series.exclude(statistic=figure.statistic)
        if figure.pk is not None:
            others = others.exclude(pk=figure.pk)
        for message in percentile_order_errors([*others, figure]):
            self.add_error("amount", message)
        return cleaned_data


class SalaryFigureInlineFormSet(forms.BaseInlineFormSet):
    """All the figures of one role, checked together: percentiles must rise in each series."""

    def clean(self):
        super().clean()
        figures = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue  # its own errors are shown on it first
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            if form.instance.amount is None:
                continue
            figures.append(form.instance)
        messages = percentile_order_errors(figures)
        if messages:
            raise ValidationError(messages)


# --- projections ---------------------------------------------------------------------------


class ProjectionAdminForm(ContentForm):
    content_schema = ProjectionRecord
