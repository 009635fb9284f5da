"""Case engine under load: 1,000,000 cases on PostgreSQL, gunicorn, 8 concurrent connections.

    python bench/bench_cases.py                  # create luoshi_bench, generate, serve, measure
    python bench/bench_cases.py --reuse          # keep the generated database
    python bench/bench_cases.py --cases 200000 --duration 10 --only queue,kpi

Scenarios (each from a separate load-generator process, ``bench/loadgen.py``):
  queue   a unit's work queue, first page of 25 rows, signed in as the demo unit staff (应急管理办)
  kpi     the town-year KPI page (/cases/kpi/, this year) signed in as the town leader
  intake  Open311 POST service request (creates a case through ``services.case_create``)
Then the page's own SQL is captured with Django's test client and re-timed directly
(median of 5 runs per statement) so server overhead and database time can be told apart.
Prints figures; it is not a test. Goals on a 2-core machine: queue p95 < 100 ms,
KPI p95 < 300 ms, intake ≥ 400 created/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
BIN = Path(sys.executable).parent


def _env(db: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "LUOSHI_DEMO": "1",
        "DEBUG": "0",
        "LUOSHI_DATA_DIR": os.environ.get("LUOSHI_DATA_DIR", str(ROOT / "data" / "bench")),
        "DB_CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "luoshi.settings",
    }


def create_database(db: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{db}"')


# One INSERT … SELECT over generate_series: 2 towns × villages × units × types × categories,
# received over the last 12 months; older cases mostly closed, recent ones spread over the queues.
GENERATE = """
SELECT setseed(0.42);
CREATE TEMP TABLE b_v AS SELECT (row_number() OVER (ORDER BY v.id) - 1)::int AS i, v.id, v.town_id,
    t.county_id, v.name, (SELECT min(g.id) FROM org_grid g WHERE g.village_id = v.id) AS grid_id
    FROM org_village v JOIN org_town t ON t.id = v.town_id;
CREATE TEMP TABLE b_u AS SELECT (row_number() OVER (PARTITION BY town_id ORDER BY id) - 1)::int AS i,
    id, town_id FROM org_unit;
CREATE TEMP TABLE b_c AS SELECT (row_number() OVER (ORDER BY c.id) - 1)::int AS i, c.id,
    c.case_type_id, ct.default_channel, c.name FROM cases_category c JOIN cases_casetype ct ON ct.id = c.case_type_id;
CREATE TEMP TABLE b_s AS
SELECT g, random() AS rv, random() AS rc, random() AS ru, random() AS rt, random() AS rs, random() AS rd,
    random() AS rr, now() - (random() * interval '365 days') AS received
FROM generate_series(1, %(n)s) AS g;
CREATE TEMP TABLE b_x AS
SELECT s.*, v.id AS village_id, v.town_id, v.county_id, v.grid_id, v.name AS village_name,
    c.id AS category_id, c.case_type_id, c.default_channel, c.name AS category_name,
    (SELECT u.id FROM b_u u WHERE u.town_id = v.town_id AND u.i = floor(s.ru * 10)::int) AS unit_id,
    CASE
      WHEN s.received < now() - interval '30 days' THEN
        CASE WHEN s.rs < 0.93 THEN 'closed' WHEN s.rs < 0.96 THEN 'resolved' WHEN s.rs < 0.975 THEN 'cancelled'
             WHEN s.rs < 0.98 THEN 'merged' WHEN s.rs < 0.99 THEN 'suspended' ELSE 'in_progress' END
      ELSE
        CASE WHEN s.rs < 0.10 THEN 'received' WHEN s.rs < 0.25 THEN 'dispatched' WHEN s.rs < 0.55 THEN 'in_progress'
             WHEN s.rs < 0.57 THEN 'returned' WHEN s.rs < 0.72 THEN 'resolved' ELSE 'closed' END
    END AS status
FROM b_s s
JOIN b_v v ON v.i = floor(s.rv * (SELECT count(*) FROM b_v))::int
JOIN b_c c ON c.i = floor(s.rc * (SELECT count(*) FROM b_c))::int;
INSERT INTO cases_case (
    number, external_no, tracking_code, priority, channel, title, content, address, details,
    contact_name, contact_phone, status, stage, status_before_suspend, version, received_at,
    dispatched_at, signed_at, first_response_at, resolved_at, reviewed_at, closed_at, paused_seconds,
    paused_days, clock_started_at, due_at, warn_at, resolved_on_time, near_due, overdue,
    extension_state, extension_days, extension_reason, urge_count, supervised, return_count,
    dispatch_count, reopen_count, last_return_reason, reply, outcome, rating, rating_reason,
    rating_channel, created_at, updated_at, county_id, town_id, village_id, grid_id, unit_id,
    routed_unit_id, case_type_id, category_id, review_level, review_state, review_decision, short_code)
SELECT
    to_char(received, 'YYYYMMDD') || '-' || upper(lpad(to_hex(g), 8, '0')), '', md5(g::text),
    CASE WHEN rt < 0.05 THEN 'urgent' ELSE 'normal' END, default_channel,
    village_name || category_name || '问题反映', village_name || '群众反映' || category_name || '方面的问题，请尽快处理。编号' || g,
    village_name || (1 + floor(rd * 40))::int || '号', '{}', '', '',
    status,
    CASE WHEN status IN ('received','dispatched','in_progress','returned') THEN 'open'
         WHEN status = 'suspended' THEN 'paused' WHEN status = 'resolved' THEN 'resolved' ELSE 'closed' END,
    '', 1, received,
    CASE WHEN status = 'received' THEN NULL ELSE received + interval '2 hours' END,
    CASE WHEN status IN ('received','dispatched','returned') THEN NULL ELSE received + interval '5 hours' END,
    CASE WHEN status IN ('received','dispatched','returned') THEN NULL ELSE received + interval '1 day' END,
    CASE WHEN status IN ('resolved','closed') THEN received + rd * interval '9 days' END,
    CASE WHEN status = 'closed' AND rr < 0.9 THEN received + rd * interval '9 days' + interval '1 day' END,
    CASE WHEN status IN ('closed','cancelled','merged') THEN received + rd * interval '9 days' + interval '1 day' END,
    0, 0, received, received + interval '7 days', received + interval '6 days',
    CASE WHEN status IN ('resolved','closed') THEN rd * 9 <= 7 END,
    false,
    CASE WHEN status IN ('dispatched','in_progress','returned') THEN received + interval '7 days' < now()
         WHEN status IN ('resolved','closed') THEN rd * 9 > 7 ELSE false END,
    '', 0, '', 0, false, 0,
    CASE WHEN status = 'received' THEN 0 ELSE 1 END, 0, '',
    CASE WHEN status IN ('resolved','closed') THEN '已办理，诉求人认可。' ELSE '' END,
    CASE WHEN status IN ('resolved','closed') THEN (CASE WHEN rr < 0.85 THEN 'resolved' ELSE 'partly' END) ELSE '' END,
    CASE WHEN status = 'closed' AND rr < 0.9 THEN
        (CASE WHEN rr < 0.75 THEN 'satisfied' WHEN rr < 0.86 THEN 'basic' ELSE 'unsatisfied' END) ELSE '' END,
    '', CASE WHEN status = 'closed' AND rr < 0.9 THEN 'phone' ELSE '' END,
    received, received + interval '1 day', county_id, town_id, village_id, grid_id,
    CASE WHEN status = 'received' THEN NULL ELSE unit_id END, unit_id, case_type_id, category_id, 0, '', '',
    upper(lpad(to_hex(g), 8, '0'))  -- unique short code (bench data only)
FROM b_x;
"""


def generate(n: int, progress=print) -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases_case' "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        )
        indexes = cur.fetchall()
        for name, _definition in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        t0 = time.perf_counter()
        for statement in [s for s in GENERATE.split(";\n") if s.strip()]:
            cur.execute(statement.replace("%(n)s", str(int(n))))
        progress(
            f"  inserted {n:,} cases in {time.perf_counter() - t0:.0f} s; rebuilding {len(indexes)} indexes …"
        )
        t0 = time.perf_counter()
        cur.execute("SET maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cur.execute(definition)
        progress(f"  indexes in {time.perf_counter() - t0:.0f} s")
        from luoshi.cases import rollup

        t0 = time.perf_counter()
        cells = rollup.rebuild()  # the INSERT … SELECT bypasses Case.save(): recompute the KPI roll-up
        progress(f"  KPI roll-up: {cells:,} cells in {time.perf_counter() - t0:.0f} s")
        cur.execute("VACUUM ANALYZE cases_case") if connection.get_autocommit() else None
    if not connection.get_autocommit():
        connection.commit()


def prepare_database(args) -> None:
    import django

    if not args.reuse:
        print(f"creating database {args.db} …", flush=True)
        create_database(args.db)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from luoshi.cases.models import Case
    from luoshi.org.demo import load_org

    load_org()
    have = Case.objects.count()
    if not args.reuse or have == 0:
        print(f"generating {args.cases:,} cases …", flush=True)
        generate(args.cases)
    else:
        print(f"reusing {have:,} cases", flush=True)
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE cases_case")


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from luoshi.org.models import User

    user = User.objects.get(username=username)
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return f"{settings.SESSION_COOKIE_NAME}={s.session_key}"


def cpu_reference_ms() -> float:
    """Time of a fixed pure-Python loop (best of 3): how fast this machine's cores are right now.

    On a shared virtual machine the same code can run 1.5–2× slower from one minute to the next;
    printing this beside the figures lets runs be compared.
    """
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    cmd = [str(BIN / "luoshi"), "serve", "--port", str(port), "--workers", str(args.workers)]
    cmd += ["--threads", str(args.threads)]
    env = env if env is not None else _env(args.db)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(proc.stderr.read().decode()) from None
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("server did not start")


def _cpu(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, str]]:
    """{pid: (parent pid, command name)} of every process (Linux /proc)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            out[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), name)
    return out


def process_tree(root_pid: int, procs: dict[int, tuple[int, str]] | None = None) -> set[int]:
    """The process and all its descendants."""
    procs = procs if procs is not None else _processes()
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _n) in procs.items() if ppid == parent]
        tree.update(children)
        frontier += children
    return tree


def cpu_snapshot(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server's process tree and by PostgreSQL's processes."""
    procs = _processes()
    tree = process_tree(server_pid, procs)
    postgres = [pid for pid, (_p, name) in procs.items() if name == "postgres"]
    ours = _backends_of_bench_db()
    if ours is not None:  # on a shared server other databases' backends come and go: count ours only
        postgres = [pid for pid in postgres if pid in ours]
    return {"server": sum(map(_cpu, tree)), "postgres": sum(map(_cpu, postgres))}


def _backends_of_bench_db() -> set[int] | None:
    """PIDs of the backends connected to the benchmark's database (``DATABASE_URL``), or None."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        return {r[0] for r in rows}
    except Exception:  # noqa: BLE001 - a figure, not a failure: fall back to every postgres process
        return None


def load(url: str, args, *, method="GET", headers=(), body=None, server_pid: int | None = None) -> dict:
    cmd = [sys.executable, str(ROOT / "bench" / "loadgen.py"), "--url", url, "--method", method]
    cmd += ["--connections", str(args.connections), "--duration", str(args.duration)]
    for h in headers:
        cmd += ["--header", h]
    if body is not None:
        cmd += ["--body", body]
    before = cpu_snapshot(server_pid) if server_pid and Path("/proc/self/stat").exists() else None
    own = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    if before is not None and result.get("requests_all"):
        after, done = cpu_snapshot(server_pid), resource.getrusage(resource.RUSAGE_CHILDREN)
        n = result["requests_all"]
        loadgen = done.ru_utime + done.ru_stime - own.ru_utime - own.ru_stime
        result["cpu_ms"] = {
            "server": 1000 * (after["server"] - before["server"]) / n,
            "postgres": 1000 * (after["postgres"] - before["postgres"]) / n,
            "loadgen": 1000 * loadgen / n,
        }
    return result


def sql_time(path: str, username: str | None, *, method="get", data=None, runs: int = 5) -> dict:
    """Capture a request's SQL with the test client, then re-run each statement directly."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from luoshi.org.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    if username:
        client.force_login(User.objects.get(username=username))
    getattr(client, method)(path, data or {})  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        resp = getattr(client, method)(path, data or {})
    assert resp.status_code < 300, (path, resp.status_code)
    timings = []
    with connection.cursor() as cur:
        for q in ctx.captured_queries:
            sql = q["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                timings.append((float(q["time"]) * 1000, sql))
                continue
            samples = []
            for _ in range(runs):
                t0 = time.perf_counter()
                cur.execute(sql)
                cur.fetchall()
                samples.append((time.perf_counter() - t0) * 1000)
            timings.append((statistics.median(samples), sql))
    timings.sort(reverse=True)
    return {
        "queries": len(timings),
        "total_ms": sum(t for t, _ in timings),
        "slowest": [(round(t, 1), s) for t, s in timings[:3]],
    }


def remove_intake_cases(since, town) -> int:
    """Delete the cases the intake scenario created (and their rows), so that --reuse runs start
    from the generated data; then rebuild the town's KPI roll-up."""
    from django.db import connection, transaction

    from luoshi.cases import rollup

    with transaction.atomic(), connection.cursor() as cur:
        ids = "SELECT id FROM cases_case WHERE channel = 'open311' AND created_at >= %s"
        for table, column in (("cases_caseevent", "case_id"), ("cases_historicalcase", "id")):
            cur.execute(f"DELETE FROM {table} WHERE {column} IN ({ids})", [since])
        cur.execute("DELETE FROM cases_case WHERE channel = 'open311' AND created_at >= %s", [since])
        removed = cur.rowcount
    rollup.rebuild(town_ids=[town.pk])
    vacuum()  # or autovacuum would clean up in the middle of the next run
    return removed


def vacuum() -> None:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        for table in ("cases_case", "cases_historicalcase", "cases_caseevent", "cases_casemonthlystat"):
            conn.execute(f"VACUUM (ANALYZE) {table}")


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(r[0] for r in cur.fetchall())


def fmt(name: str, r: dict, unit: str = "req/s") -> str:
    return (
        f"{name:<8} {r['throughput']:8.1f} {unit:<10} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  "
        f"p99 {r['p99']:7.1f} ms  ({r['requests']} ok, {r['errors']} errors {r['statuses']})"
    )


def main() -> int:
    p = argparse.ArgumentParser(description="Case engine benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench")
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--reuse", action="store_true", help="keep the existing database and its cases")
    p.add_argument("--duration", type=float, default=20, help="seconds per scenario (after 2 s warm-up)")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: luoshi serve's)")
    p.add_argument(
        "--threads", type=int, default=4, help="threads per gunicorn worker (default: luoshi serve's)"
    )
    p.add_argument("--only", default="queue,kpi,intake")
    p.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of each page's slowest query"
    )
    args = p.parse_args()
    os.environ.update(_env(args.db))
    prepare_database(args)

    from django.utils import timezone

    from luoshi.cases.open311.intake import key_create
    from luoshi.org.models import Town

    yunxi = Town.objects.get(code="369901100")
    _key, raw_key = key_create(town=yunxi, label="bench")
    village = yunxi.villages.order_by("code").first()
    year = timezone.localdate().year
    scenarios = {
        "queue": ("/cases/", "unit", "GET", {"queue": "to_sign"}, None),
        "kpi": ("/cases/kpi/", "leader", "GET", {"from": f"{year}-01-01"}, None),
        "intake": (
            "/open311/v2/requests.json",
            None,
            "POST",
            {},
            {
                "api_key": raw_key,
                "jurisdiction_id": yunxi.code,
                "service_code": "public.road",
                "address_id": village.code,
                "description": "村口道路坑洼，雨天积水。",
                "lat": "28.1",
                "long": "113.2",
            },
        ),
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
    started = timezone.now()
    try:
        for name in [s for s in args.only.split(",") if s]:
            path, user, method, query, body = scenarios[name]
            url = f"http://127.0.0.1:{port}{path}" + (f"?{urlencode(query)}" if query else "")
            headers = [f"Cookie: {session_cookie(user)}"] if user else []
            r = load(
                url,
                args,
                method=method,
                headers=headers,
                body=urlencode(body) if body else None,
                server_pid=server.pid,
            )
            print(fmt(name, r, "created/s" if name == "intake" else "req/s"), flush=True)
            if "cpu_ms" in r:
                c = r["cpu_ms"]
                print(
                    f"         CPU per request: server {c['server']:.1f} ms, PostgreSQL {c['postgres']:.1f} ms, "
                    f"load generator {c['loadgen']:.1f} ms ({os.cpu_count()} cores)",
                    flush=True,
                )
            if method == "GET":
                s = sql_time(path, user, data=query)
            else:
                s = sql_time(path, None, method="post", data=body)
            print(
                f"         SQL: {s['queries']} statements, {s['total_ms']:.1f} ms re-timed directly",
                flush=True,
            )
            for t, sql in s["slowest"]:
                print(f"           {t:7.1f} ms  {sql[:240]}", flush=True)
            slowest = s["slowest"][0][1] if s["slowest"] else ""
            if args.explain and slowest.lstrip().upper().startswith("SELECT"):
                print(explain(slowest), flush=True)
    finally:
        server.terminate()
        server.wait(10)
        if "intake" in args.only:
            print(
                f"removed the {remove_intake_cases(started, yunxi):,} cases created by the intake run",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
