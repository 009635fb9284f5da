"""Named items, seventeenth round (second wave): livelihood items.

A news item on the year's 民生实事 that sums them up in groups under quoted labels ("“两个新建”"),
each group's paragraph setting out its works one per semicolon.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

GROUPED_PARAGRAPHS = (
    "柳溪区发布2031年十件民生实事\n"
    "2月20日，记者从柳溪区政府新闻发布会上获悉，经区人民代表大会票决，柳溪区确定了2031年十件民生实事，"
    "可以概括为“两个新建”“两个改善”。\n"
    "“两个新建”，即新建城南社区食堂，为老年人提供助餐服务3万人次；新建河滨步道，全长4公里，沿线增设休憩座椅80处。\n"
    "现场图片 供图 柳溪区融媒体中心\n"
    "“两个改善”，即改善山区道路通行条件，硬化村道12公里；持续关爱独居老人，为200户安装智能烟感报警器。\n"
    "发布会还通报了去年实事的完成情况。\n"
)


def test_paragraphs_under_quoted_group_labels_give_one_entry_per_semicolon_piece_named_by_its_first_clause():
    assert _names(GROUPED_PARAGRAPHS, "livelihood") == [
        "城南社区食堂",
        "河滨步道",
        "改善山区道路通行条件",
        "持续关爱独居老人",
    ]
