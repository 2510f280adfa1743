"""The widgets that write their HTML in Python (common/widgets.py) write what Django's
templates write for the same field, value and errors, escaping included."""

import pytest
from django import forms

from common.widgets import NumberInput, Select, TextInput

CHOICES = [
    ("", "Any tier"),
    ("entry", "Entry"),
    ("mid", "Mid-level & <up>"),
    ('a"quote', "Quoted"),
    ("Grouped", [("g1", "First"), ("g2", "Second")]),
    (3, "A number"),
]


def form_class(select, number, text):
    class Form(forms.Form):
        tier = forms.ChoiceField(label="Tier", choices=CHOICES, widget=select)
        optional = forms.ChoiceField(choices=CHOICES, required=False, widget=select)
        years = forms.IntegerField(
            min_value=0, max_value=60, required=False, widget=number(attrs={"class": "short"})
        )
        target = forms.CharField(
            max_length=20, required=False, widget=text(attrs={"autocomplete": "off"})
        )

    return Form


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"tier": "mid", "optional": "g2", "years": "4", "target": "Operations Manager"},
        {"tier": "nope<script>", "optional": "3", "years": "not a number", "target": "x" * 30},
        {"tier": 'a"quote', "years": "", "target": '"><script>&amp;'},
    ],
    ids=["unbound", "chosen", "invalid", "escaped"],
)
def test_each_widget_writes_the_html_djangos_template_writes(data):
    ours = form_class(Select, NumberInput, TextInput)(data, auto_id="f-%s")
    djangos = form_class(forms.Select, forms.NumberInput, forms.TextInput)(data, auto_id="f-%s")
    if data is not None:
        ours.is_valid(), djangos.is_valid()
    for name in ("tier", "optional", "years", "target"):
        assert str(ours[name]) == str(djangos[name]), name
