"""Template helpers for role pages."""

from django import template

from ..structured_data import occupation

register = template.Library()


@register.filter
def industry_focus(role, industry):
    return role.focus_in(industry)


@register.filter
def occupation_jsonld(profile, request):
    return occupation(profile, request)


@register.filter
def first_clause(text: str, words: int = 14) -> str:
    """The opening of a long text for a summary: its first sentence up to a semicolon, cut to
    a few words. The full text stays on the page."""
    sentence = text.split(". ")[0].split("; ")[0].rstrip(".")
    parts = sentence.split()
    if len(parts) > words:
        return " ".join(parts[:words]).rstrip(",") + "…"
    return sentence + "."
