"""Throughput and memory of the report reader on one core.

    python bench/bench_reader.py                 # 2,000 parses of the seed reports
    python bench/bench_reader.py -n 500 FILE...  # other reports
    python bench/bench_reader.py --memory 10000  # RSS / tracemalloc every 1,000 parses

The seeds are the shared ones beside the repository (../shared/seeds) when present, else the
reader's own test fixtures. Files are read once; each parse starts from the decoded bytes, as
``luoshi parse`` does after reading a file.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from luoshi.reports.reader import parse  # noqa: E402


def default_inputs() -> list[Path]:
    shared = ROOT / ".." / "shared" / "seeds"
    files = sorted(shared.glob("*.txt"))
    return files or sorted((ROOT / "luoshi" / "reports" / "tests" / "fixtures").glob("*.txt"))


def rss_mb() -> float:
    """Current resident set size (Linux /proc), falling back to the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(blobs: list[tuple[str, bytes]], n: int) -> None:
    for name, data in blobs:  # warm up imports and caches
        parse(data, name=name)
    start = time.perf_counter()
    cpu_start = time.process_time()
    facts = 0
    for i in range(n):
        name, data = blobs[i % len(blobs)]
        facts += len(parse(data, name=name).facts)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    size = sum(len(d) for _, d in blobs) / len(blobs)
    print(f"{n} parses of {len(blobs)} report(s) (mean {size / 1024:.1f} KiB) in {elapsed:.2f} s")
    print(
        f"  {n / elapsed:.0f} reports/s on one core, {1000 * elapsed / n:.2f} ms per report, {facts / n:.0f} facts each"
    )
    # CPU time is what the reader costs; wall time also counts waiting for a core shared with others
    print(f"  {n / cpu:.0f} reports/s of CPU time ({1000 * cpu / n:.2f} ms CPU per report)")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


def memory(blobs: list[tuple[str, bytes]], n: int, every: int = 1000) -> None:
    tracemalloc.start()
    baseline = None
    print(f"{'parses':>8} {'RSS MiB':>9} {'traced MiB':>11} {'traced peak':>12}")
    for i in range(1, n + 1):
        name, data = blobs[i % len(blobs)]
        parse(data, name=name)
        if i % every == 0:
            current, peak = tracemalloc.get_traced_memory()
            if baseline is None:
                baseline = current
            print(f"{i:8d} {rss_mb():9.1f} {current / 2**20:11.2f} {peak / 2**20:12.2f}")
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    growth = (current - (baseline or current)) / 2**20
    print(f"  traced memory grew {growth:+.2f} MiB after the first {every} parses (flat means no leak)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="reports to parse (default: the seeds)")
    ap.add_argument("-n", type=int, default=2000, help="number of parses for the throughput run")
    ap.add_argument(
        "--memory", type=int, metavar="N", help="instead, parse N times sampling memory every 1,000"
    )
    args = ap.parse_args(argv)
    files = args.files or default_inputs()
    if not files:
        ap.error("no input reports found")
    blobs = [(p.name, p.read_bytes()) for p in files]
    if args.memory:
        memory(blobs, args.memory)
    else:
        throughput(blobs, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
