"""The holiday-notice reader on notice-like texts written for these tests (not copies of the originals).

For 2025 and 2026 the package ``chinese-calendar`` holds the official schedule: every day the parsed
notice gives must agree with it, which checks the reader against an independent source.
"""

import datetime as dt

import chinese_calendar
import pytest

from luoshi.lib.holidays_notice import parse_notice

D = dt.date

NOTICE_2025 = """国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置。

国务院办公厅
"""

NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
    经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
"""

# An invented schedule in the notice's style (the real one is not published when this was written).
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""


def _effective(year, days):
    marks = {d.date: d.is_workday for d in days}
    day = D(year, 1, 1)
    while day.year == year:
        yield day, marks.get(day, day.weekday() < 5)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(("year", "text"), [(2025, NOTICE_2025), (2026, NOTICE_2026)])
def test_parsed_notice_agrees_with_the_official_package_on_every_day(year, text):
    notice = parse_notice(text, year)
    assert notice.errors == []
    wrong = [
        (day, work) for day, work in _effective(year, notice.days) if work != chinese_calendar.is_workday(day)
    ]
    assert wrong == []


def test_2026_spring_festival_range_without_month_and_two_make_up_saturdays():
    notice = parse_notice(NOTICE_2026, 2026)
    spring = [d for d in notice.days if d.name == "春节"]
    assert [d.date for d in spring if not d.is_workday] == [
        D(2026, 2, 15) + dt.timedelta(days=i) for i in range(9)
    ]
    assert [d.date for d in spring if d.is_workday] == [D(2026, 2, 14), D(2026, 2, 28)]
    assert {d.line for d in spring} == {6}


def test_2027_notice_gives_holidays_and_make_up_days_with_names():
    notice = parse_notice(NOTICE_2027, 2027)
    assert notice.errors == []
    assert len(notice.holidays) == 3 + 9 + 3 + 5 + 1 + 1 + 7
    assert [d.date for d in notice.workdays] == [
        D(2027, 2, 20),
        D(2027, 4, 25),
        D(2027, 5, 8),
        D(2027, 9, 26),
        D(2027, 10, 9),
    ]
    new_year = [d for d in notice.days if d.name == "元旦"]
    assert [(d.date, d.is_workday) for d in new_year] == [(D(2027, 1, i), False) for i in (1, 2, 3)]
    assert notice.days == sorted(notice.days, key=lambda d: d.date)


def test_range_across_months_and_end_with_month():
    notice = parse_notice("国庆节、中秋节：9月30日至10月7日放假调休，共8天。", 2027)
    assert notice.errors == []
    assert [d.date for d in notice.days] == [D(2027, 9, 30) + dt.timedelta(days=i) for i in range(8)]
    assert notice.days[0].name == "国庆节、中秋节"


def test_new_year_range_starting_in_december_belongs_to_the_year_before():
    notice = parse_notice("一、元旦：12月31日（周五）至1月2日（周日）放假，共3天。", 2028)
    assert notice.errors == []
    assert [d.date for d in notice.days] == [D(2027, 12, 31), D(2028, 1, 1), D(2028, 1, 2)]


def test_explicit_years_are_kept():
    text = "一、元旦：2027年12月31日（周五）至2028年1月2日（周日）放假，共3天。2027年12月26日（周日）上班。"
    notice = parse_notice(text, 2028)
    assert notice.errors == []
    assert notice.days[0] == notice.workdays[0]
    assert notice.workdays[0].date == D(2027, 12, 26)


def test_make_up_days_in_the_same_sentence_after_a_comma():
    notice = parse_notice(
        "四、劳动节：5月1日至5日放假调休，共5天，4月25日（星期日）、5月8日（星期六）上班。", 2027
    )
    assert notice.errors == []
    assert [d.date for d in notice.workdays] == [D(2027, 4, 25), D(2027, 5, 8)]


def test_wrong_weekday_means_wrong_year_and_names_the_line():
    notice = parse_notice(NOTICE_2026, 2027)
    assert notice.days == []
    lines = sorted({e.line for e in notice.errors})
    assert lines == [1, 5, 6, 7, 8, 9, 10, 11]  # the title and every item
    title = next(e for e in notice.errors if e.line == 1)
    assert title.params == {"found": "2026", "year": 2027}
    weekday = next(e for e in notice.errors if e.line == 5)
    assert weekday.params["date"] == "2027-01-01"
    assert weekday.params["actual"] == "五" and weekday.params["stated"] == "四"


def test_count_that_disagrees_with_the_range_is_an_error():
    notice = parse_notice("三、清明节：4月3日至6日放假，共3天。", 2027)
    assert notice.days == []
    (error,) = notice.errors
    assert error.line == 1 and error.params == {"stated": "3", "counted": 4}


@pytest.mark.parametrize(
    ("line", "reason_part"),
    [
        ("二、春节：2月30日至3月2日放假调休，共3天。", "不是有效日期"),
        ("二、春节：放假调休，共9天。", "没有找到放假日期"),
        ("二、春节：2月5日至放假调休。", "后面没有日期"),
        ("二、春节：2月13日至5日放假调休。", "早于开始日期"),
        ("二、春节：另行通知。", "没有找到放假或上班日期"),
        ("二、春节：2月5日值班。", "不是“放假”或“上班”的写法"),
        ("二、春节：3日放假。", "缺少月份"),
        ("二、春节：2月5日放假。上班。", "前面没有日期"),
    ],
)
def test_unreadable_item_lines_are_reported_with_their_reason(line, reason_part):
    notice = parse_notice("标题\n\n" + line, 2027)
    assert notice.days == []
    (error,) = notice.errors
    assert error.line == 3
    assert error.text == line
    assert reason_part in error.reason


def test_the_same_day_both_off_and_at_work_is_an_error():
    text = "一、春节：2月5日至13日放假调休。\n二、补班：2月6日（周六）上班。"
    notice = parse_notice(text, 2027)
    assert [e.line for e in notice.errors] == [2]
    assert all(not d.is_workday for d in notice.days)


def test_preamble_and_closing_paragraph_are_skipped_not_errors():
    notice = parse_notice(NOTICE_2025, 2025)
    assert notice.errors == []
    assert {d.line for d in notice.days} == {6, 7, 8, 9, 10, 11}
