"""Cross-validate the reader's item labeller, grouped by place.

    python bench/cv_items.py CORPUS [CORPUS ...] [--folds 5] [--variants rules,shipped,...] [--list]

Each CORPUS folder holds ``texts/<doc>.txt``, ``gold/<doc>.items.json`` and ``sources.tsv`` (file, url,
title, place, …). The texts are cut into ``--folds`` folds by the ``place`` column, so that a place is
never in both the training and the test folds (places are dealt largest first to the fold with fewest
texts, ties by name: the same folds on every run). For each variant and fold, a model is trained on the
other folds (``labeller.train``, as ``luoshi train-items`` trains) and the test fold's items are scored
as ``bench/score_items.py`` scores them (its ``match``), against every gold item (those whose quote is
not in the reader's text included, as misses). Prints items F1 (P / R), F1 (P/R) per kind and F1
per fold.

``--instances FILE`` (repeatable): stored training instances (``luoshi train-items --save-instances``) are
in the training of every fold of the variants that train a model (``final frac=0``: trained on them alone).
Variants (``--list``): ``rules`` — the rules' items alone (what ``LUOSHI_ITEMS_RULES_ONLY=1`` gives);
``shipped`` — the model as shipped in the seventh round (its features, projects only, in texts without
headings of 200 characters and more), retrained per fold; ``final`` — the labeller's settings as they
are in the sources (with its second model, ``labeller.MIX_PATH``, trained per fold and mixed with the
shipped one; once the third model, ``labeller.STORED_PATH``, is there, the shipped two mixed as the reader
mixes them and the third trained per fold); ``asis`` — the model files as shipped, not retrained; ``stack`` — a stacked model
over it, trained per fold; others are ``shipped`` with words that change it ("+all lh gate=all").
Per fold: F1 of each fold and their standard deviation (sd, the fold spread); then each fold's gain
over the first variant named (its mean, their sd, on how many folds it is better).
Runs on the reader's plain Python sources (``LUOSHI_READER_PURE=1``), so that the knobs can be set.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("LUOSHI_READER_PURE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from score_items import match  # noqa: E402

KINDS = ("project", "livelihood", "task")


@dataclass
class Variant:
    """One way of reading items: the rules alone, or a model trained with these knobs."""

    model: bool = True
    groups: tuple[str, ...] = ()  # extra feature groups (``labeller.GROUPS``)
    kinds: tuple[str, ...] = ("project",)  # the kinds the model decides in passages
    elsewhere: tuple[str, ...] = ()  # … and in the other texts (``labeller.decided``)
    params: dict[str, Any] = field(default_factory=dict)  # crfsuite's, over ``labeller.TRAINING``
    drop: float = 0.97  # ``labeller.DROP``
    threshold: float = 0.5  # ``labeller.THRESHOLD``
    oracle: bool = False  # the gold's labels instead of the model's
    asis: bool = False  # the model as shipped (``labeller.MODEL_PATH``), not trained on the folds
    keep: tuple[str, ...] = ("bias",)  # ``labeller.STACK_KEEP``
    stacked: tuple[str, ...] = ("project",)  # ``labeller.STACKED``
    stack: bool = False  # a stacked model over the shipped one, trained on the folds (``labeller.opinion``)
    distil: int = 0  # each training text also learnt this many times as the shipped model labels it
    mix: float = -1.0  # ≥ 0: each unit's marginals, the shipped model's and (this weight) the fold's
    frac: float = 1.0  # < 1: trained on this share of each fold's training texts (``subset``)
    seed: int = 0  # … drawn in this order (another seed, another draw)
    third: float = -1.0  # ≥ 0: the fold's model mixed in at this weight beside the shipped two (``blended``)


ALL = ("chars", "qty", "nbr", "marks", "shape")  # (and "bi", "head", apart: ``labeller.GROUPS``)
NAMED = {"rules": "rules", "shipped": "", "final": ""}  # (final: the reader's own settings, below)


def variant(spec: str) -> Variant:
    """A variant from its name: ``rules``, ``shipped``, ``final`` (the labeller's settings as they are
    now), or ``shipped`` changed by words separated by spaces: ``+GROUP`` (or ``+all``) adds a feature
    group, ``lh`` / ``task`` let the model decide livelihood items / tasks too (``-task``, ``-project``,
    ``-livelihood``: not in passages), ``gate=all`` runs it on every text for the kinds named before,
    ``elsewhere=project+livelihood`` decides those kinds in report openings (``labeller.decided``),
    ``c1=X`` / ``c2=X`` / ``iter=N`` set crfsuite's, ``drop=X`` / ``th=X`` the decoding's thresholds;
    ``oracle …`` decodes the gold's own labels; ``asis`` runs the model file as shipped (the base model),
    untrained on the folds (held out where the corpora are new to it); ``distil=N`` trains on the folds'
    gold and on N more copies of each training text as the shipped model labels it (distillation:
    ``distilled``); ``frac=X`` trains on that share of each fold's training texts (``subset``: the
    same texts on every run, 0.25's among 0.5's; ``seed=N``, another draw: a learning curve);
    ``mix=W`` labels each unit by the shipped model's marginals mixed with the fold's model's (weight
    W: ``mixed``); ``stack`` trains a stacked model per fold whose units also carry the
    shipped model's opinion (``labeller.opinion``), and tags with the shipped model, then with it.
    ``final``, ``asis`` and ``stack`` take the same words after them (``stack keep=all stacked=all``: the
    stacked model reading all its own features too and deciding every kind)."""
    if spec == "rules":
        return Variant(model=False)
    if spec.startswith("oracle"):  # (gold labels through the decoding: what the units allow)
        v = variant(spec.replace("oracle", "shipped", 1))
        v.oracle = True
        return v
    first, *words = spec.split()
    if first in ("final", "asis", "stack"):
        from luoshi.reports.reader import labeller

        v = Variant(
            groups=tuple(labeller.FEATURES),
            kinds=tuple(labeller.LEARNED),
            elsewhere=tuple(labeller.LEARNED_ELSEWHERE),
            drop=labeller.DROP,
            threshold=labeller.THRESHOLD,
        )
        # (asis: the shipped model on every fold, a held-out figure when no fold was in its training)
        v.asis, v.stack = first == "asis", first == "stack"
        v.keep, v.stacked = tuple(labeller.STACK_KEEP), tuple(labeller.STACKED)
        # (final: a model trained on the folds mixed with the base model as the reader mixes its second
        # model, ``labeller.MIX_PATH``; asis: that second model file as shipped)
        v.mix = labeller.MIX if labeller.MIX_PATH.exists() else -1.0
        # (with the third model, ``labeller.STORED_PATH``: final retrains it per fold, asis reads its file)
        v.third = labeller.STORED_MIX if labeller.STORED_PATH.exists() and v.mix >= 0 else -1.0
    else:
        v = Variant()
        words = spec.split()[1 if first == "shipped" else 0 :]
    for word in words:
        key, _, value = word.partition("=")
        if word == "+all":
            v.groups = ALL
        elif word.startswith("+") and word[1:] in (*ALL, "bi", "head"):
            v.groups = (*v.groups, word[1:])
        elif word == "lh":
            v.kinds = (*v.kinds, "livelihood")
        elif word == "task":
            v.kinds = (*v.kinds, "task")
        elif word[1:] in KINDS and word[0] == "-":  # (-project, -task: not decided in passages)
            v.kinds = tuple(k for k in v.kinds if k != word[1:])
        elif key == "gate" and value == "all":
            v.elsewhere = v.kinds
        elif key == "elsewhere":
            v.elsewhere = tuple(k for k in value.split("+") if k)
        elif key in ("c1", "c2"):
            v.params[key] = float(value)
        elif key == "iter":
            v.params["max_iterations"] = int(value)
        elif key == "keep":  # (the stacked model's own features, by prefix: keep=bias+rB=+rI=, keep=all)
            v.keep = ("",) if value == "all" else tuple(value.split("+"))
        elif key == "stacked":  # (the kinds the stacked model decides: stacked=project+task, stacked=all)
            v.stacked = KINDS if value == "all" else tuple(value.split("+"))
        elif key == "distil":  # (the shipped model's labels of the training texts, N copies beside the gold)
            v.distil = int(value)
        elif key == "mix":  # (the shipped and the retrained models' marginals mixed, unit by unit)
            v.mix = float(value)
        elif key == "third":  # (the fold's model a third one, beside the shipped model and its second)
            v.third = float(value)
        elif key == "frac":  # (a share of the training texts: a learning curve)
            v.frac = float(value)
        elif key == "seed":
            v.seed = int(value)
        elif key == "drop":
            v.drop = float(value)
        elif key == "th":
            v.threshold = float(value)
        else:
            raise SystemExit(f"unknown word in variant {spec!r}: {word}")
    return v


def places(corpus: Path, by: str = "place") -> dict[str, str]:
    """doc → place (or the column ``by`` of sources.tsv, e.g. province), from the corpus's sources.tsv."""
    out = {}
    with (corpus / "sources.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("file"):
                out[Path(row["file"]).stem] = (row.get(by) or row.get("place") or row["file"]).strip()
                TEXT_KIND[f"{corpus.name}/{Path(row['file']).stem}"] = (row.get("kind") or "").strip()
    return out


TEXT_KIND: dict[str, str] = {}  # corpus/doc → the text's kind in sources.tsv (opening, plan, passage, full)


def load(corpora: list[Path], by: str = "place") -> list[tuple[str, str, Any, list[dict], list[dict]]]:
    """(doc, place (or the column ``by``), reading, gold placed in the reader's text, gold to score) for
    every text with gold."""
    from luoshi.reports.train_items import _placed, read_gold

    docs = []
    for corpus in corpora:
        where = places(corpus, by)
        for doc, reading, placed in read_gold(corpus / "texts", corpus / "gold"):
            items = json.loads((corpus / "gold" / f"{doc}.items.json").read_text(encoding="utf-8"))["items"]
            scored = [_placed(g, reading.text) or g for g in items]
            docs.append(
                (f"{corpus.name}/{doc}", where.get(doc, f"{corpus.name}/{doc}"), reading, placed, scored)
            )
    return docs


def folds(docs: list, k: int) -> list[int]:
    """The fold of each document: places dealt largest first to the fold with fewest texts so far."""
    count = Counter(place for _d, place, *_ in docs)
    size = [0] * k
    fold_of: dict[str, int] = {}
    for place, n in sorted(count.items(), key=lambda x: (-x[1], x[0])):
        f = min(range(k), key=lambda i: (size[i], i))
        fold_of[place] = f
        size[f] += n
    return [fold_of[place] for _d, place, *_ in docs]


def predict(v: Variant, docs: list, fold: list[int], f: int, labeller: Any, model: Path) -> list[list[Any]]:
    """The items of fold ``f``'s documents under variant ``v`` (trained on the other folds)."""
    test = [d for d, g in zip(docs, fold, strict=True) if g == f]
    if not v.model:
        return [d[2].rule_items for d in test]
    train = subset([d for d, g in zip(docs, fold, strict=True) if g != f], v.frac, v.seed)
    base = labeller.MODEL_PATH if v.stack else None
    labeller.DROP, labeller.THRESHOLD, labeller.STACK_KEEP = v.drop, v.threshold, v.keep
    labeller.STACKED = v.stacked
    if v.asis:
        model = labeller.MIX_PATH if v.mix >= 0 else labeller.MODEL_PATH
        model = labeller.STORED_PATH if v.third >= 0 else model
    elif not v.oracle:
        if v.distil:
            distilled(train, model, labeller, v)
        elif STORED and base is None:  # (the stored rounds' instances always in training)
            seqs = [x for x in (labeller.instance(r, g, v.groups) for r, g in train) if x is not None]
            labeller.train_rows(seqs + stored_rows(labeller, v.groups), model, **v.params)
        else:
            labeller.train(train, model, groups=v.groups, base=base, **v.params)
    out = []
    for _doc, _place, reading, placed, _scored in test:
        kinds = labeller.decided(reading.simple, reading.sections, v.kinds, v.elsewhere)
        if v.oracle and kinds:
            cut, _rows = labeller.features(reading.simple, reading.sections, reading.rule_items)
            labels = labeller.labels_from_gold(cut, placed)
            r = reading
            out.append(labeller.decode(r.simple, r.text, cut, labels, r.rule_items, r.part_year, kinds))
        elif kinds and v.stack:
            out.append(stacked(reading, labeller, model, kinds, v))
        elif kinds and v.third >= 0:
            out.append(blended(reading, labeller, model, kinds, v.mix, v.third))
        elif kinds and v.mix >= 0:
            out.append(mixed(reading, labeller, model, kinds, v.mix))
        elif kinds:
            out.append(labeller.judged(reading, model, kinds, v.groups))
        else:
            out.append(reading.rule_items)
    return out


STORED: list[Path] = []  # ``--instances``: stored training instances, in training on every fold


def stored_rows(labeller: Any, groups: tuple[str, ...]) -> list[tuple[list[list[str]], list[str]]]:
    """The rows and labels of the ``--instances`` files (refused when made with other features)."""
    from luoshi.reports import instances

    labels = ["O"] + [f"{p}-{k}" for k in labeller.KINDS for p in "BI"]
    out = []
    for path in STORED:
        out += [(r["rows"], r["labels"]) for r in instances.read(path, labeller.feature_set(groups), labels)]
    return out


def subset(train: list, frac: float, seed: int = 0) -> list[tuple[Any, list[dict]]]:
    """(reading, placed gold) of a share ``frac`` of the training documents: whole places, in the order
    of a hash of their names and ``seed`` (the same on every run; a smaller share is part of a larger
    one of the same seed)."""
    if frac >= 1:
        return [(d[2], d[3]) for d in train]
    order = sorted({d[1] for d in train}, key=lambda p: hashlib.md5(f"{seed} {p}".encode()).hexdigest())
    want, kept, n = frac * len(train), set(), 0
    for place in order:
        if n >= want:
            break
        kept.add(place)
        n += sum(d[1] == place for d in train)
    return [(d[2], d[3]) for d in train if d[1] in kept]


def distilled(train: list, model: Path, labeller: Any, v: Variant) -> None:
    """``labeller.train`` on the gold of ``train`` and, ``v.distil`` times more, on each text as the
    shipped model labels it (its pseudo-gold: what it learnt from texts that are gone, beside the new
    gold)."""
    import pycrfsuite

    teacher = labeller.tagger(labeller.MODEL_PATH)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for reading, gold in train:
        cut, rows = labeller.features(reading.simple, reading.sections, reading.rule_items, groups=v.groups)
        if cut:
            trainer.append(rows, labeller.labels_from_gold(cut, gold))
            pseudo = teacher.tag(rows)
            for _ in range(v.distil):
                trainer.append(rows, pseudo)
    trainer.set_params({**labeller.TRAINING, **v.params})
    trainer.train(str(model))
    labeller._taggers.pop(model, None)


def stacked(reading: Any, labeller: Any, model: Path, kinds: Any, v: Variant) -> list[Any]:
    """The items of ``reading`` as the reader labels them with the stacked model of ``model`` beside
    the shipped ones (``labeller.relabel``): the shipped model, with its second model (``MIX_PATH``)
    mixed in at ``v.mix`` when that is at least 0, then the stacked model over the shipped model's
    opinion for the kinds it decides."""
    mix = labeller.MIX_PATH if v.mix >= 0 else None
    saved, labeller.MIX = labeller.MIX, max(v.mix, 0.0)
    try:
        return labeller.judged(reading, labeller.MODEL_PATH, kinds, v.groups, stack=model, mix=mix)
    finally:
        labeller.MIX = saved


def mixed(reading: Any, labeller: Any, model: Path, kinds: Any, w: float) -> list[Any]:
    """The items of ``reading`` labelled unit by unit from the mixed marginals of the shipped model
    (1 - ``w``) and the model of ``model`` (``w``), as the reader labels them with its second model
    (``labeller.tag``, with its fallback to the rules)."""
    t1, t2 = labeller.tagger(labeller.MODEL_PATH), labeller.tagger(model)
    if model != labeller.MIX_PATH:
        labeller._taggers.pop(model, None)  # (the fold's model file is rewritten for the next fold)
    cut, rows = labeller.features(reading.simple, reading.sections, reading.rule_items)
    if not cut:
        return reading.rule_items
    saved, labeller.MIX = labeller.MIX, w
    try:
        labels = labeller.tag(t1, rows, kinds, t2)
    finally:
        labeller.MIX = saved
    r = reading
    items = labeller.decode(r.simple, r.text, cut, labels, r.rule_items, r.part_year, kinds)
    return sorted(items, key=lambda i: i.start)


def blended(reading: Any, labeller: Any, model: Path, kinds: Any, w2: float, w3: float) -> list[Any]:
    """The items of ``reading`` labelled from three models' marginals: the shipped model, its second
    model (``MIX_PATH``, weight ``w2``) and the fold's model (weight ``w3``), as the reader mixes in its
    third model (``labeller.Blend``; ``asis``: the third model's file, ``STORED_PATH``)."""
    t1, t2, t3 = (
        labeller.tagger(labeller.MODEL_PATH),
        labeller.tagger(labeller.MIX_PATH),
        labeller.tagger(model),
    )
    if model != labeller.STORED_PATH:
        labeller._taggers.pop(model, None)  # (the fold's model file is rewritten for the next fold)
    cut, rows = labeller.features(reading.simple, reading.sections, reading.rule_items)
    if not cut:
        return reading.rule_items
    labels = labeller.tag(t1, rows, kinds, labeller.Blend(t2, w2, t3, w3), w2 + w3)
    r = reading
    items = labeller.decode(r.simple, r.text, cut, labels, r.rule_items, r.part_year, kinds)
    return sorted(items, key=lambda i: i.start)


def prf(g: int, p: int, h: int) -> tuple[float, float, float]:
    prec, rec = (h / p if p else 0.0), (h / g if g else 0.0)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _f1pr(g: int, p: int, h: int) -> str:
    """F1 (P/R) of a kind, short: ``.736 (.70/.77)``."""
    prec, rec, f1 = prf(g, p, h)
    return f"{f1:.3f}".removeprefix("0") + f" ({prec:.2f}/{rec:.2f})".replace("0.", ".")


def run(
    v: Variant, docs: list, fold: list[int], k: int, labeller: Any, dump: Any = None
) -> tuple[Counter, list[float]]:
    totals: Counter = Counter()
    per_fold = []
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "cv.crfsuite"
        for f in range(k):
            test = [d for d, g in zip(docs, fold, strict=True) if g == f]
            fc: Counter = Counter()
            for d, items in zip(test, predict(v, docs, fold, f, labeller, model), strict=True):
                pred = [
                    {"name": i.name, "kind": i.kind, "quote": i.quote, "start": i.start, "end": i.end}
                    for i in items
                ]
                where = "passage" if labeller.passage(d[2].simple, d[2].sections) else "headed"
                text_kind = "k=" + (TEXT_KIND.get(d[0]) or "?")
                for kind in KINDS:
                    g = [x for x in d[4] if x["kind"] == kind]
                    p = [x for x in pred if x["kind"] == kind]
                    hits, missed, extra = match(g, p)
                    if dump is not None:
                        for x in missed:
                            print(f"{d[0]} MISSED {kind} {x['name']} | {x['quote'][:60]}", file=dump)
                        for x in extra:
                            print(f"{d[0]} EXTRA  {kind} {x['name']} | {x['quote'][:60]}", file=dump)
                    fc[kind, "gold"] += len(g)
                    fc[kind, "pred"] += len(p)
                    fc[kind, "hit"] += hits
                    fc[where, "gold"] += len(g)
                    fc[where, "pred"] += len(p)
                    fc[where, "hit"] += hits
                    for x, n in (("gold", len(g)), ("pred", len(p)), ("hit", hits)):
                        fc[text_kind, x] += n
            totals += fc
            per_fold.append(prf(*(sum(fc[kk, x] for kk in KINDS) for x in ("gold", "pred", "hit")))[2])
    return totals, per_fold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", type=Path, nargs="*")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--by", default="place", help="the sources.tsv column the folds are grouped by (place; province)"
    )
    ap.add_argument("--variants", default="rules,shipped,final", help="comma-separated (see --list)")
    ap.add_argument("--list", action="store_true", help="how variants are named")
    ap.add_argument("--dump", type=Path, help="write each variant's misses and extras to DUMP.<n>.txt")
    ap.add_argument(
        "--instances",
        type=Path,
        action="append",
        default=[],
        help="stored training instances (luoshi train-items --save-instances) in training on every fold",
    )
    args = ap.parse_args(argv)
    STORED[:] = args.instances
    if args.list or not args.corpora:
        print(variant.__doc__)
        return 0
    from luoshi.reports.reader import _compiled, labeller

    t0 = time.time()
    docs = load(args.corpora, args.by)
    fold = folds(docs, args.folds)
    sizes = Counter(fold)
    gold_n = sum(len(d[4]) for d in docs)
    by_kind = Counter(x["kind"] for d in docs for x in d[4])
    print(
        f"{len(docs)} texts, {len({d[1] for d in docs})} places, {gold_n} gold items "
        + "("
        + ", ".join(f"{k} {by_kind[k]}" for k in KINDS)
        + "); folds of "
        + " ".join(str(sizes[f]) for f in range(args.folds))
        + f" texts; reader {_compiled.status['reader']}; read in {time.time() - t0:.0f} s"
    )
    n_passages = sum(labeller.passage(d[2].simple, d[2].sections) for d in docs)
    headed = [len(d[2].simple) for d in docs if d[2].sections]
    print(
        f"{n_passages} passages (no headings, ≥ {labeller.MIN_LENGTH} characters), {len(docs) - n_passages} others;"
        f" {sum(n > labeller.MAX_HEADED for n in headed)} texts with headings over MAX_HEADED"
        f" ({labeller.MAX_HEADED}), the longest {max(headed, default=0)} characters; by sources.tsv kind: "
        + ", ".join(f"{k} {n}" for k, n in sorted(Counter(TEXT_KIND.get(d[0]) or "?" for d in docs).items()))
    )
    print(
        f"| variant | items F1 (P / R) | {' | '.join(KINDS)} | passages | others | by text kind | folds |"
        " gain per fold over the first variant |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    first: list[float] = []  # (the first variant's F1 per fold: the others' gains are against it)
    saved = (labeller.DROP, labeller.THRESHOLD, labeller.STACK_KEEP, labeller.STACKED)
    for n, name in enumerate(args.variants.split(",")):
        t1 = time.time()
        dump = open(f"{args.dump}.{n}.txt", "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
        totals, per_fold = run(variant(name), docs, fold, args.folds, labeller, dump)
        if dump is not None:
            dump.close()
        labeller.DROP, labeller.THRESHOLD, labeller.STACK_KEEP, labeller.STACKED = saved
        g, p, h = (sum(totals[k, x] for k in KINDS) for x in ("gold", "pred", "hit"))
        prec, rec, f1 = prf(g, p, h)
        kinds = " | ".join(_f1pr(*(totals[k, x] for x in ("gold", "pred", "hit"))) for k in KINDS)
        kinds += " | " + " | ".join(
            f"{prf(*(totals[w, x] for x in ('gold', 'pred', 'hit')))[2]:.3f}" for w in ("passage", "headed")
        )
        text_kinds = sorted(k for k, x in totals if k.startswith("k=") and x == "gold")
        kinds += " | " + " ".join(
            f"{k[2:]} {prf(*(totals[k, x] for x in ('gold', 'pred', 'hit')))[2]:.3f}" for k in text_kinds
        )
        folds_s = " ".join(f"{x:.3f}"[1:] for x in per_fold) + f" (sd {statistics.pstdev(per_fold):.3f})"
        first = first or per_fold
        gains = [a - b for a, b in zip(per_fold, first, strict=True)]
        gains_s = " ".join(f"{x:+.3f}" for x in gains) + (
            f" (mean {statistics.mean(gains):+.4f}, sd {statistics.pstdev(gains):.4f},"
            f" better on {sum(x > 0 for x in gains)})"
        )
        print(
            f"| {name} | {f1:.3f} ({prec:.3f} / {rec:.3f}) | {kinds} | {folds_s} | {gains_s} |"
            f"  ({time.time() - t1:.0f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
