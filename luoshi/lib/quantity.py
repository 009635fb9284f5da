"""How amounts and targets read in Chinese: 7.5亿元 (never 7.5e+08元), 不少于12次, 增长5%以上.

The report reader stores money in yuan (7.5亿元 → 750000000, unit 元); people read it in 万元 or 亿元.
Qualifiers stand where Chinese puts them (DOMAIN.md §10.2): 确保 / 力争 / 不少于 before the number,
以上 / 左右 after it. Board, print view, item page, API and export all go through these functions.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

# Qualifiers written before the number; every other qualifier follows it.
QUALIFIERS_BEFORE = ("确保", "力争", "不少于")

# (unit, threshold, divisor, shown unit): the first line that applies wins.
_MONEY = (
    ("元", 1e8, 1e8, "亿元"),
    ("元", 1e4, 1e4, "万元"),
    ("万元", 1e4, 1e4, "亿元"),
)


def format_number(value: float, max_decimals: int = 2) -> str:
    """A plain decimal without scientific notation or trailing zeros: 7.5, 12, 0.035, 1234567."""
    if value == int(value):
        return str(int(value))
    decimals = max_decimals
    # Small numbers keep two significant digits (0.035, not 0.04).
    while decimals < 8 and abs(value) < 10 ** (2 - decimals):
        decimals += 1
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def format_amount(value: float | None, unit: str = "") -> str:
    """A value with its unit, money scaled to 万元 / 亿元: (750000000, "元") → "7.5亿元"; None → ""."""
    if value is None:
        return ""
    value = float(value)
    for base, threshold, divisor, shown in _MONEY:
        if unit == base and abs(value) >= threshold:
            return f"{format_number(value / divisor)}{shown}"
    return f"{format_number(value)}{unit}"


def format_target(value: float | None, unit: str, *, growth: bool = False, qualifier: str = "") -> str:
    """A promised target as a report would say it: 确保1.46亿元, 不少于12次, 增长5%以上."""
    if value is None:
        return ""
    if growth:
        text = _("增长%(v)s%(u)s") % {"v": format_number(float(value)), "u": unit or "%"}
    else:
        text = format_amount(value, unit)
    if not qualifier:
        return text
    return f"{qualifier}{text}" if qualifier in QUALIFIERS_BEFORE else f"{text}{qualifier}"
