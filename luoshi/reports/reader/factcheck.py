"""A learned second opinion on the rules' facts: keep, drop, or turn a fact's kind (target/actual).

The rules of :mod:`.facts` decide which numbers are facts and in what sense. This module describes each
fact the rules found by what it is (unit, measure, kind, part, size of the number, its metric), by the
characters around its number, by words of its sentence and by what kind of text holds it, and asks a
logistic model (python-crfsuite with one-item sequences: a maximum-entropy classifier) whether the fact
is one the gold counts (``keep``), one it does not (``drop``), or one it counts in the other sense
(``flip``: a target read as actual or the other way round).

The model file (``facts.crfsuite`` beside this module) is trained by ``luoshi train-facts`` from texts
and gold facts (``shared/eval/SCHEMA.md``). A second model (``facts-mix.crfsuite``, trained the same
way on newer gold alone) is mixed in when its file is there: each label's probability is ``1 - MIX``
times the first's and ``MIX`` times the second's (``Mixed``). Without either file, without
python-crfsuite, with ``LUOSHI_FACTS_RULES_ONLY=1``, or in a text it does not judge (``decided``: a long
text, or a report's own text to the deputies under its headings), the rules' facts are returned
unchanged. ``bench/cv_facts.py`` cross-validates it by place.

Cross-validated on the fourteenth round's training gold (120 texts: openings, plan texts and passages, 21
provinces, 1,246 gold facts; five folds by province, the shared seeds and openings always in training),
full F1 0.890 → 0.913 (passages 0.817 → 0.854, plan texts 0.889 → 0.926, openings unchanged at 0.972),
better on four folds of five and even on the fifth; with four or six folds by province 0.918 and 0.919.
Nearly all of it is the kind: most of the rules' errors there were targets read as actual or the other
way round, by whole texts. Dropping facts too gained nothing held out, so ``DROP`` is off. The model as
shipped is trained on the rules as they read passages since that round (which fixed some of those texts
themselves): over them, held out the same way, 0.919 → 0.923, no fold worse.

On the fifteenth round's training gold (128 texts, 21 provinces, 1,409 gold facts, never seen by that
model) the rules read few facts in the wrong kind (34; 36 of the rules' facts labelled ``flip``),
and the first model alone, held out, lost: full F1 0.897 (rules) → 0.894
(plan texts 0.932 → 0.866), worse on three folds of five by province. A model trained per fold on the
other folds and the shared gold alone changed no figure (too few ``flip`` labels to be sure of one), but
mixed in at ``MIX`` 0.5 it lets the first model turn only the facts it half agrees on: 0.903 (passages
0.806 → 0.820, plan texts as the rules), no fold worse than the rules or the first model alone (also
with four or six folds: 0.900 twice); trained on one half of those corpora and tested on the other,
0.890 → 0.890 and 0.903 → 0.913. The long texts and the reports' own texts stay unjudged: there, one
fact in about 580 was a ``flip``, and judging them too changed nothing. Retrained over that round's
merged rules (its passage rules mend texts the first model used to turn) and held out the same way, the
mix turns nothing: rules 0.922, the first model alone 0.919, mixed 0.922. On that round's final corpus
the mix read 0.944 and the rules alone 0.946–0.947 (two annotators).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._compiled import SOURCE_DIR
from .model import Fact, Section

MODEL_PATH = SOURCE_DIR / "facts.crfsuite"  # (beside the sources: a compiled module lives elsewhere)
# A second model trained on newer gold alone, whose probabilities are mixed with the first's, weight
# ``MIX`` to it (``Mixed``), when its file is there (held out by province, 0.4 to 0.5 did best; at 0.5,
# with ``FLIP`` 0.5, a fact is turned when the two models' probabilities of turning it add up to one or
# more, and no fold was worse than the rules).
# (On the twentieth round's six training corpora, 142 texts held out by place, five folds, the two as
# shipped turn nothing: full F1 0.859, the rules'. A second model retrained on the r19 and r20 stored
# instances, ``luoshi/reports/training``, and mixed in at 0.5 read 0.860, one fact more, better on one fold
# and worse on one, with four and six folds and by province alike; mixed in at 0.75 to 1 it gained up to
# 0.866 by place but lost by province (0.855–0.859): a few facts either way, so it is not shipped.)
MIX_PATH = SOURCE_DIR / "facts-mix.crfsuite"
MIX = 0.5
OFF_ENV = "LUOSHI_FACTS_RULES_ONLY"  # set to 1: the rules' facts, no model
LABELS = ("keep", "drop", "flip")
# The texts the model judges: no longer than this (the training texts are openings, plan texts and
# passages under about 1,500 characters; a full report is not what it learnt from, and judging its
# hundreds of facts would cost what the reader spends on a quarter of it).
MAX_LENGTH = 3000
# A fact is dropped when the model gives ``drop`` at least this probability (never: held out, dropping
# at 0.5 lost a little on some folds and gained nothing on the others), its kind turned when it gives
# ``flip`` at least ``FLIP``.
DROP = 2.0
FLIP = 0.5
# crfsuite's parameters (lbfgs; one-item sequences, so no transitions)
# (c1 0.1: an L1 term keeps the model file small, about a sixth of it without, and held out it did as well)
TRAINING: dict[str, Any] = {"c1": 0.1, "c2": 1.0, "max_iterations": 200}

# Words of the sentence before a number that tell of its sense (a plan, a past, a rank, a span of time).
_CUES = (
    "计划",
    "预计",
    "力争",
    "确保",
    "争取",
    "目标",
    "将",
    "要",
    "拟",
    "今年",
    "明年",
    "去年",
    "上年",
    "全年",
    "累计",
    "完成",
    "实现",
    "已",
    "了",
    "新增",
    "达到",
    "增长",
    "同比",
    "年均",
    "比",
    "第",
    "排",
    "名",
    "位",
    "届",
    "次",
    "周年",
    "年来",
    "期间",
    "以来",
    "其中",
    "分别",
    "共",
    "人均",
    "投资",
    "项目",
    "会议",
    "代表",
    "选举",
    "票",
    "个月",
    "天",
    "小时",
)


_CUE_RE = re.compile("|".join(sorted(_CUES, key=len, reverse=True)))
# Words that tell a passage looks back (an account of what was done) or ahead (what is to be done),
# counted in the fact's line and in the whole text.
_PAST = (
    "过去",
    "回顾",
    "一年来",
    "年来",
    "以来",
    "去年",
    "上年",
    "已",
    "了",
    "累计",
    "完成",
    "实现",
    "同比",
    "建成",
    "取得",
)
_AHEAD = (
    "今年",
    "明年",
    "下一步",
    "将",
    "要",
    "计划",
    "力争",
    "确保",
    "争取",
    "预计",
    "目标",
    "预期",
    "安排",
    "部署",
)
# Words of a short line above the fact (a subheading) that say which part it opens.
_HEAD_WORDS = (
    "回顾",
    "过去",
    "成绩",
    "成效",
    "进展",
    "完成",
    "目标",
    "任务",
    "计划",
    "安排",
    "打算",
    "重点",
    "要点",
)


@dataclass(slots=True)
class Reading:
    """What the model reads of one text: its facts as the rules give them and each one's features."""

    simple: str
    facts: list[Fact]
    rows: list[list[str]]  # (the features as they are; the model reads them beside each fact's kind)
    judged: bool  # whether the reader asks the model (``decided``)


_recorder: list[Reading] | None = None


@contextmanager
def recording() -> Iterator[list[Reading]]:
    """While open, the reader returns the rules' facts and hands what the model would read to the list."""
    global _recorder
    _recorder = []
    try:
        yield _recorder
    finally:
        _recorder = None


def decided(simple: str, to_deputies: bool, headed: bool) -> bool:
    """Whether the model judges the facts of a text: one no longer than ``MAX_LENGTH`` that is not a
    report's own text (addressed to the deputies, 各位代表, with headings). The rules read those well: in
    the training gold the model turned no fact of them, and reading each fact's features costs about as
    much again as reading the text."""
    return len(simple) <= MAX_LENGTH and not (to_deputies and headed)


@dataclass(slots=True)
class Model:
    """A trained model as the reader uses it: each attribute's weight for each label. With one-item
    sequences and no transitions, crfsuite's marginal of a label is the softmax of these sums, and a
    dictionary look-up per feature costs less than handing the row to crfsuite."""

    labels: tuple[str, ...]
    # the rules' kind's first letter → attribute → its weight for each of ``labels`` (the model learnt
    # each feature beside the kind: "t|u=亩"; a table for each kind spares writing the pairs out)
    weights: dict[str, dict[str, tuple[float, ...]]]

    def probabilities(self, row: Sequence[str], kind: str = "target") -> dict[str, float]:
        """The probability of each label for a fact of ``kind`` with the features ``row``."""
        table = self.weights.get(kind[:1], {})
        if len(self.labels) == 3:
            # (the shipped models' three labels: the loop of ``sums`` unrolled, each sum added up in the
            # row's order as there, so the same floats; a quarter of what judging a short text cost)
            s0 = s1 = s2 = 0.0
            for f in row:
                w = table.get(f)
                if w is not None:
                    s0 += w[0]
                    s1 += w[1]
                    s2 += w[2]
            sums = [s0, s1, s2]
        else:
            sums = _sums(table, row, len(self.labels))
        top = max(sums)
        e = [math.exp(x - top) for x in sums]
        z = sum(e)
        return {label: x / z for label, x in zip(self.labels, e, strict=True)}


def _sums(table: dict[str, tuple[float, ...]], row: Sequence[str], n: int) -> list[float]:
    """Each label's sum of the weights of the features of ``row`` found in ``table``."""
    sums = [0.0] * n
    for f in row:
        w = table.get(f)
        if w is not None:
            for i, x in enumerate(w):
                sums[i] += x
    return sums


@dataclass(slots=True)
class Mixed:
    """Two models as one: each label's probability is ``(1 - weight)`` times the first's and ``weight``
    times the second's (the first trained on older gold, the second on newer gold alone)."""

    first: Model
    second: Model
    weight: float

    def probabilities(self, row: Sequence[str], kind: str = "target") -> dict[str, float]:
        p = self.first.probabilities(row, kind)
        q = self.second.probabilities(row, kind)
        w = self.weight
        labels = list(p) + [x for x in q if x not in p]
        return {x: (1 - w) * p.get(x, 0.0) + w * q.get(x, 0.0) for x in labels}


def opinion(first: Model | None, second: Model | None, weight: float | None = None) -> Model | Mixed | None:
    """What judges the facts: the two models mixed (``weight``, ``MIX`` by default), or the one there is."""
    if first is None or second is None:
        return first or second
    return Mixed(first, second, MIX if weight is None else weight)


def read_model(path: Path) -> Model | None:
    """The model of the crfsuite file ``path``; None without the file or python-crfsuite."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not path.exists():
        return None
    t = pycrfsuite.Tagger()
    t.open(str(path))
    names, state_features = _dumped(t)
    labels = tuple(sorted(names))
    at = {label: i for i, label in enumerate(labels)}
    weights: dict[str, dict[str, list[float]]] = {}
    for (attr, label), w in state_features.items():
        kind, _, name = attr.partition("|")
        weights.setdefault(kind, {}).setdefault(name, [0.0] * len(labels))[at[label]] = w
    return Model(labels, {k: {a: tuple(w) for a, w in table.items()} for k, table in weights.items()})


_SECTIONS = ("FILEHEADER = {", "LABELS = {", "ATTRIBUTES = {", "TRANSITIONS = {", "STATE_FEATURES = {")


def _dumped(t: Any) -> tuple[list[str], dict[tuple[str, str], float]]:
    """The labels and the state features (``(attribute, label)`` → weight, in the file's order) of the
    open tagger ``t``: what ``t.info()`` gives of them, read from the same dump. ``info`` matches a
    regular expression on every line of it in Python, most of what loading the two models cost a
    process that reads a short text (0.25 G instructions); string splits give the same fields."""
    fd, name = tempfile.mkstemp()
    os.close(fd)
    try:
        t.dump(name)
        text = Path(name).read_bytes().decode("utf-8")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    labels: list[str] = []
    features: dict[tuple[str, str], float] = {}
    state = ""
    for raw in text.split("\n"):
        line = raw.lstrip().rstrip("\r\n")  # (as pycrfsuite's parser takes each line)
        if not line:
            continue
        if line.startswith(_SECTIONS):
            state = line.partition(" = {")[0]
        elif line == "}":
            state = ""
        elif state == "LABELS":  # "0: keep"
            labels.append(line.partition(": ")[2])
        elif state == "STATE_FEATURES":  # "(0) attribute --> label: 0.123456"
            head, _, weight = line.rpartition(": ")
            attr, _, label = head.rpartition(" --> ")
            features[(attr.partition(") ")[2], label)] = float(weight)
    return labels, features


_models: dict[Path, Model | None] = {}


def tagger(path: Path | None = None) -> Model | None:
    """The model of ``path`` (the reader's own by default), read once; None without the file or
    python-crfsuite."""
    path = path or MODEL_PATH
    if path not in _models:
        _models[path] = read_model(path)
    return _models[path]


def judged(ctx: Any, tokens: Sequence[Any], items: Sequence[Any], facts: list[Fact]) -> list[Fact]:
    """The reader's hook (``facts.extract_facts``): the rules' ``facts`` (those of ``items``, one per
    number of ``tokens``, that stand), judged by the model in the texts it decides."""
    if _recorder is not None:
        if facts:
            rows = features(ctx, tokens, items, facts)
            _recorder.append(Reading(ctx.s, facts, rows, decided(ctx.s, ctx.to_deputies, bool(ctx.sections))))
        return facts
    if not facts or not decided(ctx.s, ctx.to_deputies, bool(ctx.sections)) or os.environ.get(OFF_ENV) == "1":
        return facts
    model = opinion(tagger(), tagger(MIX_PATH))
    if model is None:
        return facts
    years = (ctx.meta.review_year, ctx.meta.plan_year)
    return apply(model, facts, features(ctx, tokens, items, facts), years=years)


def apply(
    model: Model | Mixed,
    facts: list[Fact],
    rows: list[list[str]],
    drop: float = -1.0,
    flip: float = -1.0,
    years: tuple[int | None, int | None] = (None, None),
) -> list[Fact]:
    """``facts`` as ``model`` judges them from their ``rows``: those it drops (probability ``drop``,
    ``DROP`` by default) left out, those it flips (``flip``, ``FLIP``) turned to the other kind (with
    the text's ``years``, reviewed and planned: see ``flipped``)."""
    drop = DROP if drop < 0 else drop
    flip = FLIP if flip < 0 else flip
    out = []
    for fact, row in zip(facts, rows, strict=True):
        p = model.probabilities(row, fact.kind)
        if p.get("drop", 0.0) >= drop:
            continue
        if p.get("flip", 0.0) >= flip:
            flipped(fact, *years)
        out.append(fact)
    return out


def flipped(fact: Fact, review_year: int | None = None, plan_year: int | None = None) -> Fact:
    """``fact`` turned to the other kind: a target's commitment word goes with it, and a year the rules
    gave it for its old kind (the plan year of a target, the reviewed year of an actual) becomes the
    new kind's, so that a plan import or an account of promises reads it in the right year; a year
    written beside the number is neither and stays."""
    if fact.kind == "target":
        fact.kind, fact.commitment = "actual", None
        if fact.year is not None and fact.year == plan_year and review_year is not None:
            fact.year = review_year
    else:
        fact.kind = "target"
        if fact.year is not None and fact.year == review_year and plan_year is not None:
            fact.year = plan_year
    return fact


def _bucket(v: float) -> str:
    if v < 0:
        return "neg"
    if v == 0:
        return "0"
    if v < 1:
        return "frac"
    if v < 10:
        return str(int(v))
    return "e" + str(min(int(math.log10(v)), 9))


def _len_bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n <= 2 else "4" if n <= 4 else "8" if n <= 8 else "9"


def features(ctx: Any, tokens: Sequence[Any], items: Sequence[Any], facts: list[Fact]) -> list[list[str]]:
    """One row of features for each of ``facts`` (each the fact of one of ``items``, whose number is
    the same place's of ``tokens``)."""
    s: str = ctx.s
    n = len(s)
    standing = {id(f) for f in facts}
    where: dict[int, tuple[Any, Any]] = {}
    for token, item in zip(tokens, items, strict=True):
        if id(item.fact) in standing:
            where[id(item.fact)] = (token, item)
    sections: list[Section] = ctx.sections
    meta = ctx.meta
    text_f = [
        "sec=" + ("y" if sections else "n"),
        "dep=" + ("y" if ctx.to_deputies else "n"),
        "ahead=" + ("y" if ctx.ahead else "n"),
        "done=" + ("y" if ctx.done_lead else "n"),
        "pre=" + ctx.preamble_part,
        "goals=" + ("y" if ctx.goals else "n"),
        "py=" + ("y" if meta.plan_year else "n"),
        "ry=" + ("y" if meta.review_year else "n"),
    ]
    past, ahead = _count(s, 0, n, _PAST), _count(s, 0, n, _AHEAD)
    text_f.append("tpast=" + _rate(past, n))
    text_f.append("tahead=" + _rate(ahead, n))
    text_f.append("tlean=" + _lean(past, ahead))
    lines: dict[int, list[str]] = {}
    per_sentence: dict[int, int] = {}
    for _token, item in where.values():
        per_sentence[item.sent_start] = per_sentence.get(item.sent_start, 0) + 1
    seen: dict[int, int] = {}
    rows = []
    for fact in facts:
        token, item = where[id(fact)]
        a, b = token.start, token.end
        unit = fact.unit or "none"
        # (the characters on either side, a line break written as "/": crfsuite's dump of the model,
        # which ``read_model`` reads, is cut at line breaks)
        left = s[max(0, a - 3) : a].replace("\n", "/") if a >= 1 else "^"
        after = s[b : b + 4].replace("\n", "/")
        row = [
            "bias",
            "u=" + unit,
            "m=" + fact.measure,
            "k=" + fact.kind,
            "p=" + fact.part,
            "mk=" + fact.measure + "|" + fact.kind + "|" + fact.part,
            "uk=" + unit + "|" + fact.kind,
            "ap=" + (fact.approx or "none"),
            "cm=" + ("y" if fact.commitment else "n"),
            "v=" + _bucket(float(fact.value)),
            "vu=" + _bucket(float(fact.value)) + "|" + unit,
            "int=" + ("y" if float(fact.value).is_integer() else "n"),
            "cn=" + ("y" if token.chinese else "n"),
            "mul=" + ("y" if token.multiplied else "n"),
            "yr=" + _year(fact.year, meta),
            "own=" + ("y" if item.own_subject else "n"),
            "lst=" + ("y" if item.listed else "n"),
            "apb=" + ("y" if item.approx_before else "n"),
            "ml=" + _len_bucket(len(fact.metric)),
            "m1=" + fact.metric[-1:],
            "m0=" + fact.metric[:1],
            "l1=" + left[-1:],
            "l2=" + left[-2:],
            "l3=" + left,
            "r1=" + after[:1],
            "r2=" + after[:2],
            "pos=" + str(5 * a // max(n, 1)),
            "nsent=" + _len_bucket(per_sentence.get(item.sent_start, 0)),
            "ith=" + _len_bucket(seen.get(item.sent_start, 0)),
        ]
        seen[item.sent_start] = seen.get(item.sent_start, 0) + 1
        before = s[item.sent_start : a]
        for w in dict.fromkeys(_CUE_RE.findall(before)):  # (in order: the same rows each run)
            row.append("w=" + w)
        near = s[max(item.sent_start, a - 6) : a]
        for i in range(len(near) - 1):
            row.append("bg=" + near[i : i + 2])
        for i in range(len(after) - 1):
            row.append("ag=" + after[i : i + 2])
        ls = s.rfind("\n", 0, a) + 1
        if ls not in lines:
            le = s.find("\n", a)
            le = n if le < 0 else le
            lp, la = _count(s, ls, le, _PAST), _count(s, ls, le, _AHEAD)
            lines[ls] = ["lpast=" + _len_bucket(lp), "lahead=" + _len_bucket(la), "llean=" + _lean(lp, la)]
            lines[ls] += ["hd=" + w for w in _head_words(s, ls)]
        row += lines[ls]
        row += text_f
        rows.append(row)
    return rows


def _count(s: str, a: int, b: int, words: Sequence[str]) -> int:
    return sum(s.count(w, a, b) for w in words)


def _rate(k: int, n: int) -> str:
    """``k`` words in ``n`` characters, per thousand, bucketed."""
    r = 1000 * k // max(n, 1)
    return (
        "0" if r == 0 else "5" if r < 5 else "10" if r < 10 else "20" if r < 20 else "40" if r < 40 else "99"
    )


def _lean(past: int, ahead: int) -> str:
    return "past" if past > 2 * ahead else "ahead" if ahead > 2 * past else "even" if past + ahead else "none"


def _head_words(s: str, line_start: int) -> list[str]:
    """The ``_HEAD_WORDS`` of the nearest short line without a sentence end above ``line_start`` (a
    subheading), looking up to three lines back."""
    end = line_start - 1
    for _ in range(3):
        if end <= 0:
            return []
        start = s.rfind("\n", 0, end) + 1
        line = s[start:end].strip()
        if line and len(line) <= 30 and "。" not in line:
            return [w for w in _HEAD_WORDS if w in line] or ["none"]
        end = start - 1
    return []


def _year(year: int | None, meta: Any) -> str:
    if year is None:
        return "none"
    if year == meta.plan_year:
        return "plan"
    if year == meta.review_year:
        return "review"
    return "other"


def conjoined(row: Sequence[str], kind: str) -> list[str]:
    """``row``'s features each beside the rules' kind (``t|…``, ``a|…``): what says "flip" for a target
    says "keep" for an actual fact, and a logistic model weighs features one by one."""
    k = kind[:1] + "|"
    return [k + f for f in row]


def train(docs: Sequence[tuple[Reading, Sequence[str]]], out: Path, repeat: int = 1, **params: Any) -> int:
    """Train a model on each text's rows and labels (``keep`` / ``drop`` / ``flip``, one per fact);
    write it to ``out``. A ``flip`` is learnt ``repeat`` times; ``params`` go to crfsuite. Returns the
    facts learnt from."""
    return train_rows(((instance(reading), list(labels)) for reading, labels in docs), out, repeat, **params)


def instance(reading: Reading) -> tuple[list[str], list[list[str]]]:
    """What the trainer learns from one text besides the labels: the rules' kind of each fact and its
    features."""
    return [f.kind for f in reading.facts], reading.rows


def train_rows(
    seqs: Iterable[tuple[tuple[Sequence[str], Sequence[Sequence[str]]], Sequence[str]]],
    out: Path,
    repeat: int = 1,
    **params: Any,
) -> int:
    """Train a model on each text's facts (``instance``'s kinds and rows, from texts or stored) and
    their labels; write it to ``out`` once trained (nothing is left there on failure). A ``flip`` is
    learnt ``repeat`` times; ``params`` go to crfsuite. Returns the facts learnt from."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    n = 0
    for (kinds, rows), labels in seqs:
        for kind, row, label in zip(kinds, rows, labels, strict=True):
            for _ in range(repeat if label == "flip" else 1):
                trainer.append([conjoined(row, kind)], [label])
            n += 1
    trainer.set_params({**TRAINING, **params})
    part = out.with_name(out.name + ".part")
    trainer.train(str(part))
    os.replace(part, out)
    _models.pop(out, None)  # (a model trained anew is read again)
    return n


# The feature set's version: raise it whenever ``features`` writes other features for the same facts
# (the stored training instances, ``luoshi/reports/training/*-facts.jsonl.gz``, are refused then: keep
# the old feature code path for them or regenerate them from their texts and gold).
FEATURE_VERSION = 1
FEATURE_SET = f"facts/{FEATURE_VERSION}"
