"""The report writer and the accountability CLI: how long a town-year report takes, how many report
pairs per second the 兑现表 matches.

1. Prepares a PostgreSQL database with the demo organisation and N generated cases exactly as
   ``bench_cases.py`` does (``--db``, ``--cases``, ``--reuse``), then loads the demo plans, indicator
   values and next year's plans;
2. times writing each demo town's report for this year (``draft_generate``: every indicator
   computed from the cases and projects, the composition saved as a new version) and its .docx,
   median of ``--runs``, with the number of SQL statements, and runs the reader round trip once;
3. times the accountability table over ``--places`` × 2 synthetic reader JSON reports (the demo
   reports, renamed per place) — the matching alone, and the whole CLI as a new process
   (``luoshi accountability DIR --out FILE``: start-up, reading the JSON files, writing the CSV),
   median of ``--runs``, with its CPU time.

``--skip-writer`` runs only the accountability part (no database needed).

    .venv/bin/python bench/bench_writer.py --db wt_writer --cases 1000000
    .venv/bin/python bench/bench_writer.py --db wt_writer --reuse
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_cases  # noqa: E402


def bench_writer(runs: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from luoshi.accounts import demo as accounts_demo
    from luoshi.cases.models import Case
    from luoshi.org.demo import load_org
    from luoshi.plans import demo as plans_demo
    from luoshi.reports.writer import demo as writer_demo
    from luoshi.reports.writer import selectors, services

    ctx = load_org()
    plans_demo.load(ctx)
    accounts_demo.load(ctx)
    writer_demo.load(ctx)
    year = timezone.localdate().year
    print(f"{Case.objects.count():,} cases in the database", flush=True)
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        backend = cur.fetchone()[0]
    for town in ctx.towns:
        n = Case.objects.filter(town=town, received_at__year=year).count()
        times, docx_times, cpu, pg_cpu, pg_all = [], [], [], [], []
        for _ in range(runs):
            pg_before, all_before = (
                bench_cases._cpu(backend),
                bench_cases.cpu_snapshot(os.getpid())["postgres"],
            )
            cpu_before = time.process_time()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                draft = services.draft_generate(town=town, year=year, by=None)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_before)
            pg_cpu.append(bench_cases._cpu(backend) - pg_before)
            pg_all.append(bench_cases.cpu_snapshot(os.getpid())["postgres"] - all_before)
            started = time.perf_counter()
            data = selectors.docx_bytes(draft)
            docx_times.append(time.perf_counter() - started)
        fields, misses = selectors.round_trip(draft, data)
        print(
            f"write-report {town.name} {year} ({n:,} cases of that year): "
            f"draft {statistics.median(times):.2f} s (min {min(times):.2f}, {len(queries)} SQL; CPU: "
            f"Python {statistics.median(cpu):.2f} s, our PostgreSQL backend {statistics.median(pg_cpu):.2f} s, "
            f"all PostgreSQL processes {statistics.median(pg_all):.2f} s), "
            f".docx {statistics.median(docx_times) * 1000:.0f} ms, {len(data) // 1024} KB; "
            f"round trip {len(fields) - len(misses)}/{len(fields)} numbers found",
            flush=True,
        )


def bench_accountability(places: int, runs: int) -> None:
    from luoshi.reports import accountability
    from luoshi.reports.reader import parse
    from luoshi.reports.services import demo_reports

    parsed = {path.stem: parse(path).to_dict() for _name, path in demo_reports()}
    reports = []
    for i in range(places):
        for stem in ("yunxi_2024", "yunxi_2025") if i % 2 == 0 else ("bailu_2024", "bailu_2025"):
            rep = json.loads(json.dumps(parsed[stem]))
            rep["doc"] = f"place{i:04d}_{stem}.json"
            rep["meta"]["jurisdiction"] = f"第{i}镇"
            reports.append(rep)
    started = time.perf_counter()
    rows = accountability.table(reports)
    elapsed = time.perf_counter() - started
    pairs = len(accountability.pairs(reports))
    print(
        f"accountability matching: {pairs} report pairs, {len(rows):,} targets in {elapsed:.2f} s "
        f"= {pairs / elapsed:,.0f} pairs/s",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        for rep in reports:
            Path(tmp, rep["doc"]).write_text(json.dumps(rep, ensure_ascii=False), encoding="utf-8")
        cmd = [
            str(Path(sys.executable).with_name("luoshi")),
            "accountability",
            tmp,
            "--out",
            str(Path(tmp) / "out.csv"),
        ]
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"accountability CLI end to end (a new process: start-up, read {len(reports)} JSON files, match, "
        f"write the CSV), median of {runs}: {wall:.2f} s = {pairs / wall:,.0f} pairs/s "
        f"(best {pairs / min(walls):,.0f}); CPU {cpu:.2f} s = {pairs / cpu:,.0f} pairs per CPU-second",
        flush=True,
    )


def main() -> int:
    p = argparse.ArgumentParser(description="Report writer and accountability benchmark (prints figures).")
    p.add_argument("--db", default="luoshi_bench")
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--reuse", action="store_true", help="keep the existing database and its cases")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument(
        "--places", type=int, default=500, help="places for the accountability table (2 reports each)"
    )
    p.add_argument("--skip-writer", action="store_true", help="only the accountability table")
    args = p.parse_args()
    os.environ.update(bench_cases._env(args.db))
    print(f"CPU reference: {bench_cases.cpu_reference_ms():.0f} ms", flush=True)
    if not args.skip_writer:
        bench_cases.prepare_database(args)
        bench_writer(args.runs)
    else:
        import django

        django.setup()
    bench_accountability(args.places, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
