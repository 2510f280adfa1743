"""`{% select_options choices chosen %}`: the <option> elements of a select, written in Python.

A template loop over a list of choices costs a few microseconds an option (a variable, an if,
another variable); the path planner's two role pickers and its industry list print some thirty
on every route. This writes the same HTML, every value and label escaped as the template's
variables are, for `choices` of (value, label) pairs.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def select_options(choices, chosen) -> str:
    """<option value="…">…</option> for each (value, label), the one whose value is `chosen`
    marked selected (compared as the template's `==` compares), with nothing between them."""
    return mark_safe(  # noqa: S308 - every value and label is escaped
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if value == chosen else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )
