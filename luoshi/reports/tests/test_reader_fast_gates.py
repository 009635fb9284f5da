"""First-character tests before a pattern: every character a match can open with passes the test.

Several patterns are tried only when the character where a match would open is one of a few (a
frozenset, or a digit or white space where the pattern opens with ``\\d`` or ``\\s``): the call costs
more than the test, and most places fail it. The first characters of each pattern are read from what
``re``'s parser makes of it and checked against its test; made-up sentences check the results.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, items, numbers, structure
from luoshi.reports.reader.model import Meta

META = Meta(review_year=2024, plan_year=2025)

try:  # Python 3.11 and later
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

DIGIT, SPACE = "<digit>", "<space>"
ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


def _firsts(seq) -> tuple[set[str], bool]:
    """The characters a match of the parsed sequence ``seq`` can open with, and whether it can be empty."""
    out: set[str] = set()
    for op, av in seq:
        if op in ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            out.add(chr(av))
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out.update(chr(c) for c in range(iav[0], iav[1] + 1))
                elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                    out.add(DIGIT)
                elif iop is C.CATEGORY and iav is C.CATEGORY_SPACE:
                    out.add(SPACE)
                else:
                    raise AssertionError(f"unhandled {iop} {iav}")
            return out, False
        if op is C.BRANCH:
            empty = False
            for alt in av[1]:
                got, e = _firsts(alt)
                out |= got
                empty = empty or e
            if not empty:
                return out, False
            continue
        if op is C.SUBPATTERN:
            got, e = _firsts(av[-1])
            out |= got
            if not e:
                return out, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            got, e = _firsts(av[2])
            out |= got
            if av[0] > 0 and not e:
                return out, False
            continue
        raise AssertionError(f"unhandled {op}")
    return out, True


def firsts(pattern: re.Pattern[str]) -> set[str]:
    got, empty = _firsts(_parser.parse(pattern.pattern, pattern.flags))
    assert not empty, pattern.pattern
    return got


def _passes(c: str, chars: frozenset[str], digits: bool = False, spaces: bool = False) -> bool:
    if c == DIGIT:
        return digits
    if c == SPACE:
        return spaces
    return c in chars or (digits and c.isdecimal()) or (spaces and c.isspace())


GATES = [
    (structure._NUMBERED_RE, structure._NUMBERED_FIRST, False, False),
    (structure._PART_RE, frozenset("第"), False, False),
    (facts._NORM_AFTER_RE, facts._NORM_AFTER_FIRST, False, False),
    (facts._YEAR_TOKEN_RE, frozenset("12"), False, False),
    (facts._B_PREFIX_RE, facts._B_PREFIX_FIRST, False, True),
    (facts._LINK_VERBS_RE, facts._LINK_VERBS_FIRST, False, False),
    (facts._RANKED_AMONG_RE, frozenset("居列"), False, False),
    (items._COUNT_AFTER_RE, items._COUNT_AFTER_FIRST, True, False),
    (items._POST_AFTER_RE, items._POST_AFTER_FIRST, False, False),
    (items._LEVEL_DESIGNATION_RE, items._LEVEL_DESIGNATION_FIRST, False, False),
    (items._CONTEXT_LEAD_RE, items._CONTEXT_LEAD_FIRST, False, False),
    (items._WORK_AFTER_RE, items._WORK_AFTER_FIRST, False, False),
    (facts._PAGE_COUNTER_RE, facts._PAGE_COUNTER_FIRST, False, False),
    (items._GENERIC, items._GENERIC_FIRST, True, False),
    (items._HONOURED_LIST_RE, items._HONOURED_LIST_FIRST, False, False),
]


@pytest.mark.parametrize(("pattern", "chars", "digits", "spaces"), GATES)
def test_every_first_character_of_a_pattern_passes_its_test(pattern, chars, digits, spaces):
    found = firsts(pattern)
    assert found
    for c in found:
        assert _passes(c, chars, digits, spaces), (pattern.pattern, c)


def test_the_first_characters_are_read_right():
    assert firsts(re.compile(r"(?:的)?(?:要求|标准)")) == set("的要标")
    assert firsts(re.compile(r"^[ \t]*(?:随着|依托)")) == set(" \t随依")
    assert firsts(re.compile(r"(?:甲|乙)?\d+")) == {"甲", "乙", DIGIT}


def test_centuries_open_every_year():
    assert all(
        m.group()[:2] in facts._CENTURIES for m in facts._year_tokens("自2019年起，至2024年底，共1998年建成")
    )
    assert [m.group(1) for m in facts._year_tokens("在1998年和2024年，3021年不算")] == ["1998", "2024"]


def test_clause_break_test_is_the_search():
    for quote in ["“甲乙工程”", "“甲，乙”", "“甲。”", "《规划；纲要》", "“好;好”", "“好！”", "“对？”", ""]:
        assert facts._has_clause_break(quote) == (facts._STRAY_QUOTE_RE.search(quote) is not None), quote


def test_gated_sentences_read_as_before():
    # a heading opening a line, a part heading, and a line opening with neither
    text = "一、过去一年的工作\n甲乙丙丁。\n第二部分 今年的安排\n戊己庚辛。\n"
    heads = [s.heading for s in structure.find_sections(text, text)]
    assert any("过去一年" in h for h in heads)
    assert facts._has_clause_break("“甲，乙”") and not facts._has_clause_break("“甲乙”")


def test_a_class_spelt_out_is_its_search():
    tests = [
        (facts._RANK_NEEDLE_RE, facts._ranked_near),
        (facts._OPENS_LIST_RE, facts._opens_a_list),
    ]
    for pattern, test in tests:
        for near in ["", "甲乙丙", *(f"甲{c}乙" for c in firsts(pattern))]:
            assert test(near) == (pattern.search(near) is not None), (pattern.pattern, near)
    assert set(facts._PAST_IN_PLAN_CHARS) == {c for c in facts._PAST_IN_PLAN_CHARS if facts._past_word_in(c)}


def _plain_cn(s: str) -> list[tuple[int, int]]:
    return [m.span() for m in numbers.CN_RE.finditer(s)]


def _cn_spans(s: str) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in numbers.cn_readings(s, numbers.positions(s, numbers._CN_DIGITS))]


def test_chinese_numerals_found_as_finditer_finds_them():
    for s in [
        "进一步推进十四五规划，新建三个公园",
        "一点五亿元和两千余人，十八点六公里",
        "近百场，千余人次，一万亩，三千米，二〇二四年",
        "一二三四五六七八九十百千万亿",
        "",
    ]:
        assert _cn_spans(s) == _plain_cn(s), s


CN_PIECES = st.lists(
    st.sampled_from([*numbers._CN_DIGITS, *"点余多个人元年米千克亩项进步，。的", "百分点", "公里"]),
    max_size=16,
)


@settings(max_examples=1500, deadline=None)
@given(CN_PIECES)
def test_chinese_numerals_found_as_finditer_finds_them_on_made_up_runs(pieces):
    s = "".join(pieces)
    assert _cn_spans(s) == _plain_cn(s)


def test_measure_words_found_as_finditer_finds_them():
    for line in [
        "完成3个小区改造，两条道路建设",
        "个别改造，这个项目建设",
        "1处老街整治提升、十所学校新建",
        "",
    ]:
        assert [m.span() for m in items._measure_finditer(line)] == [
            m.span() for m in items._COUNT_NEEDLE_RE.finditer(line)
        ], line


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"个处座条所两三四五十1２甲，", "改造", "建设", "小区"]), max_size=14))
def test_measure_words_found_as_finditer_finds_them_on_made_up_lines(pieces):
    line = "".join(pieces)
    assert [m.span() for m in items._measure_finditer(line)] == [
        m.span() for m in items._COUNT_NEEDLE_RE.finditer(line)
    ]


GATED = [
    (items._BECOMES_RE, "成入为"),
    (items._HONOUR_RE, items._HONOUR_CHARS),
    (facts._PAST_IN_PLAN_RE, facts._PAST_IN_PLAN_CHARS),
    (facts._BALLOT_RATE_RE, "票赞"),
]
# the patterns' words cut in pieces, and other characters: any match holds one of the characters tested
GATED_PIECES = st.lists(
    st.sampled_from(
        [*"打造建设成为纳入列认定命名评获选荣申创了已经征集筛收梳理提出票决率得赞有效晋升上榜围授予功甲，\n"]
    ),
    max_size=12,
)


@settings(max_examples=1500, deadline=None)
@given(GATED_PIECES)
def test_each_match_holds_a_character_tested_before_it(pieces):
    s = "".join(pieces)
    for pattern, chars in GATED:
        if pattern.search(s):
            assert any(c in s for c in chars), (pattern.pattern, s)


def test_each_word_of_the_gated_patterns_passes():
    for s in ["建成", "打造成为", "纳入", "列入", "评为", "认定为", "命名为", "成为"]:
        assert items._BECOMES_RE.search(s) and any(c in s for c in "成入为")
    for s in ["创建", "获评", "入选", "命名为", "荣获", "申创"]:
        assert items._HONOUR_RE.search(s) and any(c in s for c in items._HONOUR_CHARS)
    for s in ["征集了", "已经", "筛选", "收集", "梳理", "提出"]:
        assert facts._PAST_IN_PLAN_RE.search(s) and any(c in s for c in facts._PAST_IN_PLAN_CHARS)


def test_generic_names_read_as_before():
    for name in [
        "重点项目",
        "3个项目",
        "该项目",
        "科技园区",
        "甲乙项目",
        "上述工程",
        "项目\n",
        "新建项目\n",
        "",
    ]:
        assert bool(items._generic(name)) == bool(items._GENERIC.match(name)), name


def test_classes_spelt_out_are_the_classes():
    assert set(numbers._CN_DIGIT_FIRST) == firsts(numbers._CN_DIGIT_RE)
    assert items._HONOUR_CHARS == "创评入命荣"  # (spelt out as constants in _not_named)


def test_sentence_and_clause_bounds_are_the_searches():
    text = "一、甲乙：丙丁，戊己。庚辛；壬癸\n子丑、寅卯！辰巳？午未,申酉:戌亥;甲!乙?丙"
    ctx = facts._context(text, text, [], META)
    n = len(text)
    rev = text[::-1]
    for pos in range(n + 1):
        before = facts._SENTENCE_RE.search(rev, n - pos)
        after = facts._SENTENCE_RE.search(text, pos)
        plain = (n - before.start() if before else 0, after.start() if after else n)
        assert facts._sentence(ctx, pos) == plain, pos
        for floor in {-1, 0, max(0, pos - 3), pos, pos + 2}:
            before = facts._CLAUSE_RE.search(rev, n - pos, n - floor)
            start = n - before.start() if before else floor
            assert facts._clause_start(ctx, pos, floor) == start, (pos, floor)


def test_quoted_and_bracketed_names_hold_the_words_tested():
    for line in ["建设“甲乙丙丁戊项目”", "“甲乙丙丁戊工程”活动", "重点项目2个（甲、乙）", "“好”（甲）"]:
        for m in items._QUOTED_PROJECT_RE.finditer(line):
            assert "项目”" in m.group() or "工程”" in m.group()
        for m in items._BRACKETED_NAMES_RE.finditer(line):
            assert "项目" in m.group()
    assert items._QUOTED_PROJECT_RE.pattern.endswith("(?:项目|工程))”(?!活动|行动)")
    assert items._BRACKETED_NAMES_RE.pattern.startswith("项目")


def _plain_clean_place(place: str) -> str:
    place = re.sub(r"[（(][^）)]*[)）]", "", place)
    place = re.sub(r"^.*?(?:\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3})年度?", "", place)
    place = re.sub(r"^.*的(?=[^的]{2})", "", place)
    return re.sub(r"第[一二三四五六七八九十百\d]+届$", "", place)


def test_places_cleaned_as_the_substitutions_clean_them():
    for place in [
        "甲乙县",
        "甲乙县（试行）",
        "2031年度甲乙镇",
        "二〇三一年甲乙镇",
        "在今天召开的甲乙市第十五届",
        "甲乙区第三届",
        "近日闭幕的(甲)2030年丙丁市第二届",
        "的的",
        "",
    ]:
        assert structure._clean_place(place) == _plain_clean_place(place), place


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"（()）年度的第三届甲乙县", "2031", "二〇三一"]), max_size=10))
def test_places_cleaned_as_the_substitutions_clean_them_on_made_up_names(pieces):
    place = "".join(pieces)
    assert structure._clean_place(place) == _plain_clean_place(place)


def test_tasks_passed_counted_as_findall_counts_them():
    for s in [
        "甲乙超额完成全年任务，丙丁完成年度目标。",
        "完成了年度任务",
        "超过年度目标，超出年度任务，超年度目标",
        "年度任务年度目标",
        "超额完成",
        "",
    ]:
        assert facts._beyond_tasks(s) == (len(facts._BEYOND_TASK_RE.findall(s)) >= 2), s


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"超额完成了过出年度任务目标，", "超额完成", "年度任务"]), max_size=14))
def test_tasks_passed_counted_as_findall_counts_them_on_made_up_texts(pieces):
    s = "".join(pieces)
    assert facts._beyond_tasks(s) == (len(facts._BEYOND_TASK_RE.findall(s)) >= 2)


def _plain_list_intro(s: str) -> tuple[int, int] | None:
    m = structure._LIST_INTRO_RE.search(s, 0, 3000)
    return m.span() if m else None


def test_list_intro_found_on_the_lines_holding_its_words():
    for s in [
        "甲乙镇2031年八件民生实事分别是：\n一、新建公园",
        "前言\n2031年民生实事如下：\n2031年民心工程包括：",
        "2031年为民办好十件实事有：",
        "2031年\n民生实事如下：",
        "甲" * 2990 + "\n2031年民生实事如下：",
        "甲" * 2980 + "2031年民生实事如下：乙",
        "",
    ]:
        m = structure._list_intro(s)
        assert (m.span() if m else None) == _plain_list_intro(s), s[:20]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["2031年", "民生实事", "实事项目", "民心工程", "为民办", "如下", "有", "：", "\n", "甲", "，"]
        ),
        max_size=12,
    )
)
def test_list_intro_found_on_the_lines_holding_its_words_on_made_up_texts(pieces):
    s = "".join(pieces)
    m = structure._list_intro(s)
    assert (m.span() if m else None) == _plain_list_intro(s)


def test_labelled_title_read_as_the_search_reads_it():
    for raw in ["| 标题：甲乙镇2031年工作计划 |", "名 称: 甲乙县工作要点\n", "标题甲乙", "名单：甲", ""]:
        m = structure._TITLE_FIELD_RE.search(raw, 0, 1500)
        assert structure._labelled_title(raw) == (structure._compact(m.group(1)) if m else ""), raw


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"标题名称： :甲|\n", "\u3000"]), max_size=12))
def test_labelled_title_read_as_the_search_reads_it_on_made_up_pages(pieces):
    raw = "".join(pieces)
    m = structure._TITLE_FIELD_RE.search(raw, 0, 1500)
    assert structure._labelled_title(raw) == (structure._compact(m.group(1)) if m else "")


def test_names_of_works_tested_as_their_patterns_test_them():
    for name in ["所有", "大多数", "多数", "其它", "甲乙", "所有项目", ""]:
        assert (name in items._SOME_ONLY) == (items._SOME_ONLY_RE.fullmatch(name) is not None), name
    for name in [
        "二期",
        "十二期工程",
        "3期项目",
        "甲二期",
        "二期甲",
        "图为甲乙",
        "甲乙供图",
        "甲活动在乙",
        "甲记者",
        "甲编辑\n",
    ]:
        phase = items._PHASE_ONLY_RE.fullmatch(name) is not None
        assert not phase or (len(name) <= 5 and "期" in name[1:3]), name
        caption = items._CAPTION_NAME_RE.match(name) is not None
        assert not caption or items._caption_chars_in(name), name
    assert items._CAPTION_NAME_RE.match("甲记者") and items._CAPTION_NAME_RE.match("图为甲")


def test_task_names_tested_as_their_patterns_test_them():
    for name in [
        "增长5%左右",
        "1100亿斤以上",
        "5.5%以内",
        "甲乙丙",
        " 帖子",
        "• 2423阅读",
        "2423阅读",
        "甲乙丙丁",
        "12",
        "",
    ]:
        target = items._TARGET_RE.search(name) is not None
        assert not target or items._target_chars_in(name), name
        menu = items._NO_TASK_NAME_RE.match(name) is not None
        assert not menu or items._menu_like(name), name


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"5%％以上左右内万亿甲乙 \n\t", "阅读", "１２"]), max_size=10))
def test_task_names_tested_as_their_patterns_test_them_on_made_up_names(pieces):
    name = "".join(pieces)
    assert items._TARGET_RE.search(name) is None or items._target_chars_in(name)
    assert items._NO_TASK_NAME_RE.match(name) is None or items._menu_like(name)


def test_project_end_cut_off_as_the_pattern_cuts_it():
    for name in [
        "甲乙产业园区",
        "甲乙园区",
        "甲示范园",
        "甲示范园区",
        "甲乙营地",
        "项目",
        "甲工程乙",
        "区",
        "",
    ]:
        assert items._without_project_end(name) == items._PROJECT_END_AT_END_RE.sub("", name), name


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"甲产业园区工程项目示范营地中心社科技", "综合体", "集聚区"]), max_size=8))
def test_project_end_cut_off_as_the_pattern_cuts_it_on_made_up_names(pieces):
    name = "".join(pieces)
    assert items._without_project_end(name) == items._PROJECT_END_AT_END_RE.sub("", name)


def _place_sub(text: str, place: str, bare: str) -> str:
    return re.sub("|".join(re.escape(p) for p in (place, bare)), "", text)


def test_place_cut_out_as_the_pattern_cuts_it():
    for text, place in [
        ("青禾乡农业", "青禾乡"),
        ("青青禾乡禾", "青禾乡"),
        ("甲乙县甲乙", "甲乙县"),
        ("甲乙", "甲乙"),
    ]:
        bare = items._PLACE_SUFFIX_RE.sub("", place)
        assert items._without_place(text, place, bare) == _place_sub(text, place, bare), text


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from([*"青禾乡镇甲"]), max_size=10),
    st.sampled_from(["青禾乡", "青禾", "禾乡镇", "青禾街道", "青青禾"]),
)
def test_place_cut_out_as_the_pattern_cuts_it_on_made_up_texts(pieces, place):
    text = "".join(pieces)
    bare = items._PLACE_SUFFIX_RE.sub("", place)
    assert items._without_place(text, place, bare) == _place_sub(text, place, bare)


_OPENS_RE = re.compile(r"(?:如下|分别是|包括|以下)[：:]?\s*$")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"如下分别是包括以：: \t\u3000甲", "如下", "以下", "包括"]), max_size=10))
def test_a_line_opens_a_list_as_the_search_reads_it_on_made_up_lines(pieces):
    line = "".join(pieces)
    expected = line.rstrip().endswith((":", "：")) or _OPENS_RE.search(line) is not None
    assert items._opens(line) == expected


def _without_lookahead(pattern: re.Pattern[str], gate: str) -> re.Pattern[str]:
    assert gate in pattern.pattern
    return re.compile(pattern.pattern.replace(gate, "", 1))


# Lookaheads on the first characters of what follows a lazy run: each pattern with and without its gate.
_GATED_RUNS = [
    (items._PROJECT_RE, f"(?=[{items._PROJECT_END_FIRST}])", items._PROJECT_END + "+"),
    (items._LIST_RE, rf"(?=[{items._LIST_TAIL_FIRST}\d])", items._LIST_TAIL),
    (
        items._SUBJECT_RE,
        rf"(?=[{items._SUBJECT_NEXT_FIRST}\d])",
        rf"(?:{items._SUBJECT_ADVERBS}|\d+条(?:生产线|产线))*(?<![创召展党早开])(?:{items._STAGE_WORDS})",
    ),
]


@pytest.mark.parametrize(("pattern", "gate", "after"), _GATED_RUNS)
def test_each_lookahead_lets_every_first_character_of_what_follows_pass(pattern, gate, after):
    assert gate + after.replace("(?P<count>", "(?:").replace("(?P<stage>", "(?:") in pattern.pattern.replace(
        "(?P<count>", "(?:"
    ).replace("(?P<stage>", "(?:")
    chars = frozenset(gate[4:-2].replace("\\d", ""))
    for c in firsts(re.compile(after)):
        assert _passes(c, chars, digits="\\d" in gate), (pattern.pattern, c)


_RUN_TEXTS = [
    "推进甲乙产业园区建设，完成丙丁项目和戊工程，实施己示范园区、庚营地改造",
    "引进甲、乙、丙等重点项目，签约丁、戊两个项目，实现三个企业投产",
    "甲乙项目已经正式开工，丙丁工程年底前竣工，戊厂房2条生产线投产，加快建设己路",
    "甲乙主体结构封顶，丙丁加快推进，创建戊签约，开工仪式举行",
]


@pytest.mark.parametrize(("pattern", "gate", "after"), _GATED_RUNS)
def test_gated_runs_match_as_before(pattern, gate, after):
    plain = _without_lookahead(pattern, gate)
    for text in _RUN_TEXTS:
        for line in [text, *text.split("，")]:
            got = [(m.span(), m.groupdict()) for m in pattern.finditer(line)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(line)], line


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"甲乙，、等个两三2项目工程园区示范营地已建成开工正式投产", "生产线", "加快建设", "中心"]
        ),
        max_size=14,
    )
)
def test_gated_runs_match_as_before_on_made_up_lines(pieces):
    line = "".join(pieces)
    for pattern, gate, _ in _GATED_RUNS:
        plain = _without_lookahead(pattern, gate)
        got = [(m.span(), m.groupdict()) for m in pattern.finditer(line)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(line)], line


# pieces of lines around the words of a 民生实事 list's head
_LIVELIHOOD_PIECES = [*"实事民生工程为办兴惠十两三五件项好目12甲", "实事", "民生"]


def test_livelihood_list_words_found_as_the_search_finds_them():
    for line in [
        "今年办好十件民生实事，其中3件为民实事已完成",
        "落实为民办实事项目，推进民生工程",
        "这件实事做好了，12件惠民实事",
        "实事求是，为民兴办实事好事项目",
        "无关的一行",
        "",
    ]:
        for pos in range(len(line) + 1):
            m = items._LIVELIHOOD_LIST_RE.search(line, pos)
            got = items._livelihood_list_search(line, pos)
            assert (got.span() if got else None) == (m.span() if m else None), (line, pos)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_LIVELIHOOD_PIECES), max_size=14),
    st.integers(0, 4),
)
def test_livelihood_list_words_found_as_the_search_finds_them_on_made_up_lines(pieces, pos):
    line = "".join(pieces)
    m = items._LIVELIHOOD_LIST_RE.search(line, pos)
    got = items._livelihood_list_search(line, pos)
    assert (got.span() if got else None) == (m.span() if m else None)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_LIVELIHOOD_PIECES), max_size=16),
    st.integers(0, 4),
)
def test_livelihood_list_words_found_as_finditer_finds_them_on_made_up_lines(pieces, pos):
    line = "".join(pieces)
    got = [m.span() for m in items._livelihood_list_finditer(line, pos)]
    assert got == [m.span() for m in items._LIVELIHOOD_LIST_RE.finditer(line, pos)]


# --- the boundaries, character tests and matches found without the patterns' own scans ---

BOUNDARY_PIECES = st.lists(
    st.sampled_from([*"。；;！？!?\n，,、：:（()）甲乙12", "\u3400", "\uf900", "\ufb00"]), max_size=16
)


def _plain_bounds(s: str, pos: int, floor: int) -> tuple[tuple[int, int], int]:
    n, rev = len(s), s[::-1]
    before = facts._SENTENCE_RE.search(rev, n - pos)
    after = facts._SENTENCE_RE.search(s, pos)
    sentence = (n - before.start() if before else 0, after.start() if after else n)
    clause = facts._CLAUSE_RE.search(rev, n - pos, n - floor)
    return sentence, (n - clause.start() if clause else floor)


@settings(max_examples=1000, deadline=None)
@given(BOUNDARY_PIECES, st.integers(0, 20), st.integers(-2, 20))
def test_sentence_and_clause_bounds_are_the_searches_on_made_up_texts(pieces, pos, floor):
    s = "".join(pieces)
    ctx = facts._context(s, s, [], META)
    assert ctx.rev == s[::-1]
    sentence, clause = _plain_bounds(s, pos, floor)
    assert facts._sentence(ctx, pos) == sentence
    if not any(c in s for c in "(（"):  # (an open bracket moves the start: checked with the text's brackets)
        assert facts._clause_start(ctx, pos, floor) == clause


def test_boundary_codes_are_the_classes():
    for c in map(chr, range(0x10000)):
        assert facts._ends_a_sentence(ord(c)) == (facts._SENTENCE_RE.match(c) is not None), hex(ord(c))
        assert facts._ends_a_clause(ord(c)) == (facts._CLAUSE_RE.match(c) is not None), hex(ord(c))
        assert facts._cjk_at(c) == (facts._CJK_RE.match(c) is not None), hex(ord(c))
        assert facts._has_quote_char(c) == (facts._QUOTE_CHARS_RE.search(c) is not None), hex(ord(c))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*'“”"‘’《》「」甲乙1 ', "\u4e00", "\u9fff"]), max_size=10))
def test_quote_characters_found_as_the_search_finds_them(pieces):
    s = "".join(pieces)
    assert facts._has_quote_char(s) == (facts._QUOTE_CHARS_RE.search(s) is not None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=12), st.integers(-2, 32))
def test_bisections_are_bisect_s(values, x):
    import bisect

    values.sort()
    assert facts._bisect_left(values, x) == bisect.bisect_left(values, x)
    assert facts._bisect_right(values, x) == bisect.bisect_right(values, x)


NUMBER_PIECES = st.lists(
    st.sampled_from(
        [
            *"0123456789.,，-~至万亿元个年月%百分之千点五一二 \u00a0甲",
            "百分点",
            "千分之",
            "个百分点",
            "1,234",
            "2 000",
        ]
    ),
    max_size=16,
)


def test_numbers_found_as_finditer_finds_them():
    for s in ["增长5.2%，完成1,234万元", "百分之七点二，百分百，千分之三", "2024年3月", "1 250米", ""]:
        assert [m.span() for m in numbers.arabic_matches(s)] == [
            m.span() for m in numbers.ARABIC_RE.finditer(s)
        ]
        for rx, word in ((numbers.PERCENT_RE, "百分"), (numbers.PER_MILLE_RE, "千分之")):
            assert [m.span() for m in numbers.word_matches(rx, s, word)] == [m.span() for m in rx.finditer(s)]


@settings(max_examples=1500, deadline=None)
@given(NUMBER_PIECES)
def test_numbers_found_as_finditer_finds_them_on_made_up_texts(pieces):
    s = "".join(pieces)
    assert [m.span() for m in numbers.arabic_matches(s)] == [m.span() for m in numbers.ARABIC_RE.finditer(s)]
    for rx, word in ((numbers.PERCENT_RE, "百分"), (numbers.PER_MILLE_RE, "千分之")):
        assert [m.span() for m in numbers.word_matches(rx, s, word)] == [m.span() for m in rx.finditer(s)]
    bare = [p for p in numbers.positions(s, numbers._CN_DIGITS) if s[p] in "百千万"]
    assert bare == numbers.positions(s, "百千万")
    assert [m.span() for m in numbers.matches_at(numbers.BARE_RE, s, bare)] == [
        m.span() for m in numbers.BARE_RE.finditer(s)
    ]


def _unguarded_arabic() -> re.Pattern[str]:
    """ARABIC_RE without the test before its readings of thousands marked (what it was written as)."""
    pattern = numbers.ARABIC_RE.pattern
    guard = r"(?=[0-9]{0,2}[, \u00a0][0-9])(?:"
    assert pattern.count(guard) == 1 and pattern.count(")|[0-9]*))") == 1
    return re.compile(pattern.replace(guard, "", 1).replace(")|[0-9]*))", "|[0-9]*))", 1))


THOUSANDS_PIECES = st.lists(
    st.sampled_from([*"0123456789,. \u00a0万元年", "1,234", "12 500", "2 000万", "\u00a0000"]), max_size=14
)


@settings(max_examples=1500, deadline=None)
@given(THOUSANDS_PIECES)
def test_thousands_tried_only_where_a_mark_follows(pieces):
    s = "".join(pieces)
    plain = _unguarded_arabic()
    assert [m.regs for m in numbers.ARABIC_RE.finditer(s)] == [m.regs for m in plain.finditer(s)]


def test_thousands_read_as_before():
    plain = _unguarded_arabic()
    for s in ["1,234,567元", "2 000万元", "投资2 000万元", "1 250米", "12,3456", "2024年", "3.5亿元", ""]:
        assert [m.regs for m in numbers.ARABIC_RE.finditer(s)] == [m.regs for m in plain.finditer(s)], s


def test_character_tests_are_the_methods():
    text = "".join(map(chr, range(0x3000)))
    for i in range(-1, len(text) + 1):
        c = text[i] if 0 <= i < len(text) else ""
        assert numbers._ascii_letter_at(text, i) == (c.isascii() and c.isalpha()), i
    for x in [0.0, -0.0, 1.0, -3.0, 2.5, 1e16, 1e300, float("inf"), float("-inf"), float("nan"), 0.1 + 0.2]:
        assert facts._is_whole(x) == x.is_integer(), x


def test_date_parts_skipped_before_the_match_are_the_matches_dropped():
    # a bare run of digits before a date's word: the match is the run, without a unit or multiplier
    for s in ["2024年", "3月15日", "第5号", "12届", "2023年度", "100日元", "5度电"]:
        for m in numbers.ARABIC_RE.finditer(s):
            if s[m.end() : m.end() + 1] in numbers._DATE_PART_AFTER:
                assert m.end() == numbers._digits_end(s, m.start())
                assert m["unit"] is None and m["mult"] is None
    assert [t.unit for t in numbers.scan("折合100日元，2024年")] == ["日元"]


CODE_CLASSES = [
    (facts._SENTENCE_END_CODES, facts._SENTENCE_RE),
    (facts._CLAUSE_END_CODES, facts._CLAUSE_RE),
    (facts._B_STOP_CODES, facts._B_STOP_RE),
    (facts._LIST_BEFORE_STOP_CODES, facts._LIST_BEFORE_STOP_RE),
]


def test_code_sets_are_the_classes():
    for codes, pattern in CODE_CLASSES:
        assert len(codes) == 0x10000
        for o in range(0x10000):
            assert (codes[o] == "\x01") == (pattern.match(chr(o)) is not None), (pattern.pattern, hex(o))


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([*'。；;！？!?\n，,、：:（()）“”".甲乙1 ']), max_size=14),
    st.integers(-1, 16),
    st.integers(-1, 16),
)
def test_last_and_first_of_a_class_found_as_the_patterns_find_them(pieces, lo, hi):
    s = "".join(pieces)
    lo = max(lo, 0)
    for codes, pattern in CODE_CLASSES:
        ends = [m.end() for m in pattern.finditer(s, lo, hi)]
        assert facts._after_last(s, lo, hi, codes) == (ends[-1] if ends else lo)
        first = pattern.search(s, lo, hi)
        assert facts._first_in(s, lo, hi, codes) == (first.start() if first else -1)


@settings(max_examples=1500, deadline=None)
@given(NUMBER_PIECES)
def test_match_ends_from_the_groups_are_the_spans(pieces):
    s = "".join(pieces + ["个项目", "亿元", "余人", "多万元以上"])
    for m in numbers.ARABIC_RE.finditer(s):
        assert m.end() == m.start() + sum(numbers._len(g) for k, g in enumerate(m.groups()) if k != 3)
        unit_end = m.end() - numbers._len(m["a3"])
        assert m["unit"] is None or m.span("unit") == (unit_end - len(m["unit"]), unit_end)
    for m in numbers.CN_RE.finditer(s.replace("1", "一").replace("2", "两").replace("5", "五")):
        raw, a1, mult, unit, a3 = m.groups()
        end_unit = m.start() + len(raw) + numbers._len(a1) + numbers._len(mult) + len(unit)
        assert (end_unit - len(unit), end_unit) == m.span(4) and end_unit + numbers._len(a3) == m.end()


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"确保力争取计划预求拟甲，", "力争取", "预计划"]), max_size=14))
def test_commitments_found_as_finditer_finds_them(pieces):
    s = "".join(pieces)
    assert facts._commit_spans(s) == [m.span() for m in facts._COMMIT_RE.finditer(s)]
    assert all(not any(w != v and w.startswith(v) for v in facts._COMMIT_WORDS) for w in facts._COMMIT_WORDS)


@pytest.mark.parametrize(
    "sentence",
    [
        "今年在青禾镇申报农业项目12个，建成A等3村污水处理厂，推动一批好项目落地。",
        "打造松岭、柳溪两大特色产业基地，桃源园区基础设施更加完善，确保石桥断面达标。",
        "推进北川、南岗等小区改造，举办桂湾招商推介会，实施云谷物流园建设工程。",
    ],
)
def test_no_project_named_asked_once_a_span_answers_as_asked_each_time(sentence):
    memo: dict[tuple[int, int], bool] = {}
    spans = [(a, b) for a in range(len(sentence)) for b in range(a + 2, min(len(sentence), a + 14) + 1)]
    for _ in range(2):  # (the second round reads the memo)
        for a, b in spans:
            assert items._no_project_named_at(memo, sentence, a, b) == items._no_project_named(sentence, a, b)
    assert len(memo) == len(spans)
    assert any(memo.values()) and not all(memo.values())
