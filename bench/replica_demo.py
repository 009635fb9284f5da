"""A primary and a hot standby on this machine, and the county dashboard read from the standby.

    python bench/replica_demo.py [--cases 200000] [--duration 15] [--keep]

Run as root (each PostgreSQL command then runs as the ``postgres`` user) or as ``postgres``. It:

1. creates two clusters under a temporary folder with Debian's PostgreSQL 15 binaries
   (``--pg-bin``): a primary on port 5433 and, from ``pg_basebackup -R``, a streaming hot standby on
   port 5434 (other ports than the shared server's 5432);
2. loads the demo organisation and ``--cases`` generated cases into the primary (``bench_cases``);
3. measures the standby's lag: a row written on the primary, polled on the standby until it is
   visible, idle and while the primary writes heavily;
4. serves Luoshi twice with gunicorn and drives the county dashboard with 8 connections
   (``bench/loadgen.py``): first with the primary only, then with ``DATABASE_REPLICA_URL`` naming
   the standby, printing p50/p95, throughput and CPU per request of the server, the primary and the
   standby (from /proc), beside the CPU reference loop;
5. stops both clusters and removes the folder (unless ``--keep``).

It prints figures; it is not a test. The router itself is tested in luoshi/org/tests/test_replica.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BIN = Path(sys.executable).parent
PRIMARY_PORT, STANDBY_PORT = 5433, 5434
DB = "luoshi"


def as_postgres(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def url(port: int, db: str = DB) -> str:
    return f"postgres://postgres@127.0.0.1:{port}/{db}"


def start_cluster(pg_bin: Path, data: Path, port: int, log: Path) -> None:
    as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", f"-p {port}", "-w", "start"])


def configure_primary(data: Path, sockets: Path) -> None:
    with open(data / "postgresql.conf", "a") as f:
        f.write(
            "\n# replica demo\nlisten_addresses = '127.0.0.1'\nwal_level = replica\nmax_wal_senders = 4\n"
            f"hot_standby = on\nshared_buffers = 128MB\nunix_socket_directories = '{sockets}'\n"
            "synchronous_commit = on\nfsync = on\n"
        )


def psql_value(port: int, sql: str, db: str = DB):
    import psycopg

    with psycopg.connect(url(port, db), autocommit=True) as conn:
        return conn.execute(sql).fetchone()[0]


def tree_cpu(root_pid: int) -> float:
    from bench_cases import _cpu, process_tree

    return sum(map(_cpu, process_tree(root_pid)))


def postmaster(data: Path) -> int:
    return int((data / "postmaster.pid").read_text().split()[0])


# --- lag ---------------------------------------------------------------------------------------------------


def visibility_lag_ms(samples: int) -> list[float]:
    """Write a row on the primary, poll the standby until it sees it: the staleness a reader meets."""
    import psycopg

    out = []
    with (
        psycopg.connect(url(PRIMARY_PORT), autocommit=True) as p,
        psycopg.connect(url(STANDBY_PORT), autocommit=True) as s,
    ):
        for _ in range(samples):
            marker = p.execute(
                "INSERT INTO replica_probe (at) VALUES (clock_timestamp()) RETURNING id"
            ).fetchone()[0]
            t0 = time.perf_counter()
            while not s.execute("SELECT 1 FROM replica_probe WHERE id = %s", [marker]).fetchone():
                if time.perf_counter() - t0 > 30:
                    raise SystemExit("the standby did not replay a row within 30 s")
                time.sleep(0.0005)
            out.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.05)
    return out


def busy_primary(stop: threading.Event) -> None:
    """Heavy WAL on the primary: rewrite cases in batches until told to stop."""
    import psycopg

    with psycopg.connect(url(PRIMARY_PORT), autocommit=True) as p:
        lo = 0
        while not stop.is_set():
            p.execute("UPDATE cases_case SET title = title WHERE id > %s AND id <= %s", [lo, lo + 20000])
            lo = (lo + 20000) % 1_000_000


def summary(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values):.1f} ms, p95 {values[int(0.95 * (len(values) - 1))]:.1f} ms, "
        f"max {values[-1]:.1f} ms ({len(values)} samples)"
    )


# --- load ---------------------------------------------------------------------------------------------------


def stage_load(cases: int) -> None:
    """In a child process with DATABASE_URL on the primary: schema, demo organisation, cases, a cookie."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from bench_cases import generate, session_cookie

    from luoshi.org.demo import load_org

    load_org()
    generate(cases, progress=lambda m: print(m, file=sys.stderr, flush=True))
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
        cur.execute("CREATE TABLE replica_probe (id serial PRIMARY KEY, at timestamptz)")
    print(session_cookie("county"), flush=True)


def serve(env: dict, port: int) -> subprocess.Popen:
    from types import SimpleNamespace

    from bench_cases import start_server

    return start_server(SimpleNamespace(workers=2, threads=4, db=DB), port, env=env)


def drive(env: dict, port: int, cookie: str, args, primary: Path, standby: Path) -> dict:
    server = serve(env, port)
    try:
        page = f"http://127.0.0.1:{port}/county/dashboard/"
        for _ in range(3):  # warm up every worker
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "loadgen.py"), "--url", page, "--header", f"Cookie: {cookie}",
                 "--connections", "2", "--duration", "2", "--warmup", "0"],
                check=True, capture_output=True,
            )  # fmt: skip

        def server_cpu() -> float:
            return tree_cpu(server.pid)

        before = (server_cpu(), tree_cpu(postmaster(primary)), tree_cpu(postmaster(standby)))
        xacts = psql_value(
            STANDBY_PORT, f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{DB}'"
        )
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "loadgen.py"), "--url", page, "--header", f"Cookie: {cookie}",
             "--connections", str(args.connections), "--duration", str(args.duration)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        after = (server_cpu(), tree_cpu(postmaster(primary)), tree_cpu(postmaster(standby)))
        xacts = (
            psql_value(
                STANDBY_PORT,
                f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{DB}'",
            )
            - xacts
        )
        result = json.loads(out.strip().splitlines()[-1])
        n = max(result["requests_all"], 1)
        result["cpu_ms"] = {
            k: 1000 * (a - b) / n
            for k, a, b in zip(("server", "primary", "standby"), after, before, strict=True)
        }
        result["standby_transactions"] = xacts
        return result
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=200_000)
    p.add_argument("--duration", type=float, default=15)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--pg-bin", default="/usr/lib/postgresql/15/bin")
    p.add_argument("--keep", action="store_true", help="leave the clusters' folder (stopped) for a look")
    p.add_argument("--stage-load", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.stage_load:
        return stage_load(args.cases)

    from bench_cases import cpu_reference_ms

    pg_bin = Path(args.pg_bin)
    for tool in ("initdb", "pg_ctl", "pg_basebackup"):
        if not (pg_bin / tool).exists():
            raise SystemExit(f"{pg_bin / tool} not found: install postgresql-15 or pass --pg-bin")
    base = Path(tempfile.mkdtemp(prefix="luoshi-replica-"))
    primary, standby, sockets = base / "primary", base / "standby", base / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
    started: list[Path] = []
    try:
        t0 = time.perf_counter()
        as_postgres([str(pg_bin / "initdb"), "-D", str(primary), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                     "--locale=C.UTF-8"])  # fmt: skip
        configure_primary(primary, sockets)
        start_cluster(pg_bin, primary, PRIMARY_PORT, base / "primary.log")
        started.append(primary)
        import psycopg

        with psycopg.connect(url(PRIMARY_PORT, "postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DB}"')
        env = {
            **os.environ,
            "DATABASE_URL": url(PRIMARY_PORT),
            "LUOSHI_DEMO": "1",
            "DEBUG": "0",
            "LUOSHI_DATA_DIR": str(base / "data"),
            "DB_CONN_MAX_AGE": "600",
            "DJANGO_SETTINGS_MODULE": "luoshi.settings",
        }
        env.pop("DATABASE_REPLICA_URL", None)
        print(
            f"primary on :{PRIMARY_PORT}; loading the demo organisation and {args.cases:,} cases …",
            flush=True,
        )
        done = subprocess.run(
            [sys.executable, __file__, "--stage-load", "--cases", str(args.cases)], env=env, capture_output=True,
            text=True,
        )  # fmt: skip
        if done.returncode:
            raise SystemExit(done.stderr)
        print(done.stderr.strip(), flush=True)
        cookie = done.stdout.strip().splitlines()[-1]
        t1 = time.perf_counter()
        as_postgres([str(pg_bin / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PRIMARY_PORT), "-U", "postgres",
                     "-D", str(standby), "-R", "-X", "stream", "-c", "fast"])  # fmt: skip
        size = sum(f.stat().st_size for f in standby.rglob("*") if f.is_file()) / 2**20
        print(f"pg_basebackup: {size:.0f} MB in {time.perf_counter() - t1:.1f} s", flush=True)
        start_cluster(pg_bin, standby, STANDBY_PORT, base / "standby.log")
        started.append(standby)
        assert psql_value(STANDBY_PORT, "SELECT pg_is_in_recovery()") is True
        print(
            f"hot standby on :{STANDBY_PORT} (set up in {time.perf_counter() - t0:.0f} s in all)", flush=True
        )

        idle = visibility_lag_ms(40)
        stop = threading.Event()
        writer = threading.Thread(target=busy_primary, args=(stop,), daemon=True)
        writer.start()
        time.sleep(1)
        busy = visibility_lag_ms(40)
        replay = psql_value(
            PRIMARY_PORT,
            "SELECT coalesce(max(extract(epoch FROM replay_lag)) * 1000, 0) FROM pg_stat_replication",
        )
        stop.set()
        writer.join(60)
        print(f"staleness (row written on the primary → visible on the standby), idle: {summary(idle)}")
        print(
            f"  while the primary rewrites cases in 20,000-row batches: {summary(busy)}; replay_lag {replay:.1f} ms"
        )

        ref = cpu_reference_ms()
        print(f"CPU reference loop: {ref:.0f} ms (lower is faster; see bench/README.md)", flush=True)
        from bench_cases import free_port

        alone = drive(env, free_port(), cookie, args, primary, standby)
        with_replica = drive(
            {**env, "DATABASE_REPLICA_URL": url(STANDBY_PORT)}, free_port(), cookie, args, primary, standby
        )
        for label, r in (("primary only", alone), ("reads on the standby", with_replica)):
            c = r["cpu_ms"]
            print(
                f"county dashboard, {label}: {r['throughput']:.1f} pages/s, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, "
                f"errors {r['errors']}; CPU per page: server {c['server']:.1f} ms, primary {c['primary']:.1f} ms, "
                f"standby {c['standby']:.1f} ms; standby transactions {r['standby_transactions']}"
            )
        print(f"CPU reference loop after: {cpu_reference_ms():.0f} ms; load average {os.getloadavg()[0]:.1f}")
        print(
            json.dumps(
                {"idle_lag_ms": idle, "busy_lag_ms": busy, "primary_only": alone, "replica": with_replica}
            )
        )
    finally:
        for data in reversed(started):
            try:
                as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
            except subprocess.CalledProcessError as exc:
                print(f"could not stop {data}: {exc.stderr}", file=sys.stderr)
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
