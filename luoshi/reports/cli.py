"""``luoshi parse``: read work reports and write their facts as JSON, CSV or Markdown.

Thin on purpose: it finds the input files, calls the reader (in worker processes with
``--jobs``), renders, and reports failures at the end without stopping at the first one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

# The report files the commands read (parse, train-items, accountability), plain text first.
INPUT_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
EXTENSIONS = {"json": ".json", "csv": ".csv", "items-csv": ".items.csv", "md": ".md"}
PROGRESS_THRESHOLD = 3  # show a progress bar above this many files
PROGRESS_EVERY = 0.2  # seconds between redraws (100,000 files must not mean 100,000 writes)
CHUNK = 16  # files handed to a worker process at a time

DESCRIPTION = """\
Read government work reports (政府工作报告) and print what they say: metadata (place, years,
meeting, speaker), top-level sections and every quantified fact (metric, value, unit, growth or
level, target or actual, year) with its quote and offsets.

Inputs are files or directories (searched recursively for .txt .htm .html .docx .pdf). Text may
be UTF-8, GB18030/GBK or UTF-16; a PDF without a text layer (a scan) is read by OCR when
Tesseract with its chi_sim model is installed (120 pages at most), else reported
as a failure. Each report's named items (projects, 民生实事, key tasks) come beside its facts.
"""
EPILOG = """\
examples:
  luoshi parse report.txt                        JSON on stdout
  luoshi parse reports/ --format csv > facts.csv one CSV for a whole directory
  luoshi parse reports/ --out parsed/ --jobs 2   one <name>.json per input, two processes
  luoshi parse corpus/ --jsonl facts.jsonl --jobs 0
                                                 one JSON line per report, every core; run it
                                                 again after an interruption and it goes on
  luoshi parse scans/ --out parsed/ --keep-scans keep page images and OCR text of scanned PDFs

Resuming: with --out, an input whose output file exists and is newer is skipped; with --jsonl,
the reports already in the file (by path) are skipped and new ones appended (a half-written last
line from an interruption is dropped). --force reads everything again.

The exit status is 0 when every input was read, 1 when any failed (failures are listed on
stderr at the end; the other files are still processed).
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="read work reports and extract their facts",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="report files or directories")
    parser.add_argument(
        "--format", choices=sorted(EXTENSIONS), default="json", help="output format (default: json)"
    )
    parser.add_argument(
        "--out", metavar="DIR", help="write one <input name>.<format> file per input into DIR"
    )
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        help="append one JSON line per report (path, meta, sections, facts, items) to FILE",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse with N worker processes (default: 1; 0: one per core)",
    )
    parser.add_argument("--force", action="store_true", help="do not skip inputs already done")
    parser.add_argument(
        "--keep-scans",
        action="store_true",
        help="with --out: keep the page images and OCR text of scanned PDFs in <out>/<name>.ocr/",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def collect_inputs(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand directories; a path that does not exist is a failure, not a crash."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, _dirs, names in os.walk(path):  # os.walk: no Path object per file of 100,000
                found += [
                    os.path.join(root, n) for n in names if os.path.splitext(n)[1].lower() in INPUT_SUFFIXES
                ]
            files.extend(Path(p) for p in sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            missing.append((raw, "no such file or directory"))
    return files, missing


def render(report, fmt: str, *, header: bool = True) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "csv":
        return report.to_csv(header=header)
    if fmt == "items-csv":
        return report.to_items_csv(header=header)
    return report.to_markdown()


# what json.dumps(data, ensure_ascii=False, separators=(",", ":")) writes, without building an
# encoder per line or checking a report's plain dicts and lists for cycles
_JSONL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _json_line(report, path: str) -> bytes:
    """A report's JSON line as UTF-8 bytes: ``_JSONL.encode(data) + "\n"``, encoded.

    orjson writes the same bytes four times faster for everything a report holds except a few
    numbers: floats below 1e-4 (0.00003574 where json writes 3.574e-05), NaN and infinities (null
    where json writes NaN), integers beyond 64 bits (refused). A report holding one goes the
    standard library's way. (``tests/test_reader_fast_pipeline.py`` compares both ways.)"""
    data = report.to_dict()
    data["path"] = path
    orjson = _orjson_module()
    if orjson is not None and _orjson_safe(report):
        try:
            return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # orjson.JSONEncodeError: a value orjson does not write (a huge int …)
            pass
    return (_JSONL.encode(data) + "\n").encode()


def _orjson_safe(report) -> bool:
    """No float that orjson writes otherwise than json (the model's floats: a fact's value, an
    item's investment)."""
    for fact in report.facts:
        value = fact.value
        if value.__class__ is not int and not (1e-4 <= abs(value) < _INF or value == 0):
            return False
    for item in report.items:
        value = item.investment
        if value is not None and not (1e-4 <= abs(value) < _INF or value == 0):
            return False
    return True


_INF = float("inf")
_orjson: Any = False  # not imported yet


def _orjson_module():
    """orjson, imported on first use (the other subcommands never need it); None when missing (an
    environment installed before it was a dependency: the JSON lines go the stdlib's way)."""
    global _orjson
    if _orjson is False:
        try:
            import orjson
        except ImportError:
            orjson = None
        _orjson = orjson
    return _orjson


def _work(task: tuple[int, str, str, str | None]) -> tuple[int, str | bytes | None, str | None]:
    """Parse and render one file; returns (index, output, error). Runs in worker processes.

    A JSON line is returned as UTF-8 bytes: written as they are, they are encoded once (a str
    would be encoded to go through the pipe from a worker, decoded and encoded again)."""
    from luoshi.reports.reader import ReportError, parse

    index, path, fmt, keep = task
    try:
        report = parse(Path(path), ocr_keep=Path(keep) if keep else None)  # a Path is a file, never text
    except ReportError as exc:
        return index, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return index, None, f"{type(exc).__name__}: {exc}"
    if fmt == "jsonl":
        return index, _json_line(report, path), None
    return index, render(report, fmt), None


class _Progress:
    """A progress bar on stderr: done/total, rate and time left, redrawn at most five times a second."""

    def __init__(self, total: int, enabled: bool, skipped: int = 0):
        self.total, self.done, self.skipped = total, 0, skipped
        self.enabled = enabled and total > PROGRESS_THRESHOLD
        self.started = self.drawn = time.monotonic()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self.drawn < PROGRESS_EVERY:
            return
        self.drawn = now
        width = 30
        filled = width * self.done // self.total
        rate = self.done / max(now - self.started, 1e-6)
        left = (self.total - self.done) / rate if rate else 0
        skipped = f", {self.skipped} done before" if self.skipped else ""
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
            f"{rate:.0f}/s {int(left) // 60}:{int(left) % 60:02d} left{skipped} "
        )
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _output_names(files: list[Path], ext: str) -> list[str]:
    """<stem><ext> per input; a clash (same stem in two folders) gets -2, -3 ..."""
    seen: dict[str, int] = {}
    names = []
    for path in files:
        stem = path.stem
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        names.append(f"{stem}{ext}" if n == 1 else f"{stem}-{n}{ext}")
    return names


def _jsonl_done(path: Path) -> set[str]:
    """Paths already in a JSON Lines output; a half-written last line (an interruption) is cut off."""
    if not path.exists():
        return set()
    with path.open("rb+") as f:
        data = f.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            f.truncate(end)
    done = set()
    for line in data[:end].splitlines():
        try:
            done.add(json.loads(line)["path"])
        except (ValueError, KeyError, TypeError):
            continue
    return done


def _todo(args, files: list[Path]) -> tuple[list[int], dict[int, str]]:
    """Indexes of the inputs still to read, and the output file of each (with --out)."""
    targets: dict[int, str] = {}
    if args.out:
        out_dir = Path(args.out)
        for i, name in enumerate(_output_names(files, EXTENSIONS[args.format])):
            targets[i] = str(out_dir / name)
    if args.force:
        return list(range(len(files))), targets
    if args.jsonl:
        done = _jsonl_done(Path(args.jsonl))
        return [i for i, p in enumerate(files) if str(p) not in done], targets
    if args.out:
        todo = []
        for i, path in enumerate(files):
            try:
                if os.stat(targets[i]).st_mtime >= os.stat(path).st_mtime:
                    continue
            except OSError:
                pass
            todo.append(i)
        return todo, targets
    return list(range(len(files))), targets


def _results(tasks: list, jobs: int):
    """(index, output, error) per task, in input order; several processes when asked."""
    import gc

    # Imported here, once: forked workers inherit the reader with its compiled patterns instead
    # of each importing it again (a tenth of a second of CPU per worker), and orjson too.
    import luoshi.reports.reader  # noqa: F401

    _orjson_module()

    # A report's objects hold no reference cycles worth collecting often: while parsing, the
    # young generation is collected every 50,000 allocations instead of 700 and the modules
    # imported so far are left out of collections (workers inherit both); ~2 % of the CPU.
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    try:
        if jobs > 1 and len(tasks) > 1:
            import multiprocessing

            context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else None)
            with context.Pool(jobs) as pool:
                yield from pool.imap(_work, tasks, chunksize=CHUNK if len(tasks) > jobs * CHUNK else 1)
        else:
            yield from map(_work, tasks)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def run(args) -> int:
    files, failures = collect_inputs(args.inputs)
    total = len(files) + len(failures)
    fmt = "jsonl" if args.jsonl else args.format
    todo, targets = _todo(args, files)
    jobs = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)
    progress = _Progress(len(todo), not args.quiet, skipped=len(files) - len(todo))
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    keep = None
    tasks = []
    for i in todo:
        if args.keep_scans and args.out and files[i].suffix.lower() == ".pdf":
            keep = str(Path(targets[i]).with_suffix(".ocr"))
        tasks.append((i, str(files[i]), fmt, keep))
        keep = None
    sink = _Sink(args, fmt, targets, array=len(tasks) > 1)
    try:
        for i, output, error in _results(tasks, jobs):
            if error is None:
                sink.write(i, output)
            else:
                failures.append((str(files[i]), error))
            progress.step()
    finally:
        sink.close()

    if failures:
        sys.stderr.write(f"{len(failures)} of {total} input(s) failed:\n")
        for path, reason in failures:
            sys.stderr.write(f"  {path}: {reason}\n")
        return 1
    return 0


class _Sink:
    """Where outputs go as they arrive: files in --out, lines of --jsonl, or stdout."""

    def __init__(self, args, fmt: str, targets: dict[int, str], *, array: bool):
        self.fmt, self.targets, self.count, self.array = fmt, targets, 0, array
        self.jsonl = open(args.jsonl, "ab") if args.jsonl else None  # noqa: SIM115 - UTF-8 lines
        self.to_files = bool(args.out) and not args.jsonl

    def write(self, i: int, output: str | bytes) -> None:
        if self.jsonl is not None:
            self.jsonl.write(output)
            self.jsonl.flush()  # an interruption loses at most the line being written
        elif self.to_files:
            tmp = self.targets[i] + ".part"
            Path(tmp).write_text(output, encoding="utf-8")
            os.replace(tmp, self.targets[i])  # never a half-written output that looks done
        else:
            self._print(output)
        self.count += 1

    def _print(self, text: str) -> None:
        out = sys.stdout
        if self.fmt == "json" and self.array:
            out.write(("[\n" if self.count == 0 else ",\n") + text.rstrip("\n"))
        elif self.fmt in ("csv", "items-csv"):
            out.write(text if self.count == 0 else text.split("\n", 1)[1] if "\n" in text else "")
        else:
            out.write(("\n---\n\n" if self.count else "") + text)

    def close(self) -> None:
        if self.jsonl is not None:
            self.jsonl.close()
        elif not self.to_files and self.fmt == "json" and self.array:
            sys.stdout.write("\n]\n" if self.count else "[]\n")
