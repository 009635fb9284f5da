"""The periodic sweep (task and command), and the public pages: intake, tracking, online feedback."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from luoshi.cases import services
from luoshi.cases.models import Case, Status
from luoshi.lib import ratelimit

pytestmark = pytest.mark.django_db


def test_the_sweep_command_flags_overdue_cases(make_case, users, places):
    past = timezone.now() - dt.timedelta(days=30)
    with mock.patch("luoshi.cases.services._now", return_value=past):
        case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    out = StringIO()
    call_command("cases_sweep", stdout=out)
    assert "overdue +1" in out.getvalue()
    case.refresh_from_db()
    assert case.overdue


def test_the_sweep_task_runs_through_the_tasks_api(make_case, users, places, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from luoshi.cases.tasks import sweep_case_clocks

    result = sweep_case_clocks.enqueue()
    assert result.return_value == {"near_due": 0, "overdue": 0, "cleared": 0, "rollup_folded": 0}


def submit(client, places, meta=None, **extra):
    data = {
        "town": places["yunxi"].pk,
        "village": places["village2"].pk,
        "title": "路边垃圾没人清",
        "content": "桃坞村桥头垃圾堆了一个星期，气味很大。",
        "contact_name": "赵大妈",
        "contact_phone": "13900001111",
        **extra,
    }
    return client.post("/cases/public/new/", data, **(meta or {}))


def test_a_resident_submits_without_login_and_gets_an_unguessable_tracking_link(client, places):
    resp = submit(client, places)
    assert resp.status_code == 302
    code = re.search(r"/cases/track/([^/]+)/", resp["Location"]).group(1)
    assert len(code) >= 20
    case = Case.objects.get(tracking_code=code)
    assert case.reporter is None and case.channel == "online" and case.case_type.code == "public"
    assert case.village == places["village2"] and case.routed_unit == places["zzzx"]
    page = client.get(resp["Location"]).content.decode()
    assert code in page and "已受理" in page
    assert "赵**" in page and "139****1111" in page and "13900001111" not in page


def test_the_public_form_refuses_a_village_of_another_town_and_bad_phones(client, places):
    resp = submit(client, places, town=places["bailu"].pk)
    assert resp.status_code == 200 and not Case.objects.exists()
    resp = submit(client, places, contact_phone="12345")
    assert resp.status_code == 200 and "11位手机号" in resp.content.decode()


def test_a_bot_filling_the_hidden_field_creates_nothing(client, places):
    submit(client, places, website="http://spam")
    assert not Case.objects.exists()


def test_the_public_form_refuses_a_flood_from_one_address_and_keeps_what_was_typed(client, places, settings):
    settings.PUBLIC_FORM_PER_HOUR = 2
    assert submit(client, places).status_code == 302
    assert submit(client, places).status_code == 302
    resp = submit(client, places, title="第三次提交")
    assert resp.status_code == 429
    page = resp.content.decode()
    assert "提交过于频繁" in page and "第三次提交" in page  # the form comes back filled in
    assert Case.objects.count() == 2
    assert submit(client, places, {"REMOTE_ADDR": "10.0.0.9"}).status_code == 302  # another address


def test_behind_a_proxy_the_limit_counts_the_forwarded_client_address(client, places, settings):
    settings.PUBLIC_FORM_PER_HOUR = 1
    settings.PROXY_COUNT = 1
    assert submit(client, places, {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}).status_code == 302
    assert submit(client, places, {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}).status_code == 302
    # A client cannot dodge it by prepending made-up addresses: the proxy's own entry is the last one.
    assert submit(client, places, {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.5"}).status_code == 429
    assert Case.objects.count() == 2


def _rate_hits(prefix: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM(hits) FROM {ratelimit.TABLE} WHERE bucket LIKE %s", [prefix + "%"])
        return cursor.fetchone()[0] or 0


def test_the_public_form_count_lives_in_the_database_and_counts_other_writers(client, places, settings):
    settings.PUBLIC_FORM_PER_HOUR = 3
    assert submit(client, places).status_code == 302
    assert _rate_hits("public_new:127.0.0.1:") == 1  # plain SQL sees the count: not in process memory
    # another worker process counted two more submissions from the same address
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ratelimit.TABLE} SET hits = hits + 2 WHERE bucket LIKE %s", ["public_new:127.0.0.1:%"]
        )
    resp = submit(client, places)
    assert resp.status_code == 429 and int(resp["Retry-After"]) > 0
    assert Case.objects.count() == 1


def test_an_unknown_tracking_code_is_a_404(client):
    assert client.get("/cases/track/nope-nope/").status_code == 404


def test_tracking_shows_public_labels_and_public_events_only(client, places, users):
    submit(client, places)
    case = Case.objects.get()
    services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    services.case_urge(case=case, actor=users["office"], note="内部催办意见：抓紧")
    page = client.get(f"/cases/track/{case.tracking_code}/").content.decode()
    assert "办理中" in page and "待签收" not in page
    assert "内部催办意见" not in page and "应急管理办" not in page


def test_online_feedback_through_the_tracking_code_closes_or_reopens(client, places, users):
    submit(client, places)
    case = Case.objects.get()
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    url = f"/cases/track/{case.tracking_code}/"
    assert 'data-testid="feedback-form"' not in client.get(url).content.decode()
    case = services.case_resolve(case=case, actor=users["unit"], reply="已安排保洁清运。")
    assert 'data-testid="feedback-form"' in client.get(url).content.decode()
    resp = client.post(url, {"rating": "unsatisfied", "reason": "", "version": case.version})
    assert resp.status_code == 200 and "不满意" in resp.content.decode()
    resp = client.post(url, {"rating": "unsatisfied", "reason": "只清了一半", "version": case.version})
    assert resp.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS and case.reopen_count == 1 and case.rating_channel == "online"
    case = services.case_resolve(case=case, actor=users["unit"], reply="已全部清运。")
    client.post(url, {"rating": "satisfied", "reason": "", "version": case.version})
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.rating == "satisfied"
    assert case.events.filter(kind="feedback", actor__isnull=True).count() == 2
