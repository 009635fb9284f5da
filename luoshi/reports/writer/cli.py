"""``luoshi write-report`` and ``luoshi accountability``: thin commands over the writer and the 兑现表.

``write-report`` is an operator's command on the server (like ``migrate``): it writes the draft of a
town and year through the same service as the page, prints where each number comes from, checks the
round trip with the report reader, and saves the .docx. ``accountability`` needs no database: it
reads a folder of reports (reader JSON or the report files themselves) and writes the table.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from luoshi.reports.cli import INPUT_SUFFIXES


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "write-report",
        help="draft a town's work report from the records (.docx in the official layout)",
        description="Draft the work report of TOWN for the YEAR it reviews (and the next year's plan), "
        "from Luoshi's records; every number is a field with its provenance. Regenerating keeps "
        "wording edited in the browser.",
    )
    p.add_argument("--town", required=True, help="town code or name")
    p.add_argument("--year", required=True, type=int, help="the year the report reviews")
    p.add_argument("--out", metavar="FILE", help="write the .docx here")
    p.add_argument("--fields", action="store_true", help="list every number with its provenance URL")
    p.set_defaults(func=run_write)

    p = subparsers.add_parser(
        "accountability",
        help="兑现表: year t's report targets against the results in the report reviewing year t",
        description="Read a folder of work reports (reader JSON or JSON Lines from `luoshi parse`, or .txt/.docx/.pdf/"
        ".html reports), group them by place, pair the report planning year t with the one reviewing "
        "it, and write one row per target: met / not met / not reported, with both quotes.",
    )
    p.add_argument(
        "dir", metavar="DIR", help="folder of reports (searched recursively), or one .jsonl from luoshi parse"
    )
    p.add_argument("--out", metavar="FILE", required=True, help="output .csv or .json")
    p.set_defaults(func=run_accountability)


def run_write(args) -> int:
    from luoshi.org.cli import setup_django

    setup_django()
    from django.core.exceptions import ValidationError
    from django.db.models import Q

    from luoshi.org.models import Town
    from luoshi.reports.writer import selectors, services

    towns = list(Town.objects.filter(Q(code=args.town) | Q(name=args.town)))
    if len(towns) != 1:
        sys.stderr.write(f"--town: no single town with code or name {args.town!r}\n")
        return 2
    started = time.perf_counter()
    try:
        draft = services.draft_generate(town=towns[0], year=args.year, by=None)
    except ValidationError as exc:
        sys.stderr.write(f"--year: {' '.join(exc.messages)}\n")
        return 2
    data = selectors.docx_bytes(draft)
    elapsed = time.perf_counter() - started
    fields, misses = selectors.round_trip(draft, data)
    print(
        f"{towns[0].name} {args.year}: draft #{draft.pk} version {draft.version}, {len(fields)} numbers, {elapsed:.2f} s"
    )
    if args.fields:
        for f in fields:
            print(f"  {f.key}\t{f.text}\t{f.label}\t{f.url}")
    print(f"round trip: the report reader found {len(fields) - len(misses)} of {len(fields)} numbers")
    for m in misses:
        print(
            f"  missing {m.field.key} {m.field.text} ({m.field.part} {m.field.year}); reader: {m.near or '-'}"
        )
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"wrote {args.out}")
    return 1 if misses else 0


def load_reports(folder: Path) -> tuple[list[dict], list[tuple[str, str]]]:
    """Reader output for every report in ``folder`` (or one file): JSON and JSON Lines (``luoshi parse
    --jsonl``) as they are, other reports parsed. (Read in this process: a pool of workers was
    measured slower — pickling the reports back costs more than reading them.)"""
    reports, failures = [], []
    paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file())
    for path in paths:
        got, problems = _load_one(path)
        reports.extend(got)
        failures.extend(problems)
    return reports, failures


def _is_report(rep) -> bool:
    return isinstance(rep, dict) and "facts" in rep and "meta" in rep


def _load_one(path: Path) -> tuple[list[dict], list[tuple[str, str]]]:
    """One file's reports, and why any part of it could not be read. The reader (and its start-up
    cost, most of it cn2an's) is imported only when a file needs parsing: JSON never loads it."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            reports, failures = [], []
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    try:
                        rep = json.loads(line)
                    except ValueError as exc:
                        failures.append((f"{path}:{number}", f"not a JSON line: {exc}"))
                        continue
                    if _is_report(rep):
                        reports.append(rep)
            return reports, failures
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            return [rep for rep in (data if isinstance(data, list) else [data]) if _is_report(rep)], []
        if suffix in INPUT_SUFFIXES:
            from luoshi.reports.reader import parse

            return [parse(path).to_dict()], []
    except (ValueError, OSError) as exc:  # the reader's ReportError is a ValueError
        return [], [(str(path), str(exc))]
    return [], []


def run_accountability(args) -> int:
    from luoshi.lib.export import csv_writer
    from luoshi.reports import accountability

    folder, out = Path(args.dir), Path(args.out)
    if not folder.is_dir() and not (folder.is_file() and folder.suffix.lower() == ".jsonl"):
        sys.stderr.write(f"DIR: {args.dir} is not a folder or a .jsonl file\n")
        return 2
    if out.suffix.lower() not in (".csv", ".json"):
        sys.stderr.write("--out: the file name must end in .csv or .json\n")
        return 2
    reports, failures = load_reports(folder)
    started = time.perf_counter()
    pairs = accountability.pairs(reports)
    rows = [row for place, year, a, b in pairs for row in accountability.pair(place, a, b, year)]
    elapsed = time.perf_counter() - started
    if out.suffix.lower() == ".json":
        out.write_text(
            json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=1), encoding="utf-8"
        )
    else:
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv_writer(f)
            w.writerow(accountability.COLUMNS)
            for r in rows:
                w.writerow([getattr(r, c) for c in accountability.COLUMNS])
    counts = accountability.summary(rows)
    places = len({p[0] for p in pairs})
    rate = len(pairs) / elapsed if elapsed > 0 else float("inf")
    print(
        f"{len(reports)} reports, {places} places, {len(pairs)} report pairs, {len(rows)} targets: "
        f"met {counts['met']}, not met {counts['not_met']}, not reported {counts['not_reported']} "
        f"({rate:.0f} pairs/s); wrote {out}"
    )
    for path, reason in failures:
        sys.stderr.write(f"  {path}: {reason}\n")
    return 1 if failures else 0
