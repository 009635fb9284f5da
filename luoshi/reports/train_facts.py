"""``luoshi train-facts``: train the reader's second opinion on its facts from texts and gold facts.

``luoshi train-facts TEXTS GOLD`` or ``luoshi train-facts --corpus DIR [--corpus DIR …]`` (each DIR
holding ``texts/`` and ``gold/``), with ``--pair TEXTS GOLD`` for more folders of texts and gold. Gold is one ``<doc>.json`` per text in the evaluation schema (``facts``:
kind, measure, metric, value, unit, quote …). Each text is read by the reader with the rules alone; each
fact the rules give is labelled by the gold as the evaluation matches facts (kind, measure, unit and
value agree, metrics overlap): ``keep`` when it matches, ``flip`` when it would with the other kind
(target / actual), ``drop`` otherwise; the model (``reader.factcheck``) learns those labels from the
fact's features. The default output replaces the model the reader loads; ``--out`` with the reader's
``facts-mix.crfsuite`` writes the second model it mixes in (``reader.factcheck.MIX_PATH``).

Training data that stays: ``--save-instances FILE`` writes what the trainer learns from each text
(the rules' kind, features and label of each fact; no text, no names, no offsets; ``--tag`` names the
round) to FILE, gzip-compressed JSON Lines, and trains no model unless ``--out`` is given;
``--instances FILE`` (repeatable) learns from such files, alone or with texts and gold. A file made
with another feature set, or with a corrupt line, is refused (file and line named) before any
training. The files of past rounds are kept in ``luoshi/reports/training/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from luoshi.reports import instances
from luoshi.reports.cli import INPUT_SUFFIXES
from luoshi.reports.reader import factcheck, parse
from luoshi.reports.train_items import add_training_data, load_instances, save, tag_of, training_pairs

_UNIT_ALIASES = {"％": "%", "千米": "公里", "万元": "元", "亿元": "元"}

# Traditional and simplified forms compare equal, as the evaluation compares them, with OpenCC's t2s
# converter, made on first use (``_converter``): making it reads OpenCC's dictionaries, ≈ 50 M
# instructions that every ``luoshi`` command (``luoshi parse`` too) paid at start when it was made here.
_T2S: Any = None
_T2S_TRIED = False


def _converter() -> Any:
    """OpenCC's t2s converter, or None without OpenCC (the reader's own table then serves)."""
    global _T2S, _T2S_TRIED
    if not _T2S_TRIED:
        _T2S_TRIED = True
        try:
            import opencc

            _T2S = opencc.OpenCC("t2s")
        except Exception:  # noqa: BLE001 - without it the reader's own table serves
            _T2S = None
    return _T2S


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "train-facts",
        help="train the reader's second opinion on its facts from texts and gold facts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_training_data(parser, "folder of gold facts (<doc>.json)")
    parser.add_argument("--out", type=Path, help="model file (default: the reader's own)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pairs = training_pairs(args)
    if pairs is None:
        return 2
    stored = load_instances(args.instances, factcheck.FEATURE_SET, list(factcheck.LABELS), kinds=True)
    if stored is None:
        return 2
    docs = [d for texts, gold in pairs for d in read_gold(texts, gold)]
    if pairs and not docs:
        print(f"no gold with a text found in {', '.join(str(g) for _t, g in pairs)}", file=sys.stderr)
        return 1
    seqs = [(factcheck.instance(reading), labels(reading, gold)) for _doc, reading, gold in docs]
    if args.save_instances:
        if not docs:
            print("--save-instances writes the instances of texts and gold: give some", file=sys.stderr)
            return 2
        pairs_of = [(rows, lab) for (_kinds, rows), lab in seqs]
        kinds = [k for (k, _rows), _lab in seqs]
        save(args, instances.records(tag_of(args), factcheck.FEATURE_SET, pairs_of, kinds))
        if args.out is None:
            return 0
    seqs += [((r["kinds"], r["rows"]), r["labels"]) for r in stored]
    out = args.out or factcheck.MODEL_PATH
    n = factcheck.train_rows(seqs, out)
    print(
        f"trained on {len(seqs)} texts ({len(stored)} of them stored), {n} facts: {out} ({out.stat().st_size} bytes)"
    )
    return 0


def read(source: Path) -> factcheck.Reading | None:
    """What the model reads of a text: the rules' facts and their features (None: no fact)."""
    with factcheck.recording() as seen:
        parse(source)
    return seen[0] if seen else None


def read_gold(texts: Path, gold_dir: Path) -> list[tuple[str, factcheck.Reading, list[dict[str, Any]]]]:
    """(doc, what the model reads of its text, its gold facts) for each gold file with a text in which
    the rules find facts."""
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name.endswith(".items.json"):
            continue
        source = next(
            (texts / (path.stem + s) for s in INPUT_SUFFIXES if (texts / (path.stem + s)).exists()), None
        )
        if source is None:
            continue
        reading = read(source)
        if reading is not None:
            out.append((path.stem, reading, json.loads(path.read_text(encoding="utf-8")).get("facts", [])))
    return out


# --- the evaluation's matching rule (a fact matches a gold fact when kind, measure, unit and value agree;
# each gold fact is matched once, the pairs whose metric and quote agree most first; a full match also
# needs the metrics to overlap)


def _simplified(text: str) -> str:
    if not text:
        return text
    t2s = _converter()
    if t2s is not None:
        return t2s.convert(text)
    from luoshi.reports.reader.chars import simplify

    return simplify(text)


def _unit(u: str | None) -> str:
    u = _simplified((u or "").strip())
    return _UNIT_ALIASES.get(u, u)


def dice(a: str | None, b: str | None) -> float:
    a, b = _simplified(a or ""), _simplified(b or "")
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def _same_value(x: Any, y: Any) -> bool:
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return x == y or abs(x - y) <= 1e-3 * max(abs(x), abs(y))


def key_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return (
        p.get("kind") == g.get("kind")
        and p.get("measure") == g.get("measure")
        and _unit(p.get("unit")) == _unit(g.get("unit"))
        and _same_value(p.get("value"), g.get("value"))
    )


def full_matches(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The (pred, gold) pairs the evaluation counts as full matches."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if key_ok(p, g):
                pairs.append(
                    (
                        dice(p.get("metric"), g.get("metric")) + 0.5 * dice(p.get("quote"), g.get("quote")),
                        i,
                        j,
                    )
                )
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _score, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        if dice(pred[i].get("metric"), gold[j].get("metric")) >= 0.5:
            out.append((i, j))
    return out


def as_dict(f: Any) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "measure": f.measure,
        "metric": f.metric,
        "value": f.value,
        "unit": f.unit,
        "quote": f.quote,
    }


def labels(reading: factcheck.Reading, gold: list[dict[str, Any]]) -> list[str]:
    """``keep`` / ``flip`` / ``drop`` for each of the rules' facts of ``reading`` (see the module's
    docstring): a fact that matches no gold fact fully but would with the other kind, among the gold
    facts left unmatched, is a ``flip``."""
    pred = [as_dict(f) for f in reading.facts]
    full = full_matches(pred, gold)
    kept = {i for i, _ in full}
    taken = {j for _, j in full}
    left = [g for j, g in enumerate(gold) if j not in taken]
    out = []
    for i, p in enumerate(pred):
        if i in kept:
            out.append("keep")
            continue
        q = {**p, "kind": "actual" if p["kind"] == "target" else "target"}
        if any(key_ok(q, g) and dice(q["metric"], g.get("metric")) >= 0.5 for g in left):
            out.append("flip")
        else:
            out.append("drop")
    return out
