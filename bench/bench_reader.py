"""Throughput and memory of the report reader on one core.

    python bench/bench_reader.py                 # 2,000 parses of the seed reports
    python bench/bench_reader.py -n 500 FILE...  # other reports
    python bench/bench_reader.py --memory 10000  # RSS / tracemalloc every 1,000 parses
    python bench/bench_reader.py --cli 5000      # `luoshi parse DIR --jsonl` end to end, --jobs 1 and all cores

The seeds are the shared ones beside the repository (../shared/seeds) when present, else the
reader's own test fixtures. Files are read once; each parse starts from the decoded bytes, as
``luoshi parse`` does after reading a file.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from luoshi.reports.reader import _compiled, parse  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cases import cpu_reference_ms  # noqa: E402 - the shared reference loop


def reference() -> str:
    """The shared CPU reference loop (wall, best of 3) and the CPU time the same loop takes.

    On this shared machine a core does less per CPU-second when the others are busy (shared
    caches, sibling hyperthreads), so the CPU figures below are only comparable at a similar
    reference; ≈ 50 ms is an idle machine.
    """
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.process_time() - t0)
    return f"CPU reference loop {cpu_reference_ms():.0f} ms wall, {best * 1000:.0f} ms CPU"


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
    print(reference())
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _start_cpu(command: list[str], tmp: Path) -> float:
    """CPU seconds of `luoshi parse` over an empty folder, best of three: starting the process
    (interpreter, imports, compiling the reader's patterns), paid once per run whatever its size."""
    empty = tmp / "empty"
    empty.mkdir(exist_ok=True)
    best = float("inf")
    for _ in range(3):
        cpu0 = _children_cpu()
        subprocess.run(
            [*command, "parse", str(empty), "--jsonl", str(tmp / "empty.jsonl"), "--quiet"], check=True
        )
        best = min(best, _children_cpu() - cpu0)
    return best


def cli(files: list[Path], n: int, label: str) -> None:
    """The whole command as a user runs it: process start, reading files, parsing, writing JSON Lines.

    ``n`` copies of ``files`` are laid out in a temporary folder (100 per sub-folder) and read by
    ``luoshi parse DIR --jsonl OUT --quiet`` with --jobs 1 and with one job per core. CPU is the
    command's and its workers' (RUSAGE_CHILDREN), so it does not depend on what else the machine runs.
    The share of it spent starting the process (the command over an empty folder) is printed
    beside, with the figure without it: what a folder of 100,000 reports would give.
    """
    exe = Path(sys.executable).with_name("luoshi")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "luoshi.cli"]
    with tempfile.TemporaryDirectory(prefix="reader-cli-") as tmp:
        corpus = Path(tmp) / "in"
        for i in range(n):
            src = files[i % len(files)]
            folder = corpus / f"{i // 100:05d}"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, folder / f"{i:06d}{src.suffix}")
        size = sum(f.stat().st_size for f in files) / len(files) / 1024
        cores = os.cpu_count() or 1
        start_cpu = _start_cpu(command, Path(tmp))
        for jobs in sorted({1, cores}):
            print(f"  {reference()}", flush=True)
            out = Path(tmp) / f"facts-{jobs}.jsonl"
            cpu0, start = _children_cpu(), time.perf_counter()
            subprocess.run(
                [*command, "parse", str(corpus), "--jsonl", str(out), "--jobs", str(jobs), "--quiet"],
                check=True,
            )
            wall, cpu = time.perf_counter() - start, _children_cpu() - cpu0
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            print(
                f"  {label}: {lines} reports (mean {size:.1f} KiB) --jobs {jobs}: {wall:.1f} s wall, "
                f"{lines / wall:.0f} reports/s wall, {lines / wall / jobs:.0f}/s per job; "
                f"CPU {cpu:.1f} s = {1000 * cpu / lines:.2f} ms per report = {lines / cpu:.0f} reports per CPU-second"
            )
            # what a folder of 100,000 reports would show, where the start is negligible
            print(
                f"    of which starting the process {start_cpu:.2f} s ({100 * start_cpu / cpu:.0f} %); without it "
                f"{1000 * (cpu - start_cpu) / lines:.2f} ms per report = "
                f"{lines / max(cpu - start_cpu, 1e-9):.0f} reports per CPU-second"
            )
        print(f"  load average {os.getloadavg()[0]:.1f} on {cores} cores while measuring")


def which_reader() -> str:
    """Which reader the figures are of: the mypyc-compiled modules or the plain ones (and why)."""
    return f"reader: {_compiled.describe()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="reports to parse (default: the seeds)")
    ap.add_argument("-n", type=int, default=2000, help="number of parses for the throughput run")
    ap.add_argument(
        "--memory", type=int, metavar="N", help="instead, parse N times sampling memory every 1,000"
    )
    ap.add_argument(
        "--cli",
        type=int,
        metavar="N",
        help="instead, run `luoshi parse` over N report files (openings and full seeds apart)",
    )
    args = ap.parse_args(argv)
    print(which_reader(), flush=True)
    if args.cli:
        if args.files:
            cli(args.files, args.cli, "given reports")
        else:
            shared = Path(os.environ.get("LUOSHI_SHARED_DIR") or ROOT / ".." / "shared") / "seeds"
            openings = sorted((shared / "openings").glob("*.txt"))
            if openings:
                cli(openings, args.cli, "report openings")
            cli(sorted(shared.glob("*.txt")) or default_inputs(), max(1, args.cli // 5), "full reports")
        return 0
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
