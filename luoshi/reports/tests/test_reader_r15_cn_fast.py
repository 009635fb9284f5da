"""``numbers._cn_reading`` and ``cn_readings``: CN_RE's matches read by hand, backtracking included, are
the pattern's own (made-up strings over numerals, 点, 余/多, units and the words their guards refuse)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import numbers

_PIECES = (
    list(numbers._CN_DIGITS)
    + list("点点余多个人群众口名单期间轮列入颗粒铺设项家户亩座以上下内左右的是和，。\n")
    + [
        "千瓦时",
        "千伏安",
        "千米",
        "千克",
        "千瓦",
        "瓦",
        "伏",
        "个百分点",
        "人次",
        "平方公里",
        "民币",
        "公里",
        "元",
    ]
)


def _pattern(s: str, p: int) -> tuple | None:
    m = numbers.CN_RE.match(s, p)
    return None if m is None else (m.end(), *m.groups())


def _check(s: str) -> int:
    found = 0
    for p, c in enumerate(s):
        if c in numbers._CN_DIGITS:
            got = numbers._cn_reading(s, p)
            assert got == _pattern(s, p), (s, p)
            found += got is not None
    starts = numbers.positions(s, numbers._CN_DIGITS)
    assert numbers.cn_readings(s, starts) == [
        (m.start(), m.end(), *m.groups()) for m in numbers.CN_RE.finditer(s)
    ], s
    return found


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_cn_reading_equals_the_pattern(pieces: list[str]) -> None:
    _check("".join(pieces))


def test_cn_reading_random_strings() -> None:
    rng = random.Random(15)
    found = 0
    for _ in range(20000):
        found += _check("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 10))))
    assert found > 5000


def test_cn_reading_examples() -> None:
    assert numbers._cn_reading("治理三河", 2) is None
    assert numbers._cn_reading("五千瓦", 0) == (
        3,
        "五",
        None,
        None,
        "千瓦",
        None,
    )  # (the numerals given back)
    assert numbers._cn_reading("一点二亿元以上", 0) == (7, "一点二亿", None, None, "元", "以上")
    assert numbers._cn_reading("十二万余人次", 0) == (6, "十二万", "余", None, "人次", None)
    assert numbers._cn_reading("两万人民币", 0) is None
    assert numbers._cn_reading("三十五个左右", 0) == (6, "三十五", None, None, "个", "左右")
