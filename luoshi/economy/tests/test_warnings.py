"""The warning rules on made-up series: each fires on its case, with its numbers in the words, and
stays quiet on the look-alike that should not fire."""

import datetime as dt

import pytest
from django.utils import translation

from luoshi.economy import warnings as rules


@pytest.fixture(autouse=True)
def _chinese():
    """The messages are checked in the source language, whatever an earlier test left active."""
    with translation.override("zh-hans"):
        yield


LAST = dt.date(2026, 6, 1)
LIMITS = rules.Limits()
AS_OF = {"kwh": LAST, "output": LAST, "sales": LAST, "employment": LAST, "any": LAST}


def series(overrides=None, months=24):
    """Steady figures with a February dip; ``overrides``: {(months ago, metric): value}."""
    out = {}
    for ago in range(months):
        m = rules.add_months(LAST, -ago)
        dip = 0.7 if m.month == 2 else 1.0
        row = {"kwh": 1000.0 * dip, "output": 500.0 * dip, "sales": 300.0, "employment": 100.0}
        for (a, metric), v in (overrides or {}).items():
            if a == ago:
                row[metric] = v
        out[m] = row
    return out


def kinds(s, **kw):
    return [
        w.kind for w in rules.check(s, kw.pop("as_of", AS_OF), LIMITS, industrial=kw.pop("industrial", True))
    ]


def test_a_steady_enterprise_with_a_february_dip_raises_nothing():
    assert kinds(series()) == []


def test_electricity_down_while_output_flat_is_flagged_with_both_numbers():
    (w,) = rules.check(series({(0, "kwh"): 700.0}), AS_OF, LIMITS, industrial=True)
    assert w.kind == rules.KWH_DROP
    assert "-30.0%" in w.message and "+0.0%" in w.message and "700" in w.message


def test_electricity_down_with_output_down_too_is_not_that_warning():
    assert rules.KWH_DROP not in kinds(series({(0, "kwh"): 700.0, (0, "output"): 350.0}))


def test_electricity_down_less_than_the_threshold_is_not_flagged():
    assert kinds(series({(0, "kwh"): 810.0})) == []


def test_three_months_of_year_on_year_decline_are_flagged_two_are_not():
    two = series({(0, "output"): 450.0, (1, "output"): 450.0})
    assert rules.DECLINE not in kinds(two)
    three = series({(0, "output"): 450.0, (1, "output"): 450.0, (2, "output"): 480.0})
    (w,) = [w for w in rules.check(three, AS_OF, LIMITS, industrial=True) if w.kind == rules.DECLINE]
    assert "-10.0%" in w.message and "-4.0%" in w.message


def test_revenue_near_or_below_the_above_scale_line_is_flagged_for_industry_only():
    near = series()  # 12 × 170 = 2040 万元: within 10 % above 2000
    for m in near:
        near[m]["sales"] = 170.0
    (w,) = rules.check(near, AS_OF, LIMITS, industrial=True)
    assert w.kind == rules.THRESHOLD and "2,040" in w.message and "接近" in w.message
    assert kinds(near, industrial=False) == []
    below = series()
    for m in below:
        below[m]["sales"] = 150.0
    assert "已低于" in rules.check(below, AS_OF, LIMITS, industrial=True)[0].message


def test_a_sharp_fall_in_staff_is_flagged():
    (w,) = rules.check(series({(0, "employment"): 80.0}), AS_OF, LIMITS, industrial=True)
    assert w.kind == rules.EMPLOYMENT and "80" in w.message and "-20.0%" in w.message


def test_an_enterprise_that_stopped_reporting_is_flagged_a_new_one_is_not():
    s = series()
    for ago in range(2):
        del s[rules.add_months(LAST, -ago)]
    (w,) = rules.check(s, AS_OF, LIMITS, industrial=True)
    assert w.kind == rules.STALE and "2026年4月" in w.message
    assert kinds({}, industrial=True) == []


def test_thresholds_come_from_the_limits():
    s = series({(0, "kwh"): 850.0})
    assert kinds(s) == []
    strict = rules.Limits(kwh_drop_pct=10)
    assert [w.kind for w in rules.check(s, AS_OF, strict, industrial=True)] == [rules.KWH_DROP]


def test_each_rule_judges_the_latest_month_of_its_own_figures():
    """A new month of electricity alone does not silence the output rules of the month before."""
    s = series({(1, "output"): 450.0, (2, "output"): 450.0, (3, "output"): 450.0})
    s[rules.add_months(LAST, 1)] = {"kwh": 1000.0}
    as_of = {
        **AS_OF,
        "kwh": rules.add_months(LAST, 1),
        "any": rules.add_months(LAST, 1),
        "output": rules.add_months(LAST, -1),
    }
    assert rules.DECLINE in kinds(s, as_of=as_of)
