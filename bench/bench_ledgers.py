"""Ledgers under load: items and inspections on PostgreSQL, gunicorn, 8 concurrent connections.

    python bench/bench_ledgers.py                           # 100,000 items, 1,000,000 inspections
    python bench/bench_ledgers.py --items 20000 --inspections 200000 --duration 10
    python bench/bench_ledgers.py --reuse

Scenarios (``bench/loadgen.py`` in a second process; helpers shared with ``bench_cases.py``):
  register  /ledgers/streetlight/ first page (50 rows of the town's lights), as the town office
  search    /ledgers/streetlight/?q=<a number>, as the town office
  ranking   /ledgers/ranking/?sheet=living-env&period=<last month, complete>, as a village cadre
  item      /ledgers/item/<id>/ (an item with its inspections and cases), as the town office
Goal on a 2-core machine: register and ranking pages p95 < 200 ms at 8 connections. After each scenario
the page's SQL is captured with the test client and re-timed statement by statement.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from urllib.parse import urlencode

from bench_cases import (
    ROOT,
    _env,
    cpu_reference_ms,
    create_database,
    fmt,
    free_port,
    load,
    session_cookie,
    sql_time,
    start_server,
)

sys.path.insert(0, str(ROOT))

# Items: lights spread over the demo towns' villages; inspections: 24 months back, spread over
# items, with sheet, period, scores and maintainers as the service writes them.
ITEMS = """
INSERT INTO ledgers_item (register_type_id, town_id, village_id, number, name, owner, maintainer,
                          attributes, is_active, created_at, polygon)
SELECT %(rt)s, v.town_id, v.id, 'B-' || lpad(g::text, 7, '0'), '路灯' || g, '道路' || (g %% 97),
       '承包商' || (g %% 7), '{"power": "市电"}'::jsonb, true, now() - interval '2 years', NULL
FROM generate_series(1, %(n)s) g
JOIN LATERAL (SELECT id, town_id FROM org_village ORDER BY id OFFSET (g %% %(nv)s) LIMIT 1) v ON true
"""
INSPECTIONS = """
INSERT INTO ledgers_inspection (item_id, sheet_id, sheet_code, period, once, town_id, village_id, grid_id,
    contractor, inspector_id, inspected_at, score, max_score, percent, passed, note, client_token)
SELECT i.id, %(sheet)s, %(code)s, to_char(t, 'YYYY-MM'), false, i.town_id, i.village_id, NULL,
       i.maintainer, %(user)s, t, s, 100, s, s >= 60, '', md5(g::text || random()::text)::uuid
FROM generate_series(1, %(n)s) g
JOIN LATERAL (SELECT now() - (g %% 730) * interval '1 day' AS t,
                     (40 + (g::bigint * 7919) %% 61)::numeric AS s) x ON true
JOIN ledgers_item i ON i.id = %(first)s + (g %% %(items)s)
"""


def prepare(args) -> dict:
    import django

    if not args.reuse:
        print(f"creating database {args.db} …", flush=True)
        create_database(args.db)
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", "--noinput", verbosity=0)
    from luoshi.ledgers import rollup
    from luoshi.ledgers.models import Inspection, Item, RegisterType, ScoreSheet
    from luoshi.org.demo import load_org

    ctx = load_org()
    rt = RegisterType.objects.get(code="streetlight")
    sheet = ScoreSheet.objects.get(code="living-env", is_current=True)
    if not args.reuse or not Item.objects.exists():
        nv = ctx.towns[0].villages.count() + ctx.towns[1].villages.count()
        print(f"generating {args.items:,} items and {args.inspections:,} inspections …", flush=True)
        with connection.cursor() as cur:
            cur.execute(ITEMS, {"rt": rt.pk, "n": args.items, "nv": nv})
            first = Item.objects.order_by("id").values_list("id", flat=True).first()
            cur.execute(
                INSPECTIONS,
                {
                    "sheet": sheet.pk,
                    "code": sheet.code,
                    "user": ctx.users["office"].pk,
                    "n": args.inspections,
                    "first": first,
                    "items": args.items,
                },
            )
            cur.execute("ANALYZE ledgers_item; ANALYZE ledgers_inspection")
        print("rebuilding the score roll-up from the inspections …", flush=True)
        rollup.rebuild()  # the service keeps it; a bulk SQL load has to rebuild it
    # last month: the newest complete one (about 20,000 of the town's inspections)
    months = Inspection.objects.filter(town=ctx.towns[0]).values_list("period", flat=True).distinct()
    busiest = list(months.order_by("-period")[:2])[-1]
    item = Item.objects.filter(town=ctx.towns[0]).order_by("id").first()
    return {"period": busiest, "item": item.pk, "number": item.number}


def main() -> int:
    p = argparse.ArgumentParser(description="Ledgers benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench_ledgers")
    p.add_argument("--items", type=int, default=100_000)
    p.add_argument("--inspections", type=int, default=1_000_000)
    p.add_argument("--reuse", action="store_true")
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--only", default="register,search,ranking,item")
    args = p.parse_args()
    os.environ.update(_env(args.db))
    facts = prepare(args)
    scenarios = {
        "register": ("/ledgers/streetlight/", "office", {}),
        "search": ("/ledgers/streetlight/", "office", {"q": facts["number"]}),
        "ranking": ("/ledgers/ranking/", "village", {"sheet": "living-env", "period": facts["period"]}),
        "item": (f"/ledgers/item/{facts['item']}/", "office", {}),
    }
    port = free_port()
    print(
        f"CPU reference loop: {cpu_reference_ms():.0f} ms (lower is faster; see bench/README.md)", flush=True
    )
    print(
        f"serving on 127.0.0.1:{port} (gunicorn {args.workers} workers × {args.threads} threads); "
        f"{args.connections} connections, {args.duration:.0f} s per scenario",
        flush=True,
    )
    server = start_server(args, port)
    try:
        for name in [s for s in args.only.split(",") if s]:
            path, user, query = scenarios[name]
            url = f"http://127.0.0.1:{port}{path}" + (f"?{urlencode(query)}" if query else "")
            r = load(url, args, headers=[f"Cookie: {session_cookie(user)}"], server_pid=server.pid)
            print(fmt(name, r), flush=True)
            if "cpu_ms" in r:
                c = r["cpu_ms"]
                print(
                    f"{'':8} CPU per request: server {c['server']:.1f} ms, postgres {c['postgres']:.1f} ms, "
                    f"loadgen {c['loadgen']:.1f} ms",
                    flush=True,
                )
            t = sql_time(path + (f"?{urlencode(query)}" if query else ""), user)
            print(
                f"{'':8} page SQL re-timed: {t['queries']} statements, {t['total_ms']:.1f} ms "
                f"(slowest {t['slowest'][0][0] if t['slowest'] else 0} ms)",
                flush=True,
            )
    finally:
        server.terminate()
        try:
            server.wait(60)  # a loaded machine may take a while to stop the workers
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
