"""Round 18: the day and the years of a congress's news — a page's byline glued to the news day, the day
of a story whose year only its papers tell, a congress late in the year whose papers name a half year.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


# --- a page's dated byline glued to the story's own day -------------------------------------------------


BYLINE = (
    "青禾镇召开第三届人民代表大会第五次会议\n"
    "作者：综合办 2030-12-30{day}，青禾镇召开第三届人民代表大会第五次会议，41名代表出席会议。"
    "会议听取审议了《青禾镇人民政府2030年度工作报告》，审查了《青禾镇2030年上半年预算执行情况的报告》"
    "和《青禾镇2031年度财政预算的报告》。\n"
)


def test_a_news_day_after_a_glued_byline_is_the_day_delivered():
    meta = _meta(BYLINE.format(day="12月26日"))
    assert meta.delivered_on == "2030-12-26"
    # (a congress in December reviews the year it meets in and plans the next, whatever half year its
    # papers name)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_byline_alone_is_no_day_delivered():
    meta = _meta(BYLINE.format(day="近日"))
    assert meta.delivered_on is None


# --- a story whose year only its papers tell ----------------------------------------------------------


STORY = (
    "1月16日，松岭乡召开了第七届人民代表大会第三次会议。本次会议应到代表46名，实到代表44名。"
    "会议听取和审议了《{report}》和《2030年财政预算执行情况和2031年财政预算（草案）的报告》。"
    "与会代表一致通过了以上报告。\n"
)


def test_the_day_of_a_congress_dated_by_its_papers():
    meta = _meta(STORY.format(report="政府工作报告"))
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    assert meta.delivered_on == "2031-01-16"


def test_a_session_that_hears_no_government_report_gives_no_day():
    meta = _meta(STORY.format(report="人大主席团工作报告"))
    assert meta.delivered_on is None


def test_the_day_a_congress_closed_is_no_day_delivered():
    text = (
        "4月12日上午，随着松岭乡第七届人民代表大会第三次会议闭幕，全县各乡镇的人代会已全部召开。"
        "会议听取了政府工作报告，审查了2030年财政预算执行情况和2031年财政预算。\n"
    )
    assert _meta(text).delivered_on is None
