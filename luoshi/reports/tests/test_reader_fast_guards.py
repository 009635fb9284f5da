"""Cheap tests before calls into the regex engine give what the plain calls give.

A call into the regex engine costs a few hundred nanoseconds even when it fails at once; a full
report makes about three thousand. Where a pattern can only match when a string opens or ends with
certain characters, or holds one of a few words, that is tested first (a character compared, a
suffix or substring test) and the pattern is searched only when the test passes. Each shortcut is
checked here against the plain call, on the fixtures' lines and names and on generated text.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, items, numbers
from luoshi.reports.reader.chars import CJK, simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
LINES = [line for text in TEXTS for line in simplify(text).split("\n")]
# Every phrase of the fixtures between two punctuation marks, with and without its first characters:
# what the item rules test are names cut from such phrases.
PHRASES = sorted(
    {p[k:] for line in LINES for p in re.split(r"[，。；：、,;:]", line) for k in range(3) if p[k:]}
)
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that open or close the patterns' matches, beside CJK, digits, spaces and newlines.
PIECES = [
    "项目",
    "工程",
    "示范区",
    "中心",
    "园区",
    "基地",
    "重点",
    "投资",
    "三大",
    "新",
    "\n",
    " ",
    "\t",
    "第三场",
    "第一个",
    "首个",
    "首",
    "全镇",
    "全",
    "以及",
    "与",
    "和",
    "及",
    "（1）",
    "2.",
    "①",
    "一是",
    "☑",
    "去年",
    "12月",
    "3-4月",
    "今年",
    "新增",
    "是",
    "由",
    "2024年",
    "３",
    "农村",
    "高标准",
    "标准化",
    "老旧",
    "为",
    "推动",
    "召开一次",
    "可比价",
    "按",
    "實際",
    "现价",
    "不变价格",
    "计算",
    "的",
    "、",
    "和及与",
    "—",
    "至",
    "\u3000",
    "”（",
    '"(',
    "）",
    "青禾镇",
    "乡村振兴",
]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=12).map("".join)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.groups() == b.groups()


def _check_names(name: str) -> None:
    assert _same(items._generic(name), items._GENERIC.match(name)), name
    assert _same(items._class_opener(name), items._CLASS_OPENER_RE.match(name)), name
    assert _same(items._enum_match(name), items._ENUM_RE.match(name)), name
    assert items._without_generic_words(name) == items._GENERIC_WORDS.sub("", name), name
    assert items._last_joined(name) == items._JOINED_SPLIT_RE.split(name)[-1], name
    assert items._is_class(name) == (
        items._CLASS_START_RE.match(name) is not None or items._CLASS_ANY_RE.search(name) is not None
    ), name
    assert items._not_a_name(name) == (
        items._NOT_NAME_START_RE.match(name) is not None or items._NOT_NAME_RE.search(name) is not None
    ), name
    for a in range(len(name) + 1):
        for b in range(a, len(name) + 1):
            assert _same(items._object_project(name, a, b), items._OBJECT_PROJECT_RE.search(name, a, b))
    assert facts._connectors_only(name) == (facts._CONNECTOR_ONLY_RE.fullmatch(name) is not None), name
    for pos in range(-1, len(name) + 1):
        assert facts._cjk_at(name, pos) == (facts._CJK_RE.match(name, pos) is not None), (name, pos)
    assert (name[:1] in facts._BASIS_ONLY_FIRST) or facts._BASIS_ONLY_RE.fullmatch(simplify(name)) is None


def test_the_item_and_fact_guards_agree_with_the_plain_calls_on_the_fixtures_phrases():
    assert len(PHRASES) > 500
    hits = sum(items._generic(p) is not None for p in PHRASES)
    assert hits and sum(items._object_project(p, 0, len(p)) is not None for p in PHRASES) >= 0
    for phrase in PHRASES[::3]:
        if len(phrase) <= 40:
            _check_names(phrase)


@FAST
@given(text)
def test_the_item_and_fact_guards_agree_with_the_plain_calls(s):
    _check_names(s)


def test_each_guard_on_a_name_it_lets_through_and_one_it_stops():
    assert items._generic("重点项目") and not items._generic("重点项目建设")
    assert items._generic("重点项目\n") is not None
    assert items._class_opener("农村公路").group() == "农村" and items._class_opener("青禾公路") is None
    assert items._enum_match("（一）青禾路").group() == "（一）" and items._enum_match("青禾路") is None
    assert items._without_generic_words("重点投资X项目") == "X项目"
    assert items._last_joined("A桥和B路") == "B路" and items._last_joined("A桥") == "A桥"
    assert items._is_class("12月开工项目") and items._is_class("今年项目") and not items._is_class("青禾项目")
    assert items._not_a_name("2024年青禾") and items._not_a_name("由青禾") and not items._not_a_name("青禾桥")
    assert items._object_project("为项目揭牌", 0, 3) and items._object_project("为项目\n", 0, 4)
    assert items._object_project("为项目揭牌", 0, 5) is None
    assert (
        facts._connectors_only("、 和\u3000")
        and facts._connectors_only("")
        and not facts._connectors_only("、X")
    )
    assert facts._cjk_at("A青", 1) and facts._cjk_at("青A", -1) and not facts._cjk_at("青A", 1)
    assert not facts._cjk_at("青", 1) and facts._cjk_at("\uf900") and not facts._cjk_at("\u3000")
    assert "實" in facts._BASIS_ONLY_FIRST and "青" not in facts._BASIS_ONLY_FIRST


def test_definitions_are_found_as_finditer_finds_them():
    samples = [*TEXTS, '称“青禾”（含X）为A“甲"(乙)”（丙）', "“”（）（）", '"(', "”（" + "一" * 90 + "）"]
    for s in samples:
        s = simplify(s)
        plain = [m.span() for m in numbers.matches_from(facts._DEFINITION_RE, s, '”"')]
        assert [m.span() for m in facts._definitions(s)] == plain
        assert plain == [m.span() for m in facts._DEFINITION_RE.finditer(s)]


@FAST
@given(
    st.lists(st.sampled_from(["”", '"', "（", "(", "）", ")", "青", "\n", "禾镇"]), max_size=30).map("".join)
)
def test_definitions_are_found_as_finditer_finds_them_on_generated_text(s):
    assert [m.span() for m in facts._definitions(s)] == [m.span() for m in facts._DEFINITION_RE.finditer(s)]


def test_the_cjk_class_is_the_three_ranges_compared():
    assert CJK == "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    for c in ("\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u4dff", "\u4e00", "\u9fff", "\ua000", "\uf8ff"):
        assert facts._cjk_at(c) == (facts._CJK_RE.match(c) is not None), hex(ord(c))
    for c in ("\uf900", "\ufaff", "\ufb00", "𠀋"):
        assert facts._cjk_at(c) == (facts._CJK_RE.match(c) is not None), hex(ord(c))


def test_page_numbers_and_markers_are_tested_as_the_plain_patterns_test_them():
    from luoshi.reports.reader import clean

    samples = [*LINES, "", " ", "- 3 -", "—12—", "第 3 页", "第3页 共9页", "3/9", "Page 2 of 5", "page 7"]
    samples += ["１２", "３、", "12、青禾", "\u3000 4 \u3000", "·5·", "青禾 3", "p", "第三页"]
    for line in samples:
        assert _same(clean._page_number(line), clean._PAGE_NUMBER_RE.match(line)), line
        marker = clean._PAGE_MARKER_RE.match(line) if line[:1].isdecimal() else None
        assert _same(marker, clean._PAGE_MARKER_RE.match(line) if line else None), line
    assert clean._page_number("- 3 -") and clean._page_number("青禾 3") is None


@FAST
@given(
    st.lists(
        st.sampled_from(
            ["-", "—", " ", "3", "12", "第", "页", "共", "/", "page", "Page", "of", "青", "\u3000", "·", "、"]
        ),
        max_size=10,
    ).map("".join)
)
def test_page_numbers_on_generated_lines(line):
    from luoshi.reports.reader import clean

    assert _same(clean._page_number(line), clean._PAGE_NUMBER_RE.match(line)), line
    assert _same(
        clean._PAGE_MARKER_RE.match(line) if line[:1].isdecimal() else None,
        clean._PAGE_MARKER_RE.match(line) if line else None,
    )


def test_the_address_line_holds_its_words():
    for line in [*LINES, "各位代表：", "  各位代表", "\t各位代表们"]:
        assert ("各位代表" in line and items._ADDRESS_RE.match(line) is not None) == (
            items._ADDRESS_RE.match(line) is not None
        )


COMMIT_TEXT = st.lists(
    st.sampled_from(
        ["确保", "力争", "争取", "力争取", "计划", "预计划", "力求", "拟", "确", "力", "青禾", "\n"]
    ),
    max_size=20,
).map("".join)


def test_commitment_words_are_found_as_finditer_finds_them():
    for s in [*TEXTS, "力争取确保预计划拟", "确力争计预拟"]:
        s = simplify(s)
        assert facts._commit_spans(s) == [m.span() for m in facts._COMMIT_RE.finditer(s)]


@FAST
@given(COMMIT_TEXT)
def test_commitment_words_on_generated_text(s):
    assert facts._commit_spans(s) == [m.span() for m in facts._COMMIT_RE.finditer(s)]


AFTER_TEXT = st.lists(
    st.sampled_from(
        ["：", ":", "，", " ", "一是", "一", "是", "级", "企业", "大项目", "大項目", "大", "青禾", "\n"]
    ),
    max_size=12,
).map("".join)


@FAST
@given(AFTER_TEXT, st.integers(min_value=0, max_value=30))
def test_the_words_after_a_number_are_tested_as_the_patterns_test_them(s, at):
    plain = facts._ENUM_AHEAD_RE.search(s, at, at + 60)
    assert (s.find("一是", at, at + 60) >= 0 or plain is None) and (
        plain is None or "一是" in s[at : at + 60]
    )
    assert s.startswith(facts._SIZE_CLASS_AFTER, at, at + 3) == (
        facts._SIZE_CLASS_AFTER_RE.match(s, at, at + 3) is not None
    )


START_TEXT = st.lists(
    st.sampled_from(
        [
            "由",
            "从",
            "增加",
            "提高",
            "到",
            "至",
            "为",
            "的",
            "达",
            "增",
            "降",
            "升",
            "減少",
            "擴大",
            "大关",
            "臺階",
        ]
        + [
            "以内",
            "之内",
            "以上",
            "左右",
            "增至",
            "减少到",
            "跃升至",
            "调整为",
            "变为",
            "下降至",
            "青禾",
            "按",
        ]
    ),
    max_size=5,
).map("".join)


@FAST
@given(START_TEXT)
def test_what_a_metric_or_a_name_opens_with_is_tested_before_the_patterns(s):
    if s[:1] not in facts._ARRIVAL_ONLY_FIRST:
        assert facts._ARRIVAL_ONLY_RE.fullmatch(simplify(s)) is None
    if s[:1] not in facts._BASIS_ONLY_FIRST:
        assert facts._BASIS_ONLY_RE.fullmatch(simplify(s)) is None
    for at in range(len(s) + 1):
        if s[at : at + 1] not in facts._NOT_A_THING_OR_VERB_FIRST:
            assert facts._NOT_A_THING_RE.match(s, at) is None and facts._B_VERB_START_RE.match(s, at) is None


def test_the_first_character_sets_hold_every_word_s_first_character():
    words = facts._B_VERB_START_RE.pattern[3:-1].split("|") + [
        "大关",
        "台阶",
        "臺階",
        "关口",
        "以内",
        "之内",
        "以上",
        "以下",
        "左右",
        "的",
    ]
    assert all(w[0] in facts._NOT_A_THING_OR_VERB_FIRST for w in words)
    assert all(
        w[0] in facts._ARRIVAL_ONLY_FIRST
        for w in [
            "由",
            "从",
            "增加",
            "提高",
            "提升",
            "跃升",
            "上升",
            "增长",
            "减少",
            "下降",
            "降低",
            "扩大",
            "缩小",
            "达",
            "增",
            "减",
            "降",
            "升",
        ]
    )


@FAST
@given(
    st.lists(
        st.sampled_from(["近", "约", "超", "逾", "达", "突破", "将近", "接近", "超过", "青", "禾", "\n"]),
        max_size=3,
    ).map("".join)
)
def test_a_qualifier_before_a_bare_number_is_tested_as_the_pattern_tests_it(s):
    from luoshi.reports.reader import numbers as n

    assert n._bare_before(s) == (n._BARE_BEFORE_RE.search(s) is not None)


@FAST
@given(
    st.lists(
        st.sampled_from(["依托", "围绕", "用好", "支持", "立足", "发挥", "青禾", "依", "托", "\n", "、"]),
        max_size=4,
    ).map("".join)
)
def test_the_context_word_before_a_name_is_tested_as_the_pattern_tests_it(s):
    if not s.endswith(items._CONTEXT_ENDS):
        assert items._CONTEXT_RE.search(s) is None


# --- the labeller's guards ------------------------------------------------------------------------


_QUANTITY_WORDS = ["平方米", "公里", "千米", "米", "座", "个", "所", "户", "处", "条", "家", "辆", "人次"]
_QUANTITY_WORDS += ["人", "名", "亩", "套", "部", "场次", "台", "间", "张", "项", "次", "册", "片", "头"]


@FAST
@given(
    st.lists(
        st.sampled_from(["约", "超过", "3", "12.5", "万", "以上", "左右", "，", "新建", *_QUANTITY_WORDS]),
        max_size=8,
    ).map("".join)
)
def test_quantity_tail_guard_keeps_every_match(text):
    from luoshi.reports.reader import labeller

    plain = items._QUANTITY_TAIL_RE.search(text) is not None
    assert (text[-1:] in labeller._QUANTITY_LAST and plain) == plain


def test_quantity_tail_guard_on_made_up_units():
    from luoshi.reports.reader import labeller

    units = [
        f"新建道路{n}{w}{tail}"
        for n in ("3", "2.5", "10万")
        for w in _QUANTITY_WORDS
        for tail in ("", "以上", "左右")
    ]
    for t in [*units, *PHRASES]:
        plain = items._QUANTITY_TAIL_RE.search(t) is not None
        assert (t[-1:] in labeller._QUANTITY_LAST and plain) == plain, t


@FAST
@given(
    st.lists(
        st.sampled_from(
            ["民生实事", "为民办实事", "为民兴办", "惠民实事", "10件", "三件", "实事", "好事", "项目"]
        )
        | st.sampled_from(["民生工程", "为民", "件", "\n", "，", "今年", "12"]),
        max_size=12,
    ).map("".join)
)
def test_livelihood_keys_count_what_findall_counts(text):
    from luoshi.reports.reader import labeller

    assert labeller._livelihood_keys(text) == len(items._LIVELIHOOD_LIST_RE.findall(text))


@FAST
@given(
    st.lists(
        st.sampled_from(
            ["引进", "入驻", "招引", "了", "等", "3", "12", "家", "企业", "公司", "，", "。", "\n"]
        )
        | st.sampled_from(["某某科技", "有限公司", "集团", "、", "新材料", "家企"]),
        max_size=14,
    ).map("".join)
)
def test_companies_counted_need_a_count_of_companies(text):
    # the guard of the named works' brought-in companies: a match needs 家企业 or 家公司 in the line
    if items._BROUGHT_IN_COUNTED_RE.search(text):
        assert "家企业" in text or "家公司" in text


def test_companies_counted_guard_on_made_up_lines():
    lines = ["今年引进某某科技、某某新材料等3家企业", "入驻A公司，B公司2家公司", "引进某某有限公司落户"]
    for line in [*lines, *LINES]:
        if items._BROUGHT_IN_COUNTED_RE.search(line):
            assert "家企业" in line or "家公司" in line, line


# --- the named-works rules' guards ----------------------------------------------------------------


_AFTER_PIECES = [
    "获评",
    "荣获",
    "被评为",
    "入选",
    "列入",
    "纳入",
    "获得",
    "获批",
    "上榜",
    "入围",
    "晋升",
    "获选",
]
_AFTER_PIECES += [
    "被认定",
    "试点",
    "示范",
    "称号",
    "奖",
    "园",
    "中心",
    "资金",
    "资产",
    "项目",
    "等",
    "、",
    "“",
    "”",
]
_AFTER_PIECES += [
    "模式",
    "经验",
    "工作",
    "方面",
    "问题",
    "与",
    "融合",
    "为",
    "品牌",
    "场所",
    "，",
    "。",
    "建设",
    "A",
]


@FAST
@given(
    st.lists(st.sampled_from(_AFTER_PIECES) | st.sampled_from(["某", "新", "路"]), max_size=12).map("".join)
)
def test_not_named_guards_keep_every_match(text):
    for b in range(len(text) + 1):
        if items._HONOURED_AFTER_RE.match(text, b):
            assert items._HONOURED_FIRST_RE.search(text, b, b + 9), (text, b)
        if items._NOT_A_WORK_AFTER_RE.match(text, b):
            assert text[b : b + 1] in items._NOT_A_WORK_FIRST or "等" in text[b : b + 13], (text, b)


def test_not_named_guards_on_made_up_lines():
    made_up = [
        "滨河小学食堂先后荣获市级示范称号",
        "新区产业园今年成功入围省级名单",
        "东湖湿地公园获批为国家级生态园区",
        "落实滨河公园项目资金3000万元",
        "以“田园综合体”模式推进",
        "推动产业园与高校深度融合",
        "示范基地以品牌为抓手",
        "解决停车难、出行难等问题",
    ]
    for line in [*made_up, *LINES]:
        for b in range(len(line) + 1):
            if items._HONOURED_AFTER_RE.match(line, b):
                assert items._HONOURED_FIRST_RE.search(line, b, b + 9), (line, b)
            if items._NOT_A_WORK_AFTER_RE.match(line, b):
                assert line[b : b + 1] in items._NOT_A_WORK_FIRST or "等" in line[b : b + 13], (line, b)


@FAST
@given(st.text(alphabet=st.sampled_from("AZaz09GＡａ國道路 \t，。-_é" + "".join(CJK[:3])), max_size=30))
def test_has_capital_is_the_capital_needle(text):
    assert items._has_capital(text) == bool(items._CODE_WORK_NEEDLE_RE.search(text))


# Patterns whose every alternative opens with a character (so the engine scans for those characters)
# against the plain forms they were written from: the same matches everywhere.
_PLAIN_FORMS = [
    (
        items._SENTENCE_VERB_RE,
        re.compile(items._SENTENCE_VERB_RE.pattern.replace("组(?<!合作组)织", "(?<!合作)组织")),
    ),
    (
        items._CLASS_ANY_RE,
        re.compile(
            items._CLASS_ANY_RE.pattern.split("|现代化(?=")[0]
            + "|(?:现代化|城市化|数字化|智能化|信息化)(?=改造|转型|建设|升级|提升|项目|工程|$)"
        ),
    ),
    (
        items._TASKS_SET_RE,
        re.compile(
            r"(?:重点工作|工作任务|主要任务|部署|安排|(?:[两三四五六七八九十几]点|如下|以下)要求)[^。：:，,]{0,6}[：:]$"
        ),
    ),
    (
        re.compile(items._LAST_AND_RE.pattern),
        re.compile(r"以及|和|(?<![普涉以危])及(?!时|早|其|以[上下内])"),
    ),
]
_MADE_UP_FORMS = [
    "镇里组织开展合作组织中心和组织中心的活动",
    "合作组织召开会议，随后组织观摩",
    "推进数字化改造、智能化转型和信息化建设，城市化水平提高，现代化",
    "现代化产业体系和数字化项目",
    "会上提出三点要求：",
    "书记提出了如下要求：",
    "部署如下：",
    "以下要求：",
    "几点要求，",
    "普及和涉及以及危及及时及早及其以上",
]


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"组织合作中心现代城市数字智能信息化改造项目工程两三点如下以要求：:，及和普涉危时早其上"]
        ),
        max_size=30,
    )
)
@FAST
def test_character_led_forms_match_their_plain_forms(text):
    for fast, plain in _PLAIN_FORMS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_character_led_forms_on_lines_and_made_up_text():
    for fast, plain in _PLAIN_FORMS:
        assert fast.pattern != plain.pattern
        for text in LINES + PHRASES + _MADE_UP_FORMS:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
