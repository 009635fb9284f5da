"""Records kept for good: corrections are new rows (never edits), the national-system entry and its
sync status, the 15-day identification sweep, and rows no one can delete — not even with plain SQL."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from luoshi.accounts import registry
from luoshi.assistance import selectors, services
from luoshi.assistance.models import Household, IncomeRecord, NationalEntry, Payment, Status, Step
from luoshi.assistance.services import AssistanceError
from luoshi.assistance.tests.conftest import ID_B
from luoshi.org.appendonly import AppendOnlyError

pytestmark = pytest.mark.django_db


def _approve(h, users):
    for name, actor in [
        ("verify", "village2" if h.village_id == users["village2"].roles.get().village_id else "village"),
        ("appraise", "village2" if h.village_id == users["village2"].roles.get().village_id else "village"),
        ("publicise", "village2" if h.village_id == users["village2"].roles.get().village_id else "village"),
        ("town_review", "office"),
        ("county_approve", "county"),
    ]:
        h = services.household_transition(name=name, household=h, actor=users[actor], note="同意")
    return h


# --- corrections ---------------------------------------------------------------------------------


def test_payment_correction_is_a_new_row_and_sums_follow(world):
    users, b = world["org"].users, world["b"]
    p = services.payment_record(
        actor=users["office"],
        household=b,
        programme="dibao",
        month=dt.date(2026, 1, 1),
        amount="650",
        persons=2,
    )
    fix = services.payment_correct(
        actor=users["office"], payment=p, amount="600", persons=1, reason="民政台账核对少一人"
    )
    assert (fix.amount, fix.persons, fix.corrects_id) == (Decimal("-50.00"), -1, p.pk)
    p.refresh_from_db()
    assert (p.amount, p.persons) == (Decimal("650.00"), 2)  # the original row is untouched
    assert services.payment_current(p) == (Decimal("600.00"), 1)
    total = Payment.objects.filter(town=b.town, programme="dibao").aggregate(s=Sum("amount"))["s"]
    assert total == Decimal("600.00")
    # the indicator reads the same sum, and its provenance lists both rows
    tz = timezone.get_current_timezone()
    start, end = dt.datetime(2026, 1, 1, tzinfo=tz), dt.datetime(2027, 1, 1, tzinfo=tz)
    r = registry.compute("assistance-paid-dibao", b.town, start, end, end)
    assert r.numerator == 600.0 and r.records.count() == 2
    # correcting a correction corrects the original; the same figures again are refused
    services.payment_correct(actor=users["office"], payment=fix, amount="0", persons=0, reason="该月不应发放")
    assert services.payment_current(p) == (Decimal("0.00"), 0)
    with pytest.raises(AssistanceError):
        services.payment_correct(
            actor=users["office"], payment=p, amount="0", persons=0, reason="重复更正一次"
        )


def test_payment_correction_needs_reason_and_town_office(world):
    users, b = world["org"].users, world["b"]
    p = services.payment_record(
        actor=users["office"], household=b, programme="dibao", month=dt.date(2026, 1, 1), amount="650"
    )
    with pytest.raises(AssistanceError) as e:
        services.payment_correct(actor=users["office"], payment=p, amount="600", reason="错")
    assert e.value.field == "reason"
    for who in ("village2", "office_b", "county", "grid"):
        with pytest.raises(AssistanceError):
            services.payment_correct(actor=users[who], payment=p, amount="600", reason="金额有误需更正")
    # the database refuses a correction row without a reason, whatever the code does
    with pytest.raises(DatabaseError), transaction.atomic():
        Payment.objects.create(
            household=b, town=b.town, programme="dibao", month=p.month, amount=-10, persons=0, corrects=p
        )


def test_income_correction_wins_over_the_original_for_elimination_and_reveal(world):
    users, b = world["org"].users, world["b"]
    r = IncomeRecord.objects.get(household=b)
    fix = services.income_correct(
        actor=users["office"], record=r, amount="900", reason="误将年收入记为月收入"
    )
    assert fix.corrects_id == r.pk and IncomeRecord.objects.filter(household=b).count() == 2
    value = services.field_reveal(actor=users["office"], household=b, field="incomes", reason="核对更正")
    assert [(m, a) for m, a, _s in value] == [(dt.date(2025, 3, 1), Decimal("900.00"))]
    check = selectors.elimination_check(b, dt.date(2025, 4, 15))
    assert check[0].met is False  # 900 × 12 ÷ 2 = 5,400 < 6,000 (it was met with the wrong 3,200.55)
    with pytest.raises(AssistanceError):
        services.income_correct(actor=users["village"], record=r, amount="800", reason="不是本村的户")


def test_correction_forms_on_the_household_page(world, client_for):
    users, b = world["org"].users, world["b"]
    p = services.payment_record(
        actor=users["office"], household=b, programme="dibao", month=dt.date(2026, 1, 1), amount="650"
    )
    c = client_for("office")
    url = reverse("assistance:payment_correct", args=[b.pk])
    r = c.post(url, {"payment": p.pk, "amount": "700", "persons": "1", "reason": "补发差额五十元"})
    assert r.status_code == 302
    page = c.get(reverse("assistance:detail", args=[b.pk])).content.decode()
    assert "700.00" in page and "补发差额五十元" in page and "+50.00" in page
    # another town's office cannot reach this household's form at all
    assert (
        client_for("office_b")
        .post(url, {"payment": p.pk, "amount": "1", "persons": "1", "reason": "恶意更正金额"})
        .status_code
        == 404
    )
    # a payment id of another household is not found through this household
    other = services.payment_record(
        actor=users["office_b"],
        household=world["c"],
        programme="dibao",
        month=dt.date(2026, 1, 1),
        amount="500",
    )
    c.post(url, {"payment": other.pk, "amount": "1", "persons": "1", "reason": "跨户更正尝试"})
    assert services.payment_current(other) == (Decimal("500.00"), 1)
    r = c.post(
        reverse("assistance:income_correct", args=[b.pk]),
        {"month": "2025-03-09", "amount": "1000", "reason": "收入核减"},
    )
    assert (
        r.status_code == 302 and IncomeRecord.objects.filter(household=b, corrects__isnull=False).count() == 1
    )


def _xlsx(rows) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "救助类别", "发放月份", "发放金额", "更正原因"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "低保台账.xlsx"
    return out


def test_import_corrects_with_a_reason_and_refuses_a_silent_overwrite(world, client_for):
    users, b = world["org"].users, world["b"]
    services.payment_record(
        actor=users["office"], household=b, programme="dibao", month=dt.date(2026, 1, 1), amount="650"
    )
    c = client_for("office")
    url = c.post(
        reverse("assistance:import"), {"file": _xlsx([["钱满仓", ID_B, "低保", "2026-01", "700", ""]])}
    )["Location"]
    assert "如需更正" in c.get(url).content.decode()
    assert c.post(url + "commit/").status_code == 400
    url = c.post(
        reverse("assistance:import"),
        {
            "file": _xlsx(
                [
                    ["钱满仓", ID_B, "低保", "2026-01", "700", "民政复核调增"],
                    ["钱满仓", ID_B, "低保", "2026-02", "650", ""],
                ]
            )
        },
    )["Location"]
    assert c.post(url + "commit/").status_code == 302
    assert (
        Payment.objects.filter(household=b, month=dt.date(2026, 1, 1)).aggregate(s=Sum("amount"))["s"] == 700
    )
    assert Payment.objects.filter(corrects__isnull=False, reason="民政复核调增").count() == 1


# --- the national system --------------------------------------------------------------------------


def test_approval_opens_an_entry_county_marks_it_and_a_later_change_needs_correction(world, client_for):
    users, b = world["org"].users, world["b"]
    assert selectors.sync_status(b) == "未录入"
    b = _approve(b, users)
    entry = NationalEntry.objects.get(household=b)
    assert (entry.kind, entry.state) == ("include", "pending") and selectors.sync_status(b) == "待录入"
    queue = client_for("county").get(reverse("assistance:national_queue"))
    assert queue.status_code == 200 and b.number in queue.content.decode()
    # the town office sees what waits but cannot mark it; the other town sees nothing
    office_page = client_for("office").get(reverse("assistance:national_queue"))
    assert b.number in office_page.content.decode()
    assert (
        client_for("office").post(reverse("assistance:national_queue"), {"entries": [entry.pk]}).status_code
        == 403
    )
    assert b.number not in client_for("office_b").get(reverse("assistance:national_queue")).content.decode()
    for who in ("village2", "grid", "unit", "deputy"):
        assert client_for(who).get(reverse("assistance:national_queue")).status_code == 403
    r = client_for("county").post(
        reverse("assistance:national_queue"),
        {"entries": [entry.pk], "note": "已录入", "national_no": "3699010001"},
    )
    assert r.status_code == 302
    b.refresh_from_db()
    entry.refresh_from_db()
    assert entry.state == "entered" and entry.entered_by == users["county"] and b.national_no == "3699010001"
    assert b.synced_at is not None and selectors.sync_status(b) == "已录入"
    services.member_add(actor=users["village2"], household=b, name="钱二禾", relation="child")
    services.member_add(actor=users["village2"], household=b, name="钱三禾", relation="child")
    assert NationalEntry.objects.filter(household=b, state="pending", kind="update").count() == 1
    assert selectors.sync_status(b) == "需更正"
    with pytest.raises(AssistanceError):  # marking twice
        services.national_enter(actor=users["county"], entries=[entry])
    with pytest.raises(AssistanceError):  # not the county
        services.national_enter(actor=users["office"], entries=NationalEntry.objects.filter(state="pending"))


def test_no_entry_is_opened_before_approval_or_for_changes_before_entry(world):
    users, a = world["org"].users, world["a"]
    services.member_add(actor=users["village"], household=a, name="赵小田", relation="child")
    assert not NationalEntry.objects.exists()


# --- the 15-day identification limit ----------------------------------------------------------------


def test_sweep_marks_overdue_once_per_round_and_the_town_sees_it(world, client_for):
    users, a, b = world["org"].users, world["a"], world["b"]
    Household.objects.filter(pk=a.pk).update(identify_due=timezone.localdate() - dt.timedelta(days=1))
    assert services.identify_sweep() == 1
    assert services.identify_sweep() == 0  # idempotent
    a.refresh_from_db()
    assert a.overdue_noted_at is not None
    step = Step.objects.get(household=a, transition="identify_overdue")
    assert step.by is None and a.identify_due.isoformat() in step.note
    page = client_for("office").get(reverse("assistance:list") + "?overdue=1").content.decode()
    assert a.number in page and b.number not in page
    home = client_for("office").get("/").content.decode()
    assert "识别超期" in home
    assert "识别超期" not in client_for("office_b").get("/").content.decode()
    # approved households are not swept even if their date passed
    b = _approve(b, users)
    Household.objects.filter(pk=b.pk).update(identify_due=dt.date(2020, 1, 1))
    services.identify_sweep()
    b.refresh_from_db()
    assert b.overdue_noted_at is None


def test_sweep_command_runs(world):
    from django.core.management import call_command

    Household.objects.filter(pk=world["a"].pk).update(identify_due=dt.date(2020, 1, 1))
    out = io.StringIO()
    call_command("assistance_sweep", stdout=out)
    assert "+1" in out.getvalue()


# --- never deleted ------------------------------------------------------------------------------------


def test_plain_sql_cannot_delete_kept_records(world):
    users, b = world["org"].users, world["b"]
    services.payment_record(
        actor=users["office"], household=b, programme="dibao", month=dt.date(2026, 1, 1), amount="650"
    )
    b = _approve(b, users)
    for table in (
        "assistance_payment",
        "assistance_incomerecord",
        "assistance_member",
        "assistance_nationalentry",
        "assistance_household",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(f"DELETE FROM {table}")  # noqa: S608 - a fixed table name
    assert Household.objects.count() == 3 and Payment.objects.count() == 1
    with pytest.raises(AppendOnlyError), transaction.atomic():
        NationalEntry.objects.all().delete()
    # updates stay possible (a household changes state)
    with connection.cursor() as cur:
        cur.execute("UPDATE assistance_household SET risk_type = 'other' WHERE id = %s", [b.pk])
    assert Household.objects.get(pk=b.pk).risk_type == "other" and b.status == Status.MONITORED


def test_the_list_links_to_the_national_queue_only_for_those_who_may_open_it(org, client_for):
    """Village and grid staff were shown a 全国系统录入 link on the list that answered 403."""
    queue = reverse("assistance:national_queue")
    for who in ("village", "grid"):
        page = client_for(who).get(reverse("assistance:list"))
        assert page.status_code == 200 and queue not in page.content.decode(), who
        assert client_for(who).get(queue).status_code == 403
    for who in ("office", "leader", "county"):
        page = client_for(who).get(reverse("assistance:list"))
        assert queue in page.content.decode(), who
        assert client_for(who).get(queue).status_code == 200
