"""Amounts and targets read as a Chinese report writes them: never scientific notation, qualifiers in place."""

import pytest

from luoshi.lib.quantity import format_amount, format_number, format_target


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (750_000_000, "元", "7.5亿元"),
        (146_000_000, "元", "1.46亿元"),
        (25_000, "元", "2.5万元"),
        (3_500, "元", "3500元"),
        (150_000, "万元", "15亿元"),
        (800, "万元", "800万元"),
        (-250_000_000, "元", "-2.5亿元"),
        (12, "次", "12次"),
        (0.035, "%", "0.035%"),
        (1_234_567.891, "人", "1234567.89人"),
        (1e20, "", "100000000000000000000"),
    ],
)
def test_amounts_scale_money_and_never_use_scientific_notation(value, unit, shown):
    assert format_amount(value, unit) == shown
    assert "e+" not in shown and "e-" not in format_number(1e-9)


@pytest.mark.parametrize(
    ("value", "unit", "growth", "qualifier", "shown"),
    [
        (12, "次", False, "不少于", "不少于12次"),
        (146_000_000, "元", False, "确保", "确保1.46亿元"),
        (6_500_000_000, "元", False, "力争", "力争65亿元"),
        (5, "%", True, "以上", "增长5%以上"),
        (10, "", True, "左右", "增长10%左右"),
        (750_000_000, "元", False, "", "7.5亿元"),
        (None, "元", False, "确保", ""),
    ],
)
def test_targets_put_each_qualifier_where_chinese_puts_it(value, unit, growth, qualifier, shown):
    assert format_target(value, unit, growth=growth, qualifier=qualifier) == shown
