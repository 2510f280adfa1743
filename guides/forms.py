"""The update builder's form: a few measures, risks and asks, read from the query string.

Nothing here is saved; the forms only check what was typed and say clearly what is wrong.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from .update import MeasureInput

MAX_MEASURES = 6
STARTING_MEASURES = 3
MAX_LIST_ITEMS = 5
MAX_ITEM_LENGTH = 200
MAX_EARLIER_MONTHS = 10
LARGEST_NUMBER = Decimal("1e12")

NUMBER_MESSAGE = "Enter a number, such as 94.5 or 1,200."
_DECORATION = re.compile(r"^[$€£]|%$")
# Spaces, semicolons and commas separate figures; a comma before three digits groups thousands.
_SEPARATOR = re.compile(r"[;\s]+|,(?!\d{3}(?:\D|$))")


def parse_number(text: str) -> Decimal:
    """A figure as people type it: "1,200", "$4.12" and "94.5%" are all numbers."""
    cleaned = _DECORATION.sub("", text.replace(",", "").replace(" ", "").strip())
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(NUMBER_MESSAGE, code="invalid") from None
    if not value.is_finite():
        raise ValidationError(NUMBER_MESSAGE, code="invalid")
    if abs(value) >= LARGEST_NUMBER:
        raise ValidationError("Enter a number below one trillion.", code="too_large")
    return value


class DescribedFields:
    """Point each input at its help text and at the slot where its error appears, so a screen
    reader reads the message that the builder puts next to the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_helptext"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*ids, f"{auto_id}_error"])


class TypedTextField(forms.CharField):
    """Text that becomes something else (a number, a list): its length is checked on the text
    as typed, before it is converted."""

    def __init__(self, *, limit: int, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.limit = limit
        self.widget.attrs["maxlength"] = str(limit)

    def text(self, value) -> str:
        text = super().to_python(value)
        if len(text) > self.limit:
            raise ValidationError(
                f"Keep this to {self.limit} characters (it has {len(text)}).", code="max_length"
            )
        return text


class FigureField(TypedTextField):
    """A number typed as text, so the person sees their own typing back when it is wrong."""

    def __init__(self, **kwargs):
        super().__init__(limit=24, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": 8})

    def to_python(self, value):
        text = self.text(value)
        return parse_number(text) if text else None


class FiguresField(TypedTextField):
    """Earlier months as comma- or space-separated figures, oldest first."""

    def __init__(self, **kwargs):
        super().__init__(limit=200, **kwargs)
        self.widget.attrs.update({"autocomplete": "off"})

    def to_python(self, value):
        text = self.text(value)
        if not text:
            return ()
        pieces = [p for p in _SEPARATOR.split(text) if p]
        if len(pieces) > MAX_EARLIER_MONTHS:
            raise ValidationError(
                f"Give at most {MAX_EARLIER_MONTHS} earlier months.", code="too_many"
            )
        try:
            return tuple(parse_number(piece) for piece in pieces)
        except ValidationError:
            raise ValidationError(
                "Separate the figures with spaces or commas, such as 93.1, 94.0, 94.8.",
                code="invalid",
            ) from None


class LinesField(TypedTextField):
    """A short list typed one item per line."""

    widget = forms.Textarea

    def __init__(self, **kwargs):
        super().__init__(limit=MAX_LIST_ITEMS * (MAX_ITEM_LENGTH + 2), **kwargs)
        self.widget.attrs.update({"rows": 3})

    def to_python(self, value):
        text = self.text(value)
        lines = [" ".join(line.split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_LIST_ITEMS:
            raise ValidationError(
                f"Keep it to {MAX_LIST_ITEMS} lines; the update fits on one page.",
                code="too_many",
            )
        long = [n for n, line in enumerate(lines, start=1) if len(line) > MAX_ITEM_LENGTH]
        if long:
            raise ValidationError(
                f"Line {long[0]} is longer than {MAX_ITEM_LENGTH} characters; shorten it.",
                code="too_long",
            )
        return lines


class MeasureForm(DescribedFields, forms.Form):
    name = forms.CharField(label="Measure", max_length=60, required=False)
    unit = forms.CharField(
        label="Unit",
        max_length=12,
        required=False,
        help_text="%, $, days, units…",
    )
    better = forms.ChoiceField(
        label="Better when",
        choices=[("higher", "Higher"), ("lower", "Lower")],
        initial="higher",
        required=False,
    )
    this_month = FigureField(label="This month")
    target = FigureField(label="Target")
    last_month = FigureField(label="Last month")
    year_to_date = FigureField(label="Year to date")
    earlier = FiguresField(
        label="Earlier months",
        help_text="Optional, oldest first, for the trend line.",
    )

    FIGURES = ("this_month", "target", "last_month", "year_to_date")

    def has_changed(self):
        # The "better when" select always sends a value; a row is blank when nothing else is.
        return any(
            self.data.get(self.add_prefix(n), "").strip() for n in self.fields if n != "better"
        )

    def clean(self):
        data = super().clean()
        typed = any(data.get(n) is not None for n in self.FIGURES) or data.get("earlier")
        if typed and not data.get("name"):
            self.add_error("name", "Name this measure, such as On-time delivery.")
        if data.get("name") and data.get("this_month") is None and "this_month" not in self.errors:
            self.add_error("this_month", "Give this month's figure.")
        return data

    def measure(self) -> MeasureInput | None:
        data = self.cleaned_data
        if not data.get("name"):
            return None
        return MeasureInput(
            name=data["name"],
            unit=data.get("unit") or "",
            higher_is_better=data.get("better") != "lower",
            this_month=data.get("this_month"),
            target=data.get("target"),
            last_month=data.get("last_month"),
            year_to_date=data.get("year_to_date"),
            earlier=data.get("earlier") or (),
        )


class BaseMeasureFormSet(forms.BaseFormSet):
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_many_forms": "The update takes at most %(num)d measures; remove one.",
        "missing_management_form": (
            "The list of measures was incomplete; start again from the form."
        ),
    }


MeasureFormSet = forms.formset_factory(
    MeasureForm,
    formset=BaseMeasureFormSet,
    extra=0,
    min_num=0,
    max_num=MAX_MEASURES,
    absolute_max=MAX_MEASURES,
    validate_max=True,
)
MEASURE_PREFIX = "m"


class UpdateForm(DescribedFields, forms.Form):
    team = forms.CharField(
        label="Team or area", max_length=80, required=False, help_text="Such as Plant 2 operations."
    )
    period = forms.CharField(
        label="Period", max_length=40, required=False, help_text="Such as November 2026."
    )
    headline = forms.CharField(
        label="Headline",
        max_length=200,
        required=False,
        help_text="One sentence. Leave it empty and we write one from your measures.",
    )
    risks = LinesField(label="Risks", help_text="One per line, with what you are doing about it.")
    asks = LinesField(
        label="Decisions or help you need", help_text="One per line, with who and by when."
    )


def measure_formset(query) -> MeasureFormSet:
    """The measures in the query string; blank rows to start with when there are none.

    `add` in the query string (the "Add a measure" button) shows one more blank row, up to the
    maximum, keeping every figure already typed.
    """
    if f"{MEASURE_PREFIX}-TOTAL_FORMS" not in query:
        return MeasureFormSet(prefix=MEASURE_PREFIX, initial=[{}] * STARTING_MEASURES)
    data = query.copy()
    if "add" in query:
        try:
            rows = int(query[f"{MEASURE_PREFIX}-TOTAL_FORMS"])
        except ValueError:
            rows = None
        if rows is not None and 0 <= rows < MAX_MEASURES:
            data[f"{MEASURE_PREFIX}-TOTAL_FORMS"] = str(rows + 1)
    return MeasureFormSet(data, prefix=MEASURE_PREFIX)
