"""``luoshi parse``: read work reports and write their facts as JSON, CSV or Markdown.

Thin on purpose: it finds the input files, calls the reader (in worker processes with
``--jobs``), renders, and reports failures at the end without stopping at the first one.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

INPUT_SUFFIXES = {".txt", ".htm", ".html", ".docx", ".pdf"}
EXTENSIONS = {"json": ".json", "csv": ".csv", "md": ".md"}
PROGRESS_THRESHOLD = 3  # show a progress bar above this many files

DESCRIPTION = """\
Read government work reports (政府工作报告) and print what they say: metadata (place, years,
meeting, speaker), top-level sections and every quantified fact (metric, value, unit, growth or
level, target or actual, year) with its quote and offsets.

Inputs are files or directories (searched recursively for .txt .htm .html .docx .pdf). Text may
be UTF-8, GB18030/GBK or UTF-16; PDFs need a text layer (scans are reported as failures).
"""
EPILOG = """\
examples:
  luoshi parse report.txt                        JSON on stdout
  luoshi parse reports/ --format csv > facts.csv one CSV for a whole directory
  luoshi parse reports/ --out parsed/ --jobs 2   one <name>.json per input, two processes

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
        "--jobs", type=int, default=1, metavar="N", help="parse with N worker processes (default: 1)"
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
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append((raw, "no such file or directory"))
    return files, missing


def render(report, fmt: str, *, header: bool = True) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return report.to_csv(header=header)
    return report.to_markdown()


def _work(path: str, fmt: str) -> tuple[str, str | None, str | None]:
    """Parse and render one file; returns (path, output, error). Runs in worker processes."""
    from pathlib import Path

    from luoshi.reports.reader import ReportError, parse

    try:
        report = parse(Path(path))  # a Path is always a file, never text
    except ReportError as exc:
        return path, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return path, None, f"{type(exc).__name__}: {exc}"
    return path, render(report, fmt), None


class _Progress:
    """A small hand-rolled progress bar on stderr."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.enabled = total, 0, enabled and total > PROGRESS_THRESHOLD

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
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


def run(args) -> int:
    files, failures = collect_inputs(args.inputs)
    total = len(files) + len(failures)
    fmt = args.format
    results: dict[int, str] = {}
    progress = _Progress(len(files), not args.quiet)
    jobs = max(1, args.jobs or 1)
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(_work, str(path), fmt): i for i, path in enumerate(files)}
            for future in as_completed(futures):
                i = futures[future]
                _, output, error = future.result()
                if error is None:
                    results[i] = output
                else:
                    failures.append((str(files[i]), error))
                progress.step()
    else:
        for i, path in enumerate(files):
            _, output, error = _work(str(path), fmt)
            if error is None:
                results[i] = output
            else:
                failures.append((str(path), error))
            progress.step()

    if args.out:
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        for i, name in enumerate(_output_names(files, EXTENSIONS[fmt])):
            if i in results:
                (out_dir / name).write_text(results[i], encoding="utf-8")
    else:
        _print_all([results[i] for i in sorted(results)], fmt)

    if failures:
        sys.stderr.write(f"{len(failures)} of {total} input(s) failed:\n")
        for path, reason in failures:
            sys.stderr.write(f"  {path}: {reason}\n")
        return 1
    return 0


def _print_all(outputs: list[str], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json" and len(outputs) > 1:
        out.write("[\n" + ",\n".join(o.rstrip("\n") for o in outputs) + "\n]\n")
    elif fmt == "csv":
        for k, text in enumerate(outputs):
            out.write(text if k == 0 else text.split("\n", 1)[1] if "\n" in text else "")
    else:
        out.write(("\n---\n\n" if fmt == "md" else "").join(outputs))
