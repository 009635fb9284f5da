"""Economy desk: importing 500 enterprises × 60 months, and the dashboard with 30 towns' data.

    python bench/bench_economy.py                      # create luoshi_bench_economy, import, serve, measure
    python bench/bench_economy.py --duration 10 --towns 30 --enterprises 500 --months 60

1. Import: 500 enterprises registered in 云溪镇, one .xlsx of one row per enterprise-month (30,000
   rows × 9 columns) written with openpyxl, then ``imports.check`` (read, match, validate every row:
   the dry run) and ``imports.commit`` (all rows, with their history rows, in one transaction),
   each timed; then the same file again with every figure changed (30,000 revisions).
2. Dashboard: 29 more towns with 60 enterprises × 36 months each (bulk insert), then ``luoshi serve``
   (2 workers × 4 threads) and 8 connections from ``bench/loadgen.py`` on
   - ``county``: /economy/ as the county user (every town's totals, 24 months each, in one query);
   - ``desk``: /economy/?town=云溪镇 as the town leader (totals, the warnings over 500 enterprises and
     the nowcast: the last month's output withheld, so every one of them is estimated from kWh);
   - ``nowcast``: /economy/nowcast/?town=云溪镇 as the town leader (a page of 50 enterprises'
     estimates, each shown enterprise logged as viewed).
   The nowcast's first computation for the 500 enterprises (before the cache) is timed on its own,
   and the county and desk pages' CPU per request served in process (no HTTP server, no load).
Prints figures; not a test. Goals (issue 15): import < 10 s; dashboard p95 < 300 ms at 8 connections.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cases import (  # noqa: E402 - the shared helpers of the case benchmark
    add_months,
    cpu_reference_ms,
    demo_database,
    fmt,
    free_port,
    load,
    server_options,
    session_cookie,
    start_server,
    stop_server,
)


def register(town, n: int, start: int, desk):
    from simple_history.utils import bulk_create_with_history

    from luoshi.economy import credit_code
    from luoshi.economy.models import Enterprise, Scale, ScaleFlag

    ents = []
    for i in range(start, start + n):
        first17 = f"91{town.code[:6]}{i:09d}"
        ents.append(
            Enterprise(
                credit_code=first17 + credit_code.check_character(first17),
                name=f"{town.name}测试企业{i}",
                industry="C3484",
                town=town,
                desk=desk,
            )
        )
    bulk_create_with_history(ents, Enterprise, batch_size=2000)
    ents = list(Enterprise.objects.filter(town=town).order_by("pk"))
    ScaleFlag.objects.bulk_create(
        [ScaleFlag(enterprise=e, scale=Scale.INDUSTRY, since=dt.date(2015, 1, 1)) for e in ents]
    )
    return ents


def write_feed(path: Path, ents, months: list[dt.date], factor: float = 1.0) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("feed")
    ws.append(
        [
            "统一社会信用代码",
            "月份",
            "用电量",
            "用工人数",
            "工业总产值",
            "主营业务收入",
            "应税销售",
            "入库税金",
            "投资",
        ]
    )
    rnd = random.Random(7)
    for e in ents:
        base = rnd.uniform(200, 3000)
        for m in months:
            out = base * rnd.uniform(0.95, 1.05) * factor
            ws.append(
                [
                    e.credit_code,
                    f"{m:%Y-%m}",
                    round(out * 500),
                    120,
                    round(out, 1),
                    round(out * 0.97, 1),
                    round(out * 0.9, 1),
                    round(out * 0.036, 1),
                    None,
                ]
            )
    wb.save(path)


def bench_import(args, town, desk, user) -> None:
    from luoshi.economy import imports, services
    from luoshi.economy.models import Feed, MonthlyReturn

    ents = register(town, args.enterprises, 1, desk)
    last = add_months(dt.date.today().replace(day=1), -1)
    months = [add_months(last, -k) for k in reversed(range(args.months))]
    feed = services.feed_create(
        by=user, town=town, name="bench", source="stats", layout=Feed.Layout.ROWS, key="credit_code"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for label, factor in (("first import", 1.0), ("re-import, every figure revised", 1.1)):
            path = Path(tmp) / "feed.xlsx"
            t0 = time.perf_counter()
            write_feed(path, ents, months, factor)
            t1 = time.perf_counter()
            res = imports.check(path, town=town, key=feed.key, layout=feed.layout, mapping=feed.mapping)
            t2 = time.perf_counter()
            assert not res.problems, res.problems[:3]
            counts = imports.commit(
                res.rows, town=town, feed=feed, by=user, mapping=imports.feed_mapping(res)
            )
            t3 = time.perf_counter()
            print(
                f"{label}: {len(res.rows):,} rows ({args.enterprises} enterprises × {args.months} months, "
                f"{path.stat().st_size / 1e6:.1f} MB; writing the file {t1 - t0:.1f} s) — "
                f"dry run {t2 - t1:.1f} s, commit {t3 - t2:.1f} s, import total {t3 - t1:.1f} s {counts}",
                flush=True,
            )
    print(f"monthly returns now: {MonthlyReturn.objects.count():,}", flush=True)


def seed_towns(args, county) -> None:
    """More towns, each with 60 enterprises × 36 months of returns (bulk insert, no history)."""
    from luoshi.economy.models import MonthlyReturn
    from luoshi.org.models import Town, Unit

    last = add_months(dt.date.today().replace(day=1), -1)
    rnd = random.Random(11)
    for t in range(args.towns - 2):
        code = f"3699019{t:02d}"
        town, _ = Town.objects.get_or_create(code=code, defaults={"name": f"测试镇{t}", "county": county})
        desk, _ = Unit.objects.get_or_create(town=town, code="jfb", defaults={"name": "经发办"})
        ents = register(town, 60, 100_000 + t * 100, desk)
        rows = []
        for e in ents:
            base = rnd.uniform(200, 3000)
            for k in range(36):
                out = base * rnd.uniform(0.95, 1.05)
                rows.append(
                    MonthlyReturn(
                        enterprise=e,
                        town=town,
                        month=add_months(last, -k),
                        kwh=out * 500,
                        employment=100,
                        output=out,
                        sales=out,
                        taxable_sales=out * 0.9,
                        tax=out * 0.036,
                    )
                )
        MonthlyReturn.objects.bulk_create(rows, batch_size=5000)
    print(f"{Town.objects.count()} towns, {MonthlyReturn.objects.count():,} monthly returns", flush=True)


def withhold_output(town) -> None:
    """The statistics of the last month have not arrived: the desk's nowcast estimates them from kWh.
    Times the nowcast's first (uncached) computation over the town's enterprises."""
    from luoshi.economy import nowcast_town
    from luoshi.economy.models import MonthlyReturn, Scale

    last = MonthlyReturn.objects.filter(town=town).order_by("-month").values_list("month", flat=True)[0]
    n = MonthlyReturn.objects.filter(town=town, month=last).update(output=None, sales=None)
    limits = nowcast_town.limits_for(town)
    t0 = time.perf_counter()
    got = nowcast_town._town_nowcast(town, last, Scale.INDUSTRY, limits)
    ms = (time.perf_counter() - t0) * 1000
    t = got.total
    print(
        f"nowcast {last:%Y-%m}: output withheld for {n} enterprises; first computation {ms:.0f} ms "
        f"({t.estimated_n} estimated, {t.missing_n} not, back-test error of the sum {t.error_pct or 0:.2f}%)",
        flush=True,
    )
    nowcast_town.town_nowcast(town, last, Scale.INDUSTRY)  # into the cache
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(200):
        nowcast_town.town_nowcast(town, last, Scale.INDUSTRY)
    wall, cpu = (time.perf_counter() - t0) * 5, (time.process_time() - c0) * 5
    print(
        f"nowcast from the cache (what each dashboard request pays): {wall:.2f} ms per call, "
        f"{cpu:.2f} ms CPU in Python (the town's state in 2 queries, then the object kept in the process)",
        flush=True,
    )


def in_process(yunxi, n: int = 50) -> None:
    """CPU per request of the county dashboard and the town desk served in this process (Django's
    test client, after a warm-up): the server's Python cost without the HTTP server or the load."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    from luoshi.org.models import User

    setup_test_environment()  # the test client's host name is allowed
    for name, user, path in (
        ("county", "county", "/economy/"),
        ("desk", "leader", f"/economy/?town={yunxi.pk}"),
    ):
        c = Client()
        c.force_login(User.objects.get(username=user))
        for _ in range(3):
            assert c.get(path).status_code == 200
        c0 = time.process_time()
        for _ in range(n):
            c.get(path)
        cpu = (time.process_time() - c0) / n * 1000
        print(
            f"{name} in process: {cpu:.1f} ms CPU per request ({n} requests; "
            f"CPU reference loop {cpu_reference_ms():.0f} ms)",
            flush=True,
        )


def main() -> int:
    p = argparse.ArgumentParser(description="Economy desk benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench_economy")
    p.add_argument("--enterprises", type=int, default=500)
    p.add_argument("--months", type=int, default=60)
    p.add_argument("--towns", type=int, default=30)
    server_options(p)
    args = p.parse_args()
    ctx = demo_database(args.db)

    from luoshi.org.models import Unit

    yunxi = ctx.towns[0]
    print(
        f"CPU reference loop: {cpu_reference_ms():.0f} ms (lower is faster; see bench/README.md)", flush=True
    )
    bench_import(args, yunxi, Unit.objects.get(town=yunxi, code="jfb"), ctx.users["leader"])
    seed_towns(args, ctx.county)
    withhold_output(yunxi)
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    in_process(yunxi)
    port = free_port()
    server = start_server(args, port)
    try:
        for name, path, user in (
            ("county", "/economy/", "county"),
            ("desk", f"/economy/?town={yunxi.pk}", "leader"),
            ("nowcast", f"/economy/nowcast/?town={yunxi.pk}", "leader"),
        ):
            r = load(
                f"http://127.0.0.1:{port}{path}",
                args,
                headers=[f"Cookie: {session_cookie(user)}"],
                server_pid=server.pid,
            )
            print(fmt(name, r), flush=True)
            if "cpu_ms" in r:
                c = r["cpu_ms"]
                print(
                    f"         CPU per request: server {c['server']:.1f} ms, PostgreSQL {c['postgres']:.1f} ms, "
                    f"load generator {c['loadgen']:.1f} ms",
                    flush=True,
                )
    finally:
        stop_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
