"""Form fields and the ModelForm base every content admin shares.

An editor's save must always be exportable back to the content files, so each form also holds
its fields to the pydantic schema of the file the record is written to.
"""

import json
from functools import cache

import pydantic
from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import InvalidJSONInput
from pydantic import BaseModel, TypeAdapter

from .content import Source

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
