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


def server_options(p) -> None:
    """The load options every served benchmark takes."""
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=4)


def demo_database(db: str):
    """A new database ``db`` on BENCH_PG, migrated, with the demo organisation; Django set up on it.
    Returns the demo context (county, towns, users)."""
    os.environ.update(_env(db))
    print(f"creating database {db} …", flush=True)
    create_database(db)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from luoshi.org.demo import load_org

    return load_org()


def add_months(month, n: int):
    """The first day of the month n months after ``month`` (a date)."""
    i = month.year * 12 + month.month - 1 + n
    return month.replace(year=i // 12, month=i % 12 + 1, day=1)


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
    random() AS rr, now() - (random() * interval '%(days)s days') AS received
FROM generate_series(1, %(n)s) AS g;
CREATE TEMP TABLE b_x AS
SELECT s.*, v.id AS village_id, v.town_id, v.county_id, v.grid_id, v.name AS village_name,
    c.id AS category_id, c.case_type_id, c.default_channel, c.name AS category_name,
    u.id AS unit_id,
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
JOIN b_c c ON c.i = floor(s.rc * (SELECT count(*) FROM b_c))::int
LEFT JOIN b_u u ON u.town_id = v.town_id AND u.i = floor(s.ru * 10)::int;
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


# Timelines and attachments for every ``step``-th case: 10–30 entries each (受理, 派单, 签收, then
# progress notes — some quoting the caller's phone number, which the page masks —, urges, supervision,
# attachments; 办结/回访/归档 at the end of closed cases) and 1–3 attachments (file rows only).
TIMELINES = """
INSERT INTO cases_caseevent (case_id, kind, at, actor_id, actor_label, from_status, to_status, note, data,
    public, note_public)
SELECT c.id, e.kind, c.received_at + (k - 1) * interval '3 hours', %(actor)s, '党政办 陈静', '', '',
    CASE e.kind WHEN 'progress' THEN '已联系诉求人（电话138' || lpad((c.id %% 100000000)::text, 8, '0')
                     || '），第' || k || '次到现场核实，正在协调相关站所处理。'
                WHEN 'urge' THEN '请抓紧办理，按期答复群众。' WHEN 'resolve' THEN '已办理完毕，诉求人认可。'
                ELSE '' END,
    CASE e.kind WHEN 'dispatch' THEN jsonb_build_object('unit_name', '应急管理办')
                WHEN 'feedback' THEN jsonb_build_object('rating', 'satisfied') ELSE '{}'::jsonb END,
    e.kind IN ('create', 'dispatch', 'resolve', 'close'), e.kind = 'progress' AND k %% 3 = 0
FROM cases_case c
CROSS JOIN LATERAL generate_series(1, 10 + (abs(hashint4(c.id::int)::bigint) %% 21)::int) AS k
CROSS JOIN LATERAL (SELECT CASE
    WHEN k = 1 THEN 'create' WHEN k = 2 THEN 'dispatch' WHEN k = 3 THEN 'sign'
    WHEN c.status = 'closed' AND k = 10 + (abs(hashint4(c.id::int)::bigint) %% 21) THEN 'close'
    WHEN c.status = 'closed' AND k = 9 + (abs(hashint4(c.id::int)::bigint) %% 21) THEN 'feedback'
    WHEN c.status IN ('closed', 'resolved') AND k = 8 + (abs(hashint4(c.id::int)::bigint) %% 21) + (c.status = 'resolved')::int
        THEN 'resolve'
    ELSE (ARRAY['progress', 'urge', 'attach', 'progress', 'supervise', 'progress'])[1 + k %% 6] END AS kind) e
WHERE c.id %% %(step)s = 0;
INSERT INTO cases_attachment (case_id, kind, file, name, content_type, size, uploaded_by_id, uploaded_at)
SELECT c.id, (ARRAY['before', 'after', 'evidence'])[j], 'cases/bench/' || c.id || '-' || j || '.jpg',
    '现场照片' || j || '.jpg', 'image/jpeg', 150000 + (c.id %% 90000)::int, %(actor)s,
    c.received_at + j * interval '4 hours'
FROM cases_case c CROSS JOIN LATERAL generate_series(1, 1 + (c.id %% 3)::int) AS j
WHERE c.id %% %(step)s = 0
"""


def generate_timelines(cases: int, n: int, progress=print) -> None:
    """Timelines (10–30 entries) and attachments on about ``cases`` of the ``n`` generated cases."""
    from django.db import connection

    from luoshi.org.models import User

    step = max(1, n // max(1, cases))
    actor = User.objects.get(username="office").pk
    t0 = time.perf_counter()
    with connection.cursor() as cur:
        for statement in TIMELINES.split(";\n"):
            cur.execute(statement, {"actor": actor, "step": step})
        cur.execute("SELECT count(*) FROM cases_caseevent")
        events = cur.fetchone()[0]
    progress(
        f"  timelines on every {step}th case: {events:,} entries and their attachments "
        f"in {time.perf_counter() - t0:.0f} s"
    )


def generate(n: int, progress=print, days: int = 365) -> None:
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
            cur.execute(statement.replace("%(n)s", str(int(n))).replace("%(days)s", str(int(days))))
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


def expand_county(towns: int, villages: int, progress=print):
    """The demo county grown to ``towns`` towns and ``villages`` villages (the demo's two towns and
    eleven villages first; 10 units, two grids per village and a town office user in each new town).
    Returns the ``DemoContext`` with every town, for the plan and assessment loaders."""
    from luoshi.org import demo as org_demo
    from luoshi.org.models import Grid, Town, Unit, Village
    from luoshi.org.roles import Role

    ctx = org_demo.load_org()
    have = Village.objects.count()
    extra = towns - len(ctx.towns)
    for t in range(extra):
        code = f"369901{300 + t:03d}"
        town, _ = Town.objects.update_or_create(
            code=code, defaults={"name": f"基准{t + 1:02d}镇", "kind": Town.Kind.TOWN, "county": ctx.county}
        )
        ctx.towns.append(town)
        share = (villages - have) // extra + (1 if t < (villages - have) % extra else 0)
        for i in range(1, share + 1):
            village, _ = Village.objects.update_or_create(
                code=f"{code}{200 + i:03d}",
                defaults={"name": f"{town.name}{i:02d}村", "kind": Village.Kind.VILLAGE, "town": town},
            )
            for j in (1, 2):
                Grid.objects.update_or_create(
                    code=f"{village.code}{j:03d}",
                    defaults={"name": f"第{j}网格", "village": village, "households": 150},
                )
        for ucode, name in org_demo.UNITS:
            Unit.objects.update_or_create(town=town, code=ucode, defaults={"name": name})
        ctx.users[f"office_{code}"] = org_demo._upsert_user(
            f"office_{code}", f"{town.name}党政办", Role.OFFICE, town=town
        )
    progress(f"  county: {Town.objects.count()} towns, {Village.objects.count()} villages")
    return ctx


def county_plans(ctx, projects_per_plan: int = 20, progress=print) -> None:
    """A plan of this year for every town (the demo's targets, key tasks, projects and livelihood
    round), trimmed to ``projects_per_plan`` projects; the reported indicator values; the county's
    assessment scheme over every town."""
    import random
    from types import SimpleNamespace

    from django.utils import timezone

    from luoshi.accounts import demo as acc_demo
    from luoshi.county import demo as county_demo
    from luoshi.plans import demo as plans_demo
    from luoshi.plans.models import Plan, Project

    today = timezone.localdate()
    pace = {name: (target, p) for name, _a, _m, target, _u, _q, _c, p in plans_demo.TARGETS}
    office = {ctx.towns[0].pk: ctx.users["office"], ctx.towns[1].pk: ctx.users["office_b"]}
    office.update({t.pk: ctx.users[f"office_{t.code}"] for t in ctx.towns[2:]})
    t0 = time.perf_counter()
    # the demo's two towns as the demo loads them (deputies, last year's evaluation, the vote)
    plans_demo.load(SimpleNamespace(towns=ctx.towns[:2], users=ctx.users, county=ctx.county))
    for n, town in enumerate(ctx.towns):
        if n < 2 or not Plan.objects.filter(town=town, year=today.year).exists():
            if n >= 2:
                plans_demo._deputies(town, f"deputy_{town.code}_", 6, 1, "王李张刘陈杨")
                plans_demo._load_town(town, office[town.pk], ctx, today, random.Random(1000 + n))
            plan = Plan.objects.filter(town=town, year=today.year).order_by("-id").first()
            keep = list(plan.projects.order_by("id").values_list("pk", flat=True)[:projects_per_plan])
            Project.objects.filter(plan=plan).exclude(pk__in=keep).delete()
            acc_demo._load_town(plan, office[town.pk], today, pace, random.Random(2000 + n))
    county_demo.load(ctx)
    progress(
        f"  {Plan.objects.filter(year=today.year).count()} plans, "
        f"{Project.objects.filter(plan__year=today.year).count()} projects in {time.perf_counter() - t0:.0f} s"
    )


def prepare_database(args) -> None:
    """Create (or reuse) the bench database with its cases. Callers other than this script (the
    writer's bench) pass only db, cases and reuse: the one-county defaults fill in the rest."""
    import django

    for name, default in (("towns", 2), ("villages", 11), ("days", 365), ("timelines", 0)):
        if not hasattr(args, name):
            setattr(args, name, default)

    if not args.reuse:
        print(f"creating database {args.db} …", flush=True)
        create_database(args.db)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from luoshi.cases.models import Case
    from luoshi.org.demo import load_org

    ctx = expand_county(args.towns, args.villages) if args.towns > 2 else load_org()
    have = Case.objects.count()
    if not args.reuse or have == 0:
        print(f"generating {args.cases:,} cases over {args.days} days …", flush=True)
        generate(args.cases, days=args.days)
        have = args.cases
    else:
        print(f"reusing {have:,} cases", flush=True)
    from django.db import connection

    from luoshi.cases.models import CaseEvent

    if args.timelines and not CaseEvent.objects.exists():
        generate_timelines(args.timelines, have)
    if args.towns > 2:
        from django.utils import timezone

        from luoshi.plans.models import Plan

        planned = Plan.objects.filter(year=timezone.localdate().year).values("town").distinct().count()
        if not args.reuse or planned < args.towns:  # a --reuse run keeps the plans it finds
            county_plans(ctx)
        else:
            print(f"reusing the plans of {planned} towns", flush=True)
    with connection.cursor() as cur:
        for table in ("cases_case", "cases_caseevent", "cases_attachment"):
            cur.execute(f"ANALYZE {table}")


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


def stop_server(proc: subprocess.Popen) -> None:
    """Stop gunicorn; on a loaded machine its workers may take a while to finish."""
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


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


def load(
    url: str | list[str], args, *, method="GET", headers=(), body=None, server_pid: int | None = None
) -> dict:
    cmd = [sys.executable, str(ROOT / "bench" / "loadgen.py"), "--method", method]
    for u in [url] if isinstance(url, str) else url:
        cmd += ["--url", u]
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


OPEN = ("received", "dispatched", "in_progress", "returned")


def detail_paths(town, statuses, n: int = 50) -> list[str]:
    """Detail pages of the town's newest ``n`` cases in ``statuses`` that have a generated timeline."""
    from luoshi.cases.models import Case, CaseEvent

    with_events = CaseEvent.objects.filter(case__town=town, case__status__in=statuses).values("case_id")
    ids = Case.objects.filter(pk__in=with_events).order_by("-id").values_list("pk", flat=True)[:n]
    return [f"/cases/{pk}/" for pk in ids] or ["/cases/0/"]


def profile_pages(paths: list[str], username: str, views: int, top: int = 60, out: str = "") -> None:
    """cProfile over ``views`` requests of ``paths`` (in turn) through the whole stack in process
    (middleware, view, template), signed in as ``username`` by a real session cookie; prints the CPU
    per view and the functions that cost most (cumulative and own time)."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    name, _eq, value = session_cookie(username).partition("=")
    client.cookies[name] = value
    for path in paths[:10]:  # warm: templates compiled, translations loaded, connection open
        assert client.get(path).status_code == 200, path
    plain = float("inf")
    for _round in range(3):  # best of 3: the machine may be shared
        t0 = time.process_time()
        for i in range(views):
            client.get(paths[i % len(paths)])
        plain = min(plain, (time.process_time() - t0) * 1000 / views)
    prof = cProfile.Profile(time.process_time)  # CPU time: waits for PostgreSQL do not count
    prof.enable()
    for i in range(views):
        client.get(paths[i % len(paths)])
    prof.disable()
    print(
        f"  {views} views of {len(paths)} pages: {plain:.2f} ms of CPU per view (without the profiler, best of 3)"
    )
    if out:
        prof.dump_stats(out)  # for a closer look: python -m pstats OUT
    stats = pstats.Stats(prof).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def copy_database(src: str, dst: str) -> float:
    """``dst`` made afresh as a file copy of ``src`` (nobody may be connected to ``src``); seconds taken.

    The intake scenario writes cases, their timeline entries and history rows, which are append-only
    (a trigger refuses DELETE): rather than deleting them afterwards, it runs on such a throwaway
    copy, dropped at the end, so the generated database stays as it was for ``--reuse`` runs."""
    import psycopg
    from django.db import connections

    connections.close_all()
    t0 = time.perf_counter()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{dst}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{dst}" TEMPLATE "{src}" STRATEGY FILE_COPY')
    return time.perf_counter() - t0


def drop_database(db: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def use_database(db: str) -> None:
    """Point this process (Django's connection and the CPU accounting) at ``db``."""
    from django.db import connections

    connections.close_all()
    connections["default"].settings_dict["NAME"] = db
    os.environ.update(_env(db))


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(r[0] for r in cur.fetchall())


def print_cpu(r: dict) -> None:
    if "cpu_ms" in r:
        c = r["cpu_ms"]
        print(
            f"         CPU per request: server {c['server']:.1f} ms, PostgreSQL {c['postgres']:.1f} ms, "
            f"load generator {c['loadgen']:.1f} ms ({os.cpu_count()} cores)",
            flush=True,
        )


def fmt(name: str, r: dict, unit: str = "req/s") -> str:
    return (
        f"{name:<8} {r['throughput']:8.1f} {unit:<10} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  "
        f"p99 {r['p99']:7.1f} ms  ({r['requests']} ok, {r['errors']} errors {r['statuses']})"
    )


def run_scenario(name: str, scenario: tuple, args, port: int, server: subprocess.Popen) -> None:
    paths, user, method, query, body = scenario
    paths = [paths] if isinstance(paths, str) else paths
    path = paths[0]
    url = [f"http://127.0.0.1:{port}{p}" + (f"?{urlencode(query)}" if query else "") for p in paths]
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
    print_cpu(r)
    if method == "GET":
        s = sql_time(path, user, data=query)
    else:
        s = sql_time(path, None, method="post", data=body)
    print(f"         SQL: {s['queries']} statements, {s['total_ms']:.1f} ms re-timed directly", flush=True)
    for t, sql in s["slowest"]:
        print(f"           {t:7.1f} ms  {sql[:240]}", flush=True)
    slowest = s["slowest"][0][1] if s["slowest"] else ""
    if args.explain and slowest.lstrip().upper().startswith("SELECT"):
        print(explain(slowest), flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description="Case engine benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench")
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--reuse", action="store_true", help="keep the existing database and its cases")
    p.add_argument("--days", type=int, default=365, help="cases received over this many days")
    p.add_argument("--towns", type=int, default=2, help="grow the demo county to this many towns")
    p.add_argument("--villages", type=int, default=11, help="… and this many villages in all")
    p.add_argument(
        "--county",
        action="store_true",
        help="the county-scale run: 30 towns, 300 villages, 3,000,000 cases over 3 years, a plan of "
        "20 projects per town, the county's assessment scheme (database luoshi_bench3m)",
    )
    p.add_argument("--duration", type=float, default=20, help="seconds per scenario (after 2 s warm-up)")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: luoshi serve's)")
    p.add_argument(
        "--threads", type=int, default=4, help="threads per gunicorn worker (default: luoshi serve's)"
    )
    p.add_argument(
        "--timelines",
        type=int,
        default=100_000,
        help="give about this many cases a timeline of 10–30 entries and attachments (0: none)",
    )
    p.add_argument("--only", default="queue,kpi,intake,detail_open,detail_closed")
    p.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="instead of serving: cProfile N in-process views of the open and of the closed case pages",
    )
    p.add_argument(
        "--profile-out", default="", help="with --profile: dump the raw profiles to OUT.<scenario>"
    )
    p.add_argument(
        "--explain", action="store_true", help="print EXPLAIN ANALYZE of each page's slowest query"
    )
    args = p.parse_args()
    if args.county:
        args.towns, args.villages, args.days = 30, 300, 3 * 365
        args.cases = 3_000_000 if args.cases == 1_000_000 else args.cases
        args.db = "luoshi_bench3m" if args.db == "luoshi_bench" else args.db
    os.environ.update(_env(args.db))
    prepare_database(args)

    from django.utils import timezone

    from luoshi.cases.open311.intake import key_create
    from luoshi.org.models import Town

    yunxi = Town.objects.get(code="369901100")
    # a key without a submission limit (rate_per_minute 0, the per-key setting of the admin's
    # Open311 key page): the default of 60 a minute would answer the load generator 429
    _key, raw_key = key_create(town=yunxi, label="bench", rate_per_minute=0)
    village = yunxi.villages.order_by("code").first()
    year = timezone.localdate().year
    scenarios = {
        "queue": ("/cases/", "unit", "GET", {"queue": "to_sign"}, None),
        "kpi": ("/cases/kpi/", "leader", "GET", {"from": f"{year}-01-01"}, None),
        # the town office opens 50 cases in turn, each with a timeline: open ones carry the action forms
        "detail_open": (detail_paths(yunxi, OPEN), "office", "GET", {}, None),
        "detail_closed": (detail_paths(yunxi, ("closed",)), "office", "GET", {}, None),
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
    if args.profile:
        print(f"CPU reference loop: {cpu_reference_ms():.0f} ms", flush=True)
        for name in ("detail_open", "detail_closed"):
            print(f"{name}:", flush=True)
            out = f"{args.profile_out}.{name}" if args.profile_out else ""
            profile_pages(scenarios[name][0], scenarios[name][1], args.profile, out=out)
        return 0
    port = free_port()
    print(
        f"CPU reference loop: {cpu_reference_ms():.0f} ms (lower is faster; see bench/README.md)", flush=True
    )
    print(
        f"serving on 127.0.0.1:{port} (gunicorn {args.workers} workers × {args.threads} threads); "
        f"{args.connections} connections, {args.duration:.0f} s per scenario",
        flush=True,
    )
    names = [s for s in args.only.split(",") if s]
    # intake last, on a throwaway copy of the database (see ``copy_database``)
    runs = [(args.db, [n for n in names if n != "intake"])]
    if "intake" in names:
        runs.append((f"{args.db}_intake", ["intake"]))
    for db, batch in runs:
        if not batch:
            continue
        if db != args.db:
            print(f"copying {args.db} to {db} for the intake run …", flush=True)
            print(f"  copied in {copy_database(args.db, db):.0f} s", flush=True)
            use_database(db)
        server = start_server(args, port, _env(db))
        try:
            for name in batch:
                run_scenario(name, scenarios[name], args, port, server)
        finally:
            stop_server(server)
            if db != args.db:
                use_database(args.db)
                drop_database(db)
                print(f"dropped {db}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
