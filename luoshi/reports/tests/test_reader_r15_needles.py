"""The needle walk's gates (``items._needle_hits``): a table of character codes and the pairs of codes
the needle words open (project ends, stage words) or end (facility words) with decide where the three
patterns are tried. The gates must never pass over a place where a pattern matches: the walk is run
beside each pattern's own ``finditer`` on text made of every needle word, the characters around them
and words that look like them (made-up names and places only)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items

FAST = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain(s: str) -> tuple[list[int], list[int], list[int]]:
    return (
        [m.start() for m in items._PROJECT_END_RE.finditer(s)],
        [m.start() for m in items._STAGE_WORD_RE.finditer(s)],
        [m.start() for m in items._FACILITY_END_RE.finditer(s)],
    )


def _words(pattern: str) -> list[str]:
    """Every needle word spelt out: a class stands for each of its characters (a negated one for two
    characters it lets through and one it does not)."""
    out = []
    for tokens in items._needle_words(pattern):
        spelt = [""]
        for t in tokens:
            chars = items._class_chars(t)
            chars = chars if chars is not None else "石湾的"
            spelt = [w + c for w in spelt for c in chars]
        out += spelt
    return out


WORDS = (
    _words(items._PROJECT_END_WORDS) + _words(items._STAGE_WORD_RE.pattern) + _words(items._FACILITY[3:-1])
)
PIECES = st.lists(
    st.sampled_from([*WORDS, *"，。、\n 　区中工建路园场院学道站示范营地和及与A4S", "𠀀", "青禾", "柳溪"]),
    max_size=30,
).map("".join)


def test_every_needle_word_passes_the_gates_alone_and_in_a_sentence():
    for word in WORDS:
        for s in (word, "柳溪" + word, word + "，", "A" + word + "𠀀"):
            assert items._needle_hits(s) == _plain(s), s
    assert any(items._needle_hits(w)[0] for w in WORDS)
    assert any(items._needle_hits(w)[1] for w in WORDS)
    assert any(items._needle_hits(w)[2] for w in WORDS)


@FAST
@given(PIECES)
def test_the_walk_finds_what_the_three_finditer_find(s):
    assert items._needle_hits(s) == _plain(s)


def test_made_up_sentences_with_frequent_characters_that_open_no_needle():
    s = "中期工作区域建立，道理学院场次开展\n青禾路中心开工建设，柳溪中学和桥头公园区改造"
    assert items._needle_hits(s) == _plain(s)
    projects, stages, facilities = items._needle_hits(s)
    assert s.index("中心") in projects and s.index("开工") in stages
    assert s.index("中学") + 1 in facilities and s.index("公园") + 1 in facilities
    assert s.index("中期") not in projects and s.index("学院") + 1 not in facilities


def test_the_tables_mark_each_word_s_first_second_and_last_characters():
    codes = items._NEEDLE_CODES
    for word in _words(items._PROJECT_END_WORDS) + _words(items._STAGE_WORD_RE.pattern):
        a, b = ord(word[0]), ord(word[1])
        assert ord(codes[a]) & 3 and ord(codes[b]) & 16 and (a << 16 | b) in items._NEEDLE_OPENS
    for word in _words(items._FACILITY[3:-1]):
        last = ord(word[-1])
        assert ord(codes[last]) & 4
        if not ord(codes[last]) & 8:
            before = ord(word[-2])
            assert ord(codes[before]) & 32 and (before << 16 | last) in items._NEEDLE_ENDS
