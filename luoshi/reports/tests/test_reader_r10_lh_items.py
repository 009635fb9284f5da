"""Livelihood projects, tenth round: names that name no work (the congress, a page's controls, an
aim, the projects spoken of in general).

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

# --- names that name no work ----------------------------------------------------------------------


def test_the_congress_and_its_deputies_are_no_livelihood_project():
    text = (
        "青禾街道召开2030年民生实事项目推进会\n"
        "会上，青禾街道人大工委通报了民生实事项目进展：城东菜市场改造、青禾街道人大代表联络活动、"
        "老旧小区加装电梯。\n"
    )
    names = _names(text, "livelihood")
    assert "城东菜市场改造" in names and not [n for n in names if "人大" in n]


def test_a_pages_controls_are_no_livelihood_project():
    text = (
        "【民生实事】关于印发青禾县2030年民生实事项目的通知\n  • 浏览量：\n  • 字体【大 中 小】\n  • 打印\n\n"
        "各乡镇人民政府：\n现将项目印发给你们，请抓好落实。\n"
    )
    names = _names(text, "livelihood")
    assert not [n for n in names if "打印" in n or "浏览" in n or "字体" in n]


def test_a_name_opening_on_an_aim_is_no_livelihood_project():
    text = "今年的民生实事分别是：夯实消防安全基础，聚焦群众就医需求，坚持教育优先发展，新建城东菜市场。\n"
    names = _names(text, "livelihood")
    assert "城东菜市场" in names
    assert not [n for n in names if n.startswith(("夯实", "聚焦", "坚持"))]


def test_an_image_file_type_is_no_livelihood_name():
    from luoshi.reports.reader import items

    line = "新增养老床位300张\n4.png\n"
    at = line.index("png")
    assert items._names_no_work(line, at, at + 3)
    assert not items._names_no_work(line, 2, 6)


def test_the_projects_spoken_of_in_general_are_no_livelihood_project():
    text = (
        "2030年，青禾区政府推进25个实事项目，在各部门的共同努力下，所有项目均已完成。\n"
        "即日起，市民可对项目进行评议，这几个项目的评议结果将向社会公布。\n"
    )
    names = _names(text, "livelihood")
    assert not [n for n in names if "项目" in n and n.startswith(("所有", "这", "对", "可对"))]
