"""Assistance ledgers at county scale: the household list, the household page and the KPI page under
load, and the payments import (dry run and commit).

    python bench/bench_assistance.py                         # create luoshi_bench_assistance, seed, measure
    python bench/bench_assistance.py --towns 30 --households 2000 --duration 20

1. Seeds ``--towns`` towns (the demo's two plus more) with ``--households`` monitored households each
   (1,000 in the added towns), two members each, every sensitive field encrypted as in production
   (Fernet, so seeding pays the real encryption cost); 低保 paid monthly to half of them (24 months
   in 云溪镇, 12 elsewhere); 12 months of (encrypted) income for the households being helped and the
   脱贫不稳定户, so the elimination proposals and the income KPI have real work to do.
2. ``luoshi serve`` (2 workers × 4 threads), 8 connections (``bench/loadgen.py``):
   - ``list``: /assistance/ as 云溪镇's office (its households, first page, the system's elimination
     proposals computed from the decrypted incomes);
   - ``village``: /assistance/ as a village cadre;
   - ``detail``: one household page as the office;
   - ``kpis``: /assistance/kpis/ as the county (every town's KPIs);
3. the payments import of one month for every paid household of 云溪镇 (one .xlsx): dry run and
   commit, timed.
Prints figures; not a test. Goal: the pages p95 < 300 ms at 8 connections; the import of 1,000 rows < 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cases import (  # noqa: E402 - the shared helpers of the case benchmark
    add_months,
    cpu_reference_ms,
    demo_database,
    fmt,
    free_port,
    load,
    print_cpu,
    server_options,
    session_cookie,
    start_server,
    stop_server,
)


def id_number(rnd: random.Random) -> str:
    body = f"369901{rnd.randint(1950, 2010)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randint(0, 999):03d}"
    return body + rnd.choice("0123456789X")


def seed_town(town, n: int, months_paid: int, rnd: random.Random, user) -> int:
    """``n`` households in ``town``'s villages; returns how many were created."""
    from django.utils import timezone

    from luoshi.assistance import crypto
    from luoshi.assistance.models import Household, IncomeRecord, Member, Payment, Status

    villages = list(town.villages.order_by("code"))
    now = timezone.now()
    last = add_months(dt.date.today().replace(day=1), -1)
    households = []
    for i in range(n):
        v = villages[i % len(villages)]
        ident = id_number(rnd)
        status = rnd.choice(
            [Status.MONITORED, Status.ASSISTING, Status.ASSISTING, Status.ELIMINATED, Status.FLAGGED]
        )
        households.append(
            Household(
                town=town,
                village=v,
                number=f"{v.code}{i:05d}",
                head_name=f"户主{i}",
                head_id_number=ident,
                head_id_hash=crypto.lookup_hash(ident),
                phone=f"139{rnd.randint(0, 99999999):08d}",
                category=rnd.choice(["unstable", "marginal", "sudden"]),
                channel="cadre",
                risk_type="illness",
                risk_note="因病支出大",
                status=status,
                flagged_at=now - dt.timedelta(days=rnd.randint(20, 700)),
                identify_due=dt.date.today() + dt.timedelta(days=rnd.randint(-30, 15)),
                approved_on=dt.date.today() - dt.timedelta(days=rnd.randint(1, 300)),
                flagged_by=user,
                # a third of the households have 三保障, water and rigid expenses settled: candidates
                # for risk elimination whose incomes the list page must then check
                **dict.fromkeys(
                    (
                        "education_secured",
                        "medical_secured",
                        "housing_secured",
                        "water_secured",
                        "rigid_expenses_resolved",
                    ),
                    i % 3 == 0,
                ),
            )
        )
    Household.objects.bulk_create(households, batch_size=2000)
    households = list(Household.objects.filter(town=town).order_by("pk"))
    members, incomes, payments = [], [], []
    for h in households:
        for k, rel in enumerate(("head", "spouse")):
            ident = id_number(rnd)
            members.append(
                Member(
                    household=h,
                    name=f"{h.head_name}{k}",
                    relation=rel,
                    id_number=ident,
                    id_hash=crypto.lookup_hash(ident),
                )
            )
        if h.status == "assisting" or h.category == "unstable":
            base = rnd.uniform(600, 1600)
            for m in range(12):
                incomes.append(
                    IncomeRecord(
                        household=h,
                        month=add_months(last, -m),
                        amount=Decimal(f"{base * rnd.uniform(0.9, 1.1):.2f}"),
                    )
                )
        if h.pk % 2 == 0:
            for m in range(months_paid):
                payments.append(
                    Payment(
                        household=h,
                        town=town,
                        programme="dibao",
                        month=add_months(last, -m),
                        amount=Decimal("650"),
                        persons=2,
                    )
                )
    Member.objects.bulk_create(members, batch_size=5000)
    IncomeRecord.objects.bulk_create(incomes, batch_size=5000)
    Payment.objects.bulk_create(payments, batch_size=5000)
    return len(households)


def bench_import(town, user) -> None:
    from openpyxl import Workbook

    from luoshi.assistance import imports
    from luoshi.assistance.models import Member, Payment
    from luoshi.lib import sheets

    month = dt.date.today().replace(day=1)
    paid = Payment.objects.filter(town=town, corrects__isnull=True).values("household_id").distinct()
    heads = Member.objects.filter(household_id__in=paid, relation="head")
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "救助类别", "发放月份", "发放金额"])
    n = 0
    for m in heads.iterator():
        ws.append([m.name, m.id_number, "低保", f"{month:%Y-%m}", 650])
        n += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        wb.save(path)
        t0 = time.perf_counter()
        rows, problems = imports.check(sheets.read_sheet(path), user)
    t1 = time.perf_counter()
    assert not problems, [str(p) for p in problems[:3]]
    imports.commit(rows, by=user, source="bench")
    t2 = time.perf_counter()
    print(f"payments import: {n:,} rows — dry run {t1 - t0:.1f} s, commit {t2 - t1:.1f} s", flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description="Assistance ledgers benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench_assistance")
    p.add_argument("--towns", type=int, default=30)
    p.add_argument(
        "--households", type=int, default=2000, help="households of 云溪镇 (1,000 in each added town)"
    )
    server_options(p)
    args = p.parse_args()
    ctx = demo_database(args.db)
    from django.db import connection

    from luoshi.assistance.models import Household, IncomeLine, Payment
    from luoshi.org.models import Town, Village

    yunxi = ctx.towns[0]
    for year in range(2020, 2031):
        IncomeLine.objects.get_or_create(
            province_code="36", year=year, defaults={"province_name": "示范省", "amount": 6000}
        )
    print(
        f"CPU reference loop: {cpu_reference_ms():.0f} ms (lower is faster; see bench/README.md)", flush=True
    )
    rnd = random.Random(5)
    t0 = time.perf_counter()
    seed_town(yunxi, args.households, 24, rnd, ctx.users["office"])
    for t in range(args.towns - 1):
        town = (
            ctx.towns[1]
            if t == 0
            else Town.objects.get_or_create(
                code=f"3699018{t:02d}", defaults={"name": f"测试镇{t}", "county": ctx.county}
            )[0]
        )
        if not town.villages.exists():
            for k in range(10):
                Village.objects.create(town=town, code=f"{town.code}{k:03d}", name=f"{town.name}{k}村")
        seed_town(town, 1000, 12, rnd, ctx.users["office"])
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(
        f"seeded in {time.perf_counter() - t0:.0f} s: {Town.objects.count()} towns, "
        f"{Household.objects.count():,} households, {Payment.objects.count():,} payments",
        flush=True,
    )
    sample = Household.objects.filter(town=yunxi, status="assisting").order_by("pk").first()
    port = free_port()
    server = start_server(args, port)
    try:
        for name, path, user in (
            ("list", "/assistance/", "office"),
            ("village", "/assistance/", "village"),
            ("detail", f"/assistance/{sample.pk}/", "office"),
            ("kpis", "/assistance/kpis/", "county"),
        ):
            r = load(
                f"http://127.0.0.1:{port}{path}",
                args,
                headers=[f"Cookie: {session_cookie(user)}"],
                server_pid=server.pid,
            )
            print(fmt(name, r), flush=True)
            print_cpu(r)
    finally:
        stop_server(server)
    bench_import(yunxi, ctx.users["office"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
