"""Audit and timeline rows are append-only: the admin, the ORM and plain SQL all fail to change them.

Runs on SQLite and PostgreSQL (the triggers differ; the promise does not).
"""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from luoshi.cases import services as case_services
from luoshi.cases.models import Case, CaseEvent
from luoshi.org.appendonly import (
    AppendOnlyError,
    append_only_models,
    audit_bypass,
    install_triggers,
    keep_rows_models,
)
from luoshi.org.models import Town


@pytest.fixture
def case(org):
    return case_services.case_create(
        case_type="public",
        title="村口路灯不亮",
        content="村口三盏路灯已经一周不亮。",
        town=org.towns[0],
        actor=org.users["office"],
    )


def historical_town(org):
    return Town.history.model.objects.filter(id=org.towns[0].pk).first()


def refused_by_database(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except IntegrityError as exc:
        return "append-only" in str(exc)
    return False


def test_every_history_table_and_the_case_timeline_are_covered(db):
    tables = {m._meta.db_table for m in append_only_models()}
    assert "cases_caseevent" in tables
    for expected in (
        "org_historicaluser",
        "org_historicaltown",
        "cases_historicalcase",
        "reports_historicalreport",
    ):
        assert expected in tables
    assert any(t.startswith("plans_historical") for t in tables)
    kept = {m._meta.db_table for m in keep_rows_models()}
    assert {"assistance_household", "assistance_payment"} <= kept
    assert install_triggers() == len(tables) + len(kept)  # idempotent: installing again changes nothing


def test_plain_sql_cannot_update_or_delete_a_timeline_event(case):
    event = case.events.first()
    assert refused_by_database(f"UPDATE cases_caseevent SET note = 'rewritten' WHERE id = {event.pk}")
    assert refused_by_database(f"DELETE FROM cases_caseevent WHERE id = {event.pk}")
    assert refused_by_database("DELETE FROM cases_caseevent")
    event.refresh_from_db()
    assert event.note != "rewritten"


def test_plain_sql_cannot_update_or_delete_history(org):
    table = Town.history.model._meta.db_table
    assert refused_by_database(f"UPDATE {table} SET name = 'x'")
    assert refused_by_database(f"DELETE FROM {table}")
    assert historical_town(org).name == org.towns[0].name


def test_the_orm_cannot_change_or_delete_timeline_or_history(org, case):
    event = case.events.first()
    event.note = "rewritten"
    with pytest.raises(AppendOnlyError), transaction.atomic():
        event.save()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        event.delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        CaseEvent.objects.filter(case=case).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.filter(case=case).update(note="rewritten")  # no signal: the trigger refuses
    record = historical_town(org)
    with pytest.raises(AppendOnlyError), transaction.atomic():
        record.delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        Town.history.filter(id=org.towns[0].pk).update(name="x")
    assert CaseEvent.objects.filter(case=case, note="rewritten").count() == 0


def test_deleting_a_case_would_take_its_timeline_and_is_refused(case):
    with pytest.raises(AppendOnlyError), transaction.atomic():
        Case.objects.get(pk=case.pk).delete()
    assert CaseEvent.objects.filter(case=case).exists()


def test_the_admin_cannot_delete_or_edit_a_timeline_event_a_case_or_a_user(org, case, client_for):
    admin = client_for("admin")
    event = case.events.first()
    delete_event = reverse("admin:cases_caseevent_delete", args=[event.pk])
    assert admin.post(delete_event, {"post": "yes"}).status_code == 403
    change = admin.post(reverse("admin:cases_caseevent_change", args=[event.pk]), {"note": "x"})
    assert change.status_code == 403 or CaseEvent.objects.get(pk=event.pk).note != "x"
    bulk = admin.post(
        reverse("admin:cases_caseevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    assert admin.post(reverse("admin:cases_case_delete", args=[case.pk]), {"post": "yes"}).status_code == 403
    user = org.users["grid"]
    assert admin.post(reverse("admin:org_user_delete", args=[user.pk]), {"post": "yes"}).status_code == 403
    assert CaseEvent.objects.filter(pk=event.pk).exists() and Case.objects.filter(pk=case.pk).exists()
    page = admin.get(reverse("admin:cases_caseevent_change", args=[event.pk])).content.decode()
    assert "deletelink" not in page and 'name="_save"' not in page  # read-only view, no buttons


def test_the_bypass_is_explicit_and_logged(org, case, caplog):
    kept = case_services.case_create(
        case_type="public", title="另一件", content="另一件事。", town=org.towns[0], actor=org.users["office"]
    )
    with caplog.at_level(logging.WARNING, logger="luoshi.org.appendonly"):
        with audit_bypass("test: purge one case"):
            Case.objects.filter(pk=case.pk).delete()
    assert not CaseEvent.objects.filter(case_id=case.pk).exists()
    assert "purge one case" in caplog.text
    assert refused_by_database(f"DELETE FROM cases_caseevent WHERE case_id = {kept.pk}")  # locked again


@pytest.mark.django_db(transaction=True)
def test_flush_may_empty_the_database():
    Town.history.model  # noqa: B018 - the model exists
    from luoshi.org.demo import load_org

    load_org()
    assert Town.history.exists()
    call_command("flush", interactive=False, verbosity=0)
    assert not Town.history.exists()


# --- the sign-in log (axes) and the admin site's log -----------------------------------------------


def _sql_fails(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except IntegrityError:
        return True
    return False


@pytest.fixture
def signin(org):
    from axes.models import AccessLog

    return AccessLog.objects.create(
        username="office",
        ip_address="10.0.0.8",
        user_agent="UA",
        path_info="/accounts/login/",
        session_hash="h",
    )


def test_plain_sql_cannot_delete_or_rewrite_the_sign_in_log(signin):
    from axes.models import AccessLog

    assert _sql_fails(f"DELETE FROM axes_accesslog WHERE id = {signin.pk}")
    assert _sql_fails("DELETE FROM axes_accesslog")
    assert _sql_fails(f"UPDATE axes_accesslog SET username = 'someone' WHERE id = {signin.pk}")
    assert _sql_fails(f"UPDATE axes_accesslog SET ip_address = '10.9.9.9' WHERE id = {signin.pk}")
    signin.refresh_from_db()
    assert signin.username == "office" and signin.ip_address == "10.0.0.8"
    with pytest.raises(AppendOnlyError), transaction.atomic():
        signin.delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        AccessLog.objects.all().delete()


def test_sign_out_still_stamps_its_time_once(signin):
    """axes fills ``logout_time`` at sign-out (``QuerySet.update``); once set it stays."""
    from axes.models import AccessLog
    from django.utils import timezone

    assert (
        AccessLog.objects.filter(pk=signin.pk, logout_time__isnull=True).update(logout_time=timezone.now())
        == 1
    )
    signin.refresh_from_db()
    assert signin.logout_time is not None
    assert _sql_fails(f"UPDATE axes_accesslog SET logout_time = NULL WHERE id = {signin.pk}")


def test_a_real_sign_in_and_out_is_logged_and_lockouts_can_still_be_lifted(org, client):
    from axes.models import AccessAttempt, AccessLog

    user = org.users["office"]
    user.set_password("s3cret-pass")
    user.save()
    client.post("/accounts/login/", {"username": "office", "password": "wrong"})
    assert AccessAttempt.objects.filter(username="office").exists()
    client.post("/accounts/login/", {"username": "office", "password": "s3cret-pass"})
    client.post("/accounts/logout/")
    assert AccessLog.objects.filter(username="office", logout_time__isnull=False).exists()
    # the failure counters are no record: an administrator lifts a lockout by deleting them
    AccessAttempt.objects.create(username="x", ip_address="10.0.0.9", user_agent="UA", failures_since_start=3)
    assert AccessAttempt.objects.filter(username="x").delete()[0] == 1


def test_plain_sql_cannot_delete_or_rewrite_the_admin_log(org):
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    entry = LogEntry.objects.create(
        user=org.users["admin"],
        content_type=ContentType.objects.get_for_model(Town),
        object_id=str(org.towns[0].pk),
        object_repr="云溪镇",
        action_flag=ADDITION,
    )
    assert _sql_fails(f"UPDATE django_admin_log SET object_repr = 'x' WHERE id = {entry.pk}")
    assert _sql_fails(f"DELETE FROM django_admin_log WHERE id = {entry.pk}")
    with pytest.raises(AppendOnlyError), transaction.atomic():
        entry.delete()


def test_admin_site_offers_no_change_or_delete_of_the_sign_in_log(signin, client_for):
    admin = client_for("admin")
    listing = admin.get(reverse("admin:axes_accesslog_changelist"))
    assert listing.status_code == 200 and "delete_selected" not in listing.content.decode()
    assert admin.get(reverse("admin:axes_accesslog_delete", args=[signin.pk])).status_code == 403
    response = admin.post(
        reverse("admin:axes_accesslog_changelist"),
        {"action": "delete_selected", "_selected_action": [signin.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert type(signin).objects.filter(pk=signin.pk).exists()
