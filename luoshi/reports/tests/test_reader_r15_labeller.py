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
    "预期目标:全省生产总值增长5%左右;城乡居民人均可支配收入增长6%左右\n"
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


class AllO:
    """A tagger sure that no clause holds an item."""

    def set(self, rows: list[list[str]]) -> None:
        self.n = len(rows)

    def labels(self) -> list[str]:
        return ["O", "B-project", "I-project", "B-livelihood", "I-livelihood", "B-task", "I-task"]

    def marginal(self, label: str, i: int) -> float:
        return 1.0 if label == "O" else 0.0

    def tag(self, rows: list[list[str]]) -> list[str]:
        self.set(rows)
        return ["O"] * len(rows)


INVESTED = (
    "柳岸镇：代表监督实事项目落地见效\n"
    "2031年，柳岸镇人大主席团组织代表票决确定6项民生实事，涉及交通出行、群众文化、养老服务等领域，"
    "目前各项目进展顺利，部分已交付使用。\n"
    "群众文化方面，东坪村文化广场提升改造项目投资 30 万元，新铺设透水砖 900 平方米，增设了健身器材；"
    "柳岸村农家书屋建设项目投资 12 万元，已对外开放。\n"
    "此外，西沟村人饮工程完成验收，惠及群众1200余人。\n"
    "镇人大将继续跟踪问效，确保每一件实事都办到群众心坎上。\n"
)


def test_sure_items_stand_where_the_labeller_says_no_item(monkeypatch):
    fake = AllO()
    monkeypatch.delenv(labeller.OFF_ENV, raising=False)
    # (the taggers the reader opens, replaced in their cache: a compiled module calls ``tagger`` natively)
    monkeypatch.setitem(labeller._taggers, labeller.MODEL_PATH, fake)
    monkeypatch.setitem(labeller._taggers, labeller.MIX_PATH, fake)
    monkeypatch.setitem(labeller._taggers, labeller.STORED_PATH, fake)
    monkeypatch.setitem(labeller._taggers, labeller.STACK_PATH, None)
    names = [(i.kind, i.name) for i in parse(INVESTED, text_only=True).items]
    # (a works named with its money in a story on the 民生实事 is an entry; the one without is the model's)
    assert names == [("livelihood", "东坪村文化广场提升改造项目"), ("livelihood", "柳岸村农家书屋建设项目")]
    items = parse(DIGEST, text_only=True).items
    assert [i.name for i in items if i.kind == "project"] == ["柳湾跨江大桥", "青禾东站"]
    assert [i.name for i in items if i.kind == "task"] == ["就业", "产业", "教育", "生态治理"]
