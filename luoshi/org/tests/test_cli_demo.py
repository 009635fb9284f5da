"""``luoshi demo``: --no-serve says what it did (not "Serving on"), ``make demo`` takes PORT and HOST,
each instance's gunicorn control socket lives in its own data folder, named by its port, the demo runs the
background worker beside the server and stops it with the server, and demo and serve compile missing or
stale message catalogues (a fresh checkout has only the .po files)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from luoshi.cli import main
from luoshi.lib.i18n import LOCALE_DIR, compile_catalogues
from luoshi.org import cli

ROOT = Path(__file__).resolve().parents[3]
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
EN_MO = EN_PO.with_suffix(".mo")


@pytest.fixture
def stale_catalogue():
    """The English .mo as after a ``git pull`` that changed the .po: older than its source."""
    compile_catalogues()
    os.utime(EN_MO, (EN_PO.stat().st_mtime - 3600,) * 2)
    yield
    compile_catalogues()  # whatever the test did, leave a valid catalogue behind


@pytest.mark.django_db
def test_demo_with_no_serve_loads_and_does_not_claim_to_serve(capsys, settings, tmp_path, stale_catalogue):
    settings.STATIC_ROOT = tmp_path / "static"
    assert main(["demo", "--no-serve", "--port", "8123"]) == 0
    out = capsys.readouterr().out
    assert "Serving on" not in out
    assert "luoshi serve --host 127.0.0.1 --port 8123" in out and "admin" in out
    assert f"compiled {EN_MO}" in out and EN_MO.stat().st_mtime >= EN_PO.stat().st_mtime


def test_serve_compiles_a_missing_catalogue_before_serving(
    monkeypatch, capsys, settings, tmp_path, stale_catalogue
):
    from gunicorn.app.base import BaseApplication

    seen = {}
    monkeypatch.setattr(BaseApplication, "run", lambda app: seen.update(mo=EN_MO.exists()))
    settings.DATA_DIR = settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text("{}")  # collected already
    EN_MO.unlink()
    assert main(["serve", "--port", "8124"]) == 0
    assert seen == {"mo": True} and f"compiled {EN_MO}" in capsys.readouterr().out


def _children() -> dict[int, str]:
    """This process's child processes and their command lines (Linux /proc)."""
    out = {}
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                out[int(pid)] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except FileNotFoundError:
                pass
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except FileNotFoundError:
        return False


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().decode()
    return dict(x.split("=", 1) for x in raw.split("\0") if "=" in x)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from Linux /proc")
def test_demo_server_runs_the_worker_beside_it_and_stops_it_on_exit(monkeypatch, settings, tmp_path):
    """An uploaded report is read by ``luoshi worker``: the demo starts one on the same data, and Ctrl+C
    (gunicorn's arbiter leaving with KeyboardInterrupt or SystemExit) stops it too. (The child asked for is
    recorded, and a process that idles stands in for it: a real worker on this empty data folder would
    stop by itself at once, and whether it was still there to be seen was a race.)"""
    import sys

    from gunicorn.app.base import BaseApplication

    real_popen = subprocess.Popen
    asked: list[tuple[list[str], dict[str, str]]] = []

    def popen(args, env=None, **kw):
        asked.append((list(args), dict(env or {})))
        return real_popen([sys.executable, "-c", "import time; time.sleep(120)"], env=env, **kw)

    seen: dict[int, dict] = {}

    def run(app):  # stands in for gunicorn's server loop (the outside world), stopped by Ctrl+C
        for pid, cmd in _children().items():
            if _alive(pid) and "time.sleep(120)" in cmd:
                seen[pid] = _environ(pid)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.subprocess, "Popen", popen)
    monkeypatch.setattr(BaseApplication, "run", run)
    settings.DATA_DIR = tmp_path
    with pytest.raises(KeyboardInterrupt):
        cli.serve_with_worker("127.0.0.1", 8125, 1, 1)
    assert [a for a, _env in asked] == [[sys.executable, "-m", "luoshi.cli", "worker"]], (
        "one luoshi worker asked for"
    )
    assert asked[0][1]["LUOSHI_DATA_DIR"] == str(tmp_path), "the worker reads the server's data"
    assert len(seen) == 1, "the worker runs while the server does"
    ((pid, environ),) = seen.items()
    assert environ["LUOSHI_DATA_DIR"] == str(tmp_path)
    assert not _alive(pid), "the worker stops with the server"


def test_make_demo_passes_port_and_host_through():
    out = subprocess.run(
        ["make", "-n", "-W", ".venv/.base", "demo", "PORT=8001", "HOST=0.0.0.0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "luoshi demo --host 0.0.0.0 --port 8001" in out


def test_each_instance_has_its_own_control_socket_in_its_data_folder(monkeypatch, settings, tmp_path):
    from gunicorn.app.base import BaseApplication

    seen = {}

    def run(app):  # stands in for gunicorn's server loop (the outside world)
        app.load_config()
        seen[app.cfg.bind[0]] = app.cfg.control_socket

    monkeypatch.setattr(BaseApplication, "run", run)
    settings.DATA_DIR = tmp_path
    cli._serve("127.0.0.1", 8001, 1, 1)
    cli._serve("127.0.0.1", 8002, 1, 1)
    assert seen == {
        "127.0.0.1:8001": str(tmp_path / "gunicorn-8001.ctl"),
        "127.0.0.1:8002": str(tmp_path / "gunicorn-8002.ctl"),
    }
    assert not any(str(Path.home()) in path and str(tmp_path) not in path for path in seen.values())
