"""The facts stage's shortcuts give what the plain way gives.

Finding the facts tries patterns only where a rare first character stands (found with
``str.find``), keeps the text's clause and sentence bounds in arrays searched by bisection, and
reuses what the numbers of one sentence share. Each test runs a shortcut beside the plain way on the
fixtures, the holdout texts and generated text made of the pieces the shortcuts key on.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, numbers
from luoshi.reports.reader.chars import simplify
from luoshi.reports.reader.model import Fact, Meta

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
SIMPLE = [simplify(text) for text in TEXTS]

# Pieces of report prose around the characters and words the shortcuts key on (made up).
PIECES = [
    *'，,。；;：:、“”"‘’《》「」[]【】（）()\n 年的了等和及与',
    "2024年",
    "1999年",
    "2025年度",
    "2023年以来",
    "2020年起",
    "20",
    "19",
    "确保",
    "力争",
    "争取",
    "计划",
    "预计",
    "力求",
    "拟",
    "力争取",
    "百万",
    "千万",
    "百亿",
    "千亿",
    "元",
    "美元",
    "近",
    "超",
    "8.2:41.5:50.3",
    "：",
    "︰",
    "∶",
    "”（以下简称",
    '"(下同)',
    "“青禾”",
    "《某某规划》",
    "增长",
    "同比",
    "亿元",
    "万人",
    "个",
    "项目",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="镇村新建投资亿元年0123456789.", max_size=4)),
    max_size=60,
).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


# the context patterns tried at their first characters, with those characters
FIRSTS = [
    (facts._QUOTED_RE, facts._QUOTED_FIRSTS),
    (facts._DEFINITION_RE, '”"'),
    (facts._COMMIT_RE, facts._COMMIT_FIRSTS),
    (numbers.BARE_RE, "百千"),
]


def _context_checks(s: str) -> int:
    found = 0
    for pattern, firsts in FIRSTS:
        plain = _spans(pattern.finditer(s))
        assert _spans(numbers.matches_from(pattern, s, firsts)) == plain, pattern.pattern
        found += len(plain)
    plain = _spans(facts._YEAR_TOKEN_RE.finditer(s))
    assert _spans(facts._year_tokens(s)) == plain
    return found + len(plain)


def test_context_patterns_at_their_first_characters_on_the_fixtures():
    assert sum(_context_checks(s) for s in SIMPLE) > 100  # (the fixtures do exercise them)


@FAST
@given(text_strategy)
def test_context_patterns_at_their_first_characters_on_generated_text(s):
    _context_checks(s)


# The noun after a number as it was found before: the end trimmed by a $-anchored search, the
# predicate pattern with its lookbehind first.
B_SUFFIX_PLAIN = re.compile(r"(?:的|等|和|及|与|其中|共|、|[“”\"‘’《》「」\s])$")
B_PREDICATE_PLAIN = re.compile(
    r"全部|全面|(?<![人户年])均|都已|已经|已|顺利|如期|按时|提前|实现|得到|获得|分别|超过|基本|先后|陆续"
)
B_NEXT_CLAUSE_PLAIN = re.compile(r"、(?=年均|同比|比上年|较上年|比去年|较去年|增长|下降|增速|增幅)")


def _b_span_plain(s: str, token: numbers.NumberToken, limit: int) -> tuple[int, int]:
    start = token.end
    if start >= len(s) or (facts._CJK_RE.match(s, start) is None and s[start] not in '“"《0123456789'):
        return start, start
    stop = facts._B_STOP_RE.search(s, start, min(limit, start + 40))
    end = stop.start() if stop else min(limit, start + 40)
    nc = B_NEXT_CLAUSE_PLAIN.search(s, start, end)
    if nc:
        end = nc.start()
    pm = B_PREDICATE_PLAIN.search(s, start, end)
    if pm:
        end = pm.start()
    seg = s[start:end]
    if "等" in seg:
        at, of = seg.rfind("等"), seg.find("的")
        if 0 < of < at and re.fullmatch(r"(?:各项|多项|相关|一系列)?(?:工作|任务|事项|服务)", seg[at + 1 :]):
            end = start + of
        else:
            start += at + 1
    if facts._NOT_A_THING_RE.match(s, start) or facts._B_VERB_START_RE.match(s, start):
        return start, start
    while start < end:
        m = facts._B_PREFIX_RE.match(s, start, end)
        if not m:
            break
        start = m.end()
    while start < end:
        m = B_SUFFIX_PLAIN.search(s, start, end)
        if not m or m.end() != end:
            break
        end = m.start()
    return start, min(end, start + 20)


def _b_span_checks(s: str) -> int:
    ctx = facts._context(s, s, [], Meta())  # (a real context: a compiled facts module checks its type)
    tokens = numbers.scan(s)
    for k, token in enumerate(tokens):
        for limit in (
            len(s),
            tokens[k + 1].start if k + 1 < len(tokens) else len(s),
            min(len(s), token.end + 5),
        ):
            assert facts._b_span(ctx, token, limit) == _b_span_plain(s, token, limit), s[
                token.start : token.end + 30
            ]
    for p in range(len(s)):
        plain = B_PREDICATE_PLAIN.search(s, p, p + 30)
        fast = facts._B_PREDICATE_RE.search(s, p, p + 30)
        assert (fast and fast.span()) == (plain and plain.span())
    return len(tokens)


def test_noun_after_a_number_on_the_fixtures():
    assert sum(_b_span_checks(s) for s in SIMPLE[:6]) > 100


B_PIECES = [
    *PIECES,
    *"人户均部面已经其中共 \u3000\t",
    "人均",
    "户均",
    "年均",
    "先后",
    "、同比",
    "等",
    "均已",
    "全部",
    "分别",
    "其中",
    "2个村的",
    "3家企业和",
]
b_text = st.lists(
    st.one_of(st.sampled_from(B_PIECES), st.text(alphabet="镇村新建均其中人户亿元个0123456789", max_size=4)),
    max_size=40,
).map("".join)


@FAST
@given(b_text)
def test_noun_after_a_number_on_generated_text(s):
    _b_span_checks(s)


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a ``(?:a|b|…)`` pattern, split at the bars outside groups and classes."""
    body = pattern[3:-1]
    out, depth, in_class, escaped, cur = [], 0, False, False, ""
    for c in body:
        if escaped:
            cur, escaped = cur + c, False
            continue
        if c == "\\":
            cur, escaped = cur + c, True
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += c
    return [*out, cur]


def _first_atom(alternative: str) -> str:
    """The pattern of an alternative's first character: a literal, a class, or a group's alternatives."""
    if alternative.startswith("["):
        return alternative[: alternative.index("]", 2) + 1]
    if alternative.startswith("(?:"):
        return "|".join(
            _first_atom(a) for a in _top_level_alternatives(alternative[: alternative.index(")") + 1])
        )
    if alternative.startswith("\\"):
        return alternative[:2]
    return re.escape(alternative[0])


def test_the_prefix_first_characters_hold_every_first_character_of_a_prefix():
    alternatives = _top_level_alternatives(facts._PREFIX_RE.pattern)
    assert len(alternatives) > 100 and "今年以来" in alternatives
    first = re.compile("|".join(_first_atom(a) for a in alternatives))
    for code in [*range(0x10000), 0x1D7CE, 0x1D7CF]:  # (the BMP and two astral digits)
        c = chr(code)
        if first.match(c):
            assert c in facts._PREFIX_FIRSTS or c.isdecimal() or c.isspace(), c


def _strip_plain(s: str, start: int, end: int, growth: bool) -> tuple[int, int]:
    if start < end:
        start = facts._PREFIXES_RE.match(s, start, end).end()
    suffixes = (facts._SUFFIXES, facts._GROWTH_SUFFIXES) if growth else (facts._SUFFIXES,)
    changed = True
    while changed and start < end:
        changed = False
        for table in suffixes:
            word = table.at_end(s, start, end)
            if word is None:
                continue
            bad = facts._BAD_APPROX_BEFORE
            if word in bad and s[end - len(word) - 1 : end - len(word)] in bad[word]:
                continue
            end -= len(word)
            changed = True
    while start < end and s[end - 1] in " \n":
        end -= 1
    return start, end


def test_strip_skips_what_the_prefix_pattern_skips():
    checked = 0
    for s in SIMPLE[:8]:
        stops = [m.end() for m in facts._CLAUSE_RE.finditer(s)]
        for a, b in zip([0, *stops], stops, strict=False):
            for growth in (False, True):
                assert facts._strip(s, a, b, growth=growth) == _strip_plain(s, a, b, growth), s[a:b]
                checked += 1
    assert checked > 1000


@FAST
@given(text_strategy)
def test_strip_skips_what_the_prefix_pattern_skips_on_generated_text(s):
    for a in range(len(s)):
        assert facts._strip(s, a, len(s)) == _strip_plain(s, a, len(s), False)


def _is_threshold_plain(s: str, token: numbers.NumberToken) -> bool:
    after = s[token.end : token.end + 1]
    follows_noun = bool(after) and (facts._CJK_RE.match(after) is not None or after.isdigit())
    if token.approx_after in ("以上", "以下") and follows_noun:
        return True
    money = numbers.unit_is_money(token.unit) or (token.unit is None and token.multiplied)
    if token.hi is not None and (after == "的" or (money and s.startswith(("项目", "企业"), token.end))):
        return True
    before = s[max(0, token.start - 2) : token.start]
    bar = facts._COUNT_THEN_BAR_RE.search(s, max(0, token.start - 24), token.start) is not None
    if before.endswith(("超", "超过")) and money and (follows_noun or bar) and after not in "的":
        return True
    return bool(money and facts._SIZE_CLASS_AFTER_RE.match(s, token.end, token.end + 3))


NUMBER_PIECES = [
    *PIECES,
    *"万亿元人个家项村年月日号届度天",
    "超过",
    "以上",
    "以下",
    "10-50万元",
    "亿元以上",
    "的村",
    "项目",
    "企业",
    "级",
    "大项目",
    "示范县之一",
    "目标",
    "预期目标",
    "的目标",
    "同比增长",
    "劳动力",
]
number_text = st.lists(
    st.one_of(st.sampled_from(NUMBER_PIECES), st.text(alphabet="0123456789.,万亿元个年月", max_size=5)),
    max_size=40,
).map("".join)


def _number_checks(s: str) -> int:
    tokens = numbers.scan(s)
    for token in tokens:
        assert facts._is_threshold(s, token) == _is_threshold_plain(s, token)
    for m in facts._TARGET_AFTER_RE.finditer(s):
        assert s[m.start()] in facts._TARGET_AFTER_FIRSTS
    return len(tokens)


def test_thresholds_and_targets_on_the_fixtures():
    assert sum(_number_checks(s) for s in SIMPLE) > 300


@FAST
@given(number_text)
def test_thresholds_and_targets_on_generated_text(s):
    _number_checks(s)


def _scan_plain(s: str, monkeypatch) -> list:
    with monkeypatch.context() as patched:
        patched.setattr(numbers, "_DATE_PART_AFTER", frozenset())  # every unit-less number read in full
        return numbers.scan(s)


def test_scan_skips_only_date_parts_on_the_fixtures(monkeypatch):
    for s in SIMPLE:
        assert numbers.scan(s) == _scan_plain(s, monkeypatch)


def test_scan_skips_only_date_parts_on_generated_text(monkeypatch):
    @FAST
    @given(number_text)
    def check(s):
        assert numbers.scan(s) == _scan_plain(s, monkeypatch)

    check()


def test_the_records_built_positionally_keep_their_field_order():
    """``Fact`` and ``NumberToken`` are built with positional arguments in the hot loops."""
    assert [f.name for f in fields(Fact)] == [
        *("part", "kind", "measure", "metric", "value", "unit", "approx", "commitment", "year"),
        *("quote", "start", "end"),
    ]
    assert [f.name for f in fields(numbers.NumberToken)] == [
        *("start", "end", "value", "unit", "unit_span", "multiplied", "approx_after", "hi", "chinese"),
        *("threshold", "approx_span", "cut"),
    ]


def _clause_start_plain(ctx, pos: int, floor: int) -> int:
    n = len(ctx.s)
    before = facts._CLAUSE_RE.search(ctx.rev, n - pos, n - floor)
    start = n - before.start() if before else floor
    seg = ctx.s[start:pos]
    open_paren = max(seg.rfind("("), seg.rfind("（"))
    if open_paren >= 0 and open_paren > max(seg.rfind(")"), seg.rfind("）")):
        start += open_paren + 1
    return start


def _metric_text_plain(ctx, spans) -> str:
    out = "".join([ctx.text[a:b] for a, b in spans if b > a])
    out = facts._QUOTE_CHARS_RE.sub("", out)
    if "下同" in out or "简称" in out or "簡稱" in out:
        out = facts._cut(out, facts._ASIDE_RE)
    if "年" in out:
        out = facts._YEAR_IN_METRIC_RE.sub("", out)
        out = facts._cut(out, facts._START_LEFT_RE)
    return out.strip()


META = Meta(review_year=2024, plan_year=2025)


def _bounds_checks(text: str) -> None:
    ctx = facts._context(text, simplify(text), [], META)
    n = len(text)
    for pos in range(n + 1):
        for floor in {0, max(0, pos - 7), pos}:
            assert facts._clause_start(ctx, pos, floor) == _clause_start_plain(ctx, pos, floor)
    for a in range(0, n, 3):
        for b in (a, a + 1, a + 5, a + 17, n):
            spans = [(a, min(b, n)), (min(b, n), min(n, b + 9))]
            assert facts._metric_text(ctx, spans) == _metric_text_plain(ctx, spans)
            assert facts._metric_text(ctx, spans[:1]) == _metric_text_plain(ctx, spans[:1])


def test_clause_starts_and_metric_texts_on_the_fixtures():
    for text in TEXTS[:4]:
        _bounds_checks(text[:3000])


BOUND_PIECES = [*PIECES, *'()（）“”"《》「」‘’', "(下同)", "（以下简称增长）", "由2020年的", "從", "項目"]
bound_text = st.lists(
    st.one_of(st.sampled_from(BOUND_PIECES), st.text(alphabet="镇村新建投资亿元年0123456789", max_size=4)),
    max_size=40,
).map("".join)


@FAST
@given(bound_text)
def test_clause_starts_and_metric_texts_on_generated_text(text):
    _bounds_checks(text)


def _is_not_a_count_plain(s: str, token: numbers.NumberToken) -> bool:
    N = numbers
    start, end = token.start, token.end
    before = s[max(0, start - 3) : start]
    if before and N._ORDINAL_BEFORE_RE.search(before) and not before.endswith(N._ONE_AFTER_ANOTHER):
        return True
    after = s[end : end + 4]
    unit = token.unit
    if unit is None and not token.multiplied and not token.cut:
        return True
    if unit is None and re.match(r"[年月日号岁]", after):
        return True
    if token.chinese and N._CN_NAMED_SET_RE.match(s, end):
        return True
    if (unit, after[:1]) in {("个", "月"), ("位", "数"), ("人", "制")}:
        return True
    if unit == "队" and (s.endswith("村", 0, start) or s.endswith("队、", 0, start)):
        return True
    if unit in N._RANK_UNITS and N._RANK_MOVE_RE.search(s, max(0, start - 5), start):
        return True
    if (
        unit in N._AGENDA_UNITS
        and s.startswith("报告", end)
        and N._AGENDA_RE.search(s, max(0, start - 12), start)
    ):
        return True
    if token.chinese and unit == "起" and token.value == 1 and not N._INCIDENT_AFTER_RE.match(s, end):
        return True
    if unit == "次" and (
        N._MEETING_AFTER_RE.match(after) or s.endswith("届", 0, start) or N._SESSIONS_AFTER_RE.match(s, end)
    ):
        return True
    prev = s[start - 1] if start else ""
    nxt = s[end] if end < len(s) else ""
    if (prev and prev in "+＋/") or (nxt and nxt in "+＋") or (prev.isascii() and prev.isalpha()):
        return True
    if not unit and nxt.isascii() and nxt.isalpha():
        return True
    return bool(unit and token.unit_span and token.unit_span[1] == end and nxt.isascii() and nxt.isalpha())


COUNT_PIECES = [
    *NUMBER_PIECES,
    "第",
    "前",
    "排名",
    "位列",
    "先后",
    "前后",
    "\n",
    "届",
    "次会议",
    "全会",
    "报告",
    "听取",
    "起",
    "事故",
]
count_text = st.lists(
    st.one_of(
        st.sampled_from(COUNT_PIECES), st.text(alphabet="0123456789.万个位人队次起一二三GA+/", max_size=5)
    ),
    max_size=40,
).map("".join)


def _not_a_count_checks(s: str) -> int:
    tokens = numbers.scan(s)
    for token in tokens:
        assert numbers.is_not_a_count(s, token) == _is_not_a_count_plain(s, token), s[
            token.start - 4 : token.end + 4
        ]
        for cut in (True, False):  # (a unit-less number too)
            bare = numbers.NumberToken(
                token.start, token.end, token.value, None, None, False, None, None, False
            )
            bare.cut = cut
            assert numbers.is_not_a_count(s, bare) == _is_not_a_count_plain(s, bare)
    return len(tokens)


def test_is_not_a_count_on_the_fixtures():
    assert sum(_not_a_count_checks(s) for s in SIMPLE) > 300


@FAST
@given(count_text)
def test_is_not_a_count_on_generated_text(s):
    _not_a_count_checks(s)


def test_quotes_before_a_number_found_by_their_starts():
    """_excluded bisects the quotes' starts instead of the (start, end) pairs: the same index."""
    from bisect import bisect_right

    checked = 0
    for text in [*TEXTS, "“甲”（乙）“丙”3个“丁”", '“”""《》']:
        ctx = facts._context(text, simplify(text), [], META)
        assert ctx.quoted_starts == [a for a, _ in ctx.quoted]
        for pos in range(0, len(text) + 1):
            assert bisect_right(ctx.quoted_starts, pos) == bisect_right(ctx.quoted, (pos, 10**12))
            checked += 1
    assert checked > 10000
