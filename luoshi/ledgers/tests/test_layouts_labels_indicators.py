"""The score roll-up behind rankings, the bounded register page, Excel exports in each ledger's layout,
QR labels, 林长制 as its own register, and the patrol-rate and repair-time indicators."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import segno
from django.db.models import Avg, Count, Q
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from luoshi.accounts import registry
from luoshi.ledgers import labels, layouts, rollup, selectors, services, views
from luoshi.ledgers.models import Inspection, RegisterType, ScoreRollup, ScoreSheet
from luoshi.ledgers.tests.conftest import photo

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _inspect(org, ledgers, n_fail=(1,), user="unit"):
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    lit = sheet.criteria.get()
    for n, light in enumerate(ledgers["lights"][:4]):
        services.inspection_submit(
            actor=org.users[user],
            item=light,
            sheet=sheet,
            failed=[lit.pk] if n in n_fail else [],
            photos=[photo()] if n in n_fail else [],
        )
    return sheet


# --- roll-up ------------------------------------------------------------------------------------------


def test_the_rollup_follows_every_inspection_and_a_rebuild_gives_the_same_rows(org, ledgers):
    env = ScoreSheet.objects.get(code="living-env", is_current=True)
    two = [c.pk for c in env.criteria.order_by("order")[:2]]  # 45 of 100 points: below the pass mark
    for n, item in enumerate(ledgers["env"].values()):
        services.inspection_submit(
            actor=org.users["office"],
            item=item,
            sheet=env,
            failed=two if n % 2 else [],
            photos=[photo()] if n % 2 else [],
        )
    expected = {
        (r["village_id"], r["contractor"]): (r["n"], round(float(r["s"]), 3), r["f"])
        for r in Inspection.objects.values("village_id", "contractor").annotate(
            n=Count("id"), s=Avg("percent"), f=Count("id", filter=Q(passed=False))
        )
    }

    def rolled():
        return {
            (r.village_id, r.contractor): (
                r.inspections,
                round(float(r.percent_sum) / r.inspections, 3),
                r.failed,
            )
            for r in ScoreRollup.objects.all()
        }

    assert rolled() == expected and len(expected) == len(ledgers["env"])
    ScoreRollup.objects.update(inspections=99)  # damaged …
    assert rollup.rebuild() == len(expected)  # … and rebuilt from the inspections
    assert rolled() == expected
    period = Inspection.objects.first().period
    ranking = selectors.village_ranking(org.users["office"], env.code, period, [org.towns[0].pk])
    assert [r["score"] for r in ranking] == sorted((r["score"] for r in ranking), reverse=True)
    assert {r["failed"] for r in ranking} == {0, 1}


def test_a_ranking_is_read_from_the_rollup_not_from_the_inspections(org, ledgers):
    sheet = _inspect(org, ledgers)
    period = Inspection.objects.first().period
    town_ids = [org.towns[0].pk]
    before = selectors.contractor_ranking(org.users["office"], sheet.code, period, town_ids)
    assert sum(r["n"] for r in before) == 4
    ScoreRollup.objects.all().delete()  # the inspections stay: the ranking is the roll-up's
    assert selectors.contractor_ranking(org.users["office"], sheet.code, period, town_ids) == []


# --- register page -----------------------------------------------------------------------------------


def test_the_register_page_counts_at_most_the_cap_and_lists_only_the_users_town(org, ledgers, monkeypatch):
    office = _client(org.users["office"])
    page = office.get("/ledgers/streetlight/").content.decode()
    assert "共 10 条" in page and "LD-001" in page
    monkeypatch.setattr(views, "COUNT_CAP", 4)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    page = office.get("/ledgers/streetlight/").content.decode()
    assert "超过 4 条" in page and "第 1 / 2 页" in page
    other = _client(org.users["office_b"]).get("/ledgers/streetlight/").content.decode()
    assert "LD-001" not in other and "共 0 条" in other


# --- Excel layouts -----------------------------------------------------------------------------------


def _xlsx(user, code, **params):
    resp = _client(user).get(f"/ledgers/{code}/", {"format": "xlsx", **params})
    assert resp.status_code == 200, resp.content[:300]
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(resp.content)).active


def _merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_the_streetlight_patrol_ledger_has_its_title_merged_headers_widths_and_rows(org, ledgers):
    _inspect(org, ledgers)
    period = Inspection.objects.first().period
    ws = _xlsx(org.users["office"], "streetlight", period=period)
    assert ws["A1"].value == "路灯巡查台账" and "A1:M1" in _merged(ws)
    assert period in ws["A2"].value and "云溪镇" in ws["A2"].value
    assert ws["F3"].value == "巡查情况" and "F3:I3" in _merged(ws) and "J3:K3" in _merged(ws)
    assert [ws.cell(4, c).value for c in range(6, 10)] == ["巡查日期", "巡查人", "亮灯情况", "故障情况"]
    assert ws["B3"].value == "路灯编号" and "B3:B4" in _merged(ws)  # ungrouped: one header over both rows
    assert ws.column_dimensions["C"].width == 22
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(rows) == 4 and [r[0] for r in rows] == [1, 2, 3, 4]
    failed = next(r for r in rows if r[1] == "LD-002")
    case = ledgers["lights"][1].problems.get().case
    assert failed[7] == "不合格" and failed[8] == "灯亮" and failed[9].startswith(case.number)
    assert next(r for r in rows if r[1] == "LD-001")[7:10] == ("合格", None, None)
    assert ws.freeze_panes == "A5"
    other = _xlsx(org.users["office_b"], "streetlight", period=period)  # another town: no rows of ours
    assert other.max_row == 4


def test_the_living_environment_record_sheet_has_a_column_per_criterion(org, ledgers):
    env = ScoreSheet.objects.get(code="living-env", is_current=True)
    crit = list(env.criteria.order_by("order"))
    item = ledgers["env"][ledgers["a"].pk]
    services.inspection_submit(
        actor=org.users["office"], item=item, sheet=env, failed=[crit[1].pk], photos=[photo()]
    )
    ws = _xlsx(org.users["office"], "village_env")
    assert (
        ws["A1"].value == "人居环境整治检查记录表" and ws["F3"].value == "各项得分" and "F3:J3" in _merged(ws)
    )
    assert [ws.cell(4, c).value for c in range(6, 11)] == [
        "生活垃圾(25)",
        "生活污水(20)",
        "农村厕所(15)",
        "道路沟渠(20)",
        "村容村貌(20)",
    ]
    row = [c.value for c in ws[5]]
    assert row[1] == ledgers["a"].name and row[5:11] == [25, 0, 15, 20, 20, 80]
    assert row[11] == "合格" and row[12] == "生活污水"


def test_the_family_points_ledger_shows_earned_spent_and_balance(org, ledgers):
    home = ledgers["homes_a"][0]
    rule = selectors.current_rules(ledgers["a"]).get(points=10)
    event = services.point_event_record(
        actor=org.users["village"], household=home, rule=rule, happened_on=dt.date.today(), evidence="照片"
    )
    services.point_event_decide(actor=org.users["office"], event=event, approve=True)
    services.redemption_record(actor=org.users["village"], household=home, points=3, goods="肥皂")
    ws = _xlsx(org.users["office"], "household")
    assert ws["A1"].value == "家庭积分台账" and ws["F3"].value == "积分情况" and "F3:H3" in _merged(ws)
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert rows[home.number][2] == "王一" and rows[home.number][5:8] == (10, 3, 7)


def test_the_parcel_ledger_lists_every_parcel_with_its_latest_check(org, ledgers):
    rt = RegisterType.objects.get(code="parcel")
    kw = {"actor": org.users["admin"], "register_type": rt, "village": ledgers["a"]}
    checked = services.item_save(**kw, number="TB-1", attributes={"area_mu": 2.5, "cause": "撂荒"})
    services.item_save(**kw, number="TB-2", attributes={"area_mu": 1, "cause": "非粮化"})
    sheet = ScoreSheet.objects.get(code="parcel-check", is_current=True)
    services.inspection_submit(actor=org.users["office"], item=checked, sheet=sheet, failed=[])
    ws = _xlsx(org.users["office"], "parcel")
    assert (
        ws["A1"].value == "耕地图斑核查整改台账" and ws["K3"].value == "核查销号" and "K3:N3" in _merged(ws)
    )
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert rows["TB-1"][4] == 2.5 and rows["TB-1"][5] == "撂荒" and rows["TB-1"][11] == "合格"
    assert rows["TB-2"][11] is None  # not checked yet: still on the ledger


def test_river_and_forest_patrol_records_mark_each_line_and_a_forest_problem_is_its_own_case(org, ledgers):
    river = RegisterType.objects.get(code="river")
    forest = RegisterType.objects.get(code="forest")
    assert (river.name, river.owner_label) == ("河长制河段台账", "河长")
    assert (forest.name, forest.owner_label, forest.kind) == ("林长制林区台账", "林长", "section")
    river_sheet = ScoreSheet.objects.get(code="river-patrol", is_current=True)
    assert river_sheet.version == 2 and "无火灾隐患" not in [c.text for c in river_sheet.criteria.all()]
    forest_sheet = ScoreSheet.objects.get(code="forest-patrol", is_current=True)
    with pytest.raises(services.LedgerError):  # a 林长级别 is required
        services.item_save(
            actor=org.users["admin"], register_type=forest, number="LB-0", village=ledgers["a"]
        )
    plot = services.item_save(
        actor=org.users["admin"],
        register_type=forest,
        number="LB-01-03",
        village=ledgers["a"],
        owner="村支书",
        attributes={"level": "村级林长", "area_mu": 800},
    )
    fire = forest_sheet.criteria.get(order=3)
    services.inspection_submit(
        actor=org.users["office"], item=plot, sheet=forest_sheet, failed=[fire.pk], photos=[photo()]
    )
    problem = plot.problems.get()
    assert problem.case.case_type.code == "forest_issue"
    ws = _xlsx(org.users["office"], "forest")
    assert ws["A1"].value == "林长巡林记录" and ws["I3"].value.startswith("巡查内容")
    row = [c.value for c in ws[5]]
    assert row[1] == "LB-01-03" and row[4] == "村级林长" and row[8:13] == ["√", "√", "×", "√", "√"]
    section = services.item_save(
        actor=org.users["admin"],
        register_type=river,
        number="HZ-9",
        village=ledgers["a"],
        attributes={"level": "村级"},
    )
    services.inspection_submit(actor=org.users["office"], item=section, sheet=river_sheet, failed=[])
    ws = _xlsx(org.users["office"], "river")
    assert ws["A1"].value == "河长巡河记录" and [c.value for c in ws[5]][7:12] == ["√"] * 5


def test_a_broken_layout_falls_back_to_the_plain_register(org, ledgers):
    rt = RegisterType.objects.get(code="streetlight")
    rt.layout = {"rows": "inspections", "columns": [{"label": "x", "value": "__class__"}]}
    assert layouts.layout_problems(rt.layout)
    rt.save()
    ws = _xlsx(org.users["office"], "streetlight")
    assert ws["A1"].value == "路灯台账" and ws["B3"].value == "路灯编号" and ws.max_row == 4 + 10


def test_exported_text_cannot_run_as_a_formula(org, ledgers):
    services.item_save(
        actor=org.users["admin"],
        register_type=RegisterType.objects.get(code="streetlight"),
        number="LD-099",
        village=ledgers["a"],
        owner='=HYPERLINK("http://x")',
    )
    rt = RegisterType.objects.get(code="streetlight")
    rt.layout = {}
    rt.save()
    ws = _xlsx(org.users["office"], "streetlight")
    owners = [r[4] for r in ws.iter_rows(min_row=5, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in owners


# --- QR labels ---------------------------------------------------------------------------------------


def test_each_label_carries_the_items_url_and_its_qr_is_that_url(org, ledgers):
    resp = _client(org.users["office"]).get("/ledgers/streetlight/labels/")
    html = resp.content.decode()
    found = re.findall(r'data-payload="([^"]+)" data-number="([^"]+)"', html)
    assert len(found) == 10
    for payload, number in found:
        item = next(i for i in ledgers["lights"] if i.number == number)
        assert payload == f"http://testserver/ledgers/item/{item.pk}/#n={number}"
        assert labels.svg(payload) in html  # the drawn code is segno's encoding of exactly that payload
    assert not segno.make(found[0][0], error="m").is_micro  # a full QR code: every phone reads it
    other = _client(org.users["office_b"]).get("/ledgers/streetlight/labels/").content.decode()
    assert "data-payload" not in other  # another town's staff get no labels of ours
    assert Client().get("/ledgers/streetlight/labels/").status_code in (302, 403)


# --- indicators --------------------------------------------------------------------------------------


def _window():
    now = timezone.now()
    start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return start, now + dt.timedelta(days=1), now


def test_patrol_completion_rate_counts_patrols_due_per_item_and_period(org, ledgers):
    start, end, now = _window()
    key = "ledgers-patrol-rate-streetlight"
    assert registry.compute(key, org.towns[0], start, end, now).value == 0.0
    _inspect(org, ledgers)  # 4 of the town's 10 lights this month
    r = registry.compute(key, org.towns[0], start, end, now)
    assert (r.numerator, r.denominator, r.value) == (4, 10, 40.0)
    assert set(r.counted.values_list("number", flat=True)) == {"LD-001", "LD-002", "LD-003", "LD-004"}
    assert registry.compute(key, org.towns[1], start, end, now).value is None  # no lights there

    river = RegisterType.objects.get(code="river")
    section = services.item_save(
        actor=org.users["admin"], register_type=river, number="HZ-1", village=ledgers["a"], attributes={}
    )
    sheet = ScoreSheet.objects.get(code="river-patrol", is_current=True)
    for _ in range(3):  # patrolling more often in one month does not make up for other sections
        services.inspection_submit(actor=org.users["office"], item=section, sheet=sheet, failed=[])
    services.item_save(actor=org.users["admin"], register_type=river, number="HZ-2", village=ledgers["a"])
    start, end, now = _window()
    r = registry.compute("ledgers-patrol-rate-river", org.towns[0], start, end, now)
    assert (r.numerator, r.denominator, r.value) == (1, 2, 50.0)


def test_repair_time_is_the_working_days_from_receipt_to_closing(org, ledgers):
    from luoshi.cases.models import Case
    from luoshi.lib import workdays

    _inspect(org, ledgers, n_fail=(1, 2))
    problems = list(ledgers["lights"][1].problems.all()) + list(ledgers["lights"][2].problems.all())
    for p in problems:
        services.problem_close(actor=org.users["unit"], problem=p, photo=photo(), reply="已修复")
    now = timezone.now()
    received = [now - dt.timedelta(days=14), now - dt.timedelta(days=7)]
    for p, at in zip(problems, received, strict=True):
        Case.objects.filter(pk=p.case_id).update(received_at=at)
    start, end, now = _window()
    start = now - dt.timedelta(days=1)
    days = sorted(
        workdays.workdays_between(timezone.localtime(a).date(), timezone.localdate()) for a in received
    )
    median = registry.compute("ledgers-repair-days-median", org.towns[0], start, end, now)
    mean = registry.compute("ledgers-repair-days-mean", org.towns[0], start, end, now)
    assert median.value == pytest.approx(sum(days) / 2) and mean.value == pytest.approx(
        sum(days) / 2, abs=0.05
    )
    assert median.denominator == 2 and set(median.records.values_list("number", flat=True)) == {
        "LD-002",
        "LD-003",
    }
    assert registry.compute("ledgers-repair-days-median", org.towns[1], start, end, now).value is None


# --- demo ---------------------------------------------------------------------------------------------


def test_the_demo_has_all_six_ledgers_and_loads_twice_without_change(org, settings, tmp_path):
    from luoshi.ledgers import demo
    from luoshi.ledgers.models import Item

    settings.MEDIA_ROOT = str(tmp_path / "media")
    demo.load(org)
    counts = {rt.code: rt.items.count() for rt in RegisterType.objects.all()}
    demo.load(org)
    assert counts == {rt.code: rt.items.count() for rt in RegisterType.objects.all()}
    assert all(counts[c] for c in ("streetlight", "parcel", "village_env", "household", "river", "forest"))
    assert Item.objects.get(number="LB-01-03").attributes["level"] == "乡级林长"
    assert Inspection.objects.filter(sheet_code="forest-patrol").count() == 2
    assert Inspection.objects.filter(sheet_code="river-patrol").count() == 2
    assert ScoreRollup.objects.filter(sheet_code="living-env").exists()
    start, end, now = _window()
    r = registry.compute("ledgers-patrol-rate-forest", org.towns[0], start, end, now)
    assert (r.numerator, r.denominator) == (2, 3)
