"""Facts: general rules from the eighth round's training openings, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


# --- what grew ---------------------------------------------------------------------------------


def test_an_average_yearly_growth_after_an_amount_is_the_amounts_growth():
    rows = _rows("五年来，全县工业总产值累计完成86.4亿元，年均增长7.2%；税收收入3.1亿元,年均增长5%。")
    assert [(m, v, meas) for m, v, _, meas, _ in rows] == [
        ("工业总产值", 8640000000, "level"),
        ("工业总产值年均增长", 7.2, "growth"),
        ("税收收入", 310000000, "level"),
        ("税收收入年均增长", 5, "growth"),
    ]
    # 人均 stays whole at the end of what is measured
    assert _rows("农民人均达到16300元。")[0][0] == "农民人均"
