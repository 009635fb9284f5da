"""The text's three needles found in one scan: what each one's own ``finditer`` finds.

``items._needle_hits`` finds where the project ends (``_PROJECT_END_RE``), the stage words
(``_STAGE_WORD_RE``) and the facility ends (``_FACILITY_END_RE``) stand in one walk over the text's
characters; the tests run it beside the three plain ``finditer`` on the fixtures and on
generated text full of words that overlap (a stage word running into a project end, a project end
inside a longer one, a facility's last character opening a project end), and check the facts the
fast path relies on.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items
from luoshi.reports.reader.chars import simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
SIMPLE = [simplify(text) for text in TEXTS]
FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain(s: str) -> tuple[list[int], list[int], list[int]]:
    return (
        [m.start() for m in items._PROJECT_END_RE.finditer(s)],
        [m.start() for m in items._STAGE_WORD_RE.finditer(s)],
        [m.start() for m in items._FACILITY_END_RE.finditer(s)],
    )


def _same_lines(s: str) -> None:
    """The per-line offsets ``_extract`` and ``_more_projects`` take, fast and plain."""
    projects, stages, facilities = items._needle_hits(s)
    lines = list(items._lines(s))
    assert items._by_line(projects, lines) == items._line_hits(items._PROJECT_END_RE, s, lines)
    assert items._by_line(stages, lines) == items._line_hits(items._STAGE_WORD_RE, s, lines)
    assert items._by_line(facilities, lines, 1) == items._line_hits(
        items._FACILITY_END_RE, s, lines, ends=True
    )


def test_one_scan_finds_what_the_three_finditer_find_on_the_fixtures():
    found = 0
    for s in SIMPLE:
        fast = items._needle_hits(s)
        assert fast == _plain(s)
        _same_lines(s)
        found += min(len(hits) for hits in fast)
    assert found > 0


NEEDLE_PIECES = st.lists(
    st.sampled_from(
        [
            *"，。、\n 公园区工程产业开竣完动投达试贯通车桥路街小镇中心示范",
            "开工",
            "竣工",
            "工程",
            "投产",
            "产业园区",
            "园区",
            "公园",
            "示范园",
            "贯通",
            "通车",
            "加快建设",
            "大桥",
            "安置区",
            "小区",
            "青禾",
            "白鹭湾",
        ]
    ),
    max_size=40,
).map("".join)


@FAST
@given(NEEDLE_PIECES)
def test_one_scan_finds_what_the_three_finditer_find_on_generated_text(s):
    assert items._needle_hits(s) == _plain(s)
    _same_lines(s)


def test_made_up_overlaps_are_found_as_each_needle_finds_them():
    # 开工 runs into 工程, 园区 lies inside 产业园区, 公园 ends where 园区 opens, 贯通 runs into 通车
    s = "青禾路开工程序启动，白鹭湾产业园区和紫藤公园区块贯通车道\n加快建设大桥"
    assert items._needle_hits(s) == _plain(s)
    projects, stages, facilities = items._needle_hits(s)
    assert s.index("工程") in projects and s.index("开工") in stages
    assert s.index("公园") + 1 in facilities and s.index("园区块") in projects
    assert s.index("贯通") in stages and s.index("通车") not in stages


def test_the_needles_open_as_the_one_scan_relies_on():
    stage_words = items._STAGE_WORD_RE.pattern.split("|")
    assert not items._PROJECT_END_FIRSTS & {w[0] for w in stage_words}
    assert not items._FACILITY_LASTS & {w[0] for w in stage_words}
    assert min(len(w) for w in stage_words + items._PROJECT_END_WORDS.split("|")) >= 2
