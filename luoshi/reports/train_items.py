"""``luoshi train-items``: train the reader's item labeller from texts and gold items.

``luoshi train-items TEXTS GOLD`` or ``luoshi train-items --corpus DIR [--corpus DIR …]`` (each DIR
holding ``texts/`` and ``gold/``; ``--pair TEXTS GOLD`` for more folders of texts and gold). Gold is one ``<doc>.items.json`` per text (``{"doc", "items": [{name, kind, part, year, quote, start,
end}]}``, offsets into the text as decoded), written under the items convention. Each text is read
by the reader with the rules alone; the model learns which clauses hold items from the gold, with
the rules' items among its features (``reader.labeller``). The default output replaces the model
the reader loads. With ``--stack``, the stacked model is trained instead: its clauses also carry the
opinion of the base model (``--base``, the reader's own by default), which must not have seen these
texts; the reader tags with the base model first, then with the stacked one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from luoshi.reports.cli import INPUT_SUFFIXES
from luoshi.reports.reader import labeller, parse


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "train-items",
        help="train the reader's item labeller from texts and gold items",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_training_data(parser, "folder of gold items (<doc>.items.json)")
    parser.add_argument(
        "--out",
        type=Path,
        help="model file (default: the reader's own, the base model's or with --stack the stacked model's)",
    )
    parser.add_argument(
        "--stack",
        action="store_true",
        help="train the stacked model: each clause also carries the base model's opinion (--base)",
    )
    parser.add_argument(
        "--base",
        type=Path,
        default=labeller.MODEL_PATH,
        help="with --stack, the base model that tags first (default: the reader's own)",
    )
    parser.set_defaults(func=run)


def add_training_data(parser: argparse.ArgumentParser, gold_help: str) -> None:
    """The training data's arguments, as every training command takes them: TEXTS GOLD, ``--corpus DIR``
    (holding texts/ and gold/) and ``--pair TEXTS GOLD``, each repeatable but the first."""
    parser.add_argument("texts", type=Path, nargs="?", help="folder of texts (<doc>.txt …)")
    parser.add_argument("gold", type=Path, nargs="?", help=gold_help)
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="a folder holding texts/ and gold/ (repeat for several; with or instead of TEXTS GOLD)",
    )
    parser.add_argument(
        "--pair",
        type=Path,
        nargs=2,
        action="append",
        default=[],
        metavar=("TEXTS", "GOLD"),
        help="one more folder of texts and its folder of gold (repeat for several)",
    )


def training_pairs(args: argparse.Namespace) -> list[tuple[Path, Path]] | None:
    """The (texts, gold) folders the arguments of ``add_training_data`` name; None (said on stderr)
    when they name none or half a pair."""
    if (args.texts is None) != (args.gold is None):
        print("give both TEXTS and GOLD, or --corpus", file=sys.stderr)
        return None
    pairs = [(args.texts, args.gold)] if args.texts is not None else []
    pairs += [(c / "texts", c / "gold") for c in args.corpus] + [(t, g) for t, g in args.pair]
    if not pairs:
        print("no training data: give TEXTS GOLD, --corpus DIR or --pair TEXTS GOLD", file=sys.stderr)
        return None
    return pairs


def run(args: argparse.Namespace) -> int:
    pairs = training_pairs(args)
    if pairs is None:
        return 2
    docs = [d for texts, gold in pairs for d in read_gold(texts, gold)]
    if not docs:
        print(f"no gold with a text found in {', '.join(str(g) for _t, g in pairs)}", file=sys.stderr)
        return 1
    out = args.out or (labeller.STACK_PATH if args.stack else labeller.MODEL_PATH)
    if args.stack and not args.base.exists():
        print(f"no base model at {args.base}", file=sys.stderr)
        return 2
    base = args.base if args.stack else None
    n = labeller.train([(reading, gold) for _doc, reading, gold in docs], out, base=base)
    print(f"trained on {n} texts: {out} ({out.stat().st_size} bytes)" + (f", over {base}" if base else ""))
    return 0


def read_gold(texts: Path, gold_dir: Path) -> list[tuple[str, labeller.Reading, list[dict[str, Any]]]]:
    """(doc, what the model reads of its text, its gold items) for each gold file that has a text;
    gold items whose quote is not in the reader's text are left out (said on stderr)."""
    out = []
    for path in sorted(gold_dir.glob("*.items.json")):
        doc = path.name[: -len(".items.json")]
        source = next((texts / (doc + s) for s in INPUT_SUFFIXES if (texts / (doc + s)).exists()), None)
        if source is None:
            continue
        with labeller.recording() as seen:
            parse(source)
        if not seen:
            continue
        reading = seen[0]
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        placed = [g for g in (_placed(g, reading.text) for g in items) if g is not None]
        if len(placed) < len(items):
            print(
                f"{doc}: {len(items) - len(placed)} gold quotes not in the reader's text, left out",
                file=sys.stderr,
            )
        out.append((doc, reading, placed))
    return out


def _placed(item: dict[str, Any], text: str) -> dict[str, Any] | None:
    """``item`` with its offsets moved to where its quote stands in the reader's text (the reader
    drops furniture and blank lines, so offsets into the file as written shift): the occurrence
    nearest the original offset; None when the quote is not in the text."""
    quote, start = item["quote"], item["start"]
    if text[start : start + len(quote)] == quote:
        return item
    best, k = None, text.find(quote)
    while k >= 0:
        if best is None or abs(k - start) < abs(best - start):
            best = k
        k = text.find(quote, k + 1)
    return None if best is None else {**item, "start": best, "end": best + len(quote)}
