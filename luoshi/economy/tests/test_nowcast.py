"""The nowcast's arithmetic on synthetic series: a known linear relation is recovered, heavy noise
is suppressed, too little history gives no estimate with its reason, the back-test only looks back."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from luoshi.economy import nowcast
from luoshi.economy.warnings import add_months

TARGET = dt.date(2026, 11, 1)


def series(n: int, relation, *, noise: float = 0.0, seed: int = 1, target_kwh: float = 640_000):
    """``n`` months before TARGET with kWh varying 300k–900k and output = relation(kWh) × (1 ± noise),
    and TARGET with kWh only (the statistics have not arrived)."""
    rnd = random.Random(seed)
    out = {}
    for k in range(1, n + 1):
        kwh = rnd.uniform(300_000, 900_000)
        out[add_months(TARGET, -k)] = (kwh, relation(kwh) * rnd.uniform(1 - noise, 1 + noise))
    out[TARGET] = (target_kwh, None)
    return out


def linear(kwh: float) -> float:
    return 120 + 0.0021 * kwh  # 万元: a base of 120 and 21 万元 per 10,000 kWh


def test_a_known_linear_relation_is_estimated_within_two_percent():
    est = nowcast.estimate(series(36, linear, noise=0.01), TARGET)
    assert est.status == nowcast.OK and est.shown
    truth = linear(640_000)
    assert abs(est.value - truth) / truth < 0.02
    assert est.fit.months == 24  # the window: the last 24 months only
    assert len(est.backtest) == 12 and est.error_pct < 2
    assert est.fit.slope == pytest.approx(0.0021, rel=0.05)


def test_the_explanation_gives_the_numbers_in_words():
    est = nowcast.estimate(series(36, linear, noise=0.01), TARGET)
    text = est.explain()
    assert "近24个月" in text and "64.0万千瓦时" in text
    assert f"产值约{est.value:,.0f}万元" in text and f"回测平均误差{est.error_pct:.1f}%" in text


def test_heavy_noise_is_suppressed_with_its_error_named():
    est = nowcast.estimate(series(36, linear, noise=0.45, seed=3), TARGET)
    assert est.status == nowcast.SUPPRESSED and not est.shown and est.value is None
    assert est.error_pct > 10
    assert f"{est.error_pct:.1f}%" in est.explain() and "超过允许的10%" in est.explain()


def test_the_county_limit_decides_what_is_too_large():
    data = series(36, linear, noise=0.08, seed=4)
    err = nowcast.estimate(data, TARGET).error_pct
    assert 2 < err < 10
    assert nowcast.estimate(data, TARGET, nowcast.Limits(max_error_pct=err + 0.1)).status == nowcast.OK
    assert (
        nowcast.estimate(data, TARGET, nowcast.Limits(max_error_pct=err - 0.1)).status == nowcast.SUPPRESSED
    )


@pytest.mark.parametrize("months", [0, 5, 12, 17])
def test_too_little_history_gives_no_estimate_and_says_why(months):
    est = nowcast.estimate(series(months, linear), TARGET)
    assert est.status == nowcast.SHORT and est.value is None
    assert est.explain().startswith(f"该企业此前仅有{months}个月") and "至少需要18个月" in est.explain()


def test_eighteen_months_are_enough_with_the_default_limits():
    est = nowcast.estimate(series(18, linear, noise=0.01), TARGET)
    assert est.status == nowcast.OK and len(est.backtest) == 6 and est.fit.months == 18


def test_no_electricity_this_month_no_estimate():
    data = series(36, linear)
    data[TARGET] = (None, None)
    est = nowcast.estimate(data, TARGET)
    assert est.status == nowcast.NO_KWH and "无用电数据" in est.explain()


def test_the_back_test_fits_each_month_on_the_months_before_it_only():
    """Output doubles per kWh from the last month before TARGET: that month's back-test prediction
    still follows the old relation (it could not see itself), the earlier ones are exact."""
    data = series(36, lambda k: 0.002 * k)
    last = add_months(TARGET, -1)
    kwh, _o = data[last]
    data[last] = (kwh, 0.004 * kwh)
    bt = nowcast.backtest(data, TARGET, nowcast.Limits())
    assert [m for m, _p, _r in bt] == [add_months(TARGET, -k) for k in range(12, 0, -1)]
    m, predicted, reported = bt[-1]
    assert m == last and predicted == pytest.approx(0.002 * kwh) and reported == pytest.approx(0.004 * kwh)
    assert all(p == pytest.approx(r) for _m, p, r in bt[:-1])


def test_a_meter_with_the_same_reading_every_month_gets_the_proportional_fit():
    data = {add_months(TARGET, -k): (500_000, 1000.0) for k in range(1, 25)}
    data[TARGET] = (400_000, None)
    est = nowcast.estimate(data, TARGET)
    assert est.status == nowcast.OK and est.value == pytest.approx(800) and est.error_pct == 0


def test_a_relation_that_gives_a_negative_output_is_not_used():
    data = series(36, lambda k: -500 + 0.003 * k)
    data[TARGET] = (100_000, None)  # far below every month seen: a + b·kWh < 0
    est = nowcast.estimate(data, TARGET)
    assert est.status == nowcast.UNFIT and est.value is None and "不为正数" in est.explain()


def test_months_without_output_are_skipped_not_divided_by():
    data = series(36, linear, noise=0.01)
    data[add_months(TARGET, -2)] = (data[add_months(TARGET, -2)][0], 0.0)
    est = nowcast.estimate(data, TARGET)
    assert est.status in (nowcast.OK, nowcast.SUPPRESSED) and len(est.backtest) == 11


def test_the_error_of_a_sum_is_that_of_the_summed_predictions():
    over = nowcast.Estimate(TARGET, nowcast.OK, backtest=[(dt.date(2026, 1, 1), 110, 100)])
    under = nowcast.Estimate(TARGET, nowcast.OK, backtest=[(dt.date(2026, 1, 1), 90, 100)])
    assert nowcast.group_error([over]) == pytest.approx(10)
    assert nowcast.group_error([over, under]) == pytest.approx(0)


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("C3484", "C"),
        ("3484", "C"),
        ("F5212", "F"),
        ("L7212", "L"),
        ("0511", "A"),
        ("A0511", "A"),
        ("T97", "T"),
    ],
)
def test_the_gb4754_section_comes_from_the_division(code, section):
    assert nowcast.section_of(code) == section


@pytest.mark.parametrize("code", ["", "C", "X", "99", "Z9", "  "])
def test_an_unknown_industry_code_has_no_section(code):
    assert nowcast.section_of(code) == ""
