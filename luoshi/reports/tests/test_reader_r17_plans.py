"""Round 17: facts and sections of plan texts (news digests of a report's plan, plan parts, yearly
plans): which numbers are targets and which tell of a year already past, and the headings of a digest.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _parsed(text: str):
    return parse(text, text_only=True)


def _kinds(text: str) -> dict[float, str]:
    return {f.value: f.kind for f in _parsed(text).facts}


# --- a digest of a year's plan that first tells how the year before went -----------------------------

PLAN_NEWS = (
    "本报记者 王青 报道 2月3日，青山省省长李禾在省政府工作报告中指出，预计青山2030年全省生产总值"
    "增长4.2%左右，地方财政收入增长7.3%，主要指标好于预期。\n\n"
    "2031年青山省经济社会发展的主要预期目标是：全省生产总值增长5.5%左右，固定资产投资增长8%以上。\n\n"
    "2030年柳湾新区完成投资增长17%，新区建设取得重要进展。2031年青山将争取40家企业总部落户柳湾新区。\n"
)


def test_a_year_before_the_plan_told_in_a_digest_of_the_plan_is_actual():
    kinds = _kinds(PLAN_NEWS)
    assert kinds[4.2] == "actual" and kinds[7.3] == "actual"  # (预计 of a year already past)
    assert kinds[17] == "actual"
    assert kinds[5.5] == "target" and kinds[8] == "target" and kinds[40] == "target"

