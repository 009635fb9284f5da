"""Audit the reader's facts and cross-validate its learned second opinion on them, grouped by place.

    python bench/cv_facts.py CORPUS [CORPUS ...] [--folds 5] [--by province] [--audit] [--variants ...]

Each CORPUS folder holds ``texts/<doc>.txt``, ``gold/<doc>.json`` (facts, ``shared/eval/SCHEMA.md``)
and ``sources.tsv`` (file, place, province, kind …). The shared gold (the seeds and the openings,
``LUOSHI_SHARED_DIR`` or ``../shared``) is read too: always in training, never tested (the rules were
written on it). Every text is read once by the reader with the rules alone (``factcheck.recording``).

``--audit`` counts the rules' errors by type and by text kind (the ``kind`` column: opening, plan,
passage): full matches (score.py: kind, measure, unit and value agree, metrics overlap), matches whose
metric does not overlap, a fact read at a gold fact's number with the wrong kind, measure, unit or
value, false positives (numbers the gold does not count) and false negatives.

Cross-validation: the texts are cut into ``--folds`` folds by ``--by`` (province by default; groups
dealt largest first to the fold with fewest texts, ties by name: the same folds on every run). For
each fold a model is trained (``factcheck.train``) on the other folds and the shared gold, with the
labels score.py's matching gives the rules' facts (``keep``: a full match; ``flip``: a full match with
the other kind; ``drop``: neither), and the fold's facts are judged by it (``factcheck.apply``). Prints
full F1 (P/R) of the rules and of each variant, pooled and per fold, with each fold's gain.

Variants (comma-separated): ``rules``; ``model`` (a model trained per fold, the factcheck settings as
they are); ``shipped`` (the reader's own model, ``factcheck.MODEL_PATH``, the same on every fold: on texts
it never saw, a held-out figure as it is); ``asis`` (the reader as it ships: that model and its second
model, ``factcheck.MIX_PATH``, mixed at ``factcheck.MIX``, or ``mix=X``); words change them: ``mix=X`` (the model trained per fold
mixed with the shipped one, weight X to the former: ``factcheck.Mixed``; ``mix=0`` is the shipped model
alone), ``repeat=N`` (each ``flip`` learnt N times), ``drop=X`` / ``flip=X`` (thresholds; ``flip=2`` never flips), ``c1=X`` / ``c2=X``,
``gate=all`` (every text, reports to the deputies and long texts too), ``gate=passage`` (texts without
headings) or ``gate=headed``, ``gate=N`` (texts no longer than N characters that are not a report's
own); ``-shared`` leaves the shared gold out of training. ``--instances FILE`` (repeatable): stored training
instances (``luoshi train-facts --save-instances``), in training on every fold of ``model`` variants.

``--by corpus --folds 2`` over four corpora of equal size deals them alternately (the first and third
against the second and fourth): a model trained on one half and tested on the other.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
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
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("LUOSHI_SHARED_DIR") or ROOT / ".." / "shared")


def _score_module() -> Any:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        raise SystemExit(f"score.py not found at {path} (set LUOSHI_SHARED_DIR)")
    spec = importlib.util.spec_from_file_location("facts_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _score_module()


@dataclass
class Doc:
    name: str
    group: str  # the place (or province) it is held out by; "" for the shared gold (training only)
    kind: str  # sources.tsv's kind: opening, plan, passage (shared: seed, opening)
    text: str
    reading: Any  # factcheck.Reading, or None when the rules found no fact
    gold: list[dict]
    labels: list[str] = field(default_factory=list)


def read(path: Path) -> tuple[str, Any]:
    from luoshi.reports.reader import factcheck, parse

    with factcheck.recording() as seen:
        report = parse(path)
    reading = seen[0] if seen else None
    if reading is not None:
        assert [id(f) for f in reading.facts] == [id(f) for f in report.facts]
    else:
        assert not report.facts
    return report.text, reading


def load(corpora: list[Path], by: str) -> list[Doc]:
    docs = []
    for corpus in corpora:
        with (corpus / "sources.tsv").open(encoding="utf-8") as f:
            rows = {Path(r["file"]).stem: r for r in csv.DictReader(f, delimiter="\t") if r.get("file")}
        for gpath in sorted((corpus / "gold").glob("*.json")):
            if gpath.name.endswith(".items.json"):
                continue
            doc = gpath.stem
            src = corpus / "texts" / f"{doc}.txt"
            if not src.exists() or doc not in rows:
                continue
            row = rows[doc]
            text, reading = read(src)
            gold = json.loads(gpath.read_text(encoding="utf-8")).get("facts", [])
            group = corpus.name if by == "corpus" else (row.get(by) or row.get("place") or doc).strip()
            docs.append(
                Doc(f"{corpus.name}/{doc}", group, (row.get("kind") or "?").strip(), text, reading, gold)
            )
    for texts, gold_dir, kind in (
        (SHARED / "seeds", SHARED / "eval" / "gold", "seed"),
        (SHARED / "seeds" / "openings", SHARED / "eval" / "gold-openings", "shared-opening"),
    ):
        for src in sorted(texts.glob("*.txt")):
            gpath = gold_dir / f"{src.stem}.json"
            if gpath.exists():
                text, reading = read(src)
                gold = json.loads(gpath.read_text(encoding="utf-8")).get("facts", [])
                docs.append(Doc(f"shared/{src.stem}", "", kind, text, reading, gold))
    for d in docs:
        d.labels = labels(d)
    return docs


def facts_of(d: Doc) -> list[dict]:
    from luoshi.reports.train_facts import as_dict

    return [as_dict(f) for f in d.reading.facts] if d.reading is not None else []


def full_matches(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, j in score.match(pred, gold)
        if score.dice(pred[i]["metric"], gold[j].get("metric")) >= 0.5
    ]


def labels(d: Doc) -> list[str]:
    """keep / flip / drop for each of the rules' facts of ``d`` (``luoshi train-facts``'s labels)."""
    from luoshi.reports.train_facts import labels as gold_labels

    return gold_labels(d.reading, d.gold) if d.reading is not None else []


# ---------------------------------------------------------------------------------------------- audit


def _span(text: str, quote: str) -> tuple[int, int] | None:
    k = text.find(quote) if quote else -1
    return (k, k + len(quote)) if k >= 0 else None


def audit_doc(d: Doc, c: Counter) -> None:
    pred = facts_of(d)
    gold = d.gold
    m = score.match(pred, gold)
    k = d.kind
    c[k, "gold"] += len(gold)
    c[k, "pred"] += len(pred)
    full = 0
    for i, j in m:
        if score.dice(pred[i]["metric"], gold[j].get("metric")) >= 0.5:
            full += 1
        else:
            c[k, "metric"] += 1
    c[k, "full"] += full
    up = [i for i in range(len(pred)) if i not in {i for i, _ in m}]
    ug = [j for j in range(len(gold)) if j not in {j for _, j in m}]
    spans_p = {i: (d.reading.facts[i].start, d.reading.facts[i].end) for i in up}
    spans_g = {j: _span(d.text, gold[j].get("quote") or "") for j in ug}

    def near(i: int, j: int) -> bool:
        a, b = spans_p[i], spans_g[j]
        if b is not None:
            return a[0] < b[1] and b[0] < a[1]
        return score.dice(pred[i]["quote"], gold[j].get("quote")) >= 0.5

    def same(field_: str, p: dict, g: dict) -> bool:
        if field_ == "value":
            return score.same_value(p["value"], g.get("value"))
        if field_ == "unit":
            return score.norm_unit(p["unit"]) == score.norm_unit(g.get("unit"))
        return p[field_] == g.get(field_)

    fields_ = ("kind", "measure", "unit", "value")
    # a fact read at a gold fact's number, wrong in one field (then in more)
    for wrong in (1, 2, 3):
        for i in list(up):
            for j in ug:
                p, g = pred[i], gold[j]
                bad = [f for f in fields_ if not same(f, p, g)]
                if len(bad) == wrong and near(i, j) and (wrong < 3 or "value" not in bad):
                    c[k, "wrong " + "+".join(bad)] += 1
                    up.remove(i)
                    ug.remove(j)
                    break
    c[k, "FP"] += len(up)
    c[k, "FN"] += len(ug)
    if _dump is not None:
        for i in up:
            p = pred[i]
            print(
                f"{d.name} [{k}] FP {p['kind']}/{p['measure']} {p['metric']} = {p['value']} {p['unit']} | {p['quote']}",
                file=_dump,
            )
        for j in ug:
            g = gold[j]
            print(
                f"{d.name} [{k}] FN {g.get('kind')}/{g.get('measure')} {g.get('metric')} = {g.get('value')} {g.get('unit')} | {g.get('quote')}",
                file=_dump,
            )


_dump: Any = None


def audit(docs: list[Doc]) -> None:
    c: Counter = Counter()
    for d in docs:
        if d.group:
            audit_doc(d, c)
    kinds = sorted({k for k, _ in c})
    types = ["metric"] + sorted({t for _, t in c if t.startswith("wrong ")}) + ["FP", "FN"]
    print("| text kind | texts | gold | rules' facts | full F1 (P/R) | " + " | ".join(types) + " |")
    print("|---" * (5 + len(types)) + "|")
    for (_kind, t), n in list(c.items()):
        c["all", t] += n
    for k in [*kinds, "all"]:
        g, p, h = c[k, "gold"], c[k, "pred"], c[k, "full"]
        pr, rc, f1 = score.prf(h, p, g)
        n = sum(1 for d in docs if d.group and (d.kind == k or k == "all"))
        print(
            f"| {k} | {n} | {g} | {p} | {f1:.3f} ({pr:.2f}/{rc:.2f}) | "
            + " | ".join(str(c[k, t]) for t in types)
            + " |"
        )
    lab = Counter((d.kind, x) for d in docs if d.group for x in d.labels)
    print(
        "labels of the rules' facts (keep/flip/drop) by text kind: "
        + "; ".join(f"{k} {lab[k, 'keep']}/{lab[k, 'flip']}/{lab[k, 'drop']}" for k in kinds)
    )


# ------------------------------------------------------------------------------------------------ CV


@dataclass
class Variant:
    model: bool = True
    drop: float = -1.0
    flip: float = -1.0
    gate: str = "model"  # model: factcheck.decided; all; passage: no headings; headed: headings
    params: dict[str, Any] = field(default_factory=dict)
    shared: bool = True  # the shared gold in training
    mix: float | None = None  # the weight of the model trained per fold, mixed with the shipped one
    asis: bool = False  # the shipped second model (``factcheck.MIX_PATH``) mixed in, not one trained per fold


def variant(spec: str) -> Variant:
    if spec == "rules":
        return Variant(model=False)
    first, *words = spec.split()
    if first not in ("model", "shipped", "asis"):
        raise SystemExit(f"unknown variant {spec!r}")
    if first == "asis":  # (the reader's two models as shipped: held out where the corpora are new to both)
        from luoshi.reports.reader import factcheck

        v = Variant(mix=factcheck.MIX, asis=True)
    else:
        v = Variant(mix=0.0 if first == "shipped" else None)
    for word in words:
        key, _, value = word.partition("=")
        if key in ("drop", "flip", "mix"):
            setattr(v, key, float(value))
        elif key in ("c1", "c2"):
            v.params[key] = float(value)
        elif key == "repeat":
            v.params[key] = int(value)
        elif key == "gate":
            v.gate = value
        elif word == "-shared":
            v.shared = False
        else:
            raise SystemExit(f"unknown word in variant {spec!r}: {word}")
    return v


def folds(docs: list[Doc], k: int) -> dict[str, int]:
    count = Counter(d.group for d in docs if d.group)
    size = [0] * k
    fold_of: dict[str, int] = {}
    for group, n in sorted(count.items(), key=lambda x: (-x[1], x[0])):
        f = min(range(k), key=lambda i: (size[i], i))
        fold_of[group] = f
        size[f] += n
    return fold_of


def _gated(v: Variant, d: Doc) -> bool:
    sec = any(x == "sec=y" for x in d.reading.rows[0])
    if v.gate == "model":
        return bool(d.reading.judged)
    if v.gate == "all":
        return True
    if v.gate.isdigit():  # factcheck.decided with another length
        return len(d.reading.simple) <= int(v.gate) and not (sec and "dep=y" in d.reading.rows[0])
    return (v.gate == "passage" and not sec) or (v.gate == "headed" and sec)


def predicted(v: Variant, d: Doc, t: Any) -> list[dict]:
    """The facts of ``d`` as variant ``v`` gives them (the rules' facts copied, then judged)."""
    from luoshi.reports.reader import factcheck
    from luoshi.reports.reader.model import Fact
    from luoshi.reports.train_facts import as_dict

    if d.reading is None:
        return []
    facts = [Fact(*(getattr(f, x) for x in Fact.__slots__)) for f in d.reading.facts]
    if v.model and _gated(v, d):
        facts = factcheck.apply(t, facts, d.reading.rows, v.drop, v.flip)
    return [as_dict(f) for f in facts]


stored: list[dict[str, Any]] = []  # ``--instances``: stored training instances, in training on every fold


def run(
    v: Variant, docs: list[Doc], fold_of: dict[str, int], k: int
) -> tuple[Counter, list[tuple[float, int, int, int]]]:
    from luoshi.reports.reader import factcheck

    totals: Counter = Counter()
    per_fold = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cv.crfsuite"
        shipped = factcheck.tagger(factcheck.MODEL_PATH) if v.mix is not None else None
        if v.mix is not None and shipped is None:
            raise SystemExit(f"no shipped model at {factcheck.MODEL_PATH}")
        for f in range(k):
            t: Any = None
            if v.mix == 0.0:
                t = shipped
            elif v.asis:
                second = factcheck.tagger(factcheck.MIX_PATH)
                if second is None:
                    raise SystemExit(f"no second model at {factcheck.MIX_PATH}")
                t = factcheck.Mixed(shipped, second, v.mix)
            elif v.model:
                train = [
                    (d.reading, d.labels)
                    for d in docs
                    if d.reading is not None
                    and ((d.group and fold_of[d.group] != f) or (not d.group and v.shared))
                ]
                seqs = [(factcheck.instance(r), list(lab)) for r, lab in train]
                seqs += [((x["kinds"], x["rows"]), x["labels"]) for x in stored]
                factcheck.train_rows(seqs, path, **v.params)
                t = factcheck.tagger(path)
                if v.mix is not None:
                    t = factcheck.Mixed(shipped, t, v.mix)
            fc: Counter = Counter()
            for d in docs:
                if not d.group or fold_of[d.group] != f:
                    continue
                pred = predicted(v, d, t)
                h = len(full_matches(pred, d.gold))
                for key in ("all", d.kind):
                    fc[key, "gold"] += len(d.gold)
                    fc[key, "pred"] += len(pred)
                    fc[key, "hit"] += h
            totals += fc
            g, p, h = fc["all", "gold"], fc["all", "pred"], fc["all", "hit"]
            per_fold.append((score.prf(h, p, g)[2], g, p, h))
    return totals, per_fold


def main(argv: list[str] | None = None) -> int:
    global _dump
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--by",
        default="province",
        help="the sources.tsv column the folds are grouped by (corpus: one fold a corpus)",
    )
    ap.add_argument("--audit", action="store_true", help="count the rules' errors by type and text kind")
    ap.add_argument("--dump", type=Path, help="with --audit: write the false positives and negatives here")
    ap.add_argument("--variants", default="rules,model", help="comma-separated (see the docstring)")
    ap.add_argument(
        "--instances",
        type=Path,
        action="append",
        default=[],
        help="stored training instances (luoshi train-facts --save-instances) in training on every fold",
    )
    args = ap.parse_args(argv)
    from luoshi.reports import instances
    from luoshi.reports.reader import factcheck

    for path in args.instances:
        stored.extend(instances.read(path, factcheck.FEATURE_SET, list(factcheck.LABELS), kinds=True))
    t0 = time.time()
    docs = load(args.corpora, args.by)
    held = [d for d in docs if d.group]
    print(
        f"{len(held)} texts held out by {args.by} ({len({d.group for d in held})} groups; "
        + ", ".join(f"{k} {n}" for k, n in sorted(Counter(d.kind for d in held).items()))
        + f"), {len(docs) - len(held)} shared texts in training; read in {time.time() - t0:.0f} s"
    )
    if args.audit:
        _dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
        audit(docs)
        if _dump is not None:
            _dump.close()
    if not args.variants:
        return 0
    fold_of = folds(docs, args.folds)
    sizes = Counter(fold_of[d.group] for d in held)
    print(
        "folds of "
        + " ".join(str(sizes[f]) for f in range(args.folds))
        + " texts: "
        + "; ".join(",".join(sorted(g for g, f in fold_of.items() if f == ff)) for ff in range(args.folds))
    )
    kinds = sorted({d.kind for d in held})
    print(
        "| variant | full F1 (P / R) | " + " | ".join(kinds) + " | per fold | gain per fold over the first |"
    )
    print("|---|---|" + "---|" * len(kinds) + "---|---|")
    first: list[float] = []
    for name in args.variants.split(","):
        t1 = time.time()
        totals, per_fold = run(variant(name), docs, fold_of, args.folds)
        pr, rc, f1 = score.prf(totals["all", "hit"], totals["all", "pred"], totals["all", "gold"])
        by_kind = " | ".join(
            f"{score.prf(totals[k, 'hit'], totals[k, 'pred'], totals[k, 'gold'])[2]:.3f}" for k in kinds
        )
        fs = [x[0] for x in per_fold]
        first = first or fs
        gains = [a - b for a, b in zip(fs, first, strict=True)]
        print(
            f"| {name} | {f1:.4f} ({pr:.3f} / {rc:.3f}) | {by_kind} | "
            + " ".join(f"{x:.3f}" for x in fs)
            + f" (sd {statistics.pstdev(fs):.3f}) | "
            + " ".join(f"{x:+.3f}" for x in gains)
            + f" (min {min(gains):+.3f}, better on {sum(x > 0 for x in gains)}) | ({time.time() - t1:.0f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
