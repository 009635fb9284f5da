"""The privacy promises of the assistance ledgers, tested as attacks (written before the pages):
plain SQL finds no plaintext; village A's cadre, other towns, deputies, unit staff, grid workers
outside their grid, the county (outside its approval queue) and anonymous users get nothing of
village B's households on any URL or API; pages and the API show masked values; a full view needs a
role, a reason, and leaves an append-only log row the town's data-protection officer reviews; the
公示 export holds only name, village and decision; the national export is the county's alone,
logged and watermarked; records are never deleted."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.assistance import services
from luoshi.assistance.models import ExportLog, FullView, Household, Member
from luoshi.assistance.tests.conftest import DISABILITY_B, HEALTH_B, ID_A, ID_B, PHONE_B, SOURCES_B
from luoshi.org.appendonly import AppendOnlyError

pytestmark = pytest.mark.django_db

SECRETS = [ID_A, ID_B, PHONE_B, HEALTH_B, DISABILITY_B, SOURCES_B, "3200.55", "户主突发重病", "13800001111"]


def _all_rows_text() -> str:
    chunks = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names():
            cur.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cur.fetchall():
                chunks.append(" ".join(str(v) for v in row))
    return "\n".join(chunks)


def test_plain_sql_finds_no_plaintext_of_sensitive_fields_in_any_table(world):
    text = _all_rows_text()
    for secret in SECRETS:
        assert secret not in text, secret
    # …while the application reads them back
    b = Household.objects.get(pk=world["b"].pk)
    assert b.head_id_number == ID_B and b.phone == PHONE_B
    m = Member.objects.get(name="钱小禾")
    assert m.health == HEALTH_B and m.disability == DISABILITY_B
    assert b.incomes.get().sources == SOURCES_B


def _household_urls(pk: int) -> list[tuple[str, str]]:
    gets = ["detail", "visit_new"]
    posts = ["reveal", "member_new", "measure_new", "visit_new", "income_new", "payment_new"]
    out = [("get", reverse(f"assistance:{n}", args=[pk])) for n in gets]
    out += [("post", reverse(f"assistance:{n}", args=[pk])) for n in posts]
    out += [
        ("post", reverse("assistance:act", args=[pk, "verify"])),
        ("post", reverse("assistance:act", args=[pk, "reject"])),
    ]
    out += [("get", f"/api/assistance/households/{pk}")]
    return out


POST_DATA = {
    "note": "x" * 10,
    "reason": "核对身份信息",
    "field": "head_id_number",
    "name": "甲",
    "relation": "child",
    "labour": "full",
    "kind": "industry",
    "description": "产业帮扶",
    "visited_on": "2026-01-05",
    "month": "2025-04-01",
    "amount": "100",
    "programme": "dibao",
    "persons": "1",
}


@pytest.mark.parametrize("persona", ["village", "office_b", "deputy", "unit", "grid", "county", "jingfa"])
def test_nobody_outside_scope_reaches_village_b_households(world, client_for, persona):
    """village A's cadre, the other town, a deputy, unit staff, the grid worker of another village's grid
    and the county (household not pending its approval) get 404/403 on every URL and the API."""
    c = client_for(persona)
    b = world["b"]
    before = (Member.objects.count(), FullView.objects.count(), b.steps.count())
    for method, url in _household_urls(b.pk):
        r = c.get(url) if method == "get" else c.post(url, POST_DATA)
        assert r.status_code in (403, 404), (persona, url, r.status_code)
        assert "钱满仓" not in r.content.decode(), (persona, url)
    assert (Member.objects.count(), FullView.objects.count(), b.steps.count()) == before
    listing = c.get(reverse("assistance:list")).content.decode()
    assert "钱满仓" not in listing
    api = c.get("/api/assistance/households").content.decode()
    assert "钱满仓" not in api


def test_anonymous_gets_login_or_401(world):
    c = Client()
    for method, url in _household_urls(world["b"].pk):
        r = c.get(url) if method == "get" else c.post(url, POST_DATA)
        assert r.status_code in (302, 401, 403), url
        if r.status_code == 302:
            assert "/accounts/login/" in r["Location"]
    for name in ("list", "flag", "kpis", "access_log", "notice", "national", "import"):
        r = c.get(reverse(f"assistance:{name}"))
        assert r.status_code == 302 and "/accounts/login/" in r["Location"], name


def test_grid_worker_sees_own_grid_household_not_the_next_village(world, client_for):
    c = client_for("grid")
    assert c.get(reverse("assistance:detail", args=[world["a"].pk])).status_code == 200
    assert c.get(reverse("assistance:detail", args=[world["b"].pk])).status_code == 404


def test_county_sees_only_what_awaits_its_approval(world, client_for):
    org, b = world["org"], world["b"]
    c = client_for("county")
    url = reverse("assistance:detail", args=[b.pk])
    assert c.get(url).status_code == 404
    for name, actor in [
        ("verify", "village2"),
        ("appraise", "village2"),
        ("publicise", "village2"),
        ("town_review", "office"),
    ]:
        services.household_transition(name=name, household=b, actor=org.users[actor], note="同意")
    page = c.get(url)
    assert page.status_code == 200 and ID_B not in page.content.decode()
    services.household_transition(name="county_approve", household=b, actor=org.users["county"], note="同意")
    assert c.get(url).status_code == 404
    assert "钱满仓" not in c.get(reverse("assistance:kpis")).content.decode()


def test_pages_and_api_show_masked_values_only(world, client_for):
    b = world["b"]
    for persona in ("village2", "office"):
        c = client_for(persona)
        body = c.get(reverse("assistance:detail", args=[b.pk])).content.decode()
        api = c.get(f"/api/assistance/households/{b.pk}").content.decode()
        listing = c.get("/api/assistance/households").content.decode()
        for text in (body, api, listing):
            for secret in SECRETS:
                assert secret not in text, (persona, secret)
        assert "369901********8833" in body and "139****1234" in body
        assert "369901********8833" in api


def test_full_view_needs_reason_and_role_and_is_logged(world, client_for):
    b = world["b"]
    url = reverse("assistance:reveal", args=[b.pk])
    cadre = client_for("village2")
    r = cadre.post(url, {"field": "head_id_number", "reason": ""})
    assert r.status_code == 400 and ID_B not in r.content.decode()
    assert FullView.objects.count() == 0
    # the grid worker of b's village would still not be allowed: only cadres and the town office
    r = client_for("grid").post(
        reverse("assistance:reveal", args=[world["a"].pk]),
        {"field": "head_id_number", "reason": "核对身份信息"},
    )
    assert r.status_code == 403 and ID_A not in r.content.decode()
    assert FullView.objects.count() == 0
    r = cadre.post(url, {"field": "head_id_number", "reason": "办理医疗救助核对"})
    assert r.status_code == 200 and ID_B in r.content.decode()
    member = Member.objects.get(name="钱小禾")
    r = cadre.post(url, {"field": "health", "member": member.pk, "reason": "医疗救助申请"})
    assert HEALTH_B in r.content.decode()
    r = cadre.post(url, {"field": "incomes", "reason": "核对收入"})
    assert SOURCES_B in r.content.decode()
    views = list(
        FullView.objects.order_by("id").values_list("user__username", "field", "reason", "member_id")
    )
    assert views == [
        ("village2", "head_id_number", "办理医疗救助核对", None),
        ("village2", "health", "医疗救助申请", member.pk),
        ("village2", "incomes", "核对收入", None),
    ]
    # a member of another household cannot be revealed through this one
    other = Member.objects.filter(household=world["a"]).first()
    assert (
        cadre.post(url, {"field": "id_number", "member": other.pk, "reason": "核对身份信息"}).status_code
        == 404
    )


def test_dpo_reviews_the_full_views_of_the_town_only(world, client_for):
    services.field_reveal(
        actor=world["org"].users["village2"], household=world["b"], field="phone", reason="电话回访"
    )
    page = client_for("office").get(reverse("assistance:access_log")).content.decode()
    assert "电话回访" in page and world["b"].number in page
    assert "电话回访" not in client_for("office_b").get(reverse("assistance:access_log")).content.decode()
    for persona in ("village", "village2", "grid", "county", "deputy"):
        assert client_for(persona).get(reverse("assistance:access_log")).status_code == 403


def test_access_log_is_append_only_down_to_sql(world):
    services.field_reveal(
        actor=world["org"].users["village2"], household=world["b"], field="phone", reason="电话回访"
    )
    for sql in ("UPDATE assistance_fullview SET reason = 'nothing'", "DELETE FROM assistance_fullview"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql)
    assert FullView.objects.get().reason == "电话回访"


def test_households_are_never_deleted(world):
    with pytest.raises((AppendOnlyError, ProtectedError)), transaction.atomic():
        Household.objects.get(pk=world["a"].pk).delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        Member.objects.all().delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        world["b"].incomes.get().delete()
    assert Household.objects.count() == 3


def test_notice_export_holds_only_name_village_and_decision(world, client_for):
    org, b = world["org"], world["b"]
    for name in ("verify", "appraise", "publicise"):
        services.household_transition(name=name, household=b, actor=org.users["village2"], note="同意")
    r = client_for("office").get(reverse("assistance:notice"))
    text = r.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["姓名", "村(社区)", "决定"], ["钱满仓", b.village.name, "拟纳入防返贫监测对象"]]
    for secret in [*SECRETS, b.number, "钱小禾", "369901"]:
        assert secret not in text
    assert ExportLog.objects.filter(kind="notice", user=org.users["office"], rows=1).exists()
    # village A's cadre exports their own village only; B's village id is a 404
    assert (
        client_for("village").get(reverse("assistance:notice"), {"village": b.village_id}).status_code == 404
    )
    assert "钱满仓" not in client_for("village").get(reverse("assistance:notice")).content.decode("utf-8-sig")


def test_national_export_is_county_only_logged_and_watermarked(world, client_for):
    org, b = world["org"], world["b"]
    for name, actor in [
        ("verify", "village2"),
        ("appraise", "village2"),
        ("publicise", "village2"),
        ("town_review", "office"),
        ("county_approve", "county"),
    ]:
        services.household_transition(name=name, household=b, actor=org.users[actor], note="同意")
    for persona in ("office", "village2", "leader"):
        assert (
            client_for(persona).post(reverse("assistance:national"), {"reason": "年度报送"}).status_code
            == 403
        )
    c = client_for("county")
    assert c.post(reverse("assistance:national"), {"reason": ""}).status_code == 400
    assert not ExportLog.objects.filter(kind="national").exists()
    r = c.post(reverse("assistance:national"), {"reason": "全国系统月度报送"})
    assert r.status_code == 200
    log = ExportLog.objects.get(kind="national")
    assert (log.user.username, log.rows, log.reason) == ("county", 1, "全国系统月度报送")
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb.active
    assert "county" in ws["A1"].value and log.mark in ws["A1"].value
    assert log.mark in ws.oddHeader.center.text and wb.properties.creator == "county"
    values = [c.value for row in ws.iter_rows() for c in row]
    assert ID_B in values and "钱满仓" in values


def test_production_refuses_to_start_without_field_keys():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_DEMO", "DEBUG", "LUOSHI_FIELD"))}
    env.update({"DJANGO_SETTINGS_MODULE": "luoshi.settings", "SECRET_KEY": "s" * 50, "LUOSHI_DEMO": "0"})
    code = "import django; django.setup()"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "LUOSHI_FIELD_KEYS" in done.stderr
    env["LUOSHI_FIELD_KEYS"], env["LUOSHI_FIELD_HASH_KEY"] = "not-a-key", "h"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "Fernet" in done.stderr


def test_rotate_keys_reencrypts_under_the_new_key(world, settings):
    from cryptography.fernet import Fernet

    from luoshi.assistance import crypto
    from luoshi.assistance.rotation import rotate

    def raw(pk):
        with connection.cursor() as cur:
            cur.execute("SELECT head_id_number FROM assistance_household WHERE id = %s", [world["b"].pk])
            return cur.fetchone()[0]

    old_key = crypto.field_keys()[0]
    before = raw(world["b"].pk)
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, old_key]
    counts = rotate()
    assert counts["Household"] == 3 and counts["Member"] >= 3
    after = raw(world["b"].pk)
    assert after != before
    assert Fernet(new.encode()).decrypt(after.encode()).decode() == ID_B
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key dropped: everything still reads
    assert Household.objects.get(pk=world["b"].pk).head_id_number == ID_B
    assert Member.objects.get(name="钱小禾").health == HEALTH_B


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_full_view_answer_and_household_pages_are_never_cached(world, client_for):
    """A shared village-office PC must not bring a full value (or a household's page) back from
    its cache without a new, logged full view (tester S5)."""
    b = world["b"]
    cadre = client_for("village2")
    r = cadre.post(
        reverse("assistance:reveal", args=[b.pk]), {"field": "head_id_number", "reason": "办理医疗救助核对"}
    )
    assert r.status_code == 200 and ID_B in r.content.decode()
    assert _no_store(r)
    for url in (
        reverse("assistance:detail", args=[b.pk]),
        reverse("assistance:list"),
        f"/api/assistance/households/{b.pk}",
        "/api/assistance/households",
    ):
        r = cadre.get(url)
        assert r.status_code == 200 and _no_store(r), url
