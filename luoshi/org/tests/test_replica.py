"""The replica router: marked report reads go to ``replica``, every write and every unmarked read to
the primary. The ``replica`` alias points at the test database through a read-only connection
(PostgreSQL: ``default_transaction_read_only``; SQLite: ``PRAGMA query_only``), so a write that
reached it would fail, not pass unnoticed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading

import pytest
from django.db import DatabaseError, connections, router
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.org.models import CalendarDay, County, User
from luoshi.org.replica import PRIMARY, REPLICA, ReplicaRouter, reading_replica

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def replica():
    """A ``replica`` alias on the test database, read-only at the connection, removed afterwards."""
    conf = dict(connections.settings[PRIMARY])
    options = dict(conf.get("OPTIONS", {}))
    if connections[PRIMARY].vendor == "postgresql":
        options["options"] = "-c default_transaction_read_only=on"
    else:
        options["init_command"] = "PRAGMA query_only=ON;"
    conf["OPTIONS"] = options
    conf["TEST"] = {"MIRROR": PRIMARY}
    conf["CONN_MAX_AGE"] = None  # one connection for the whole test, opened here
    connections.settings[REPLICA] = conf  # the same dict as settings.DATABASES
    try:
        # Opened directly: the test case only lets its declared aliases open connections lazily.
        connections[REPLICA].connect()
        yield connections[REPLICA]
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]


def _writes(ctx) -> list[str]:
    return [
        q["sql"] for q in ctx.captured_queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SET"))
    ]


def test_the_replica_connection_really_refuses_writes(replica):
    """The premise of the other tests: a write sent to this alias raises."""
    with pytest.raises(DatabaseError):
        CalendarDay.objects.using(REPLICA).create(date=dt.date(2030, 1, 2), is_workday=True)


def test_without_a_replica_marked_reads_stay_on_the_primary():
    with reading_replica():
        assert CalendarDay.objects.all().db == PRIMARY
        assert router.db_for_read(CalendarDay) == PRIMARY


def test_marked_reads_go_to_the_replica_and_see_the_primarys_rows(replica):
    CalendarDay.objects.create(date=dt.date(2030, 1, 1), is_workday=False, note="元旦")
    assert CalendarDay.objects.all().db == PRIMARY  # unmarked
    with CaptureQueriesContext(replica) as ctx, reading_replica():
        qs = CalendarDay.objects.filter(note="元旦")
        assert qs.db == REPLICA
        assert [d.date for d in qs] == [dt.date(2030, 1, 1)]
    assert len(ctx.captured_queries) == 1 and "calendarday" in ctx.captured_queries[0]["sql"]
    assert CalendarDay.objects.all().db == PRIMARY  # the mark ends with the block


def test_no_write_reaches_the_replica_even_inside_a_marked_block(replica):
    county = County.objects.create(code="rp", name="副本县")
    with CaptureQueriesContext(replica) as ctx, reading_replica():
        day = CalendarDay(date=dt.date(2030, 5, 1), is_workday=False, note="劳动节")
        day.save()
        day.note = "五一"
        day.save()
        CalendarDay.objects.filter(pk=day.pk).update(note="国际劳动节")
        CalendarDay.objects.bulk_create(
            [CalendarDay(date=dt.date(2030, 5, d), is_workday=False) for d in (2, 3)]
        )
        CalendarDay.objects.get_or_create(date=dt.date(2030, 5, 4), defaults={"is_workday": True})
        CalendarDay.objects.update_or_create(date=dt.date(2030, 5, 5), defaults={"is_workday": False})
        CalendarDay.objects.filter(date=dt.date(2030, 5, 3)).delete()
        county.name = "副本县二"
        county.save(update_fields=["name"])
        alias = router.db_for_write(CalendarDay)
        assert alias == PRIMARY
        with connections[alias].cursor() as cur:
            cur.execute("UPDATE org_calendarday SET note = %s WHERE date = %s", ["raw", dt.date(2030, 5, 2)])
    assert _writes(ctx) == []
    assert CalendarDay.objects.get(pk=day.pk).note == "国际劳动节"
    assert CalendarDay.objects.get(date=dt.date(2030, 5, 2)).note == "raw"
    assert set(CalendarDay.objects.values_list("date__day", flat=True)) == {1, 2, 4, 5}
    assert County.objects.get(pk=county.pk).name == "副本县二"


def test_router_answers():
    r = ReplicaRouter()
    assert r.db_for_write(CalendarDay) == PRIMARY
    with reading_replica():
        assert r.db_for_write(CalendarDay) == PRIMARY
    assert r.allow_migrate(REPLICA, "org") is False and r.allow_migrate(PRIMARY, "org") is True


def test_sign_in_and_roles_are_read_on_the_primary(replica, org):
    with reading_replica():
        assert User.objects.all().db == PRIMARY
        assert router.db_for_read(User) == PRIMARY
        assert org.users["county"].roles.all().db == PRIMARY
        from django.contrib.sessions.models import Session

        assert Session.objects.all().db == PRIMARY


def test_the_mark_is_per_thread():
    """A marked request in one thread does not send another thread's reads to the replica."""
    seen = {}
    inside, done = threading.Event(), threading.Event()

    @reading_replica()
    def marked():
        inside.set()
        done.wait(5)

    t = threading.Thread(target=marked)
    t.start()
    inside.wait(5)
    from luoshi.org import replica as mod

    seen["other"] = mod._reading.get()
    done.set()
    t.join()
    assert seen["other"] is False


def test_marked_pages_read_from_the_replica_and_others_do_not(replica, org, client_for):
    county, office = client_for("county"), client_for("office")
    town = org.towns[0]
    marked = [
        (county, reverse("county:dashboard")),
        (county, reverse("cases:kpi")),
        (client_for("admin"), reverse("portal:cases", args=[town.code])),
    ]
    for client, url in marked:
        with CaptureQueriesContext(replica) as ctx:
            assert client.get(url).status_code == 200, url
        assert len(ctx.captured_queries) > 0, url
        assert _writes(ctx) == [], url
    with CaptureQueriesContext(replica) as ctx:
        assert office.get(reverse("cases:list")).status_code == 200
        assert office.get("/").status_code == 200
    assert ctx.captured_queries == []


def test_report_writer_gathers_on_the_replica_and_writes_the_draft_on_the_primary(replica, org):
    from luoshi.reports.models import Draft
    from luoshi.reports.writer import services

    with CaptureQueriesContext(replica) as ctx:
        draft = services.draft_generate(town=org.towns[0], year=2025, by=org.users["office"])
    assert len(ctx.captured_queries) > 0 and _writes(ctx) == []
    assert Draft.objects.get(pk=draft.pk).version == 1


def _settings_with(**env) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    base.update({"DJANGO_SETTINGS_MODULE": "luoshi.settings", "LUOSHI_DEMO": "1", **env})
    code = "from django.conf import settings; print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS)"
    return subprocess.run([sys.executable, "-c", code], env=base, capture_output=True, text=True, timeout=60)


def test_database_replica_url_adds_the_alias_and_refuses_a_non_postgres_url(tmp_path):
    done = _settings_with(
        DATABASE_URL="postgres://u@127.0.0.1:5433/x",
        DATABASE_REPLICA_URL="postgres://u@127.0.0.1:5434/x",
        LUOSHI_DATA_DIR=str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "['default', 'replica']" in done.stdout and "ReplicaRouter" in done.stdout
    done = _settings_with(DATABASE_REPLICA_URL="sqlite:///x.db", LUOSHI_DATA_DIR=str(tmp_path))
    assert done.returncode != 0 and "DATABASE_REPLICA_URL" in done.stderr
