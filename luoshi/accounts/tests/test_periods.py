"""Statistical periods, pure: how sheets and people write them, and what a cumulative value covers."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.accounts import periods
from luoshi.accounts.periods import MONTH, QUARTER, YEAR, Period


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2026", Period(2026, YEAR)),
        ("2026年", Period(2026, YEAR)),
        ("2026年度", Period(2026, YEAR)),
        (2026.0, Period(2026, YEAR)),
        ("2026-Q3", Period(2026, QUARTER, 3)),
        ("2026q1", Period(2026, QUARTER, 1)),
        ("2026年第三季度", Period(2026, QUARTER, 3)),
        ("2026年第4季度", Period(2026, QUARTER, 4)),
        ("2026-09", Period(2026, MONTH, 9)),
        ("2026-9", Period(2026, MONTH, 9)),
        ("2026年9月", Period(2026, MONTH, 9)),
        ("2026年1-9月", Period(2026, MONTH, 9)),
        ("2026年1－9月累计", Period(2026, MONTH, 9)),
        ("2026/09", Period(2026, MONTH, 9)),
        (dt.date(2026, 9, 30), Period(2026, MONTH, 9)),
        (dt.datetime(2026, 9, 1, 8, 0), Period(2026, MONTH, 9)),
    ],
)
def test_parse_reads_the_usual_spellings(text, expected):
    assert periods.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", None, "2026-13", "2026-00", "1999", "2026-Q5", "九月", "2026年13月", "abc"]
)
def test_parse_refuses_what_is_not_a_period(text):
    with pytest.raises(periods.PeriodError):
        periods.parse(text)


def test_keys_round_trip():
    for p in (Period(2026, YEAR), Period(2026, QUARTER, 2), Period(2026, MONTH, 7)):
        assert periods.parse(p.key) == p


def test_a_cumulative_value_covers_the_year_up_to_its_last_month():
    sep = Period(2026, MONTH, 9)
    assert sep.start(cumulative=True) == dt.date(2026, 1, 1)
    assert sep.start() == dt.date(2026, 9, 1)
    assert sep.end() == dt.date(2026, 10, 1)
    assert sep.elapsed_share() == 0.75
    assert Period(2026, QUARTER, 2).elapsed_share() == 0.5
    assert Period(2026, YEAR).end() == dt.date(2027, 1, 1)
    assert sep.label(cumulative=True) == "2026年1-9月"
    assert Period(2026, QUARTER, 3).label() == "2026年第3季度"


def test_an_indicator_accepts_its_own_period_and_coarser_ones_only():
    assert periods.accepts(MONTH, Period(2026, QUARTER, 1))
    assert periods.accepts(MONTH, Period(2026, YEAR))
    assert periods.accepts(QUARTER, Period(2026, QUARTER, 1))
    assert not periods.accepts(QUARTER, Period(2026, MONTH, 3))
    assert not periods.accepts(YEAR, Period(2026, MONTH, 3))


@pytest.mark.parametrize(
    "period,cumulative,english",
    [
        (Period(2026, YEAR), False, "2026"),
        (Period(2026, YEAR), True, "2026"),
        (Period(2026, QUARTER, 3), False, "Q3 2026"),
        (Period(2026, QUARTER, 3), True, "Jan–Sep 2026"),
        (Period(2026, QUARTER, 1), True, "Jan–Mar 2026"),
        (Period(2026, MONTH, 11), True, "Jan–Nov 2026"),
        (Period(2026, MONTH, 11), False, "Nov 2026"),
        (Period(2026, MONTH, 1), True, "Jan 2026"),
    ],
)
def test_the_shown_label_follows_the_language_and_the_writer_keeps_chinese(period, cumulative, english):
    assert period.display(cumulative, "en") == english
    assert period.display(cumulative, "en-us") == english
    # Chinese readers (and the report writer, which uses ``label``) see the same Chinese text
    assert period.display(cumulative, "zh-hans") == period.label(cumulative)
    assert "年" in period.label(cumulative) and "年" not in english
