"""Helpers for the summaries at the top of pages."""

from django import template

register = template.Library()


@register.filter
def first_clause(text: str, words: int = 14) -> str:
    """The opening of a long text for a summary: its first sentence up to a semicolon, cut to
    a few words. The full text stays on the page."""
    sentence = text.split(". ")[0].split("; ")[0].rstrip(".")
    parts = sentence.split()
    if len(parts) > words:
        return " ".join(parts[:words]).rstrip(",") + "…"
    return sentence + "."
