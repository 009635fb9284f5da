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


@register.filter
def wan(value) -> str:
    """kWh in 万千瓦时 (ten thousands), one decimal."""
    return "—" if value is None else f"{value / 10000:,.1f}"


@register.filter
def nowcast_status(value) -> str:
    from luoshi.economy.nowcast import status_labels

    return status_labels().get(value, value)
