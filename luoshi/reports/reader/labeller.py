"""A learned second opinion on the named items: a CRF that labels the clauses of a text.

The rules of :mod:`.items` are written from the reports they were tuned on and carry poorly to new
places (lists split more finely, other wordings). This module cuts each line into *units* (clauses,
cut at 。；，、：and list markers, with their offsets), describes each unit by its words, its list
marker, its heading, its part and by what the rules found in it, and labels the sequence of units
O / B-kind / I-kind with a linear-chain CRF (python-crfsuite). Runs of B+I become items: a rule item
inside a run is kept as the rules named it (the model keeps what the rules get right); a run that
holds none becomes an item named from the run's own text, cleaned the way the rules clean names.

Which kinds the model decides, and in which texts (passages; report openings), is ``decided``'s, as
cross-validated by place (``bench/cv_items.py``). The model file (``items.crfsuite`` beside this module) is trained by ``luoshi train-items`` from gold
items written under the project's items convention; without it, or without python-crfsuite, the
rules' items are returned unchanged. A stacked model (``items-stack.crfsuite``, ``luoshi train-items
--stack``) may tag after it, reading its opinion of each unit: what the base model learnt from gold
whose texts are gone is pooled with newer gold that way. A second model (``items-mix.crfsuite``, trained
by ``luoshi train-items --out`` on newer gold alone) is mixed in unit by unit when its file is there
(``MIX``, ``mixed``), and beside it a third (``items-stored.crfsuite``), trained on the rounds' stored
training instances (``luoshi/reports/training``), so that it can be remade from the repository
(``STORED_MIX``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._compiled import SOURCE_DIR
from .items import (
    _ENTRY_VERB_RE,
    _QUANTITY_HEAD_RE,
    _QUANTITY_TAIL_RE,
    _enum_match,
    _leading,
    _lines,
    _livelihood_list_finditer,
    _livelihood_list_search,
    _no_work_after,
)
from .model import Item, Section

PartYear = Callable[[int], tuple[str, int | None]]

MODEL_PATH = SOURCE_DIR / "items.crfsuite"  # (beside the sources: a compiled module lives elsewhere)
# The stacked model: trained on newer gold whose units also carry the base model's opinion
# (``opinion``), so that what the base model learnt from texts that are gone is pooled with the new
# gold. It tags after the base model when its file is there; without it the base model decides alone.
STACK_PATH = SOURCE_DIR / "items-stack.crfsuite"
# A second model, trained on newer gold alone (the twelfth round's development half: 107 texts, 100
# places), whose clause marginals are mixed with the base model's, weight ``MIX`` to it (``tag``): the
# base model keeps what it learnt from texts that are gone, the new one adds the newer places' wordings.
# Without its file the base model decides alone.
MIX_PATH = SOURCE_DIR / "items-mix.crfsuite"
MIX = 0.25
# A third model, trained on the stored training instances of the rounds since (``luoshi train-items
# --instances``), mixed in beside the second one, weight ``STORED_MIX`` (the base model keeps 1 - ``MIX``
# - ``STORED_MIX``; ``Blend``). Without its file the first two decide as above. As shipped it is trained
# on r19-items and r20-items (``luoshi/reports/training``: 270 texts, the twentieth round's pages that
# repeat a nineteenth-round one left out) and remade from them byte for byte. Cross-validated by place on
# the twentieth round's six training corpora (142 texts, 134 places, 488 gold items; five folds; the
# nineteenth round's instances in training on every fold), the shipped two 0.783, the third retrained per
# fold and mixed in at 0.15 0.789 (0.1: 0.791, 0.2: 0.790; better on four folds of five; by province
# 0.789, four of five; four folds 0.797, three of four; six folds 0.789, three of six), tasks 0.645 →
# 0.694; the second model retrained in its place instead 0.788 but better on two folds of five only (by
# province 0.785, two of five), and trained on the r19 instances alone 0.780.
STORED_PATH = SOURCE_DIR / "items-stored.crfsuite"
STORED_MIX = 0.15
OFF_ENV = "LUOSHI_ITEMS_RULES_ONLY"  # set to 1: the rules' items, no model
KINDS = ("project", "livelihood", "task")
# The kinds the model decides in passages (texts without headings); the others stay as the rules found
# them. Cross-validated by place on the eighth round's training gold (``bench/cv_items.py``), the model
# beat the rules on projects and tasks in passages and on projects in report openings (texts with
# headings); on livelihood items its gain was then within a fold's spread (0.659 → 0.668), and on that
# round's blind corpus a model trained then lost to the rules (0.82 → 0.72). Held out on the tenth
# round's training gold (366 texts, 311 places, 2,243 gold items; five folds by place), the model as
# shipped decides livelihood items better than the rules, in passages and openings alike: livelihood
# 0.642 → 0.736, all items 0.706 → 0.746, a gain on every fold (+0.013 to +0.086; the folds' spread, sd,
# 0.037), on six of the round's seven corpora; in passages alone 0.730. (A stacked model over it,
# ``STACK_PATH``, trained per fold on that gold, added nothing: 0.746 with livelihood decided as here,
# 0.702 against the shipped model's 0.706 without.) On the eleventh round's training gold (197 texts, 17
# of them plan parts, 197 places, 929 gold items; five folds by place) the shipped model still leads:
# rules 0.676, shipped 0.747 (better on every fold), retrained per fold on that gold 0.660, retrained on
# it plus the shipped model's own labels of its texts (distillation, 1 to 8 copies) 0.673–0.688; the
# shipped and a retrained model's clause marginals mixed (0.35 the latter's) 0.752, and tasks decided in
# openings and plan parts too 0.750 (tasks 0.519 → 0.579): gains on two or three folds of five, below
# the folds' spread (sd 0.08), so neither is used. On the twelfth round's gold (179 texts, 163 places, 873
# gold items; five folds by place), a model retrained per fold and mixed in at 0.25 (``MIX_PATH``), with
# the rules' fallback at ``DROP`` 0.93, gave 0.739 → 0.752 (better on four folds of five, even on the
# fifth); on the development half alone 0.723 → 0.745 (five of five); held out on the other half, the
# model trained on the development half mixed in 0.758 → 0.765 (``DROP`` 0.93 alone: 0.764).
LEARNED: tuple[str, ...] = ("project", "livelihood", "task")
# The kinds it decides in texts with headings of at most ``MAX_HEADED`` characters (openings).
LEARNED_ELSEWHERE: tuple[str, ...] = ("project", "livelihood")

# Where a line is cut into units: punctuation, kept out of the units (the separator is a feature).
_SEPS = "。；;，,、：:！!？?"
# Words whose presence in a unit, or in the heading above it, says what kind of item it may be.
_CUES = (
    "项目",
    "工程",
    "园",
    "基地",
    "中心",
    "路",
    "桥",
    "道",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "医院",
    "卫生",
    "公司",
    "厂",
    "小区",
    "改造",
    "新建",
    "建设",
    "实施",
    "推进",
    "完成",
    "提升",
    "开工",
    "竣工",
    "投产",
    "签约",
    "引进",
    "落地",
    "建成",
    "实事",
    "民生",
    "惠民",
    "工作",
    "加强",
    "坚持",
    "持续",
    "全力",
    "着力",
    "深化",
    "发展",
    "产业",
    "治理",
    "安全",
    "服务",
    "等",
    "亿元",
    "万元",
    "年",
    "%",
)
_HEAD_CUES = (
    "民生实事",
    "实事",
    "民生工程",
    "重点项目",
    "项目",
    "工作安排",
    "重点工作",
    "今年",
    "下一步",
    "回顾",
    "过去",
    "主要工作",
    "目标",
    "名单",
    "清单",
    "投票",
    "候选",
)
_CUE_RE = re.compile("|".join(re.escape(w) for w in sorted(_CUES, key=len, reverse=True)))
_DIGIT_RE = re.compile(r"\d")
_INTRO_RE = re.compile(r"包括|分别是|分别为|主要有|如下")
# ``_cut``'s table: at the code of each separator, bracket and quotation mark, what it does (0 elsewhere)
_OPEN, _CLOSE, _QUOTE_OPEN, _QUOTE_CLOSE, _SEP = 1, 2, 3, 4, 5


def _cut_codes() -> str:
    table = bytearray(0x10000)
    for chars, what in (
        ("(（", _OPEN),
        (")）", _CLOSE),
        ("“", _QUOTE_OPEN),
        ('”"', _QUOTE_CLOSE),
        (_SEPS, _SEP),
    ):
        for c in chars:
            table[ord(c)] = what
    return table.decode("latin-1")


_CUT_CODES = _cut_codes()
_DELTAS = (-1, 1)
_OFFSETS = tuple(f"{d}:" for d in _DELTAS)
# The last character of every match of ``items._QUANTITY_TAIL_RE`` (its measure words, 以上, 左右): a
# unit ending otherwise (most) is not searched.
_QUANTITY_LAST = frozenset("米里座个所户处条家辆次人名亩套部台间张项册片头上右")
_HEADING_MAX = 40
_NEAR = 2  # units kept on either side of a rule item's name
_AFTER_LH = 20  # lines after a mention of 民生实事 whose units are all kept …
_LONG_LINE = 150  # … when they are no longer than this
_SHORT_LINE = 60  # a line this short is kept whole  # a line this short, not closed by 。, heads what follows


@dataclass(slots=True, init=False)
class Unit:
    """One clause of a line: ``simple[start:end]``, its list marker, and where it sits."""

    start: int
    end: int
    text: str  # without the list marker
    marker: str  # the enumerator's style (``items._ENUM_RE`` group) or ""
    line: int  # index of the line
    index: int  # index of the unit in its line
    count: int  # units in the line
    sep_before: str
    sep_after: str

    # (init=False and this __init__: compiled, a native call where the one dataclass writes runs as
    # Python for each clause of a text; ``test_reader_fast_model`` checks the two agree)
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        marker: str,
        line: int,
        index: int,
        count: int,
        sep_before: str,
        sep_after: str,
    ) -> None:
        self.start, self.end, self.text, self.marker, self.line = start, end, text, marker, line
        self.index, self.count, self.sep_before, self.sep_after = index, count, sep_before, sep_after


def units(simple: str) -> list[Unit]:
    """Every non-empty line of ``simple`` cut into units, in order."""
    out: list[Unit] = []
    for number, (line_start, line) in enumerate(_lines(simple)):
        if not line.strip():
            continue
        pieces = _cut(line)
        for index, (a, b, before, after) in enumerate(pieces):
            raw = line[a:b]
            enum = _enum_match(raw)  # (a test of the first character before the pattern)
            marker = next((k for k, v in enum.groupdict().items() if v), "") if enum else ""
            skip = enum.end() if enum else len(raw) - len(raw.lstrip())
            out.append(
                Unit(
                    line_start + a + skip,
                    line_start + b,
                    raw[skip:].rstrip(),
                    marker,
                    number,
                    index,
                    len(pieces),
                    before,
                    after,
                )
            )
    return out


def _cut(line: str) -> list[tuple[int, int, str, str]]:
    """``line`` cut at ``_SEPS`` outside brackets and quotation marks: (start, end, sep before, sep after)."""
    out: list[tuple[int, int, str, str]] = []
    x, depth, quoted, before = 0, 0, False, ""
    # (each character's code read in place against a table, compiled: a regex match object per mark,
    # with its group and start read by method calls, cost ten times as much)
    codes = _CUT_CODES
    for k in range(len(line)):
        o = ord(line[k])
        if o >= 0x10000:
            continue
        c = ord(codes[o])
        if c == 0:
            continue
        if c == _OPEN:
            depth += 1
        elif c == _CLOSE:
            depth -= 1
        elif c == _QUOTE_OPEN:
            quoted = True
        elif c == _QUOTE_CLOSE:
            quoted = False
        elif depth <= 0 and not quoted:
            ch = line[k]
            if line[x:k].strip():
                out.append((x, k, before, ch))
            x, before = k + 1, ch
    if line[x:].strip():
        out.append((x, len(line), before, ""))
    return out


def chosen(cut: list[Unit], spans: list[tuple[int, int, str]]) -> list[Unit]:
    """The units worth labelling (the others are O): near a rule item's name, in short lines (list
    entries, headings), after a mention of 民生实事 (in its line and the next lines), and the first
    unit of every line and every enumerated unit. Labelling every clause of a long report costs
    several times what reading it does; these hold nearly all items (measured: ``train-items``)."""
    keep = [u.index == 0 or bool(u.marker) for u in cut]
    s = 0
    for i, u in enumerate(cut):  # (spans sorted by start)
        while s < len(spans) and spans[s][1] <= u.start:
            s += 1
        if s < len(spans) and spans[s][0] < u.end:
            for k in range(max(0, i - _NEAR), min(len(cut), i + _NEAR + 1)):
                keep[k] = keep[k] or cut[k].line == u.line
    i, lh_line = 0, -_AFTER_LH - 1
    while i < len(cut):
        j = i
        while j < len(cut) and cut[j].line == cut[i].line:
            j += 1
        length = cut[j - 1].end - cut[i].start
        near_lh = cut[i].line - lh_line <= _AFTER_LH and length <= _LONG_LINE
        mention = next((k for k in range(i, j) if "实事" in cut[k].text or "民生工程" in cut[k].text), j)
        if mention < j:
            lh_line = cut[i].line
        for k in range(i, j):
            keep[k] = keep[k] or length <= _SHORT_LINE or near_lh or k >= mention
        i = j
    return [u for u, k in zip(cut, keep, strict=True) if k]


def _bucket(n: int) -> str:
    return (
        "0"
        if n == 0
        else "1"
        if n <= 2
        else "3"
        if n <= 4
        else "5"
        if n <= 8
        else "9"
        if n <= 16
        else "17"
        if n <= 32
        else "33"
    )


def _livelihood_keys(simple: str) -> int:
    """``len(_LIVELIHOOD_LIST_RE.findall(simple))``, searched only in the lines holding one of the words
    each match holds (no match runs over a line's end; the pattern starts with no character the engine
    could scan for, so its matches are found from those words: ``items._livelihood_list_search``)."""
    count = 0
    for line in simple.split("\n"):
        if "实事" in line or "民生工程" in line or "为民兴办" in line:
            count += len(_livelihood_list_finditer(line))
    return count


def _rule_spans(items: Iterable[Item]) -> list[tuple[int, int, str]]:
    """Where each rule item's name stands (within its quote when found there, else the quote)."""
    out = []
    for item in items:
        k = item.quote.find(item.name)
        a = item.start + k if k >= 0 else item.start
        out.append((a, a + len(item.name) if k >= 0 else item.end, item.kind))
    return out


def features(
    simple: str,
    sections: Sequence[Section],
    rule_items: Sequence[Item],
    found: list[Unit] | None = None,
    groups: Sequence[str] | None = None,
) -> tuple[list[Unit], list[list[str]]]:
    """The units of ``simple`` and the features of each (its own, then its neighbours' ±1), with the
    extra ``groups`` of features (``GROUPS``; the model's own, ``FEATURES``, by default)."""
    groups = FEATURES if groups is None else groups
    spans = sorted(_rule_spans(rule_items))
    cut = chosen(units(simple) if found is None else found, spans)
    deltas, offsets = _DELTAS, _OFFSETS
    rows: list[list[str]] = []
    near: list[list[list[str]]] = []  # per unit, the features its neighbours see, prefixed by offset
    heading: list[str] = []  # the cue words of the last heading line above
    styles: dict[str, int] = {}  # list marker style → rank of its first use in the text
    sec_k, s = 0, 0
    keys = _livelihood_keys(simple) if "实事" in simple or "民生工程" in simple else 0
    whole = ["dlh=" + _bucket(keys), "dsec=" + str(bool(sections))]  # what the whole text is about
    lh_line = lh_unit = -1  # the last line and unit that name 民生实事
    intro = -1  # the line whose list intro (包括, 分别是, ：) was last seen
    for u in cut:
        if u.marker and u.index == 0 and u.marker not in styles:
            styles[u.marker] = len(styles)
        while sec_k < len(sections) and sections[sec_k].start <= u.start:
            sec_k += 1
        t = u.text
        shared = ["m=" + u.marker, "f1=" + t[:1], "l1=" + t[-1:], "sa=" + u.sep_after]
        shared += ["c=" + w for w in dict.fromkeys(_CUE_RE.findall(t))]  # (in order: the same rows each run)
        # the rules' opinion: which kind of rule item's name this unit overlaps, and where in it
        while s < len(spans) and spans[s][1] <= u.start:
            s += 1
        k = s
        while k < len(spans) and spans[k][0] < u.end:
            a, b, kind = spans[k]
            if b > u.start:
                shared.append(("rB=" if a >= u.start else "rI=") + kind)
            k += 1
        if ("实事" in t or "民生工程" in t) and _livelihood_list_search(t):
            shared.append("lh")
            lh_line, lh_unit = u.line, len(rows)
        f = [
            "bias",
            "f2=" + t[:2],
            "f3=" + t[:3],
            "l2=" + t[-2:],
            "l3=" + t[-3:],
            "mr=" + (str(styles.get(u.marker, 9)) if u.marker else ""),
            "pos=" + (str(u.index) if u.index < 3 else "3"),
            "last=" + str(u.index == u.count - 1),
            "n=" + _bucket(u.count),
            "sb=" + u.sep_before,
            "len=" + _bucket(len(t)),
            "part=" + (sections[sec_k - 1].part if sec_k else "none"),
            "lhd=" + (_bucket(u.line - lh_line) if lh_line >= 0 else "none"),
            "lhu=" + (_bucket(len(rows) - lh_unit) if lh_unit >= 0 else "none"),
            "intro=" + str(intro == u.line),
            *whole,
            *heading,
            *shared,
        ]
        if _DIGIT_RE.search(t):
            f.append("digit")
        if t[-1:] in _QUANTITY_LAST and _QUANTITY_TAIL_RE.search(t):
            f.append("qty")
        if _ENTRY_VERB_RE.match(t) or _leading(t):
            f.append("verb")
        if u.index == 0:
            line_len = len(line_of(simple, u.start))
            after_colon = (
                simple[u.start - 2 : u.start - 1] in ("：", ":")
                or "：" in simple[max(0, u.start - 3) : u.start]
            )
            f += ["ll=" + _bucket(line_len), "ac=" + str(after_colon)]
        else:
            f.append("ll=in")
        if "“" in t:
            f.append("quoted")
        if u.index == u.count - 1 and u.count <= 3:  # a short line not closed by 。 heads what follows
            a = simple.rfind("\n", 0, u.start) + 1
            if u.end - a <= _HEADING_MAX and u.sep_after in ("", "：", ":"):
                heading = ["h=" + w for w in _HEAD_CUES if w in simple[a : u.end]]
                if "head" in groups:
                    h = simple[a : u.end]
                    heading += ["hb=" + h[i : i + 2] for i in range(len(h) - 1)]
        if u.sep_after in ("：", ":") or _INTRO_RE.search(t):
            intro = u.line
        if groups:
            f += _extra(t, groups)
            if "nbr" in groups:
                shared = [*shared, "nf2=" + t[:2], "nl2=" + t[-2:]]
        rows.append(f)
        near.append([[p + x for x in shared] for p in offsets])
    n = len(rows)
    for i, row in enumerate(rows):
        for k, d in enumerate(deltas):
            row += near[i + d][k] if 0 <= i + d < n else [offsets[k] + "none"]
    if "marks" in groups or "shape" in groups:
        _line_context(cut, rows, groups)
    return cut, rows


# Extra feature groups (cross-validated one by one in ``bench/cv_items.py``):
# chars: the classes of the unit's characters (digits, Han, Latin, brackets), as a shape;
# qty: a count with its measure word, where it stands in the unit;
# nbr: the neighbouring units' first and last two characters;
# marks: the markers of the line before and after, and the sequence of the lines' first units' markers;
# shape: whether the unit's line repeats the shape of the line before (marker, units, last character).
# bi: the character pairs inside the unit (beyond those it starts and ends with);
# head: the character pairs of the heading line above.
GROUPS = ("chars", "qty", "nbr", "marks", "shape", "bi", "head")
FEATURES: tuple[str, ...] = ()  # (none gained beyond the folds' spread in cross-validation)
_CLASS = str.maketrans(
    {
        **{c: "d" for c in "0123456789.．%"},
        **{c: "q" for c in '“”"()（）《》'},
        **{c: "a" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    }
)
_SHAPE_RE = re.compile(r"(.)\1+")
_COUNT_RE = re.compile(
    r"[\d一二两三四五六七八九十百千万]+(?:个|座|所|处|条|家|户|项|件|公里|米|亩|平方米|套|台|间|辆|人)"
)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _extra(t: str, groups: Sequence[str]) -> list[str]:
    f: list[str] = []
    if "bi" in groups:
        f += ["b=" + t[i : i + 2] for i in range(1, min(len(t), 24) - 2)]
    if "chars" in groups:
        shape = _SHAPE_RE.sub(r"\1", _HAN_RE.sub("h", t.translate(_CLASS)))
        f.append("sh=" + (shape[:3] + "~" + shape[-2:] if len(shape) > 5 else shape))
    if "qty" in groups:
        counts = _COUNT_RE.findall(t)
        if counts:
            f += ["cnt", "cntw=" + counts[-1][-1], "cnte=" + str(t.endswith(counts[-1]))]
    return f


def _line_context(cut: list[Unit], rows: list[list[str]], groups: Sequence[str]) -> None:
    """Features of each unit from the lines around it: the markers of the lines before and after;
    whether its line repeats the shape of the line before (same marker, as many units, same end)."""
    firsts: dict[int, int] = {}
    for i, u in enumerate(cut):
        firsts.setdefault(u.line, i)
    lines = sorted(firsts)
    rank = {line: k for k, line in enumerate(lines)}
    for i, u in enumerate(cut):
        k = rank[u.line]
        prev = cut[firsts[lines[k - 1]]] if k > 0 else None
        nxt = cut[firsts[lines[k + 1]]] if k + 1 < len(lines) else None
        first = cut[firsts[u.line]]
        if "marks" in groups:
            rows[i] += [
                "pm=" + (prev.marker if prev else "none"),
                "nm=" + (nxt.marker if nxt else "none"),
                "pnm="
                + (prev.marker if prev else "none")
                + "|"
                + first.marker
                + "|"
                + (nxt.marker if nxt else "none"),
            ]
        if "shape" in groups and prev is not None:
            same = prev.marker == first.marker and bool(first.marker)
            rows[i] += [
                "rep=" + str(same),
                "repn=" + str(same and prev.count == first.count),
                "repe=" + str(prev.sep_after == first.sep_after and prev.text[-1:] == first.text[-1:]),
            ]


def line_of(simple: str, pos: int) -> str:
    """The line of ``simple`` that holds ``pos``."""
    end = simple.find("\n", pos)
    return simple[simple.rfind("\n", 0, pos) + 1 : len(simple) if end < 0 else end]


def labels_from_gold(cut: list[Unit], gold: Sequence[dict[str, Any]]) -> list[str]:
    """The label of each unit under the gold items: B-kind on the unit where an item's name starts,
    I-kind on the units its name runs on to, O elsewhere (the first item over a unit wins)."""
    labels = ["O"] * len(cut)
    starts = [u.start for u in cut]
    from bisect import bisect_right

    for g in gold:
        quote, name = g.get("quote") or "", g.get("name") or ""
        k = quote.find(name) if name else -1
        a = g["start"] + k if k >= 0 else g["start"]
        b = a + len(name) if k >= 0 else g["end"]
        i = max(bisect_right(starts, a) - 1, 0)
        first = True
        while i < len(cut) and cut[i].start < b:
            if cut[i].end > a and labels[i] == "O":
                labels[i] = ("B-" if first else "I-") + g["kind"]
                first = False
            elif cut[i].end > a and first:
                first = False  # (the name starts in a unit taken by another item: its rest is its own)
            i += 1
    return labels


# --- from labels to items -------------------------------------------------------------------------


def runs(labels: Sequence[str], cut: Sequence[Unit]) -> list[tuple[str, int, int]]:
    """(kind, first unit, last unit + 1) of every B+I run (an I after O or another kind opens one)."""
    out: list[tuple[str, int, int]] = []
    for i, lab in enumerate(labels):
        if lab == "O":
            continue
        kind = lab[2:]
        if (
            lab[0] == "I"
            and out
            and out[-1][0] == kind
            and out[-1][2] == i
            and cut[i].line == cut[i - 1].line
        ):
            out[-1] = (kind, out[-1][1], i + 1)
        else:
            out.append((kind, i, i + 1))
    return out


def run_name(kind: str, text: str) -> tuple[int, int]:
    """Where the name stands in a run's text: without leading verbs, numbering or trailing counts."""
    a, b = 0, len(text)
    if kind == "task":
        return a, b
    intro = _INTRO_RE.match(text)
    a = intro.end() if intro and b - intro.end() >= 2 else 0
    verb = (_ENTRY_VERB_RE.match(text[a:]) if kind == "livelihood" else None) or _leading(text[a:])
    if verb and b - a - verb.end() >= 2:
        a += verb.end()
    tail = _QUANTITY_TAIL_RE.search(text, a)
    if tail and tail.start() - a >= 2:
        b = tail.start()
    while b > a and text[b - 1] in '等”"' + " \t":
        b -= 1
    while a < b and text[a] in '“" \t':
        a += 1
    return a, b


# (what a quantity opens with besides a digit: a run named from other words is no count, and the
# quantity's pattern is compiled only for a run that opens with one)
_NUMERALS = "一两三四五六七八九十"
# A photo's caption or credit, or the scene of an event: what a run of a news item may hold that names
# no work ("图为开工现场", "X活动在Y举行", "供图X", "X 摄").
_CAPTION_RE = re.compile(r"^图为|^图片|供图|摄$|现场$|举行$|仪式$|记者$|编辑$|通讯员$")


def decode(
    simple: str,
    text: str,
    cut: Sequence[Unit],
    labels: Sequence[str],
    rule_items: Sequence[Item],
    part_year: PartYear,
    kinds: Sequence[str] = KINDS,
) -> list[Item]:
    """Items of ``kinds`` from labelled units (the rule items of the run's kind inside each run, else
    those of another of ``kinds`` as the rules found them, else one item named from the run), and the
    rule items of the other kinds as the rules found them. (Where the model and the rules both find an
    item and differ on its kind, the rules' kind stands: they read the list's head; on the thirteenth
    round's held-out gold 0.608 → 0.616 and 0.828 → 0.832.)"""
    spans = _rule_spans(rule_items)
    out: list[Item] = [item for item in rule_items if item.kind not in kinds]
    seen: set[tuple[str, str, str]] = set()
    kept = [(x, y) for (x, y, k) in spans if k not in kinds]
    for kind, i, j in runs(labels, cut):
        a, b = cut[i].start, cut[j - 1].end
        if kind not in kinds or any(x < b and a < y for x, y in kept):
            continue  # (a livelihood entry or a task the rules found is not also a project)
        inside = [
            item for item, (x, _y, k) in zip(rule_items, spans, strict=True) if k == kind and a <= x < b
        ]
        other = (
            []
            if inside
            else [
                item for item, (x, _y, k) in zip(rule_items, spans, strict=True) if k in kinds and a <= x < b
            ]
        )
        if other:  # the rules found items of another kind there (they read the list's head): theirs stand
            inside = other
        elif not inside or (len(inside) > 1 and j - i > 1):  # (a run over several clauses is one item)
            x, y = run_name(kind, text[a:b])
            if y - x < 2 or _CAPTION_RE.search(simple[a + x : a + y]):
                continue  # (nor a photo's caption: "图为开工现场", "X在Y举行")
            if "|" in simple[a + x : a + y]:
                continue  # (nor a table's row of cells: the rules read a table by its columns)
            if kind == "project" and _no_work_after(simple, a + y):
                continue  # (nor works cited for an honour, a family of programmes, a road's mileage)
            head = simple[a + x : a + x + 1]
            if (head.isdecimal() or head in _NUMERALS) and _QUANTITY_HEAD_RE.match(simple[a + x : a + y]):
                continue  # (nor works counted: "建成48公里污水管网", "新建3座X": how much, none named)
            part, year = part_year(a)
            line_end = simple.find("\n", b)
            q1 = min(len(simple) if line_end < 0 else line_end, a + 120)
            for stop in "。；;":
                k = simple.find(stop, b, q1)
                q1 = k if k >= 0 else q1
            q0 = a
            inside = [Item(text[a + x : a + y], kind, part, year, text[q0:q1], q0, q1)]
        for item in inside:
            key = (item.kind, item.part, item.name)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


# --- the model ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Reading:
    """What the model reads of one text: the text, its simplified copy, sections, the rules' items."""

    text: str
    simple: str
    sections: list[Section]
    rule_items: list[Item]
    part_year: PartYear


_recorder: list[Reading] | None = None


@contextmanager
def recording() -> Iterator[list[Reading]]:
    """While open, the reader keeps the rules' items and hands what the model would read to the list."""
    global _recorder
    _recorder = []
    try:
        yield _recorder
    finally:
        _recorder = None


# crfsuite's parameters for lbfgs, chosen by cross-validation grouped by place (see ``train``)
TRAINING: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.001,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}

# Where the model is used (``decided``): a text shorter than the passages it learnt from (300 characters
# and more) keeps the rules' items; so does a text with headings longer than an opening (the training
# texts are at most about 1,000 characters long, the eleventh round's plan parts too: a full report is not
# what it learnt from, and labelling it would cost several times what its opening costs).
MIN_LENGTH = 200
MAX_HEADED = 2000
# (0.97 while the base model decided alone; mixed, its marginals are spread wider and a rule item the
# mix gives O at 0.93 or more is mostly not an item: the twelfth round's development half, by place)
DROP = 0.93
THRESHOLD = (
    0.5  # (a clause no rule item starts in needs the model sure enough; 0.2 and 0.35 gave the same F1)
)

_taggers: dict[Path, Any] = {}


def tagger(path: Path | None = None) -> Any:
    """The CRF tagger of ``path`` (the reader's own model by default), opened once; None without the
    file or python-crfsuite."""
    path = path or MODEL_PATH
    if path not in _taggers:
        t: Any = None
        try:
            import pycrfsuite

            if path.exists():
                t = pycrfsuite.Tagger()
                t.open(str(path))
        except ImportError:
            pass
        _taggers[path] = t
    return _taggers[path]


def relabel(
    text: str, simple: str, sections: Sequence[Section], rule_items: list[Item], part_year: PartYear
) -> list[Item]:
    """The reader's hook: the rules' items, with the kinds the model was shown to judge better than
    the rules judged by it (``decided``: which kinds, in which texts)."""
    if _recorder is not None:
        _recorder.append(Reading(text, simple, list(sections), rule_items, part_year))
        return rule_items
    kinds = decided(simple, sections)
    if not kinds or os.environ.get(OFF_ENV) == "1":
        return rule_items
    reading = Reading(text, simple, list(sections), rule_items, part_year)
    return judged(reading, kinds=kinds, stack=STACK_PATH, mix=MIX_PATH, stored=STORED_PATH)


def passage(simple: str, sections: Sequence[Section]) -> bool:
    """Whether a text is a passage: no headings, at least ``MIN_LENGTH`` characters."""
    return not sections and len(simple) >= MIN_LENGTH


def decided(
    simple: str,
    sections: Sequence[Section],
    kinds: Sequence[str] | None = None,
    elsewhere: Sequence[str] | None = None,
) -> Sequence[str]:
    """The kinds the model decides in a text: ``kinds`` (``LEARNED``) in a passage (``passage``),
    ``elsewhere`` (``LEARNED_ELSEWHERE``) in a text with headings of ``MIN_LENGTH`` to ``MAX_HEADED``
    characters (a report's opening); none in a shorter text or a longer report."""
    if passage(simple, sections):
        return LEARNED if kinds is None else kinds
    if sections and MIN_LENGTH <= len(simple) <= MAX_HEADED:
        return LEARNED_ELSEWHERE if elsewhere is None else elsewhere
    return ()


def judged(
    reading: Reading,
    path: Path | None = None,
    kinds: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    stack: Path | None = None,
    mix: Path | None = None,
    stored: Path | None = None,
) -> list[Item]:
    """The rules' items of ``reading`` with those of ``kinds`` (``LEARNED`` by default) judged by the
    model of ``path`` (the reader's own by default), which reads the features ``groups``
    (``FEATURES``), with the marginals of the models of the files ``mix`` and ``stored`` mixed in when
    they are there (``second``, ``tag``), or, when the file ``stack`` is there, by that stacked model
    reading the first one's opinion too; the rules' items as they are when there is no model."""
    kinds = LEARNED if kinds is None else kinds
    t = tagger(path)
    if t is None:
        return reading.rule_items
    cut, rows = features(reading.simple, reading.sections, reading.rule_items, groups=groups)
    if not cut:
        return reading.rule_items
    top = tagger(stack) if stack is not None else None
    other, weight = second(mix, stored)
    labels = tag(t, rows, kinds, other, weight)
    # (the base model's labels of the kinds the stacked model does not decide stand; the stacked model's
    # rows hold no rule features (``STACK_KEEP``), so ``tag`` does not fall back to the rules a second
    # time: they reach it through the base model's opinion)
    if top is not None:
        over = tag(top, opinion(t, rows), [k for k in kinds if k in STACKED])
        labels = [
            b if b != "O" and b[2:] not in STACKED else s if s[2:] in STACKED else "O"
            for b, s in zip(labels, over, strict=True)
        ]
    items = decode(reading.simple, reading.text, cut, labels, reading.rule_items, reading.part_year, kinds)
    return sorted(items, key=lambda i: i.start)


def second(mix: Path | None, stored: Path | None) -> tuple[Any, float]:
    """What is mixed with the base model, and its weight: the models of the files ``mix`` (``MIX``)
    and ``stored`` (``STORED_MIX``) that are there, the two as one (``Blend``); (None, 0) for none."""
    parts = [(tagger(p), w) for p, w in ((mix, MIX), (stored, STORED_MIX)) if p is not None and w > 0]
    found = [(t, w) for t, w in parts if t is not None]
    if not found:
        return None, 0.0
    if len(found) == 1:
        return found[0]
    (a, wa), (b, wb) = found
    return Blend(a, wa, b, wb), wa + wb


class Blend:
    """Two taggers read as one: each label's marginal the weighted mean of theirs (a label one of them
    does not know has probability 0 under it)."""

    def __init__(self, a: Any, wa: float, b: Any, wb: float) -> None:
        self.parts = (a, b)
        self.wa, self.wb = wa / (wa + wb), wb / (wa + wb)
        self.la, self.lb = set(a.labels()), set(b.labels())

    def set(self, rows: Any) -> None:
        for t in self.parts:
            t.set(rows)

    def labels(self) -> list[str]:
        return sorted(self.la | self.lb, key=lambda x: (x != "O", x))

    def marginal(self, x: str, i: int) -> float:
        a, b = self.parts
        pa = a.marginal(x, i) if x in self.la else 0.0
        pb = b.marginal(x, i) if x in self.lb else 0.0
        return self.wa * pa + self.wb * pb


def tag(
    t: Any, rows: list[list[str]], kinds: Sequence[str] = KINDS, mix: Any = None, weight: float | None = None
) -> list[str]:
    """Each unit's label. Where the model's likeliest label is O, a unit where a rule item starts keeps
    the rules' kind unless O is nearly certain (``DROP``), and another unit takes the likeliest other
    label when its probability reaches ``THRESHOLD``: short of data, the model's recall falls short of
    its precision, and the rules are right more often than not where they fire. With a second tagger
    ``mix``, each unit's likeliest label is that of the two models' marginals mixed (``mixed``, at
    ``weight``, ``MIX`` by default)."""
    if mix is None:
        best = t.tag(rows)
        prob: list[dict[str, float]] = []
    else:
        best, prob = mixed(t, mix, rows, MIX if weight is None else weight)
    labels = [x for x in t.labels() if x != "O"]
    out = []
    ruled = ["rB=" + kind for kind in kinds]
    for i, lab in enumerate(best):
        if lab[2:] not in kinds:  # (also where the model names a kind it does not decide)
            rule = next((r for r in ruled if r in rows[i]), None)
            if rule is not None and (prob[i]["O"] if prob else t.marginal("O", i)) < DROP:
                lab = "B-" + rule[3:]
        if lab == "O" and THRESHOLD < 0.5:  # (at one half or more the likeliest path has it already)
            p, alt = max(((prob[i].get(x, 0.0) if prob else t.marginal(x, i)), x) for x in labels)
            lab = alt if p >= THRESHOLD else lab
        out.append(lab)
    return out


def _sequence(rows: list[list[str]], *taggers: Any) -> Any:
    """``rows`` as one ``pycrfsuite.ItemSequence`` when every tagger is a crfsuite tagger (else ``rows``):
    each ``Tagger.set`` of a Python list converts every feature string to crfsuite's items again (most
    of what setting costs), while an ItemSequence, converted once, is only copied."""
    try:
        import pycrfsuite
    except ImportError:
        return rows
    for t in taggers:
        for part in t.parts if isinstance(t, Blend) else (t,):
            if not isinstance(part, pycrfsuite.Tagger):
                return rows
    return pycrfsuite.ItemSequence(rows)


def mixed(
    t: Any, mix: Any, rows: list[list[str]], weight: float | None = None
) -> tuple[list[str], list[dict[str, float]]]:
    """Each unit's likeliest label and every label's probability there under the marginals of the
    model ``t`` (weight 1 - ``weight``, ``MIX`` by default) and of the model ``mix`` (``weight``) mixed; O wins a tie. A
    label one model does not know has probability 0 under it. Where the first model's O alone gives
    the mix more than one half, O is the likeliest and only its probability is worked out (most
    clauses: each marginal is a call into crfsuite)."""
    seq = _sequence(rows, t, mix)
    t.set(seq)
    mix.set(seq)
    own, other = list(t.labels()), list(mix.labels())
    names = sorted(set(own) | set(other), key=lambda x: (x != "O", x))
    best: list[str] = []
    prob: list[dict[str, float]] = []
    sure = THRESHOLD >= 0.5  # (below, ``tag`` reads every label's probability)
    w = MIX if weight is None else weight
    for i in range(len(rows)):
        p_o = (1 - w) * t.marginal("O", i)
        if sure and p_o > 0.5:
            best.append("O")
            prob.append({"O": p_o + (w * mix.marginal("O", i) if "O" in other else 0.0)})
            continue
        p = dict.fromkeys(names, 0.0)
        for x in own:
            p[x] += (1 - w) * t.marginal(x, i)
        for x in other:
            p[x] += w * mix.marginal(x, i)
        top = names[0]
        for x in names:
            if p[x] > p[top]:
                top = x
        best.append(top)
        prob.append(p)
    return best, prob


def _p_bucket(p: float) -> str:
    return "95" if p >= 0.95 else "8" if p >= 0.8 else "5" if p >= 0.5 else "2" if p >= 0.2 else "05"


# The unit's own features the stacked model reads beside the base model's opinion (by prefix; "": all).
# The opinion alone does best in cross-validation: the own features, relearnt from a few hundred texts,
# outweigh the base model's opinion on the kinds the new gold has few of.
STACK_KEEP: tuple[str, ...] = ("bias",)
# The kinds the stacked model decides; for the others the base model's labels stand (the new gold has
# too few tasks and livelihood entries for the stacked model to relearn how far the base model is right).
STACKED: tuple[str, ...] = ("project",)


def opinion(t: Any, rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with the opinion of the model ``t`` on each unit added (the stacked model's features):
    its likeliest label at the unit and at the units on either side, that label beside the rules'
    kind there, and each other label it gives at least 5 %, its probability bucketed. The base model
    never saw the texts the stacked model learns from, so its opinion there is honest held-out input."""
    best = t.tag(rows)
    labels = [x for x in t.labels() if x != "O"]
    n = len(rows)
    out = []
    for i, row in enumerate(rows):
        rule = next((x[3:] for x in row if x.startswith(("rB=", "rI="))), "none")
        f = [
            "s=" + best[i],
            "s-1=" + (best[i - 1] if i > 0 else "none"),
            "s+1=" + (best[i + 1] if i + 1 < n else "none"),
            "sr=" + best[i] + "|" + rule,
        ]
        for x in labels:
            p = t.marginal(x, i)
            if p >= 0.05:
                f.append("sm=" + x + ":" + _p_bucket(p))
        out.append([x for x in row if x.startswith(STACK_KEEP)] + f)
    return out


def train(
    docs: Iterable[tuple[Reading, Sequence[dict[str, Any]]]],
    out: Path,
    groups: Sequence[str] | None = None,
    base: Path | None = None,
    **params: Any,
) -> int:
    """Train a model on what the model reads of each text (the features ``groups``, ``FEATURES`` by
    default) and its gold items; write it to ``out``. With ``base`` (a model file), a stacked model:
    each unit also carries that model's opinion (``opinion``). ``params`` go to crfsuite
    (``algorithm`` apart: lbfgs by default). Returns the texts used."""
    first = tagger(base) if base is not None else None
    if base is not None and first is None:
        raise FileNotFoundError(f"no base model at {base}")
    seqs = [x for x in (instance(reading, gold, groups) for reading, gold in docs) if x is not None]
    if first is not None:
        seqs = [(opinion(first, rows), labels) for rows, labels in seqs]
    return train_rows(seqs, out, **params)


def instance(
    reading: Reading, gold: Sequence[dict[str, Any]], groups: Sequence[str] | None = None
) -> tuple[list[list[str]], list[str]] | None:
    """What the trainer learns from one text: the features of its units (``groups``, ``FEATURES`` by
    default) and their labels under its gold items; None when the text has no unit."""
    cut, rows = features(reading.simple, reading.sections, reading.rule_items, groups=groups)
    return (rows, labels_from_gold(cut, gold)) if cut else None


def train_rows(seqs: Iterable[tuple[list[list[str]], list[str]]], out: Path, **params: Any) -> int:
    """Train a model on sequences of unit features and their labels (``instance``'s, from texts or
    stored); write it to ``out`` once trained (nothing is left there on failure). Returns the
    sequences learnt from."""
    import pycrfsuite

    algorithm = params.pop("algorithm", "lbfgs")
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    n = 0
    for rows, labels in seqs:
        trainer.append(rows, labels)
        n += 1
    trainer.set_params({**(TRAINING if algorithm == "lbfgs" else {}), **params})
    part = out.with_name(out.name + ".part")
    trainer.train(str(part))
    os.replace(part, out)
    _taggers.pop(out, None)  # (a model trained anew is opened again)
    return n


# The feature set's version: raise it whenever ``features`` writes other features for the same text
# (the stored training instances, ``luoshi/reports/training/*-items.jsonl.gz``, are refused then:
# keep the old feature code path for them or regenerate them from their texts and gold).
FEATURE_VERSION = 1


def feature_set(groups: Sequence[str] | None = None) -> str:
    """The name of the feature set ``features`` writes with ``groups`` (``FEATURES`` by default), as
    stored beside training instances."""
    groups = FEATURES if groups is None else groups
    return f"items/{FEATURE_VERSION}/" + "+".join(groups)
