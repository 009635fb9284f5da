"""Items the rules are sure of stand whatever the learned labeller says: a digest's line naming a works
and then its stage, and a plan digest's topic lines (made-up text only)."""

from __future__ import annotations

import pytest

from luoshi.reports.reader import labeller, parse

DIGEST = (
    "5月8日，青禾省省长在省七届人大三次会议上作政府工作报告，要点如下：\n"
    "一、2030年工作回顾\n"
    "全省生产总值突破3.2万亿元\n"
    "城镇新增就业62万人\n"
    "柳湾跨江大桥:建成通车\n"
    "青禾东站:投入使用\n"
    "二、2031年重点工作\n"
    "预期目标:城镇新增就业60万人以上;居民收入增长和经济增长基本同步\n"
    "就业:扩大高校毕业生就业渠道;办好零工市场\n"
    "产业:推进新材料产业园二期等120个重点项目建设\n"
    "教育:新建改扩建中小学12所;扩大普惠托育供给\n"
    "生态治理:深入打好蓝天碧水净土保卫战;推进河湖长制\n"
)


@pytest.mark.skipif(not labeller.MODEL_PATH.exists(), reason="no labeller model in the package")
def test_sure_digest_items_stand_with_the_labeller_on(monkeypatch):
    pytest.importorskip("pycrfsuite")
    monkeypatch.delenv(labeller.OFF_ENV, raising=False)
    items = parse(DIGEST, text_only=True).items
    assert labeller.decided(DIGEST, parse(DIGEST, text_only=True).sections)  # (the labeller judges it)
    projects = [i.name for i in items if i.kind == "project"]
    assert "柳湾跨江大桥" in projects and "青禾东站" in projects, projects
    assert [i.name for i in items if i.kind == "task"] == ["就业", "产业", "教育", "生态治理"]
