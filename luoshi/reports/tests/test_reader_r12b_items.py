"""Named items, twelfth round, second pass (rules): a paragraph on the 民生实事 that lists them later on,
each in quotation marks, before their count ("“完善A”“加强B”“改善C”等十个项目已全部完成").

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

QUOTED_COUNTED = (
    "青禾镇2031年五件民生实事项目由镇人大代表投票决定，交由镇政府组织实施。经代表视察，"
    "“完善村卫生室建设”“加强渡口安全管理”“改善农村饮水条件”“提升幼儿园办学条件”“推动集市改造”"
    "等五个项目已全部完成。\n"
)


def test_works_in_quotation_marks_before_their_count_are_each_a_livelihood_item():
    items = _items(QUOTED_COUNTED, "livelihood")
    works = ("村卫生室建设", "渡口安全管理", "农村饮水条件", "幼儿园办学条件", "集市改造")
    assert len(items) == 5
    for work, item in zip(works, items, strict=True):
        assert work in item.name, (work, item.name)
        assert item.quote.endswith(work), item.quote  # the entry is the quoted phrase, not the whole sentence
    assert _names(QUOTED_COUNTED, "project") == []


def test_works_in_quotation_marks_joined_by_dunhao_before_a_count_of_shishi():
    text = (
        "柳岸街道2031年民生实事项目进展顺利。截至目前，“敬老院扩建”、“小区停车场建设”、“背街小巷亮化”"
        "等3件实事已完工。\n"
    )
    names = _names(text, "livelihood")
    for work in ("敬老院扩建", "小区停车场建设", "背街小巷亮化"):
        assert any(work in n for n in names), (work, names)


def test_quoted_slogans_without_a_count_of_works_are_not_entries():
    text = "青禾镇2031年民生实事项目由代表票决产生。全镇坚持“早谋划”“快推进”“严监管”等原则抓好落实。\n"
    names = _names(text, "livelihood")
    assert not any(n in ("早谋划", "快推进", "严监管") for n in names), names
