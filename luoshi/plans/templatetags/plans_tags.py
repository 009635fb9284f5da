from django import template

from luoshi.lib.quantity import format_amount
from luoshi.plans import selectors as sel

register = template.Library()


@register.filter
def status_label(value) -> str:
    return sel.status_label(value) if value else ""


@register.filter
def pct(value, digits: int = 0) -> str:
    """0..100 → "42%"; None → "—"."""
    if value is None or value == "":
        return "—"
    return f"{float(value):.{int(digits)}f}%"


@register.filter
def frac_pct(value) -> str:
    """0..1 → "42%"."""
    return "—" if value is None else f"{100 * float(value):.0f}%"


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def amount(value, unit: str = "") -> str:
    """750000000|amount:"元" → "7.5亿元" (one rule for every page, see ``luoshi.lib.quantity``); None → "—"."""
    return "—" if value is None or value == "" else format_amount(value, unit)
