"""The files in deploy/ refer to what exists: every luoshi command line of a systemd unit parses with
today's CLI, the env example sets only variables the settings read (and every one production
requires), nginx's limits match the application's, and ``nginx -t`` accepts the configuration."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from luoshi.cli import build_parser

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
NGINX = (DEPLOY / "nginx" / "luoshi.conf").read_text()
REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "LUOSHI_FIELD_KEYS",
    "LUOSHI_FIELD_HASH_KEY",
}


def _unit(path: Path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(strict=False, interpolation=None)
    cp.optionxform = str
    cp.read_string(path.read_text())
    return cp


def _env_example() -> dict[str, str]:
    out = {}
    for line in (DEPLOY / "luoshi.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _sep, value = line.partition("=")
            out[name.strip()] = value.strip()
    return out


def _luoshi_argv(unit: Path) -> list[str] | None:
    argv = shlex.split(_unit(unit)["Service"]["ExecStart"])
    return argv[1:] if argv[0].endswith("/luoshi") else None


def test_there_are_web_worker_and_timer_units():
    names = {p.name for p in (DEPLOY / "systemd").iterdir()}
    assert {
        "luoshi-web.service",
        "luoshi-worker.service",
        "luoshi-sweep.service",
        "luoshi-sweep.timer",
    } <= names
    for timer in (DEPLOY / "systemd").glob("*.timer"):
        assert (timer.with_suffix(".service")).exists(), timer.name
        assert _unit(timer)["Timer"], timer.name


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_every_luoshi_command_of_a_unit_parses_with_the_cli(unit):
    argv = _luoshi_argv(unit)
    if argv is None:  # a script: it must exist, be executable, parse, and call an existing subcommand
        script = ROOT / "deploy" / Path(_unit(unit)["Service"]["ExecStart"].split()[0]).name
        assert script.exists() and script.stat().st_mode & 0o111, script
        assert subprocess.run(["sh", "-n", str(script)]).returncode == 0
        calls = re.findall(r'"\$luoshi" (\w[\w-]*)', script.read_text())
        assert calls
        argv = [calls[0], "/tmp/x"]
    args = build_parser().parse_args(argv)  # an unknown subcommand or option exits here
    assert callable(args.func), argv
    assert _unit(unit)["Service"]["EnvironmentFile"] == "/etc/luoshi/luoshi.env"


def test_the_units_ask_for_the_subcommands_help_successfully():
    luoshi = shutil.which("luoshi") or str(ROOT / ".venv" / "bin" / "luoshi")
    for unit in UNITS:
        argv = _luoshi_argv(unit)
        if argv:
            done = subprocess.run([luoshi, argv[0], "--help"], capture_output=True, text=True, timeout=60)
            assert done.returncode == 0 and argv[0] in done.stdout, unit.name


def test_the_env_example_sets_what_production_requires_and_nothing_unknown():
    source = (ROOT / "luoshi" / "settings.py").read_text()
    known = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))
    commented = set(re.findall(r"^# ([A-Z_]+)=", (DEPLOY / "luoshi.env.example").read_text(), re.M))
    env = _env_example()
    assert REQUIRED_IN_PRODUCTION <= set(env)
    assert not (set(env) | commented) - known
    assert env["PROXY_COUNT"] == "1"  # one nginx in front


def test_nginx_matches_the_application():
    web = shlex.split(_unit(DEPLOY / "systemd" / "luoshi-web.service")["Service"]["ExecStart"])
    port = web[web.index("--port") + 1]
    assert f"server 127.0.0.1:{port};" in NGINX
    body = re.search(r"client_max_body_size (\d+)m;", NGINX)
    assert body and int(body.group(1)) * 1024 * 1024 >= settings.MAX_UPLOAD_BYTES
    read = re.search(r"proxy_read_timeout (\d+)s;", NGINX)
    assert read and int(read.group(1)) >= 120  # gunicorn's worker timeout in luoshi serve
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in NGINX
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in NGINX
    data_dir = _env_example()["LUOSHI_DATA_DIR"]
    assert f"alias {data_dir}/static/;" in NGINX and settings.STATIC_URL == "/static/"
    assert re.search(r"location /media/ \{\s*return 404;", NGINX)  # uploads only through scoped views


def test_nginx_accepts_the_configuration(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is not installed: apt-get install nginx-light (.ci/run does)"
    key, cert = tmp_path / "privkey.pem", tmp_path / "fullchain.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=luoshi.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    site = NGINX.replace("/etc/ssl/luoshi/", f"{tmp_path}/")
    (tmp_path / "luoshi.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {tmp_path}/luoshi.conf;\n}}\n"
    )
    done = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr
