"""Property tests: the reader takes any input without crashing, and its offsets never lie.

* parse never raises on arbitrary text;
* on arbitrary bytes it returns a report or raises ReportError, nothing else;
* every fact's quote is exactly text[start:end], and so is every section heading;
* every value is a finite number.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import ReportError, parse

# Pieces of report prose, so that generated text reaches the number and heading code paths.
PIECES = [
    "一、2023年工作回顾\n",
    "二、2024年工作安排\n",
    "——2024年3月1日在XX镇第三届人民代表大会第二次会议上\n",
    "镇长 王 明\n",
    "各位代表：",
    "完成固定资产投资6.7亿元",
    "同比增长8.2%",
    "下降3.5%",
    "外出招商20余次",
    "确保",
    "力争",
    "分别达到52000元和31000元",
    "两条河流",
    "三千",
    "10-50万元的村15个",
    "亿元以上项目5个",
    "第二名",
    "“1+2+N”",
    "（含林地1万亩）",
    "，",
    "。",
    "；",
    "、",
    "\n",
    " ",
    "萬畝",
    "增長",
    "99999999999999999999",
    "1.2.3.4",
    "%",
    "万",
    "亿",
    "百万",
    "近",
    "以上",
    "BNC ",
    "- 3 -\n",
    "\x0c",
]
report_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(report) -> None:
    for fact in report.facts:
        assert report.text[fact.start : fact.end] == fact.quote
        assert isinstance(fact.value, int | float) and math.isfinite(fact.value)
        assert fact.part in ("review", "plan", "other")
        assert fact.kind in ("actual", "target")
        assert fact.measure in ("level", "growth", "rate")
    for section in report.sections:
        assert report.text[section.start : section.end] == section.heading
    report.to_dict()
    report.to_csv()
    report.to_markdown()


@FAST
@given(st.text(max_size=400))
def test_parse_never_raises_on_arbitrary_text(text):
    check_invariants(parse(text, text_only=True))


@FAST
@given(st.text(max_size=60))
def test_a_str_that_might_be_a_path_gives_a_report_or_report_error(text):
    # without text_only a one-line str may name a file: a missing '/x.pdf' is a ReportError
    try:
        check_invariants(parse(text))
    except ReportError:
        pass


@FAST
@given(report_text)
def test_offsets_and_values_hold_on_report_like_text(text):
    check_invariants(parse(text, text_only=True))


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_report_or_a_report_error(data):
    try:
        report = parse(data)
    except ReportError:
        return
    check_invariants(report)


@FAST
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]),
    st.binary(max_size=200),
)
def test_container_magic_with_garbage_is_handled(magic, rest):
    try:
        report = parse(magic + rest)
    except ReportError:
        return
    check_invariants(report)
