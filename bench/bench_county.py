"""County dashboard and assessment recomputation.

    DATABASE_URL=postgres://… python bench/bench_county.py [requests]        # in process, any database
    python bench/bench_county.py --db luoshi_bench3m --serve --duration 20    # gunicorn, 8 connections

In process (the default; load the demo first: ``luoshi demo --no-serve``): p50/p95 of the dashboard page
with Django's test client, its query count, and the time of one ``result_compute`` (rolled back).

``--serve`` (a database prepared by ``bench_cases.py --county``: 30 towns, 3,000,000 cases, 30 plans):
``luoshi serve`` (2 workers × 4 threads) and 8 keep-alive connections from ``bench/loadgen.py`` on
``/county/dashboard/`` as the county user, with the CPU per request of the server and PostgreSQL;
then the same query count and ``result_compute`` timing. Goals (issue 19): dashboard p95 < 300 ms,
recomputation < 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def in_process(n: int) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from luoshi.cases.models import Case
    from luoshi.org.models import Town, User

    county = User.objects.get(username="county")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(county)
    cache.clear()
    cpu, t = time.process_time(), time.perf_counter()
    client.get("/county/dashboard/")
    print(
        f"cold view (empty cache): {(time.perf_counter() - t) * 1000:.0f} ms, "
        f"Python CPU {(time.process_time() - cpu) * 1000:.0f} ms",
        flush=True,
    )
    times = []
    cpu = time.process_time()
    for _ in range(n):
        t = time.perf_counter()
        assert client.get("/county/dashboard/").status_code == 200
        times.append((time.perf_counter() - t) * 1000)
    cpu = (time.process_time() - cpu) * 1000 / n
    times.sort()
    after_write()
    print(f"{connection.vendor}: {Town.objects.count()} towns, {Case.objects.count():,} cases", flush=True)
    print(
        f"dashboard in process: p50 {statistics.median(times):.0f} ms, "
        f"p95 {times[int(0.95 * (n - 1))]:.0f} ms, Python CPU {cpu:.0f} ms per request ({n} requests)",
        flush=True,
    )


def after_write() -> None:
    """The view after one progress update in one town's plan (rolled back): the versions move, so
    every town's plan section is recomputed while the KPI and statistics tables stay cached."""
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from luoshi.org.models import User
    from luoshi.plans import services
    from luoshi.plans.models import Item

    item = Item.objects.filter(plan__year=timezone.localdate().year, kind="task").order_by("id").first()
    if item is None:
        return
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="county"))
    client.get("/county/dashboard/")
    with transaction.atomic():
        services.update_create(owner=item, date=timezone.localdate(), text="bench", progress=40)
        cpu, t = time.process_time(), time.perf_counter()
        client.get("/county/dashboard/")
        print(
            f"view after a plan write: {(time.perf_counter() - t) * 1000:.0f} ms, "
            f"Python CPU {(time.process_time() - cpu) * 1000:.0f} ms",
            flush=True,
        )
        transaction.set_rollback(True)


def page_queries() -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from luoshi.org.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="county"))
    client.get("/county/dashboard/")
    with CaptureQueriesContext(connection) as q:
        client.get("/county/dashboard/")
    slow = sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:3]
    print(f"dashboard SQL: {len(q)} statements, {sum(float(x['time']) for x in q) * 1000:.1f} ms", flush=True)
    for x in slow:
        print(f"  {float(x['time']) * 1000:7.1f} ms  {x['sql'][:200]}", flush=True)


def recompute() -> None:
    from django.db import transaction

    from luoshi.county import services
    from luoshi.county.models import Scheme
    from luoshi.org.models import User

    scheme = Scheme.objects.filter(kind="annual").order_by("-version").first()
    if scheme is None:
        print("no assessment scheme", flush=True)
        return
    county = User.objects.get(username="county")
    for _ in range(2):
        with transaction.atomic():
            t = time.perf_counter()
            services.result_compute(scheme=scheme, by=county)
            ms = (time.perf_counter() - t) * 1000
            transaction.set_rollback(True)
        print(
            f"assessment recompute: {ms:,.0f} ms ({scheme.lines.count()} lines × {scheme.towns.count()} towns)",
            flush=True,
        )


def serve(args) -> None:
    from bench_cases import (
        cpu_reference_ms,
        fmt,
        free_port,
        load,
        print_cpu,
        session_cookie,
        start_server,
        stop_server,
    )

    port = free_port()
    print(
        f"CPU reference loop: {cpu_reference_ms():.0f} ms (lower is faster; see bench/README.md)", flush=True
    )
    server = start_server(args, port)
    url = f"http://127.0.0.1:{port}/county/dashboard/"
    headers = [f"Cookie: {session_cookie('county')}"]
    try:
        if args.warm:
            # every worker computes the page once (its own cache): the cold views, shown apart
            cold = load(url, argparse.Namespace(**{**vars(args), "duration": args.warm}), headers=headers)
            print(fmt("warm-up", cold), flush=True)
        r = load(url, args, headers=headers, server_pid=server.pid)
    finally:
        stop_server(server)
    print(fmt("county", r), flush=True)
    print_cpu(r)


def main() -> None:
    p = argparse.ArgumentParser(description="County dashboard and assessment benchmark (prints figures).")
    p.add_argument("requests", nargs="?", type=int, default=30, help="in-process requests")
    p.add_argument("--db", help="database on BENCH_PG (default: DATABASE_URL as it is)")
    p.add_argument("--serve", action="store_true", help="gunicorn and 8 connections instead of in process")
    p.add_argument("--duration", type=float, default=20)
    p.add_argument(
        "--warm",
        type=float,
        default=10,
        help="seconds of unmeasured load first, so each worker's cache holds the page (0: none)",
    )
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    if args.db:
        from bench_cases import _env

        os.environ.update(_env(args.db))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    os.environ.setdefault("LUOSHI_DEMO", "1")
    import django

    django.setup()
    if args.serve:
        serve(args)
    else:
        in_process(args.requests)
    page_queries()
    recompute()


if __name__ == "__main__":
    main()
