"""``luoshi train-items``: train the reader's item labeller from texts and gold items.

``luoshi train-items TEXTS GOLD`` or ``luoshi train-items --corpus DIR [--corpus DIR …]`` (each DIR
holding ``texts/`` and ``gold/``; ``--pair TEXTS GOLD`` for more folders of texts and gold). Gold is one ``<doc>.items.json`` per text (``{"doc", "items": [{name, kind, part, year, quote, start,
end}]}``, offsets into the text as decoded), written under the items convention. Each text is read
by the reader with the rules alone; the model learns which clauses hold items from the gold, with
the rules' items among its features (``reader.labeller``). The default output replaces the model
the reader loads. With ``--stack``, the stacked model is trained instead: its clauses also carry the
opinion of the base model (``--base``, the reader's own by default), which must not have seen these
texts; the reader tags with the base model first, then with the stacked one.

Training data that stays: ``--save-instances FILE`` writes what the trainer learns from each text
(the features of its clauses and their labels, no text, no names, no offsets; ``--tag`` names the
round) to FILE, gzip-compressed JSON Lines, and trains no model unless ``--out`` is given;
``--instances FILE`` (repeatable) learns from such files, alone or with texts and gold. A file made
with another feature set, or with a corrupt line, is refused (file and line named) before any
training. ``--stack`` takes texts and gold only: the base model's opinion, which the stacked model
reads, is not stored. The files of past rounds are kept in ``luoshi/reports/training/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from luoshi.reports import instances
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
    parser.add_argument(
        "--instances",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="stored training instances (.jsonl.gz, as --save-instances writes them) to learn from, alone"
        " or with texts and gold (repeat for several); a file made with another feature set is refused",
    )
    parser.add_argument(
        "--save-instances",
        type=Path,
        metavar="FILE",
        help="write the training instances of the texts given (features and labels, no text, no names)"
        " to FILE (JSON Lines, gzip); a model is then trained only with --out",
    )
    parser.add_argument(
        "--tag",
        help="with --save-instances, the round tag stored with each text (default: FILE's stem)",
    )


def training_pairs(args: argparse.Namespace) -> list[tuple[Path, Path]] | None:
    """The (texts, gold) folders the arguments of ``add_training_data`` name; None (said on stderr)
    when they name none or half a pair."""
    if (args.texts is None) != (args.gold is None):
        print("give both TEXTS and GOLD, or --corpus", file=sys.stderr)
        return None
    pairs = [(args.texts, args.gold)] if args.texts is not None else []
    pairs += [(c / "texts", c / "gold") for c in args.corpus] + [(t, g) for t, g in args.pair]
    if not pairs and not args.instances:
        print(
            "no training data: give TEXTS GOLD, --corpus DIR, --pair TEXTS GOLD or --instances FILE",
            file=sys.stderr,
        )
        return None
    return pairs


def run(args: argparse.Namespace) -> int:
    pairs = training_pairs(args)
    if pairs is None:
        return 2
    if args.stack and (args.instances or args.save_instances):
        # (the stacked model reads the base model's opinion of each unit, which a stored instance
        # cannot hold for a base model trained later: it would be learnt from another model's opinion)
        print(
            "--stack learns from texts and gold only, not with --instances or --save-instances",
            file=sys.stderr,
        )
        return 2
    stored = load_instances(args.instances, labeller.feature_set(), labeller_labels())
    if stored is None:
        return 2
    docs = [d for texts, gold in pairs for d in read_gold(texts, gold)]
    if pairs and not docs:
        print(f"no gold with a text found in {', '.join(str(g) for _t, g in pairs)}", file=sys.stderr)
        return 1
    seqs = [x for x in (labeller.instance(reading, gold) for _doc, reading, gold in docs) if x is not None]
    if args.save_instances:
        if not docs:
            print("--save-instances writes the instances of texts and gold: give some", file=sys.stderr)
            return 2
        save(args, instances.records(tag_of(args), labeller.feature_set(), seqs))
        if args.out is None:
            return 0
    seqs += [(r["rows"], r["labels"]) for r in stored]
    out = args.out or (labeller.STACK_PATH if args.stack else labeller.MODEL_PATH)
    if args.stack and not args.base.exists():
        print(f"no base model at {args.base}", file=sys.stderr)
        return 2
    if args.stack:
        base = args.base
        n = labeller.train([(reading, gold) for _doc, reading, gold in docs], out, base=base)
        print(f"trained on {n} texts: {out} ({out.stat().st_size} bytes), over {base}")
        return 0
    n = labeller.train_rows(seqs, out)
    print(f"trained on {n} texts ({len(stored)} of them stored): {out} ({out.stat().st_size} bytes)")
    return 0


def labeller_labels() -> list[str]:
    return ["O"] + [f"{p}-{k}" for k in labeller.KINDS for p in "BI"]


def tag_of(args: argparse.Namespace) -> str:
    """The round tag of ``--save-instances``: ``--tag``, or the file's name before its suffixes."""
    return args.tag or args.save_instances.name.split(".")[0]


def save(args: argparse.Namespace, records: list[dict[str, Any]]) -> None:
    n = instances.write(args.save_instances, records)
    size = args.save_instances.stat().st_size
    print(f"saved the instances of {n} texts: {args.save_instances} ({size} bytes)")


def load_instances(
    paths: list[Path], feature_set: str, labels: list[str], kinds: bool = False
) -> list[dict[str, Any]] | None:
    """The records of the stored files ``paths``, all checked before any training; None (said on
    stderr, with the file and line) when one is refused."""
    out: list[dict[str, Any]] = []
    for path in paths:
        try:
            out += instances.read(path, feature_set, labels, kinds=kinds)
        except instances.InstanceError as e:
            print(f"refused: {e}", file=sys.stderr)
            return None
    return out


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
