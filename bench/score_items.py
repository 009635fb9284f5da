"""Score the reader's named items (projects, livelihood projects, key tasks) against gold items.

    python bench/score_items.py GOLD_DIR PRED_DIR [--verbose]

GOLD_DIR holds ``<doc>.items.json`` ({"doc", "items": [{name, kind, part, year, quote, start, end}]});
PRED_DIR holds the reader's JSON per document (``luoshi parse --out``), ``<doc>.json``. A predicted
item matches a gold item of the same kind when their quote spans overlap, or when their names
overlap (character Dice >= 0.5, or one contains the other); each gold item matches at most once.
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    totals: Counter = Counter()
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
            if args.verbose:
                for i in missed:
                    print(f"  {stem} MISSED {kind} {i['name']} | {i['quote'][:50]}")
                for i in extra:
                    print(f"  {stem} EXTRA  {kind} {i['name']} | {i['quote'][:50]}")
        totals["docs"] += 1

    def f1(g: int, p: int, h: int) -> tuple[float, float, float]:
        prec, rec = (h / p if p else 0.0), (h / g if g else 0.0)
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    for kind in ("project", "livelihood", "task"):
        g, p, h = totals[kind, "gold"], totals[kind, "pred"], totals[kind, "hit"]
        print(f"{kind:11} gold {g:4d} pred {p:4d} P/R/F1 {'/'.join(f'{x:.3f}' for x in f1(g, p, h))}")
    g, p, h = (sum(totals[k, x] for k in ("project", "livelihood", "task")) for x in ("gold", "pred", "hit"))
    print(
        f"items F1 {f1(g, p, h)[2]:.3f} (P {f1(g, p, h)[0]:.3f}, R {f1(g, p, h)[1]:.3f}) over {totals['docs']} documents"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
