import datetime as dt

import pytest

from luoshi.lib.params import BIGINT_MAX, BadParameter, date_param, int_param


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01", "2026-02-30", "x"])
def test_a_date_outside_the_range_or_unreadable_names_the_parameter(value):
    with pytest.raises(BadParameter) as info:
        date_param(value, "received_from")
    assert info.value.name == "received_from"


def test_dates_in_range_and_empty_values_are_read():
    assert date_param(" 2026-03-01 ", "d") == dt.date(2026, 3, 1)
    assert date_param("1900-01-01", "d") and date_param("2199-12-31", "d")
    assert date_param("", "d") is None and date_param(None, "d") is None


@pytest.mark.parametrize("value", [str(BIGINT_MAX + 1), str(-BIGINT_MAX - 1), "1" * 5000, "1.5", "x"])
def test_an_integer_a_column_cannot_hold_names_the_parameter(value):
    with pytest.raises(BadParameter) as info:
        int_param(value, "unit")
    assert info.value.name == "unit"


def test_integers_in_range_and_empty_values_are_read():
    assert int_param(str(BIGINT_MAX), "unit") == BIGINT_MAX
    assert int_param(" -3 ", "unit") == -3 and int_param(7, "unit") == 7
    assert int_param("", "unit") is None and int_param(None, "unit") is None
