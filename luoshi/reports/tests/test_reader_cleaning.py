"""Normalisation and page-furniture removal, one debris type at a time."""

from __future__ import annotations

import pytest

from luoshi.reports.reader import ReportError, parse
from luoshi.reports.reader.clean import normalise
from luoshi.reports.reader.decode import decode_bytes

BODY = "一、2023年工作回顾\n全年完成财政收入1.2亿元，同比增长8%。\n"


def test_full_width_digits_and_percent_are_normalised_but_chinese_punctuation_stays():
    text, _ = normalise("完成投资１２．５亿元，增长６％。")
    assert text == "完成投资12.5亿元，增长6%。"


def test_control_characters_are_dropped_and_the_facts_still_read():
    text, _ = normalise("完成\x00投资12.5亿元\x1b，增长6%。\x7f")
    assert text == "完成投资12.5亿元，增长6%。"
    report = parse(("政府工作报告\x00\n" + BODY.replace("财政", "财\x01政")).encode("utf-8"), name="x.txt")
    assert "\x00" not in report.text and "\x01" not in report.text
    assert [(f.metric, f.value) for f in report.facts if f.unit == "元"] == [("财政收入", 120000000)]


def test_spaces_inserted_between_characters_and_around_digits_are_removed():
    text, _ = normalise("政 府 工 作 报 告\n发 放 低 保 资 金 570 万 元 ， 增 长 5 .2%")
    assert text.splitlines() == ["政府工作报告", "发放低保资金570万元，增长5.2%"]


def test_page_numbers_are_removed_and_recorded():
    raw = BODY + "- 3 -\n第 4 页\n第5页 共12页\n12\n— 6 —\n"
    text, removed = normalise(raw)
    assert text == BODY.strip()
    assert [r.reason for r in removed] == ["page number"] * 5


def test_site_furniture_lines_are_removed_with_reasons():
    raw = (
        "首页 > 政务公开 > 规划计划\n购物车 我的足迹\nVIP下载 立即下载\n发布时间：2024-01-02 浏览次数：99 字号：大 中 小\n"
        + BODY
        + "分享到：微信 微博\n相关文章\n上一篇：关于某事的通知\n打印本页 关闭窗口\n"
        "温馨提示：本文档仅供参考\n主办单位：某县人民政府 ICP备12345号\n举报 资源描述\n展开阅读全文\n"
    )
    text, removed = normalise(raw)
    assert text == BODY.strip()
    assert len(removed) == 12
    assert all(r.reason for r in removed)


def test_long_prose_mentioning_a_furniture_word_is_kept():
    line = (
        "畅通群众举报渠道，全年受理群众举报线索126条，办结率100%，群众满意度持续提升，相关工作得到上级肯定。"
    )
    text, removed = normalise(line)
    assert text == line and removed == []


def test_running_headers_repeated_on_pages_are_removed():
    page = "某县人民政府工作报告\n{}\n"
    raw = "".join(page.format(f"第{i}段内容，完成投资{i}亿元。") for i in range(1, 5))
    text, removed = normalise(raw)
    assert text.count("某县人民政府工作报告") == 1
    assert any(r.reason.startswith("running header") for r in removed)


def test_hard_wrapped_lines_are_rejoined_even_inside_numbers():
    prose = "全年实现地区生产总值286.4亿元，同比增长6.1%；一般公共预算收入18.2亿元，增长7.5%；" * 4
    lines = [prose[i : i + 24] for i in range(0, len(prose), 24)]
    text, _ = normalise("一、2023年工作回顾\n" + "\n".join(lines) + "\n二、2024年工作安排\n")
    assert text.splitlines() == ["一、2023年工作回顾", prose, "二、2024年工作安排"]


def test_document_sharing_page_markers_are_dropped_and_words_rejoined():
    raw = "《报告.docx》由会员分享，可在线阅读\n1、某某镇位于县城东部，总面积56平方公里，下辖村20\n2、个。全镇户籍人口3.1万人。"
    text, removed = normalise(raw)
    assert "下辖村20个。全镇户籍人口3.1万人。" in text
    assert sum(r.reason.startswith("page marker") for r in removed) == 2


def test_watermark_glued_after_paragraphs_becomes_a_line_break():
    raw = (
        "政府工作报告BNC  各位代表：BNC  一、2020年工作回顾BNC  全年完成投资5亿元。BNC  二、2021年工作安排BN"
    )
    report = parse(raw)
    assert "BNC" not in report.text and "BN" not in report.text
    assert [s.heading for s in report.sections] == ["一、2020年工作回顾", "二、2021年工作安排"]


def test_html_entity_residue_is_repaired():
    text, _ = normalise("实行& ldquo;卡长&rdquo;负责制&nbsp;共设置卡点672处")
    assert text == "实行“卡长”负责制共设置卡点672处"


def test_encodings_are_detected_without_a_bom():
    sample = "各位代表：现在，我代表镇人民政府向大会作工作报告，全年完成财政收入1.1亿元。"
    for codec in ("gb18030", "gbk", "utf-16-le", "utf-16-be", "utf-8"):
        assert decode_bytes(sample.encode(codec)) == sample
    assert decode_bytes("\ufeff".encode() + sample.encode()) == sample


def test_one_line_page_headings_are_found_inline():
    raw = "某镇2023年度政府工作报告各位代表：现在，我代表某镇人民政府向大会报告工作。一、2022年主要工作2022年以来，我们完成投资3亿元。"
    report = parse(raw)
    assert [s.heading for s in report.sections] == ["一、2022年主要工作"]
    assert report.meta.review_year == 2022 and report.meta.plan_year == 2023


def test_a_missing_file_name_is_an_error_not_report_text():
    with pytest.raises(ReportError, match="no such file"):
        parse("/nonexistent/report.pdf")


def test_short_numbered_labels_one_under_another_are_a_list_not_page_markers():
    raw = "柳湾镇今年的民生实事项目：\n1、北街农贸市场改造项目\n2、南渠桥加固工程\n3、镇卫生院发热门诊\n"
    text, removed = normalise(raw)
    assert not any(r.reason.startswith("page marker") for r in removed)
    assert text.splitlines()[1:4] == ["1、北街农贸市场改造项目", "2、南渠桥加固工程", "3、镇卫生院发热门诊"]
