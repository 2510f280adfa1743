"""The widgets that write their HTML in Python (common/widgets.py) write what Django's
templates write for the same field, value and errors, escaping included."""

import pytest
from django import forms

from common.widgets import NumberInput, Select

CHOICES = [
    ("", "Any tier"),
    ("entry", "Entry"),
    ("mid", "Mid-level & <up>"),
    ('a"quote', "Quoted"),
    ("Grouped", [("g1", "First"), ("g2", "Second")]),
    (3, "A number"),
]


def form_class(select, number):
    class Form(forms.Form):
        tier = forms.ChoiceField(label="Tier", choices=CHOICES, widget=select)
        optional = forms.ChoiceField(choices=CHOICES, required=False, widget=select)
        years = forms.IntegerField(
            min_value=0, max_value=60, required=False, widget=number(attrs={"class": "short"})
        )

    return Form


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"tier": "mid", "optional": "g2", "years": "4"},
        {"tier": "nope<script>", "optional": "3", "years": "not a number"},
        {"tier": 'a"quote', "years": ""},
    ],
    ids=["unbound", "chosen", "invalid", "escaped"],
)
def test_each_widget_writes_the_html_djangos_template_writes(data):
    ours = form_class(Select, NumberInput)(data, auto_id="f-%s")
    djangos = form_class(forms.Select, forms.NumberInput)(data, auto_id="f-%s")
    if data is not None:
        ours.is_valid(), djangos.is_valid()
    for name in ("tier", "optional", "years"):
        assert str(ours[name]) == str(djangos[name]), name
