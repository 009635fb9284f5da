"""The reader on scanned reports: the seeds rendered to image-only PDFs, read by OCR, scored.

    python bench/bench_ocr.py                      # seeds at 150 and 300 dpi, rotated ±1°, light noise
    python bench/bench_ocr.py --dpi 150 --jobs 2   # one resolution, two processes

Each seed report (../shared/seeds/*.txt) is typeset on A4 pages with a Noto CJK font, every page
turned by ±``--angle`` degrees and noised, and saved as a PDF of page images in a temporary folder
(never in the repository). The reader reads each PDF through OCR; its JSON goes to
``<tmp>/<dpi>/pred`` and ``score.py`` scores it against the same gold as the text seeds. Prints
seconds of OCR per page (wall and CPU, Tesseract's own child process included) beside the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("LUOSHI_SHARED_DIR") or ROOT / ".." / "shared")


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _read(pdf: str, out: str) -> tuple[str, int, float]:
    from luoshi.reports.reader import parse

    start = _cpu()
    report = parse(Path(pdf))
    Path(out).write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    pages = report.text.count("\f") + 1
    for w in report.warnings:
        if w.startswith("ocr:"):
            pages = int(w.split("(")[1].split()[0])
    return pdf, pages, _cpu() - start


def main(argv: list[str] | None = None) -> int:
    from luoshi.reports.tests.scans import scanned_pdf

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dpi", type=int, action="append", help="scan resolution (default: 150 and 300)")
    ap.add_argument("--angle", type=float, default=1.0, help="page rotation in degrees (sign alternates)")
    ap.add_argument("--noise", type=float, default=0.08, help="share of grain blended into each page")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="work here instead of a temporary folder")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("seeds", nargs="*", type=Path)
    args = ap.parse_args(argv)
    seeds = args.seeds or sorted((SHARED / "seeds").glob("*.txt"))
    work = Path(args.keep or tempfile.mkdtemp(prefix="ocr-bench-"))
    for dpi in args.dpi or [150, 300]:
        folder, pred = work / str(dpi), work / str(dpi) / "pred"
        pred.mkdir(parents=True, exist_ok=True)
        jobs = []
        for k, seed in enumerate(seeds):
            pdf = folder / f"{seed.stem}.pdf"
            text = seed.read_text(encoding="utf-8")
            pdf.write_bytes(scanned_pdf(text, dpi=dpi, angle=args.angle, noise=args.noise, seed=k))
            jobs.append((str(pdf), str(pred / f"{seed.stem}.json")))
        wall = time.perf_counter()
        with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            done = list(pool.map(_read, *zip(*jobs, strict=True)))
        wall = time.perf_counter() - wall
        pages = sum(p for _, p, _ in done)
        cpu = sum(c for _, _, c in done)
        print(
            f"{dpi} dpi: {len(done)} scanned reports, {pages} pages, {wall:.0f} s wall with {args.jobs} job(s)"
        )
        print(f"  {wall / pages:.1f} s wall per page, {cpu / pages:.1f} s CPU per page (reader + tesseract)")
        score = subprocess.run(
            [sys.executable, str(SHARED / "eval" / "score.py"), str(args.gold), str(pred)],
            capture_output=True,
            text=True,
            check=False,
        )
        print("  " + "\n  ".join(score.stdout.strip().splitlines()[-4:]))
    print(f"PDFs, page text and predictions in {work}")
    print(f"load: {os.getloadavg()[0]:.1f} (1-min load average) on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
