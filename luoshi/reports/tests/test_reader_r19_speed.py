"""The nineteenth round's speed rewrites of patterns match what the patterns matched before (invented
lines and generated ones): alternatives that open with a character the regex engine can scan for, a
lookahead on the first characters of facility words, a heading searched at its end only."""

from __future__ import annotations

import random
import re

from luoshi.reports.reader import facts, items

# The patterns as they were written before.
PLAIN_INLINE_RE = re.compile(
    r"(?:分别是|分别为|分别涉及|主要涉及|具体包括|包括|如下|主要有|(?<=[，,])即)[：:]?|[：:]"
)
PLAIN_LOOKING_AHEAD_RE = re.compile(
    r"今年|明年|将|力争|确保|计划|(?<![重主需必只紧])要(?![求素点闻害务])|争取(?![了到])|预计|目标"
)

LINES = [
    "民生实事分别是：改造老旧小区、新建幼儿园。",
    "重点项目包括：甲产业园、乙物流园，即日起开工，即：丙项目。",
    "主要工作如下",
    "明年要加快建设青禾大道，力争实现增长6%。",
    "重要的是落实责任，主要抓好三件事。",
    "争取到资金3000万元，预计年底完工。",
]
POOL = [*"，,：:即要重主需求素将争取了到今年如下包括分别是为涉及甲乙", "分别是", "包括", "主要有", "力争"]


def _generated(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(POOL) for _ in range(rnd.randint(0, 12))) for _ in range(count)]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_patterns_match_as_before():
    rnd = random.Random(19)
    for fast, plain in (
        (items._INLINE_RE, PLAIN_INLINE_RE),
        (facts._LOOKING_AHEAD_RE, PLAIN_LOOKING_AHEAD_RE),
    ):
        for line in LINES + _generated(5000, 20):
            start = rnd.randint(0, len(line))
            end = rnd.randint(start, len(line))
            assert _spans(fast.finditer(line, start, end)) == _spans(plain.finditer(line, start, end)), line


def test_inline_list_opener():
    assert items._INLINE_RE.search("重点项目，即甲项目").group() == "即"  # (read: 即 after a comma)
    assert items._INLINE_RE.search("即日起开工") is None  # (not read: 即 opening the line)
    assert items._INLINE_RE.search("主要工作包括：").group() == "包括："


def test_looking_ahead_words():
    assert facts._LOOKING_AHEAD_RE.search("明年要加快建设").group() == "明年"
    assert facts._LOOKING_AHEAD_RE.search("我们要抓好").group() == "要"  # (read: 要 as "shall")
    assert facts._LOOKING_AHEAD_RE.search("重要的是主要矛盾") is None  # (not read: 重要, 主要)
    assert facts._LOOKING_AHEAD_RE.search("工作要求") is None  # (not read: 要求)


# Facility words after a lazy run, behind a lookahead on their first characters; a section's result
# heading searched at its end only.
PLAIN_FACILITY_RE = re.compile(items._FACILITY_RE.pattern.replace(items._first_gate(items._FACILITY), ""))
PLAIN_QUOTED_FACILITY_RE = re.compile(
    items._QUOTED_FACILITY_RE.pattern.replace(items._first_gate(items._FACILITY), "")
)
FACILITY_LINES = [
    "今年新建青石大桥和柳岸公园，完成东风路拓宽改造。",
    "推进“白沙码头”“金湾广场”改造，启动城西水厂建设。",
    "修缮“望江桥”，并对南门小学进行改造。",
    "经济运行稳中向好。",
    "粮食生产成效显著。 \n",
    "重点工作扎实推进。。",
]
FACILITY_POOL = [
    *"。 \n　，,、：:的和路桥大工中东西X“”",
    "公园",
    "大桥",
    "新建",
    "改造",
    "东路",
    "4S店",
    "显著",
    "稳中向好",
    "取得新突破",
    "扎实推进",
    "完成情况",
]


def _facility_lines(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(FACILITY_POOL) for _ in range(rnd.randint(0, 14))) for _ in range(count)]


def test_first_gate_is_a_class_of_first_characters():
    gate = items._first_gate("(?:公园|大桥|[东西]路|[^新和]路|4S店)")
    assert gate == "(?=[公大东西4]|[^新和]路)"
    assert re.match(gate, "大桥") and re.match(gate, "青路") and re.match(gate, "东")
    assert not re.match(gate, "新路") and not re.match(gate, "青石")


def test_gated_facility_patterns_find_what_the_plain_ones_find():
    for line in FACILITY_LINES + _facility_lines(4000, 21):
        assert _spans(items._FACILITY_RE.finditer(line)) == _spans(PLAIN_FACILITY_RE.finditer(line)), line
        assert _spans(items._QUOTED_FACILITY_RE.finditer(line)) == _spans(
            PLAIN_QUOTED_FACILITY_RE.finditer(line)
        ), line
    assert items._FACILITY_RE.search(FACILITY_LINES[0]) is not None  # (read)
    assert items._FACILITY_RE.search("今年新建青石") is None  # (not read)


def test_result_head_searches_only_the_end():
    for text in FACILITY_LINES + _facility_lines(3000, 22):
        for start in range(len(text) + 1):
            for end in (start, len(text), max(start, len(text) - 1)):
                plain = items._RESULT_HEAD_RE.search(text, start, end) is not None
                assert items._result_head(text, start, end) is plain, (text, start, end)
    assert items._result_head("粮食生产成效显著。 \n", 0, 12)
    assert not items._result_head("显著提高粮食产量。", 0, 9)
