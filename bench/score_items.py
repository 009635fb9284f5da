"""Score the reader's named items (projects, livelihood projects, key tasks) against gold items.

    python bench/score_items.py GOLD_DIR PRED_DIR [--verbose] [--errors]

GOLD_DIR holds ``<doc>.items.json`` ({"doc", "items": [{name, kind, part, year, quote, start, end}]});
PRED_DIR holds the reader's JSON per document (``luoshi parse --out``), ``<doc>.json``. A predicted
item matches a gold item of the same kind when their quote spans overlap, or when their names
overlap (character Dice >= 0.5, or one contains the other); each gold item matches at most once.
``--errors`` counts the misses and extras by type (``error_type``): the same work with another kind, the
same span and kind with a name too unlike the gold's, or missed / spurious outright.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path


def dice(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    ca, cb = Counter(a), Counter(b)
    return 2 * sum((ca & cb).values()) / (len(a) + len(b))


def _same(g: dict, p: dict) -> bool:
    if g.get("kind") != p.get("kind"):
        return False
    if dice(g.get("name") or "", p.get("name") or "") >= 0.5:
        return True
    gs, ge, ps, pe = g.get("start"), g.get("end"), p.get("start"), p.get("end")
    if None in (gs, ge, ps, pe):
        return False
    return min(ge, pe) > max(gs, ps) and dice(g.get("name") or "", p.get("quote") or "") >= 0.5


def match(gold: list[dict], pred: list[dict]) -> tuple[int, list[dict], list[dict]]:
    used: set[int] = set()
    hits, missed = 0, []
    for g in gold:
        k = next((j for j, p in enumerate(pred) if j not in used and _same(g, p)), None)
        if k is None:
            missed.append(g)
        else:
            used.add(k)
            hits += 1
    return hits, missed, [p for j, p in enumerate(pred) if j not in used]


def _spans_overlap(a: dict, b: dict) -> bool:
    s = (a.get("start"), a.get("end"), b.get("start"), b.get("end"))
    return None not in s and min(s[1], s[3]) > max(s[0], s[2])  # type: ignore[type-var]


def error_type(item: dict, others: list[dict]) -> str:
    """Why ``item`` (a gold item missed, or a predicted one left over) found no match among ``others``
    (the other side's items of every kind, in the same document): ``kind`` when one of another kind
    matches it bar the kind; ``name`` when one of its kind overlaps its span (or its name) but the names
    are too unlike (too long, too short, cut elsewhere); else ``none`` (missed, or spurious)."""
    for o in others:
        if o.get("kind") != item.get("kind") and _same({**o, "kind": item.get("kind")}, item):
            return "kind"
    for o in others:
        if o.get("kind") == item.get("kind") and (
            _spans_overlap(o, item) or (o.get("name") or "x") in (item.get("quote") or "")
        ):
            return "name"
    return "none"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--errors", action="store_true", help="count misses and extras by type, by kind")
    ap.add_argument("--sources", type=Path, help="a sources.tsv (file … kind): items F1 per kind of text too")
    args = ap.parse_args(argv)
    text_kind: dict[str, str] = {}
    if args.sources:
        with args.sources.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("file"):
                    text_kind[Path(row["file"]).stem] = (row.get("kind") or "?").strip()
    totals: Counter = Counter()
    errors: Counter = Counter()
    by_text: Counter = Counter()  # (kind of text, gold/pred/hit)
    for gpath in sorted(args.gold.glob("*.items.json")):
        stem = gpath.name[: -len(".items.json")]
        ppath = args.pred / f"{stem}.json"
        if not ppath.exists():
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))["items"]
        pred = json.loads(ppath.read_text(encoding="utf-8")).get("items", [])
        for kind in ("project", "livelihood", "task"):
            g = [i for i in gold if i["kind"] == kind]
            p = [i for i in pred if i["kind"] == kind]
            hits, missed, extra = match(g, p)
            totals[kind, "gold"] += len(g)
            totals[kind, "pred"] += len(p)
            totals[kind, "hit"] += hits
            if args.sources:
                for x, n in (("gold", len(g)), ("pred", len(p)), ("hit", hits)):
                    by_text[text_kind.get(stem, "?"), x] += n
            for i in missed:
                why = error_type(i, pred)
                errors[kind, "missed", why] += 1
                if args.verbose:
                    print(f"  {stem} MISSED {kind} ({why}) {i['name']} | {i['quote'][:50]}")
            for i in extra:
                why = error_type(i, gold)
                errors[kind, "extra", why] += 1
                if args.verbose:
                    print(f"  {stem} EXTRA  {kind} ({why}) {i['name']} | {i['quote'][:50]}")
        totals["docs"] += 1

    def f1(g: int, p: int, h: int) -> tuple[float, float, float]:
        prec, rec = (h / p if p else 0.0), (h / g if g else 0.0)
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    for kind in ("project", "livelihood", "task"):
        g, p, h = totals[kind, "gold"], totals[kind, "pred"], totals[kind, "hit"]
        print(f"{kind:11} gold {g:4d} pred {p:4d} P/R/F1 {'/'.join(f'{x:.3f}' for x in f1(g, p, h))}")
    if args.errors:  # (missed / extra: by kind, "none" outright, "kind" read with another kind, "name" cut)
        for kind in ("project", "livelihood", "task"):
            print(
                f"  {kind:11} "
                + "  ".join(
                    f"{side} "
                    + " ".join(f"{why} {errors[kind, side, why]}" for why in ("none", "kind", "name"))
                    for side in ("missed", "extra")
                )
            )
    for tk in sorted({k for k, _x in by_text}):
        g, p, h = by_text[tk, "gold"], by_text[tk, "pred"], by_text[tk, "hit"]
        print(
            f"  text kind {tk:8} gold {g:4d} pred {p:4d} P/R/F1 {'/'.join(f'{x:.3f}' for x in f1(g, p, h))}"
        )
    g, p, h = (sum(totals[k, x] for k in ("project", "livelihood", "task")) for x in ("gold", "pred", "hit"))
    print(
        f"items F1 {f1(g, p, h)[2]:.3f} (P {f1(g, p, h)[0]:.3f}, R {f1(g, p, h)[1]:.3f}) over {totals['docs']} documents"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
