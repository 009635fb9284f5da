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


# --- a paragraph on the 民生实事 further down that sends the reader to the entries below -----------

LOOK_BELOW = """\
青禾市今年要办的八件民生实事
本报讯 昨天，市人代会闭幕。
会上，代表们投票表决，确定了今年的民生实事项目。
前期，市政府广泛征集意见，初步形成候选项目。
这些民生实事与每个市民息息相关，一起来看看。
新建柳岸社区卫生服务中心1个，新增救护车12辆。
改造青禾路、柳溪路两条道路，新增公共停车位800个。
来源：青禾日报
"""


def test_a_paragraph_sending_the_reader_below_opens_entries_further_down_the_passage():
    names = _names(LOOK_BELOW, "livelihood")
    assert any("柳岸社区卫生服务中心" in n for n in names), names
    assert any("救护车" in n for n in names), names
    assert any("公共停车位" in n for n in names), names


def test_without_the_sending_words_a_paragraph_further_down_opens_no_entries():
    text = LOOK_BELOW.replace("，一起来看看。", "。")
    names = _names(text, "livelihood")
    assert not any("柳岸社区卫生服务中心" in n for n in names), names


# --- "A、B等方面综合改造": the aspects of one work ----------------------------------------------------


def test_aspects_listed_before_dengfangmian_stay_in_one_work():
    text = (
        "青禾镇2031年民生实事项目\n"
        "1.实施12个老旧小区供水、道路、绿化等方面综合改造提升。\n"
        "2.新建柳岸口袋公园3个。\n"
    )
    names = _names(text, "livelihood")
    assert not any(n.startswith("方面") for n in names), names
    assert any("综合改造提升" in n and "老旧小区" in n for n in names), names
