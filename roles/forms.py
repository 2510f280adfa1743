"""Admin forms for roles and salaries, and the form fields every content admin shares.

An editor's save must always be exportable back to the content files, so each form also holds
its fields to the pydantic schema of the file the record is written to (`roles/content.py`).
"""

import json
from functools import cache

import pydantic
from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import InvalidJSONInput
from pydantic import BaseModel, TypeAdapter

from .content import ProjectionRecord, RoleRecord, SalaryRecord, SkillRecord, Source
from .models import (
    Role,
    SalaryFigure,
    Tier,
    ladder_cycle,
    percentile_order_errors,
)

# --- fields for the JSON lists -----------------------------------------------------------------


class LinesField(forms.CharField):
    """A list of texts edited as a textarea, one item per line; blank lines are dropped."""

    widget = forms.Textarea

    def __init__(self, *, rows: int = 8, **kwargs):
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)
        self.widget.attrs.update({"rows": rows, "class": "vLargeTextField"})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(map(str, value))
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        return self.prepare_value(initial or []) != "\n".join(self.to_python(data))


class KpiLinesField(LinesField):
    """KPIs as `Name: how it is measured` lines, stored as [{"name", "measure"}]."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "One per line, as “Name: how it is measured”.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{kpi.get('name', '')}: {kpi.get('measure', '')}" for kpi in value)
        return value

    def to_python(self, value):
        kpis, problems = [], []
        for number, line in enumerate(super().to_python(value), start=1):
            name, colon, measure = line.partition(":")
            if not colon or not name.strip() or not measure.strip():
                problems.append(f"Line {number} (“{line[:40]}”): write “Name: how it is measured”.")
                continue
            kpis.append({"name": name.strip(), "measure": measure.strip()})
        if problems:
            raise ValidationError(problems)
        return kpis

    def has_changed(self, initial, data):
        try:
            return (initial or []) != self.to_python(data)
        except ValidationError:
            return True


SOURCE_LIST = TypeAdapter(list[Source])


class SourcesField(forms.JSONField):
    """Where the facts come from, as a JSON list of {"title", "url", "date"} objects."""

    default_help_text = (
        'A JSON list, e.g. [{"title": "O*NET OnLine, 11-1021.00", '
        '"url": "https://www.onetonline.org/link/summary/11-1021.00", "date": "2025"}]. '
        "The url is optional; the date is the year or date the source holds for."
    )

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", self.default_help_text)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 8, "class": "vLargeTextField"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values and not self.required:
            return
        try:
            sources = SOURCE_LIST.validate_python(value)
        except pydantic.ValidationError as exc:
            raise ValidationError([_source_message(error) for error in exc.errors()]) from exc
        if self.required and not sources:
            raise ValidationError("Name at least one source.")

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return []
        # Store them exactly as the content files write them.
        return [
            source.model_dump(mode="json", exclude_none=True)
            for source in SOURCE_LIST.validate_python(value)
        ]


def _source_message(error) -> str:
    where = error["loc"]
    if not where:
        return "Write a list of sources: [ {…}, {…} ]."
    number = f"Source {where[0] + 1}" if isinstance(where[0], int) else "Source"
    field = ".".join(str(part) for part in where[1:])
    message = _friendly(field.split(".")[-1] if field else "", error)
    return f"{number}: {field}: {message}" if field else f"{number}: {message}"


class TierCheckboxesField(forms.MultipleChoiceField):
    """The tiers a certification suits, ticked as checkboxes, kept in ladder order."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Tier.choices, **kwargs)

    def clean(self, value):
        chosen = set(super().clean(value))
        return [tier for tier in Tier.values if tier in chosen]


# --- the content schema behind every admin form --------------------------------------------

_PATTERN_MESSAGES = {
    "slug": "Use lowercase letters, digits and single hyphens, e.g. operations-manager.",
    "occupation_code": "Write a Standard Occupational Classification code like 11-1021.",
    "currency": "Write a three-letter currency code in capitals, e.g. USD.",
    "url": "Write a full address starting with http:// or https://.",
}


def _friendly(field: str, error: dict) -> str:
    if error["type"] == "string_pattern_mismatch":
        if field in _PATTERN_MESSAGES:
            return _PATTERN_MESSAGES[field]
        if field.endswith("url"):
            return _PATTERN_MESSAGES["url"]
    if error["type"] in {"missing", "string_too_short", "too_short"}:
        return "This field is required."
    return error["msg"].replace("Input should be", "Must be")


@cache
def _adapter(schema: type[BaseModel], name: str) -> TypeAdapter:
    return TypeAdapter(schema.model_fields[name].rebuild_annotation())


def schema_errors(checks: dict[str, tuple[type[BaseModel], str]], values: dict) -> dict:
    """An error message for each value its content schema field would refuse."""
    errors = {}
    for name, value in values.items():
        if name not in checks:
            continue
        schema, schema_field = checks[name]
        info = schema.model_fields[schema_field]
        if value == "" and not info.is_required() and info.default is None:
            value = None  # an empty text box means "not given"
        try:
            _adapter(schema, schema_field).validate_python(value)
        except pydantic.ValidationError as exc:
            errors[name] = _friendly(schema_field, exc.errors()[0])
    return errors


class ContentForm(forms.ModelForm):
    """A ModelForm that also refuses what its content file's schema would refuse.

    `content_schema` is the record the model is exported as; fields with the same name are
    checked against it, and `schema_fields` maps the others (form field -> schema, field).
    The admin supplies the model and the fields (from each ModelAdmin's fieldsets).
    """

    content_schema: type[BaseModel] | None = None
    schema_fields: dict[str, tuple[type[BaseModel], str]] = {}

    def schema_checks(self) -> dict[str, tuple[type[BaseModel], str]]:
        checks = {}
        if self.content_schema is not None:
            checks = {
                name: (self.content_schema, name)
                for name in self.content_schema.model_fields
                if name in self.fields
            }
        return {**checks, **self.schema_fields}

    def _post_clean(self):
        # After the model's own validation, so its messages (e.g. "Pay cannot be negative.")
        # come first; only fields still without an error are checked against the schema.
        super()._post_clean()
        values = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and not hasattr(value, "_meta") and not _is_queryset(value)
        }
        for name, message in schema_errors(self.schema_checks(), values).items():
            self.add_error(name, message)


def _is_queryset(value) -> bool:
    return hasattr(value, "model") and hasattr(value, "query")


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
        leads_to = cleaned_data.get("leads_to")
        if leads_to is not None:
            self._check_next_steps(list(leads_to), cleaned_data.get("rank"))
        reports_to = cleaned_data.get("reports_to")
        if reports_to is not None and self.instance.pk in {r.pk for r in reports_to}:
            self.add_error("reports_to", "A role cannot report to itself.")
        return cleaned_data

    def _check_next_steps(self, leads_to: list[Role], rank: int | None) -> None:
        role = self.instance
        if role.pk is not None and role.pk in {r.pk for r in leads_to}:
            self.add_error("leads_to", "A role cannot lead to itself.")
            return
        named = Role(pk=role.pk, title=self.cleaned_data.get("title") or role.title)
        cycle = ladder_cycle(named, leads_to)
        if cycle:
            self.add_error(
                "leads_to",
                "The ladder would go round in a circle: " + " → ".join(cycle) + ".",
            )
            return
        if rank is None:
            return
        for step in leads_to:
            if step.rank <= rank:
                self.add_error(
                    "leads_to",
                    f"{step.title} is on rung {step.rank}; a next step must sit on a higher "
                    f"rung than this role's {rank}.",
                )
        if role.pk is not None:
            for earlier in role.comes_from.all():
                if earlier.rank >= rank:
                    self.add_error(
                        "rank",
                        f"{earlier.title} (rung {earlier.rank}) leads to this role, so it must "
                        f"sit above rung {earlier.rank}.",
                    )


def rung_move_problem(role: Role, rank: int) -> str | None:
    """Why `role` cannot move to rung `rank`, or None when it can."""
    if not 1 <= rank <= 50:
        return f"{role.title} is already on rung {role.rank}, the end of the ladder."
    blocking = [r for r in role.leads_to.all() if r.rank <= rank]
    blocking += [r for r in role.comes_from.all() if r.rank >= rank]
    if blocking:
        names = ", ".join(f"{r.title} (rung {r.rank})" for r in blocking)
        return f"{role.title} cannot move to rung {rank}: it would pass {names} on the ladder."
    return None


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

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_year"), cleaned_data.get("end_year")
        if start is not None and end is not None and end <= start:
            self.add_error("end_year", "The period must end after it starts.")
        return cleaned_data
