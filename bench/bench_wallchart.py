"""The 挂图作战 wall chart under load: 600 projects with 8,000 milestones, gunicorn, 8 connections.

    python bench/bench_wallchart.py --db wt_projects            # create, generate, serve, measure
    python bench/bench_wallchart.py --db wt_projects --reuse    # keep the generated plan

Generates one plan of the demo town 云溪镇 with 600 projects spread over three years, 8,000 milestones
(chains of 13–14 steps with one parallel branch each, finish-to-start links, baselines, actual dates
up to today, a third of the projects slipped), one update per project; then drives
``/plans/<id>/gantt/`` (the whole wall, no pagination) as the town office (editor: every open
milestone is a drag/keyboard link) and as a deputy (read-only), grouped by leader, from
``bench/loadgen.py``. Prints throughput, p50/p95/p99 and CPU per request of server and database,
then the page's SQL re-timed. Goal: p95 < 300 ms with 8 connections on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cases import (  # noqa: E402
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


def generate(projects: int, milestones: int) -> int:
    """Bulk rows (no per-row services: the wall chart is what is measured, not the inserts)."""
    from django.utils import timezone

    from luoshi.org.models import Town, Unit, User
    from luoshi.plans.models import Milestone, MilestoneLink, Plan, Project, Update
    from luoshi.plans.schedule import finish_of

    rnd = random.Random(42)
    today = timezone.localdate()
    town = Town.objects.get(code="369901100")
    Plan.objects.filter(town=town, year=today.year).delete()
    plan = Plan.objects.create(
        town=town, year=today.year, title=f"{town.name}{today.year}年度工作计划（基准）"
    )
    units = list(Unit.objects.filter(town=town))
    leaders = list(User.objects.filter(username__in=["leader", "office"]))
    rows = [
        Project(
            plan=plan,
            name=f"基准项目{i:03d}",
            owner_unit=units[i % len(units)],
            leader=leaders[i % len(leaders)] if i % 5 else None,
            stage=rnd.choice(list(Project.Stage.values)),
            template="industrial",
            baselined_at=timezone.now(),
        )
        for i in range(projects)
    ]
    Project.objects.bulk_create(rows, batch_size=500)
    per = [milestones // projects + (1 if i < milestones % projects else 0) for i in range(projects)]
    ms: list[Milestone] = []
    for p, n in zip(rows, per, strict=True):
        day = dt.date(today.year - 1, 1, 1) + dt.timedelta(days=rnd.randint(0, 700))
        p.start_date = day
        late = rnd.random() < 0.33
        for k in range(n):
            duration = rnd.randint(3, 40)
            finish = finish_of(day, duration, {})
            planned = finish + dt.timedelta(days=rnd.randint(5, 40) if late and k > n // 3 else 0)
            ms.append(
                Milestone(
                    plan=plan,
                    project=p,
                    name=f"节点{k + 1}",
                    step=f"s{k}",
                    seq=k,
                    duration=duration,
                    planned_start=day,
                    planned_date=planned,
                    baseline_start=day,
                    baseline_date=finish,
                    actual_date=planned if planned < today - dt.timedelta(days=10) else None,
                )
            )
            day = planned + dt.timedelta(days=2)
        p.deadline = day
    Project.objects.bulk_update(rows, ["start_date", "deadline"], batch_size=500)
    Milestone.objects.bulk_create(ms, batch_size=1000)
    links = []
    by_project: dict[int, list[Milestone]] = {}
    for m in ms:
        by_project.setdefault(m.project_id, []).append(m)
    for chain in by_project.values():
        links += [MilestoneLink(pred=a, succ=b, lag=0) for a, b in zip(chain, chain[1:], strict=False)]
        if len(chain) > 3:
            links.append(MilestoneLink(pred=chain[0], succ=chain[3], lag=2))
    MilestoneLink.objects.bulk_create(links, batch_size=1000)
    Update.objects.bulk_create(
        [
            Update(plan=plan, project=p, date=today, text="按计划推进", progress=rnd.randint(5, 95))
            for p in rows
        ],
        batch_size=1000,
    )
    return plan.pk


def main() -> int:
    p = argparse.ArgumentParser(description="Wall chart benchmark on PostgreSQL (prints figures).")
    p.add_argument("--db", default="luoshi_bench_wall")
    p.add_argument("--projects", type=int, default=600)
    p.add_argument("--milestones", type=int, default=8000)
    p.add_argument("--reuse", action="store_true", help="keep the existing database and its plan")
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    os.environ.update(_env(args.db))
    import django

    if not args.reuse:
        print(f"creating database {args.db} …", flush=True)
        create_database(args.db)
    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from luoshi.org.demo import load_org
    from luoshi.plans import wallchart
    from luoshi.plans.models import Milestone, Plan

    call_command("migrate", "--noinput", verbosity=0)
    load_org()
    plan = Plan.objects.filter(town__code="369901100", year=timezone.localdate().year).first()
    if not args.reuse or plan is None or plan.projects.count() != args.projects:
        print(f"generating {args.projects} projects, {args.milestones} milestones …", flush=True)
        plan_id = generate(args.projects, args.milestones)
    else:
        plan_id = plan.pk
    print(f"plan {plan_id}: {Milestone.objects.filter(plan_id=plan_id).count()} milestones", flush=True)
    plan = Plan.objects.select_related("town").get(pk=plan_id)
    print(f"CPU reference loop: {cpu_reference_ms():.0f} ms", flush=True)
    port = free_port()
    server = start_server(args, port)
    try:
        # Browsers send Accept-Encoding: gzip (the page is then gzipped with the chart compressed once
        # per chart version); "plain" is a client that does not, receiving the 2.3 MB page as is.
        for name, user, gz in (
            ("editor", "office", True),
            ("reader", "deputy", True),
            ("editor plain", "office", False),
        ):
            query = urlencode({"group": "leader"})
            url = f"http://127.0.0.1:{port}/plans/{plan_id}/gantt/?{query}"
            headers = [f"Cookie: {session_cookie(user)}"] + (["Accept-Encoding: gzip"] if gz else [])
            # Warm-up (discarded): each worker builds and caches this chart once; the cold build is
            # measured separately below.
            load(url, argparse.Namespace(connections=args.connections, duration=3), headers=headers)
            r = load(url, args, headers=headers, server_pid=server.pid)
            print(fmt(name, r), flush=True)
            c = r.get("cpu_ms")
            if c:
                print(
                    f"         CPU per request: server {c['server']:.1f} ms, PostgreSQL {c['postgres']:.1f} ms, "
                    f"load generator {c['loadgen']:.1f} ms"
                )
        t = sql_time(f"/plans/{plan_id}/gantt/?group=leader", "office")
        print(f"page SQL: {t['queries']} statements, {t['total_ms']:.1f} ms re-timed", flush=True)
        cold = []
        for _ in range(3):
            started = time.process_time()
            wallchart.build(
                plan, wallchart.projects_of(plan), timezone.localdate(), group="leader", editable=True
            )
            cold.append(1000 * (time.process_time() - started))
        print(f"cold build (cache miss, in process): CPU {min(cold):.0f}–{max(cold):.0f} ms", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:  # a loaded machine: do not leave the server behind
            server.kill()
            server.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
