"""Number formats of the economy pages: signed percentages and figures with thousands separators."""

from django import template

register = template.Library()


@register.filter
def pct(value) -> str:
    return "—" if value is None else f"{value:+.1f}%"


@register.filter
def num(value, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{int(digits)}f}"


@register.filter
def share(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
