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
