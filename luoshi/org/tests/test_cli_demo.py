"""``luoshi demo``: --no-serve says what it did (not "Serving on"), ``make demo`` takes PORT and HOST,
and each instance's gunicorn control socket lives in its own data folder, named by its port."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from luoshi.cli import main
from luoshi.org import cli

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_demo_with_no_serve_loads_and_does_not_claim_to_serve(capsys, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    assert main(["demo", "--no-serve", "--port", "8123"]) == 0
    out = capsys.readouterr().out
    assert "Serving on" not in out
    assert "luoshi serve --host 127.0.0.1 --port 8123" in out and "admin" in out


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
