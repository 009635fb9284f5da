from __future__ import annotations

import subprocess
import sys

import pytest

from luoshi.org.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_then_home_shows_roles(client, org):
    resp = client.post("/accounts/login/", {"username": "leader", "password": DEMO_PASSWORD}, follow=True)
    assert resp.status_code == 200
    assert "镇领导" in resp.content.decode()


def test_repeated_failures_lock_the_account(client, org, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "grid", "password": "wrong"})
    resp = client.post("/accounts/login/", {"username": "grid", "password": DEMO_PASSWORD})
    assert resp.status_code == 429
    assert "锁定" in resp.content.decode()


def test_password_change_requires_old_password(client_for, org):
    c = client_for("office")
    bad = c.post(
        "/accounts/password/",
        {"old_password": "nope", "new_password1": "Xy9#long-pass", "new_password2": "Xy9#long-pass"},
    )
    assert bad.status_code == 200 and "old_password" in bad.context["form"].errors
    ok = c.post(
        "/accounts/password/",
        {"old_password": DEMO_PASSWORD, "new_password1": "Xy9#long-pass", "new_password2": "Xy9#long-pass"},
    )
    assert ok.status_code == 302
    org.users["office"].refresh_from_db()
    assert org.users["office"].check_password("Xy9#long-pass")


def test_api_post_without_csrf_token_is_refused(org):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(org.users["office"])
    # any unsafe method on the session-authenticated API needs the token
    resp = c.post("/api/org/villages", {})
    assert resp.status_code in (403, 405)


def test_language_switch_to_english(client_for):
    c = client_for("office")
    c.post("/i18n/setlang/", {"language": "en", "next": "/"})
    resp = c.get("/")
    assert resp.status_code == 200
    assert '<html lang="en">' in resp.content.decode()


def test_production_mode_refuses_to_start_without_secret_key(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "LUOSHI_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "luoshi.settings",
    }
    proc = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
    )
    assert proc.returncode != 0
    assert "SECRET_KEY is not set" in proc.stderr


def test_demo_load_twice_adds_nothing(org):
    from luoshi.org.demo import load_org
    from luoshi.org.models import Grid, RoleAssignment, User, Village

    before = (
        User.objects.count(),
        Village.objects.count(),
        Grid.objects.count(),
        RoleAssignment.objects.count(),
    )
    load_org()
    after = (
        User.objects.count(),
        Village.objects.count(),
        Grid.objects.count(),
        RoleAssignment.objects.count(),
    )
    assert before == after


def test_changes_are_audited_with_user(client_for, org):

    v = org.towns[0].villages.first()
    v._history_user = org.users["admin"]
    v.name = "改名村"
    v.save()
    resp = client_for("office").get(f"/history/org/village/{v.pk}/")
    html = resp.content.decode()
    assert "改名村" in html and "修改" in html and str(org.users["admin"]) in html


def test_masking_keeps_only_what_identifies_loosely():
    from luoshi.lib.masking import mask_id_number, mask_name, mask_phone

    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("110101199001011234") == "110101********1234"
    assert mask_name("张三丰") == "张**"
    assert mask_phone("") == ""
