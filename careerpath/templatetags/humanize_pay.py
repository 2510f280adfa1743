"""Formatting of money and ranges for the templates."""

from decimal import Decimal

from django import template

register = template.Library()

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


@register.filter
def money(amount, currency="USD"):
    """102950 -> "$102,950"; None -> "not published"."""
    if amount in (None, ""):
        return "not published"
    value = Decimal(amount)
    symbol = SYMBOLS.get(currency)
    text = f"{value:,.0f}"
    if value < 0:
        return f"−{symbol or ''}{text[1:]}" + ("" if symbol else f" {currency}")
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


@register.filter
def signed_money(amount, currency="USD"):
    """A change in pay: +$12,000 or −$3,000."""
    if amount in (None, ""):
        return "unknown"
    value = Decimal(amount)
    sign = "+" if value >= 0 else "−"
    return sign + money(abs(value), currency)


@register.filter
def years_range(role):
    if role.years_min == role.years_max:
        return f"{role.years_min} years"
    return f"{role.years_min}–{role.years_max} years"
