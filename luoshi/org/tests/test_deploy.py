"""Production settings pass ``check --deploy``; a refused request (403) logs one line, no traceback."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest


def deploy_check(**env) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LUOSHI_DEMO", "DEBUG", "SECURE_", "DJANGO_ALLOW_ASYNC"))
    }
    base.update(
        {
            "DJANGO_SETTINGS_MODULE": "luoshi.settings",
            "LUOSHI_DEMO": "0",
            "DEBUG": "0",
            "SECRET_KEY": "k" * 20 + "-production-like-secret-key-0123456789abcdefghij",
            "ALLOWED_HOSTS": "luoshi.example.gov.cn",
            "LUOSHI_FIELD_KEYS": "Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtZmllbGRrZXk=",
            "LUOSHI_FIELD_HASH_KEY": "for-tests-only-hash-key",
            **env,
        }
    )
    code = "import django; django.setup(); from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')"
    return subprocess.run([sys.executable, "-c", code], env=base, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_production_settings():
    done = deploy_check(PROXY_COUNT="1")  # behind nginx, as the README says
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


def test_check_deploy_names_what_is_switched_off():
    done = deploy_check(SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="0")
    assert done.returncode != 0
    assert "security.W004" in done.stderr + done.stdout and "security.W008" in done.stderr + done.stdout


@pytest.mark.django_db
def test_a_403_is_one_log_line_without_traceback(client_for, caplog):
    with caplog.at_level(logging.WARNING):
        response = client_for("grid").get("/reports/")
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name.startswith("django.")]
    assert len(records) == 1
    assert records[0].exc_info is None and "Forbidden" in records[0].getMessage()
    assert "Traceback" not in caplog.text
