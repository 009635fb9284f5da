"""The reader's shortcuts give what the plain way gives.

Several hot spots of the reader skip work that cannot find anything: patterns tried only on the
runs of a line that hold a needle word, a pattern reordered so that the regex engine can scan for
its first character, a table and a standard-form reading in front of cn2an, one match for a run of prefixes, a cheap count
before an expensive one. Each test here runs the shortcut and the plain way side by side on the
fixtures and on generated text, so that a change to a pattern that breaks a shortcut's assumption
shows here rather than as a silently different output.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import cn2an
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import clean, decode, facts, items, numbers, structure
from luoshi.reports.reader.chars import CJK, simplify
from luoshi.reports.reader.lazyre import LazyPattern, lazy

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
LINES = [line for text in TEXTS for line in simplify(text).split("\n")]

# Pieces of report prose around the words the shortcuts key on.
PIECES = [
    *"，,。；;：:、“”的了等和及与\n \t",
    "一是",
    "改造",
    "提升",
    "公路",
    "大道",
    "东路",
    "污水处理厂",
    "广场",
    "拓宽改造",
    "和",
    "、",
    "局",
    "市场",
    "签约",
    "投产",
    "竣工通车",
    "正式",
    "A12",
    "二是",
    "十是",
    "推进",
    "完成",
    "实施",
    "以",
    "建成",
    "重点",
    "项目",
    "工程",
    "产业园",
    "中心",
    "示范区",
    "企业",
    "载体",
    "民生实事",
    "3项民生实事",
    "十件实事",
    "两件实事",
    "12件实事",
    "为民兴办",
    "民生工程",
    "实事项目",
    "为民办实事",
    "报告",
    "一、",
    "二.",
    "三．",
    "十一、",
    "2024年",
    "工作回顾",
    "全年",
    "累计",
    "完成了",
    "（一）",
    "1.",
    "约",
    "达到",
    "同比增长",
    "下达",
    "分别为",
    "xx百科--为乡村振兴助力",
]
line_text = st.lists(
    st.one_of(
        st.sampled_from(PIECES), st.text(alphabet="镇村路桥水厂园区新建投资亿元0123456789", max_size=4)
    ),
    max_size=40,
).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


RUNS = [
    (items._PROJECT_RE, items._PROJECT_STOP_RE, items._PROJECT_END_RE),
    (items._LIST_RE, items._LIST_STOP_RE, items._LIST_NEEDLE_RE),
]
CLAUSE_PATTERNS = [items._WORKED_RE, items._SUBJECT_RE]


def test_runs_finditer_finds_what_finditer_finds_on_the_fixtures():
    found = 0
    for pattern, stop, needle in RUNS:
        for line in LINES:
            plain = _spans(pattern.finditer(line))
            assert _spans(items._runs_finditer(pattern, line, stop, needle)) == plain, line
            found += len(plain)
    assert found > 20  # the fixtures do exercise the patterns


@FAST
@given(line_text)
def test_runs_finditer_finds_what_finditer_finds_on_generated_lines(line):
    for pattern, stop, needle in RUNS:
        assert _spans(items._runs_finditer(pattern, line, stop, needle)) == _spans(pattern.finditer(line))


def test_clause_finditer_finds_what_finditer_finds_on_the_fixtures():
    found = 0
    for pattern in CLAUSE_PATTERNS:
        for line in LINES:
            plain = _spans(pattern.finditer(line))
            assert _spans(items._clause_finditer(pattern, line)) == plain, line
            found += len(plain)
    assert found > 20


@FAST
@given(line_text)
def test_clause_finditer_finds_what_finditer_finds_on_generated_lines(line):
    for pattern in CLAUSE_PATTERNS:
        assert _spans(items._clause_finditer(pattern, line)) == _spans(pattern.finditer(line))


# (pattern, key): the pattern's matches stay in their clause and hold a match of the key
KEYED_CLAUSES = [(items._SUBJECT_RE, items._STAGE_WORD_RE), (items._WORKED_RE, items._WORK_WORD_RE)]


def test_clause_finditer_with_a_key_finds_what_finditer_finds_on_the_fixtures():
    found = 0
    for pattern, key in KEYED_CLAUSES:
        for line in LINES:
            plain = _spans(pattern.finditer(line))
            assert _spans(items._clause_finditer(pattern, line, key)) == plain, line
            found += len(plain)
    assert found > 5


@FAST
@given(line_text)
def test_clause_finditer_with_a_key_finds_what_finditer_finds_on_generated_lines(line):
    for pattern, key in KEYED_CLAUSES:
        assert _spans(items._clause_finditer(pattern, line, key)) == _spans(pattern.finditer(line))


# (pattern spelt out for speed, the pattern it stands for): the same matches, spans compared
SPELT_OUT = [
    (items._STAGE_WORD_RE, re.compile(items._STAGE_WORDS)),
    (items._LIST_NEEDLE_RE, re.compile(items._LIST_TAIL)),
    (
        items._SENTENCE_VERB_RE,
        re.compile(
            r"听取|察看|查看|走进|走访|来到|深入|观摩|视察|调研|参观|掀起|坚持|聚焦|强化|加强|切实|让|使|促其|将|举行|包括|"
            r"(?:并|另|又|还|再)对|目前|已|(?<!合作)组织(?!中心)|召开|主持|督促|引导|探索|出席|开展|参与|肯定|"
            r"进行|保障(?![房性])|启动(?![区建])"
        ),
    ),
]


def _starts(matches) -> list:
    return [m.span() for m in matches]


def test_patterns_spelt_out_find_what_the_grouped_ones_find():
    extra = [
        "加快建设有序推进稳步建设加速推进加快签约",
        "加快推进X项目建设，稳步推进",
        "新建三个X项目和两个企业，A、B 2个Y项目",
        "A、B等重大项目",
        "并对X项目又对Y工程另对Z还对W再对V，目前已",
    ]
    for fast, plain in SPELT_OUT:
        found = 0
        for line in [*LINES, *extra]:
            expected = _starts(plain.finditer(line))
            assert _starts(fast.finditer(line)) == expected, line
            found += len(expected)
        assert found > 3, plain.pattern


@FAST
@given(line_text)
def test_patterns_spelt_out_on_generated_lines(line):
    line = line.replace("推进", "加快推进").replace("镇", "三个").replace("村", "十个").replace("园", "并对")
    for fast, plain in SPELT_OUT:
        assert _starts(fast.finditer(line)) == _starts(plain.finditer(line))


NEAR = [(items._FACILITY_RE, items._FACILITY_LAST_RE, items._FACILITY_SPAN)]


def test_near_finditer_numbers_hold_for_the_patterns():
    for pattern, _needle, span in NEAR:
        # every match and its one-character lookahead lie within span characters of its start
        assert span >= re._parser.parse(pattern.pattern).getwidth()[1] + 1
        assert "$" not in pattern.pattern
    # the needle holds the last character of every facility word
    for word in items._FACILITY[3:-1].split("|"):
        assert items._FACILITY_LAST_RE.fullmatch(word[-1]) and re.escape(word[-1]) == word[-1], word


def test_near_finditer_finds_what_finditer_finds_on_the_fixtures():
    found = 0
    for pattern, needle, span in NEAR:
        for line in LINES:
            plain = _spans(pattern.finditer(line))
            assert _spans(items._near_finditer(pattern, line, needle, span)) == plain, line
            found += len(plain)
    assert found > 5


@FAST
@given(line_text)
def test_near_finditer_finds_what_finditer_finds_on_generated_lines(line):
    for pattern, needle, span in NEAR:
        assert _spans(items._near_finditer(pattern, line, needle, span)) == _spans(pattern.finditer(line))


KEYED = [
    (items._LIVELIHOOD_LIST_RE, items._LIVELIHOOD_LIST_KEYS),
    (items._LEAD_RE, items._LEAD_KEYS),
    (items._LIVELIHOOD_RE, items._LIVELIHOOD_KEYS),
    (items._COLON_NEEDLE_RE, ("：", ":")),
]


def test_keyed_search_finds_what_search_finds_on_the_fixtures():
    found = 0
    for pattern, keys in KEYED:
        for line in LINES:
            fast, plain = items._keyed_search(pattern, keys, line), pattern.search(line)
            assert (fast and fast.span()) == (plain and plain.span()), line
            found += plain is not None
    assert found > 3


@FAST
@given(line_text)
def test_keyed_search_finds_what_search_finds_on_generated_lines(line):
    for pattern, keys in KEYED:
        fast, plain = items._keyed_search(pattern, keys, line), pattern.search(line)
        assert (fast and fast.span()) == (plain and plain.span())


# items._PINYIN_RE as first written, with the lookbehind in front
PINYIN_PLAIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


@FAST
@given(
    st.lists(st.sampled_from([*PIECES, "(shí)", "(lù)", "(ab)", "(", ")", "实", "a", "ǜ"]), max_size=40).map(
        "".join
    )
)
def test_pinyin_pattern_finds_what_it_found_with_the_lookbehind_in_front(text):
    assert _spans(items._PINYIN_RE.finditer(text)) == _spans(PINYIN_PLAIN.finditer(text))


def test_pinyin_pattern_on_the_fixtures():
    for text in TEXTS:
        glossed = re.sub(r"([实事路])", r"\1(shí)", text)
        for sample in (simplify(text), simplify(glossed)):
            assert _spans(items._PINYIN_RE.finditer(sample)) == _spans(PINYIN_PLAIN.finditer(sample))
    assert items._PINYIN_RE.search(simplify(glossed))


def _clause_plain(line: str, a: int, b: int) -> tuple[int, int]:
    left = max(line.rfind(c, 0, a) for c in "，,。；;：:") + 1
    ends = [k for k in (line.find(c, b) for c in "，,。；;") if k >= 0]
    return left, min(ends) if ends else len(line)


@FAST
@given(line_text, st.integers(0, 200), st.integers(0, 200))
def test_clause_bounds(line, a, b):
    a, b = sorted((min(a, len(line)), min(b, len(line))))
    assert items._clause(line, a, b) == _clause_plain(line, a, b)


@FAST
@given(st.lists(line_text, max_size=12).map("\n".join))
def test_livelihood_paragraphs(text):
    # each paragraph naming the 民生实事: from the sentence naming them to the paragraph's end, or to
    # the end of the sentence before one that turns to another topic
    plain = []
    start = 0
    for line in text.split("\n"):
        m = items._LIVELIHOOD_RE.search(line)
        if m and (
            re.search(
                r"(?:项目|工程)[、和与及][^，,。；;、和与及]{0,6}$", line[max(0, m.start() - 12) : m.start()]
            )
            or re.match(r"(?:项目|工程)?[、和与及][^，,。；;、和与及]{0,8}?(?:项目|工程)", line[m.end() :])
        ):
            m = None  # (named in passing beside other works: no paragraph of theirs)
        if m:
            a = 0
            for k in range(m.start()):
                if line[k] in "。！!；;":
                    a = k + 1
            b = len(line)
            for k in range(m.end(), len(line)):
                if line[k] in "。！!" and items._TOPIC_TURN_RE.match(line, k):
                    b = k + 1
                    break
            plain.append((start + a, start + b))
        start += len(line) + 1
    assert items._livelihood_spans(text) == plain


INLINE_PLAIN = re.compile(
    rf"(?:(?<=[。.!?！？；;:：])|(?<=报告))(?P<num>[{structure._NUM}]{{1,2}})(?P<sep>[、.．])"
)


@FAST
@given(line_text)
def test_run_in_heading_pattern_matches_as_with_a_leading_lookbehind(line):
    for pos in (0, 1, 3):
        assert _spans(structure._INLINE_RE.finditer(line, pos)) == _spans(INLINE_PLAIN.finditer(line, pos))


def test_run_in_heading_pattern_on_the_fixtures():
    for line in LINES:
        assert _spans(structure._INLINE_RE.finditer(line, 1)) == _spans(INLINE_PLAIN.finditer(line, 1))


def _tail_watermark_plain(lines: list[str]) -> str | None:
    filled = [line for line in lines if len(line) > 8]
    if len(filled) < 5:
        return None
    counts: Counter = Counter()
    for line in filled:
        for k in range(6, min(40, len(line) - 2) + 1):
            counts[line[-k:]] += 1
    need = max(5, len(filled) // 5)
    tails = [t for t, n in counts.items() if n >= need and not re.fullmatch(f"[{CJK}]*[。！？；]?", t)]
    return max(tails, key=len) if tails else None


@FAST
@given(st.lists(line_text, min_size=5, max_size=30))
def test_line_tail_watermark(lines):
    assert clean._line_tail_watermark(lines) == _tail_watermark_plain(lines)


def test_line_tail_watermark_on_the_fixtures():
    for text in TEXTS:
        lines = text.split("\n")
        marked = [line + "xx百科--为乡村振兴助力" if i % 2 else line for i, line in enumerate(lines)]
        for sample in (lines, marked):
            assert clean._line_tail_watermark(sample) == _tail_watermark_plain(sample)
    assert clean._line_tail_watermark(marked) == _tail_watermark_plain(marked) is not None


def test_small_numerals_read_as_cn2an_reads_them():
    assert set(numbers._SMALL_CN.values()) == set(range(1, 100))
    for numeral, value in numbers._SMALL_CN.items():
        assert cn2an.cn2an(numeral, "normal") == value, numeral
        # the same Decimal, written the same way, as the way through cn2an gives
        assert str(numbers.chinese_numeral(numeral)) == str(Decimal(str(cn2an.cn2an(numeral, "normal"))))


def _same_reading(body: str) -> None:
    """The standard-form reading is cn2an's, value and type (an int or a float), or it leaves the
    numeral to cn2an."""
    mine = numbers._standard_numeral(body)
    if mine is None:
        return
    theirs = numbers._cn2an(body)
    assert (type(mine), mine) == (type(theirs), theirs), body


def test_standard_numerals_read_as_cn2an_reads_them():
    rng = random.Random(7)
    written = set()
    for n in [*range(12_000), *(rng.randrange(10**4, 10**16) for _ in range(3_000))]:
        numeral = cn2an.an2cn(n)
        written |= {numeral, numeral.replace("二", "两"), numeral.replace("零", "〇")}
    for numeral in sorted(written)[:5_000]:
        written.add(
            f"{numeral}点{cn2an.an2cn(rng.randrange(10**6)).translate({ord(c): None for c in '十百千万'})}"
        )
    for numeral in written:
        _same_reading(numeral)
    # the common numerals are read without cn2an
    for n in (100, 3000, 1200, 500000, 16800, 10000000, 1120000, 2300, 1086, 4127):
        assert numbers._standard_numeral(cn2an.an2cn(n)) == n
    assert numbers._standard_numeral("十八点六") == 18.6
    assert numbers._standard_numeral("零点五") == 0.5


def test_any_run_of_numeral_characters_is_read_as_cn2an_reads_it():
    rng = random.Random(8)
    alphabet = "零〇一二两三四五六七八九十百千万亿点"
    for _ in range(10_000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        _same_reading(body)


def _prefixes_plain(s: str, start: int, end: int) -> int:
    while start < end:
        m = facts._PREFIX_RE.match(s, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    return start


@FAST
@given(line_text)
def test_one_match_takes_the_same_run_of_prefixes(text):
    for start in range(min(len(text), 6)):
        if start < len(text):
            assert facts._PREFIXES_RE.match(text, start, len(text)).end() == _prefixes_plain(
                text, start, len(text)
            )


def test_one_match_takes_the_same_run_of_prefixes_on_the_fixtures():
    for line in LINES:
        for start in range(0, len(line), 7):
            assert facts._PREFIXES_RE.match(line, start, len(line)).end() == _prefixes_plain(
                line, start, len(line)
            )


def _at_end_plain(table, s: str, start: int, end: int) -> str | None:
    for n in table.lengths:
        if end - n >= start and s[end - n : end] in table.words:
            return s[end - n : end]
    return None


@FAST
@given(line_text, st.integers(0, 6), st.integers(0, 6))
def test_suffix_words_at_the_end_of_a_span(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for table in (facts._SUFFIXES, facts._GROWTH_SUFFIXES):
        assert table.at_end(text, start, end) == _at_end_plain(table, text, start, end)


_CN_CLASS = f"[{numbers._CN_DIGITS}]"
NUMBER_PATTERNS = [
    (numbers.ARABIC_RE, re.compile(numbers.ARABIC_RE.pattern.replace(numbers._UNIT_AHEAD, ""))),
    (numbers.CN_RE, re.compile(numbers.CN_RE.pattern.replace(numbers._CN_UNIT_AHEAD, ""))),
    # the numeral's first character as a class of its own ([D][D]*, not [D]+)
    (
        numbers.CN_RE,
        re.compile(numbers.CN_RE.pattern.replace(f"{_CN_CLASS}{_CN_CLASS}*", f"{_CN_CLASS}+", 1)),
    ),
    (clean._WATERMARK_CANDIDATE_RE, re.compile("[A-Z]{2,5}")),
    (clean._ALNUM_END_RE, re.compile(r"[0-9A-Za-z]+(?=[ \n])")),
]
number_text = st.lists(
    st.one_of(
        st.sampled_from([*numbers.UNITS, *numbers.MULT_ONLY_UNITS, "万", "亿", "余", "多", "以上", "人民币"]),
        st.text(alphabet="0123456789.,-~零〇一二两三四五六七八九十百千万亿点群众名单期间ABXk \n", max_size=5),
    ),
    max_size=30,
).map("".join)


@FAST
@given(number_text)
def test_number_patterns_match_as_without_the_unit_lookahead(text):
    for fast, plain in NUMBER_PATTERNS:
        assert fast.pattern != plain.pattern
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))


def test_number_patterns_on_the_fixtures():
    for text in TEXTS:
        for fast, plain in NUMBER_PATTERNS:
            assert _spans(fast.finditer(simplify(text))) == _spans(plain.finditer(simplify(text)))


@FAST
@given(st.integers(0, 10**15 - 1), st.booleans(), st.integers(0, 3))
def test_whole_numbers_read_as_through_decimal(n, commas, zeros):
    raw = ("0" * zeros + str(n)) if not commas else f"{n:,}"
    raw = raw[-15:] if not commas else raw
    if commas and len(raw) > 15:
        return
    assert numbers.ARABIC_RE.fullmatch(raw) is not None
    slow = numbers._finite(numbers._to_decimal(raw))
    assert repr(numbers._whole(raw)) == repr(slow)


def _qualifier_plain(s: str, start: int):
    m = numbers.QUALIFIER_BEFORE_RE.search(s, max(0, start - 4), start)
    if not m:
        return None, None
    canon = numbers._APPROX_CANON.get(m.group(), m.group())
    at = m.start() + max(m.group().find(canon), 0)
    return canon, (at, at + len(canon))


qualifier_text = st.lists(
    st.sampled_from(
        ["不少于", "超过", "达到", "约为", "约", "近", "第", "排名", "位列", "\n", "5", "个", "镇", "，"]
    ),
    max_size=12,
).map("".join)


@FAST
@given(qualifier_text)
def test_words_before_a_number_are_found_after_the_cheap_test(text):
    assert numbers._QUALIFIER_ENDS is not None and numbers._ORDINAL_ENDS is not None
    for k in range(len(text) + 1):
        assert numbers.qualifier_before(text, k) == _qualifier_plain(text, k)
        before = text[max(0, k - 3) : k]
        if numbers._ORDINAL_BEFORE_RE.search(before):
            assert before[-1] in numbers._ORDINAL_ENDS


def _watermark_plain(text: str) -> str | None:
    return glued_watermark_plain(
        text, Counter(m.group() for m in clean._WATERMARK_CANDIDATE_RE.finditer(text))
    )


def glued_watermark_plain(text: str, counts: Counter) -> str | None:
    """Of the three most frequent candidate tokens, the first glued to the text often enough."""
    for token, n in counts.most_common(3):
        if n < 3 or token.upper() in clean._KNOWN_ACRONYMS:
            continue
        glued = 0
        for m in re.finditer(re.escape(token), text):
            before = text[m.start() - 1] if m.start() else "\n"
            after = text[m.end()] if m.end() < len(text) else "\n"
            if re.match(f"[{CJK}{clean.CJK_PUNCT}]", before) and after in " \n":
                glued += 1
        if glued >= max(3, 2 * n // 3):
            return token
    return None


@FAST
@given(
    st.lists(
        st.one_of(line_text, st.sampled_from(["BNC", "BN", "GDP", "A", "B", "中B", "C中", "\n"])), max_size=20
    )
)
def test_watermark_token(pieces):
    text = "".join(pieces)
    assert clean._watermark(text) == _watermark_plain(text)


def test_watermark_token_on_the_fixtures():
    for text in TEXTS:
        marked = "\n".join(p + "BNC" if p else p for p in text.split("\n"))
        for sample in (text, marked):
            assert clean._watermark(sample) == _watermark_plain(sample)
    assert clean._watermark(marked) == "BNC"


goal_text = st.lists(
    st.one_of(
        line_text,
        st.sampled_from(
            [
                "预期目标",
                "主要",
                "今年",
                "明年",
                "2025年",
                "是",
                "为",
                "如下",
                "：",
                "，",
                "\n",
                " ",
                "\u3000",
                "\t",
            ]
        ),
    ),
    max_size=30,
).map("".join)


def test_goal_paragraphs_are_found_as_finditer_finds_them_on_the_fixtures():
    found = 0
    for text in TEXTS:
        s = simplify(text)
        plain = _spans(facts._GOALS_RE.finditer(s))
        assert _spans(facts._goal_matches(s)) == plain
        found += len(plain)
    assert found > 0  # the fixtures do state targets


@FAST
@given(goal_text)
def test_goal_paragraphs_are_found_as_finditer_finds_them_on_generated_text(text):
    assert _spans(facts._goal_matches(text)) == _spans(facts._GOALS_RE.finditer(text))


def _commitment_plain(s: str, sent_start: int, pos: int) -> tuple[int, int] | None:
    found = None
    for cm in facts._COMMIT_RE.finditer(s, sent_start, pos):
        found = cm
    return found.span() if found else None


def _commitment_checks(text: str) -> int:
    s = simplify(text)
    ctx = facts._context(text, s, [], structure.Meta())
    found = 0
    for pos in range(len(s) + 1):
        sent_start, _ = facts._sentence(ctx, pos)
        plain = _commitment_plain(s, sent_start, pos)
        assert facts._commitment(ctx, sent_start, pos) == plain, (s, sent_start, pos)
        found += plain is not None
    return found


def test_commitment_words_are_found_as_a_search_finds_them_on_the_fixtures():
    assert sum(_commitment_checks(text) for text in TEXTS[:6]) > 0


commit_text = st.lists(
    st.one_of(
        line_text,
        st.sampled_from(
            ["确保", "力争", "争取", "计划", "预计", "力求", "拟", "力争取", "计划预计", "。", "；", "\n"]
        ),
    ),
    max_size=30,
).map("".join)


@FAST
@given(commit_text)
def test_commitment_words_are_found_as_a_search_finds_them_on_generated_text(text):
    _commitment_checks(text)


LINE_END_TOKEN_PLAIN = re.compile(r"(?<=[^\x00-\x7f])([0-9A-Za-z]{2,4})[ \t]*$", re.M)
line_end_text = st.lists(
    st.one_of(line_text, st.sampled_from(["Qk7", "km", "GDP", "ABCDE", " ", "\t", "\n", "县长", "a"])),
    max_size=30,
).map("".join)


@FAST
@given(line_end_text)
def test_line_end_tokens_are_found_as_with_the_lookbehind_in_front(text):
    for pos, endpos in ((0, 3000), (1, 3000), (0, 7)):
        found = structure._LINE_END_TOKEN_RE.findall(text, pos, endpos)
        assert found == LINE_END_TOKEN_PLAIN.findall(text, pos, endpos)


def test_line_end_tokens_on_the_fixtures():
    for text in TEXTS + ["县长 李青山Qk7\n各位代表：Qk7\n报告Qk7 \n"]:
        s = simplify(text)
        assert structure._LINE_END_TOKEN_RE.findall(s, 0, 3000) == LINE_END_TOKEN_PLAIN.findall(s, 0, 3000)
    assert structure._LINE_END_TOKEN_RE.findall("各位代表：Qk7\n")  # (the shortcut does find one)


@FAST
@given(
    st.lists(
        st.one_of(line_text, st.sampled_from(["建设", "项目", "工程", "\n", "项", "工"])), max_size=12
    ).map("".join)
)
def test_a_name_loses_its_suffix_as_with_the_plain_substitution(name):
    assert items._without_suffix(name) == items._SUFFIX_RE.sub("", name)


def test_a_name_loses_its_suffix_as_with_the_plain_substitution_on_the_fixtures():
    for line in [*LINES, "X路建设工程", "Y桥项目\n"]:
        assert items._without_suffix(line) == items._SUFFIX_RE.sub("", line)
    assert items._without_suffix("X路建设工程") == "X路"


def _lazy_patterns() -> list[tuple[str, LazyPattern]]:
    return [
        (f"{module.__name__}.{name}", value)
        for module in (clean, decode, facts, items, numbers, structure)
        for name, value in vars(module).items()
        if isinstance(value, LazyPattern)
    ]


def test_a_lazy_pattern_compiles_on_first_use_and_finds_what_the_compiled_one_finds():
    source = rf"(?<=[{CJK}])(?P<token>[A-Z][a-z]+)$"
    rx = lazy(source, re.M)
    assert isinstance(rx, LazyPattern) and not rx.compiled
    assert rx.pattern == source and not rx.compiled  # (read to build other patterns: not compiled)
    text = "青禾Qk\n报告 Ab\n县长Cd"
    assert [m.span() for m in rx.finditer(text)] == [
        m.span() for m in re.compile(source, re.M).finditer(text)
    ]
    assert rx.compiled and rx.sub("", text) == "青禾\n报告 Ab\n县长" and rx.groupindex == {"token": 1}


def test_every_lazy_pattern_of_the_reader_compiles_and_matches_as_compiled_eagerly():
    found = _lazy_patterns()
    assert len(found) >= 10
    for name, rx in found:
        eager = re.compile(rx.pattern, rx.flags)  # (a typo would otherwise show on a rare report only)
        for text in TEXTS[:8]:
            s = simplify(text)
            assert _spans(rx.finditer(s)) == _spans(eager.finditer(s)), name


def test_typical_reports_do_not_compile_the_lazy_patterns():
    # (compiling them is what the laziness saves; a pattern typical reports reach is better compiled
    # at import, which a worker process inherits: if a rule makes the fixtures reach one, make it eager)
    import subprocess
    import sys

    code = (
        "from pathlib import Path\n"
        "from luoshi.reports.reader import clean, decode, facts, items, numbers, parse, structure\n"
        "from luoshi.reports.reader.lazyre import LazyPattern\n"
        f"for p in sorted(Path({str(HERE / 'fixtures')!r}).glob('*.txt')):\n"
        "    parse(p.read_bytes(), name=p.name)\n"
        "print(sorted(n for m in (clean, decode, facts, items, numbers, structure) for n, v in vars(m).items()\n"
        "      if isinstance(v, LazyPattern) and v.compiled))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


NOT_A_NAME_PLAIN = re.compile(
    r"^\d{4}年|^是|^由|项目办|紧紧围绕|我们|作为|抓|把|有待|破解|化解|通过|成立|成为|入选|随着|率先|创建|创成|争创|成熟|首个|其中|早$|"
    r"获得|获评|荣获|会议|大会|列为|打赢|帮助|《|仪式|部门|政治中心|副中心|纳入|列入|获批|书记|县长|市长|区长|镇长|乡长|"
    r"常委会|党组成员"
)
not_a_name_text = st.lists(
    st.one_of(
        line_text, st.sampled_from(["2024年", "是", "由", "早", "\n", "获评", "项目办", "创成", "１２３４年"])
    ),
    max_size=8,
).map("".join)


@FAST
@given(not_a_name_text)
def test_not_a_name_as_the_pattern_with_its_anchors_finds(text):
    assert items._not_a_name(text) == (NOT_A_NAME_PLAIN.search(text) is not None)


def test_not_a_name_as_the_pattern_with_its_anchors_finds_on_the_fixtures():
    hits = 0
    for line in LINES:
        for x in range(0, len(line), 5):
            piece = line[x : x + 12]
            plain = NOT_A_NAME_PLAIN.search(piece) is not None
            assert items._not_a_name(piece) == plain, piece
            hits += plain
    assert hits > 10 and items._not_a_name("2024年X项目") and items._not_a_name("X项目早")
