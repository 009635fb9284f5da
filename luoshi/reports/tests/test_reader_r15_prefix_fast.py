"""``facts._prefixes_end``: the run of prefixes ``_PREFIXES_RE`` takes, read a word at a time, is the
pattern's own; its words, marks and the first characters it leaves to the pattern are read from what
``re``'s parser makes of ``_PREFIX_RE``."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts

try:  # Python 3.11 and later
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]


def _alternatives() -> list:
    parsed = _parser.parse(facts._PREFIX_RE.pattern)
    (op, av), *rest = list(parsed)  # ((?:…) holds no group: the branch itself)
    assert not rest and op is C.BRANCH
    return av[1]


def _word_choices(alt) -> list[str] | None:
    """The words an alternative of literals and classes of literals matches, None for another shape."""
    choices: list[list[str]] = []
    for op, av in alt:
        if op is C.LITERAL:
            choices.append([chr(av)])
        elif op is C.IN and all(iop is C.LITERAL for iop, _ in av):
            choices.append([chr(iav) for _, iav in av])
        else:
            return None
    return ["".join(p) for p in itertools.product(*choices)]


def test_words_marks_and_firsts_follow_the_pattern() -> None:
    words: list[str] = []
    others = []
    alternatives = _alternatives()
    *body, last = alternatives
    for alt in body:
        got = _word_choices(alt)
        if got is None or len(got[0]) == 1 and len(got) > 1:
            others.append(alt)
        else:
            words += got
    assert words == facts._PREFIX_WORDS
    # the last alternative: one mark or white space
    (op, av), *rest = list(last)
    assert not rest and op is C.IN
    marks = {chr(iav) for iop, iav in av if iop is C.LITERAL}
    marks |= {chr(c) for iop, iav in av if iop is C.RANGE for c in range(iav[0], iav[1] + 1)}
    assert {(iop, iav) for iop, iav in av if iop not in (C.LITERAL, C.RANGE)} == {
        (C.CATEGORY, C.CATEGORY_SPACE)
    }
    assert marks == facts._PREFIX_MARKS
    # the other alternatives open with a digit or one of _PREFIX_PATTERN_FIRSTS
    for alt in others:
        ops = [(op, av) for op, av in alt if op not in (C.ASSERT, C.ASSERT_NOT, C.AT)]
        op, av = ops[0]
        if op is C.SUBPATTERN:
            op, av = list(av[3])[0]
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            op, av = list(av[2])[0]
        if op is C.BRANCH:
            firsts = [list(a)[0] for a in av[1]]
        else:
            firsts = [(op, av)]
        for fop, fav in firsts:
            if fop is C.LITERAL:
                c = chr(fav)
                assert c in facts._PREFIX_PATTERN_FIRSTS or c.isdecimal(), c
            elif fop is C.IN:
                for iop, iav in fav:
                    if iop is C.LITERAL:
                        assert chr(iav) in facts._PREFIX_PATTERN_FIRSTS or chr(iav).isdecimal()
                    else:
                        assert (iop, iav) == (C.CATEGORY, C.CATEGORY_DIGIT)
            else:
                assert (fop, fav) == (C.IN, [(C.CATEGORY, C.CATEGORY_DIGIT)]), (fop, fav)


_PIECES = (
    facts._PREFIX_WORDS
    + sorted(facts._PREFIX_MARKS)
    + list("一二三十两几是年来过去的里（()）0123456789.、 \n\t")
    + [
        "十四五时期",
        "三年来",
        "过去五年",
        "（三）",
        "12.",
        "\n05",
        "\n二、",
        "2023年度",
        "全街",
        "截至",
        "新建",
        "工业总产值",
        "目",
    ]
)


def _both(s: str, start: int, end: int) -> None:
    assert facts._prefixes_end(s, start, end) == facts._PREFIXES_RE.match(s, start, end).end(), (
        s,
        start,
        end,
    )  # type: ignore[union-attr]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10), st.integers(0, 3), st.integers(0, 3))
def test_prefixes_end_equals_the_pattern(pieces: list[str], lo: int, cut: int) -> None:
    s = "".join(pieces)
    start = min(lo, len(s))
    _both(s, start, max(start, len(s) - cut))


def test_prefixes_end_random_strings() -> None:
    rng = random.Random(15)
    moved = 0
    for _ in range(20000):
        s = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8)))
        start = rng.randint(0, min(3, len(s)))
        end = rng.randint(start, len(s))
        _both(s, start, end)
        moved += facts._prefixes_end(s, start, end) > start
    assert moved > 5000


def test_prefixes_end_examples() -> None:
    s = "今年以来，全镇累计完成固定资产投资"
    assert s[facts._prefixes_end(s, 0, len(s)) :] == "固定资产投资"
    s = "二是全面完成了"
    assert facts._prefixes_end(s, 0, len(s)) == len(s)
    s = "全年共计"
    assert facts._prefixes_end(s, 0, 3) == 3  # (共计 runs past the end: 共 alone)
