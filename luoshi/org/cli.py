"""Subcommands that run the platform: demo, serve, migrate, createuser, worker, compilemessages."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def setup_django(demo: bool = False) -> None:
    if demo:
        os.environ["LUOSHI_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()


def _call(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def cmd_migrate(args: argparse.Namespace) -> int:
    setup_django()
    _call("migrate", "--noinput")
    return 0


def _compile_catalogues() -> None:
    """Compile the .mo catalogues that are missing or older than their .po (they are build output, not in git).

    Runs before Django loads any translation: without it a fresh checkout serves every page in Chinese
    whatever language is chosen. A read-only installation only gets a warning.
    """
    from luoshi.lib.i18n import compile_catalogues

    try:
        for path in compile_catalogues():
            print(f"compiled {path}")
    except OSError as exc:
        print(
            f"warning: could not compile the message catalogues ({exc}); run `luoshi compilemessages`",
            file=sys.stderr,
        )


def cmd_compilemessages(args: argparse.Namespace) -> int:
    from luoshi.lib.i18n import compile_catalogues

    for path in compile_catalogues():
        print(f"compiled {path}")
    return 0


def cmd_createuser(args: argparse.Namespace) -> int:
    setup_django()
    from luoshi.org.services import user_create_with_role

    try:
        user = user_create_with_role(
            username=args.username,
            password=args.password,
            full_name=args.name or "",
            role=args.role,
            place_code=args.scope,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"created {user.username} ({args.role})")
    return 0


def control_socket_path(port: int):
    """gunicorn's control socket (gunicornc) of this instance: in its data folder and named by port,
    so two instances on one host never share one (gunicorn's default is one path per user)."""
    from django.conf import settings

    return settings.DATA_DIR / f"gunicorn-{port}.ctl"


def _serve(host: str, port: int, workers: int, threads: int, access_log: bool = False) -> None:
    """gunicorn with the application loaded once before the workers fork (they share its memory)."""
    from gunicorn.app.base import BaseApplication

    from luoshi.wsgi import application

    control_socket = control_socket_path(port)

    class App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("preload_app", True)
            if access_log:  # off by default: the proxy in front (nginx) logs every request already
                self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 120)
            if "control_socket" in self.cfg.settings:  # gunicorn ≥ 25.1
                self.cfg.set("control_socket", str(control_socket))

        def load(self):
            return application

    from django.db import connections

    connections.close_all()  # no connection of the set-up steps may be shared by the forked workers
    App().run()


def _prepare_static() -> None:
    from django.conf import settings

    if not (settings.STATIC_ROOT / "staticfiles.json").exists() and not any(settings.STATIC_ROOT.glob("*")):
        _call("collectstatic", "--noinput", "--verbosity", "0")


def cmd_serve(args: argparse.Namespace) -> int:
    _compile_catalogues()
    setup_django()
    _prepare_static()
    _serve(args.host, args.port, args.workers, args.threads, args.access_log)
    return 0


def start_worker() -> subprocess.Popen:
    """``luoshi worker`` in a child process, on the same data as this one (the demo's server)."""
    from django.conf import settings

    env = {**os.environ, "LUOSHI_DATA_DIR": str(settings.DATA_DIR)}
    return subprocess.Popen([sys.executable, "-m", "luoshi.cli", "worker"], env=env)


def stop_worker(worker: subprocess.Popen, timeout: float = 15) -> None:
    """Ask the worker to finish its current task and stop (SIGTERM); kill it if it does not."""
    if worker.poll() is None:
        worker.terminate()
    try:
        worker.wait(timeout)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def serve_with_worker(host: str, port: int, workers: int, threads: int, access_log: bool = False) -> None:
    """gunicorn with the background worker beside it (uploaded reports get read); both stop together."""
    worker = start_worker()
    print(f"Background worker started (pid {worker.pid}).", flush=True)
    try:
        _serve(host, port, workers, threads, access_log)
    finally:
        stop_worker(worker)


def cmd_demo(args: argparse.Namespace) -> int:
    _compile_catalogues()
    setup_django(demo=True)
    from luoshi.org.demo import load_demo

    _call("migrate", "--noinput", "--verbosity", "0")
    _call("collectstatic", "--noinput", "--verbosity", "0")
    credentials = load_demo(progress=print)
    print("\nLuoshi demo — sign in with any of these accounts (演示账号):")
    for username, password, label in credentials:
        print(f"  {username:<14} {password:<18} {label}")
    if args.no_serve:
        print(f"\nDemo data ready. Serve it with: luoshi serve --host {args.host} --port {args.port}\n")
        return 0
    print(f"\nServing on http://{args.host}:{args.port}/  (Ctrl+C to stop)\n", flush=True)
    if args.no_worker:
        _serve(args.host, args.port, args.workers, args.threads, args.access_log)
    else:
        serve_with_worker(args.host, args.port, args.workers, args.threads, args.access_log)
    return 0


# Periodic sweeps the worker enqueues (dotted paths of django-tasks tasks).
PERIODIC_TASKS = (
    "luoshi.cases.tasks.sweep_case_clocks",
    "luoshi.assistance.tasks.sweep_identification",
)


def _enqueue_sweeps_every(seconds: float) -> None:
    """Enqueue the periodic sweeps now and every ``seconds`` (a daemon thread beside the worker)."""
    import threading

    from django.db import connection
    from django.utils.module_loading import import_string

    tasks = [import_string(path) for path in PERIODIC_TASKS]

    def loop() -> None:
        stop = threading.Event()
        while not stop.is_set():
            try:
                for t in tasks:
                    t.enqueue()
            finally:
                connection.close()
            stop.wait(seconds)

    threading.Thread(target=loop, name="sweep-scheduler", daemon=True).start()


def cmd_worker(args: argparse.Namespace) -> int:
    """Runs queued background tasks; also enqueues the case-clock sweep every --sweep-every seconds."""
    setup_django()
    if args.sweep_every > 0:
        _enqueue_sweeps_every(args.sweep_every)
    _call("db_worker", *(["--interval", str(args.interval)] if args.interval else []))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Thin: the work and its checks live in ``luoshi.org.backup``."""
    setup_django()
    from django.conf import settings

    from luoshi.org import backup

    try:
        manifest = backup.backup(
            Path(args.out), db=settings.DATABASES["default"], media_root=settings.MEDIA_ROOT
        )
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = sum(t["rows"] for t in manifest["tables"].values())
    print(
        f"backup written to {args.out}: {len(manifest['tables'])} tables, {rows} rows, "
        f"{manifest['uploads']['files']} uploaded files"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.db import connections

    from luoshi.org import backup

    connections.close_all()
    try:
        check = backup.restore(
            Path(args.src), db=settings.DATABASES["default"], media_root=settings.MEDIA_ROOT, force=args.force
        )
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not check.ok:
        print("RESTORE DOES NOT MATCH THE BACKUP:", file=sys.stderr)
        for line in check.mismatches:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"restored and verified: {check.tables} tables, {check.rows} rows, {check.files} uploaded files")
    return 0


def cmd_sweep(args: argparse.Namespace) -> int:
    """One case-clock sweep now, or enqueued for ``luoshi worker`` (what the systemd timer runs)."""
    setup_django()
    _call("cases_sweep", *(["--enqueue"] if args.enqueue else []))
    return 0


def _server_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    p.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    p.add_argument("--access-log", action="store_true", help="log every request on stdout")


def register(sub) -> None:
    p = sub.add_parser(
        "demo",
        help="create the demo database, load the demo county and serve it",
        description="Migrate the SQLite database in LUOSHI_DATA_DIR, load the demo county "
        "(two towns with villages, grids, units, one user per role, and each app's demo data), "
        "print the sign-in accounts and serve on 127.0.0.1:8000 with the background worker beside the "
        "server (reads uploaded reports; both stop on Ctrl+C). Running it again adds nothing twice.",
    )
    _server_args(p)
    p.add_argument("--no-serve", action="store_true", help="load the demo and exit")
    p.add_argument(
        "--no-worker",
        action="store_true",
        help="do not run the background worker (`luoshi worker`) beside the server",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "serve",
        help="serve the platform with gunicorn (production grade)",
        description="Serve Luoshi with gunicorn. Configure through the environment "
        "(SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS …); put nginx in front in production.",
    )
    _server_args(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("migrate", help="create or update the database schema")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser(
        "createuser",
        help="create a user with one role",
        description="Create a user holding one role. --scope is the code of the county, "
        "town, village, grid or unit (as TOWNCODE:UNITCODE) the role works on.",
    )
    p.add_argument("username")
    p.add_argument("--password", required=True)
    p.add_argument("--name", help="full name shown in the interface")
    p.add_argument(
        "--role",
        required=True,
        choices=["admin", "county", "leader", "office", "unit", "village", "grid", "deputy"],
    )
    p.add_argument("--scope", help="code of the place or unit the role is anchored to")
    p.set_defaults(func=cmd_createuser)

    p = sub.add_parser(
        "worker",
        help="run background tasks and the periodic deadline sweep of cases",
        description="Run the database task queue (django-tasks). Unless --sweep-every is 0 it "
        "also enqueues the periodic sweeps (case clocks: 临期/超期 flags, escalation; the assistance "
        "identification limit) at that interval.",
    )
    p.add_argument("--interval", type=float, default=None, help="seconds between polls of the task queue")
    p.add_argument(
        "--sweep-every",
        type=float,
        default=900,
        help="seconds between case-clock sweeps (default 900; 0 disables)",
    )
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser(
        "sweep",
        help="run the case-clock sweep once (临期/超期 flags, escalation), or enqueue it for the worker",
        description="Flag near-due and overdue cases once. With --enqueue the task goes to the queue "
        "that `luoshi worker` runs (deploy/systemd/luoshi-sweep.timer does this every 15 minutes).",
    )
    p.add_argument("--enqueue", action="store_true", help="enqueue the sweep for luoshi worker instead")
    p.set_defaults(func=cmd_sweep)

    p = sub.add_parser(
        "backup",
        help="back up the database and the uploads into a new folder, with a verifiable manifest",
        description="Write OUT/ with the database (PostgreSQL: pg_dump -Fc; SQLite: a copy through its "
        "backup API), the uploads as a tar, and manifest.json (rows and a checksum of every table).",
    )
    p.add_argument("out", help="folder to create (must not exist or be empty)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="restore a backup folder and verify every table and upload against its manifest",
        description="Restore IN/ into the configured database and uploads folder, then compare row "
        "counts and checksums of every table with the manifest; a difference fails (exit 1).",
    )
    p.add_argument("src", metavar="IN", help="a folder written by luoshi backup")
    p.add_argument(
        "--force", action="store_true", help="replace a database or uploads folder that holds data"
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "compilemessages", help="compile the zh_Hans and en message catalogues (no gettext needed)"
    )
    p.set_defaults(func=cmd_compilemessages)
