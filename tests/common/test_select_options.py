"""`{% select_options %}` writes the options a template loop wrote, byte for byte, escaping
every value and label."""

import pytest
from django.template import engines

LOOP = (
    '{% for value, label in choices %}<option value="{{ value }}"'
    "{% if value == chosen %} selected{% endif %}>{{ label }}</option>{% endfor %}"
)
TAG = "{% load select_options %}{% select_options choices chosen %}"
CHOICES = [
    ("operations-analyst", "Operations Analyst"),
    ('say "hi"', "<b>Tom & Jerry's</b>"),
    ("", "Any"),
]


@pytest.mark.parametrize("chosen", ["operations-analyst", 'say "hi"', "", None, "unknown"])
def test_the_options_are_the_template_loop_s_byte_for_byte(chosen):
    engine = engines["django"]
    context = {"choices": CHOICES, "chosen": chosen}
    by_tag = engine.from_string(TAG).render(context)
    assert by_tag == engine.from_string(LOOP).render(context)
    assert "<b>" not in by_tag and "&lt;b&gt;Tom &amp; Jerry&#x27;s&lt;/b&gt;" in by_tag
    assert by_tag.count(" selected") == (1 if chosen in dict(CHOICES) else 0)
