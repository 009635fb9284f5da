"""``numbers._arabic_groups``: ARABIC_RE's groups read without the call, where it gives them, equal the
pattern's own at every run of digits (made-up strings over the characters its groups are made of)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import numbers

# the characters ARABIC_RE's groups open with or hold, their guards' words, and some others
_PIECES = (
    list("0123456789")
    + list(
        ".,  \u00a0\t\n-~～—至到余多几万亿千百十元%‰个人口群众名单期间轮车列入颗粒铺设剂方度及以上下内左右之"
    )
    + [
        "个百分点",
        "人次",
        "平方米",
        "平方",
        "民币",
        "公里",
        "千瓦时",
        "美元",
        "日元",
        "微克/立方米",
        "亩",
        "户",
    ]
    + list("的和是年月日新建项目")
)


def _check(s: str) -> int:
    """Compare at the start of every run of digits; how many the fast reading answered."""
    answered = 0
    for start in range(len(s)):
        if not s[start].isascii() or not s[start].isdigit() or (start and s[start - 1] in "0123456789"):
            continue
        end = numbers._digits_end(s, start)
        got = numbers._arabic_groups(s, start, end)
        if got is None:
            continue
        m = numbers.ARABIC_RE.match(s, start)
        assert m is not None
        assert got == m.groups(), (s, start)
        answered += 1
    return answered


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_fast_groups_equal_the_pattern(pieces: list[str]) -> None:
    _check("".join(pieces))


def test_fast_groups_random_strings() -> None:
    rng = random.Random(15)
    answered = 0
    for _ in range(20000):
        s = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        answered += _check(s)
    assert answered > 10000  # (the fast reading answers most numbers)


def test_fast_groups_examples() -> None:
    cases = {
        "新建学校12所": ("12", None, None, None, None, None, None, "所", None),
        "增长6.5%以上": ("6", ".5", None, None, None, None, None, "%", "以上"),
        "投资3-5亿元": ("3", None, "-5", "5", None, "亿", None, "元", None),
        "约1.2万余人次": ("1", ".2", None, None, None, "万", "余", "人次", None),
        "8千元": ("8", None, None, None, None, "千", None, "元", None),
        "8千米": ("8", None, None, None, None, None, None, "千米", None),
        "5万人民币": ("5", None, None, None, None, "万", None, None, None),
        "20万剂": ("20", None, None, None, None, "万", None, "剂", None),
        "20剂": ("20", None, None, None, None, None, None, None, None),
        "300余家": ("300", None, None, None, "余", None, None, "家", None),
        "42个百分点": ("42", None, None, None, None, None, None, "个百分点", None),
    }
    for text, groups in cases.items():
        start = next(i for i, c in enumerate(text) if c.isdigit())
        got = numbers._arabic_groups(text, start, numbers._digits_end(text, start))
        assert got == groups, text
        assert numbers.ARABIC_RE.match(text, start).groups() == groups, text  # type: ignore[union-attr]
    # the readings with thousands marked and a spaced range are the pattern's
    assert numbers._arabic_groups("1,250万元", 0, 1) is None
    assert numbers._arabic_groups("2 000万元", 0, 1) is None
    assert numbers._arabic_groups("3 -5亿元", 0, 1) is None
