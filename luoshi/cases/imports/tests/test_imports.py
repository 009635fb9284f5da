"""Ledger import: a good file imports every row; a bad one reports each problem by row and column
and writes nothing; duplicates are refused; the mapping is remembered; only office staff, own town."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from luoshi.cases.imports.models import ImportMapping
from luoshi.cases.models import Case, CaseEvent, Status

pytestmark = pytest.mark.django_db

HEADERS = ["编号", "标题", "诉求内容", "村(社区)", "类别", "受理时间", "联系电话", "办理结果", "办结时间"]


def xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年群众反映问题台账"])  # a title row above the header is common
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("台账.xlsx", buf.getvalue())


def good_rows(n=3, prefix="TZ"):
    rows = []
    for i in range(1, n + 1):
        closed = i % 2 == 1
        rows.append(
            [
                f"{prefix}-{i:03d}",
                f"路灯不亮{i}",
                f"村口路灯不亮，第{i}件。",
                "桃坞村",
                "道路交通",
                dt.datetime(2026, 3, i, 9, 30),
                "13812345678",
                "已修复" if closed else None,
                dt.datetime(2026, 3, i + 2, 17, 0) if closed else None,
            ]
        )
    return rows


@pytest.fixture
def office(client_for):
    return client_for("office")


@pytest.fixture
def yunxi(org):
    return org.towns[0]


def start(client, town, file, case_type="public"):
    from luoshi.cases.models import CaseType

    ct = CaseType.objects.get(code=case_type)
    resp = client.post("/cases/import/", {"file": file, "town": town.pk, "case_type": ct.pk})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    return resp["Location"].split("/")[-3]


def map_and_check(client, token, **override):
    page = client.get(f"/cases/import/{token}/map/")
    form = page.context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(override)
    resp = client.post(f"/cases/import/{token}/map/", data)
    assert resp.status_code == 302
    return client.get(f"/cases/import/{token}/check/")


def test_good_file_imports_every_row_with_historical_times_and_states(office, yunxi, org):
    token = start(office, yunxi, xlsx(good_rows(3)))
    check = map_and_check(office, token)
    assert check.context["problems"] == [] and len(check.context["records"]) == 3
    done = office.post(f"/cases/import/{token}/commit/")
    assert done.status_code == 200 and 'data-created="3"' in done.content.decode()
    cases = {c.external_no: c for c in Case.objects.filter(town=yunxi)}
    assert set(cases) == {"TZ-001", "TZ-002", "TZ-003"}
    closed, open_ = cases["TZ-001"], cases["TZ-002"]
    assert closed.status == Status.CLOSED and closed.stage == "closed"
    assert closed.received_at == dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC) + dt.timedelta(hours=-8)
    assert closed.resolved_at.date() == dt.date(2026, 3, 3) and closed.reply == "已修复"
    assert closed.village.name == "桃坞村" and closed.category.name == "道路交通"
    assert open_.status == Status.RECEIVED and open_.resolved_at is None
    kinds = list(CaseEvent.objects.filter(case=closed).values_list("kind", flat=True))
    assert kinds == ["create", "close"]
    assert closed.history.count() >= 2 and closed.history.first().history_user == org.users["office"]


def test_every_problem_is_reported_by_row_and_column_and_nothing_is_written(office, yunxi):
    rows = good_rows(4)
    rows[0][3] = "不存在村"  # row 4, column D
    rows[1][5] = "三月五号"  # row 5, column F
    rows[2][4] = "外星人"  # row 6, column E
    rows[3][2] = None  # row 7, column C: required content missing
    rows[3][0] = "TZ-001"  # row 7, column A: duplicates row 4
    token = start(office, yunxi, xlsx(rows))
    check = map_and_check(office, token)
    found = {(p.row, p.column) for p in check.context["problems"]}
    assert found == {(4, "D"), (5, "F"), (6, "E"), (7, "C"), (7, "A")}
    page = check.content.decode()
    assert "不存在村" in page and "三月五号" in page and "外星人" in page
    resp = office.post(f"/cases/import/{token}/commit/")
    assert resp.status_code == 400
    assert not Case.objects.exists()


def test_a_row_the_services_refuse_rolls_back_the_whole_import(office, yunxi):
    rows = good_rows(3)
    rows[2][6] = None  # 12345 orders need the caller's phone: reported in the dry run …
    token = start(office, yunxi, xlsx(rows), case_type="hotline")
    check = map_and_check(office, token, category="")
    assert [(p.row, p.column) for p in check.context["problems"]] == [(6, "G")]
    # … and a required detail the sheet cannot carry (a hazard's 五定) is refused at commit: all rolled back
    token = start(office, yunxi, xlsx(good_rows(2)), case_type="hazard")
    check = map_and_check(office, token, category="", address="标题")
    assert check.context["problems"] == []
    resp = office.post(f"/cases/import/{token}/commit/")
    assert resp.status_code == 400 and "已全部撤回" in resp.content.decode()
    assert not Case.objects.exists()


def test_reimporting_the_same_external_numbers_is_refused_as_duplicates(office, yunxi):
    token = start(office, yunxi, xlsx(good_rows(2)))
    map_and_check(office, token)
    office.post(f"/cases/import/{token}/commit/")
    assert Case.objects.count() == 2
    token = start(office, yunxi, xlsx(good_rows(3)))
    check = map_and_check(office, token)
    problems = check.context["problems"]
    assert [(p.row, p.column) for p in problems] == [(4, "A"), (5, "A")]
    assert "重复" in problems[0].message
    assert office.post(f"/cases/import/{token}/commit/").status_code == 400
    assert Case.objects.count() == 2


def test_mapping_is_suggested_from_headers_and_remembered_per_town_and_type(office, yunxi):
    headers = [
        "工单号",
        "事项名称",
        "反映内容",
        "所属村",
        "问题类别",
        "登记时间",
        "手机",
        "处理结果",
        "完成时间",
    ]
    token = start(office, yunxi, xlsx([], headers=headers))
    form = office.get(f"/cases/import/{token}/map/").context["form"]
    assert form.initial["external_no"] == "工单号" and form.initial["content"] == "反映内容"
    assert form.initial["received_at"] == "登记时间" and form.initial["resolved_at"] == "完成时间"
    # the user corrects one column; the next import of the same town and type starts from it
    custom = ["编码", "标题", "情况", "村", "类别", "时间"]
    token = start(office, yunxi, xlsx([], headers=custom))
    map_and_check(office, token, external_no="编码", content="情况", received_at="时间")
    assert ImportMapping.objects.get(town=yunxi, case_type__code="public").columns["content"] == "情况"
    token = start(office, yunxi, xlsx([], headers=custom))
    page = office.get(f"/cases/import/{token}/map/")
    assert (
        page.context["form"].initial["content"] == "情况"
        and page.context["form"].initial["external_no"] == "编码"
    )
    assert "上次导入" in page.content.decode()


def test_grid_workers_and_unit_staff_get_403(client_for, yunxi):
    for persona in ("grid", "unit", "village"):
        assert client_for(persona).get("/cases/import/").status_code == 403
        resp = client_for(persona).post("/cases/import/", {"file": xlsx(good_rows(1)), "town": yunxi.pk})
        assert resp.status_code == 403
    assert not Case.objects.exists()


def test_office_cannot_import_into_another_town(client_for, org, office):
    bailu = org.towns[1]
    from luoshi.cases.models import CaseType

    ct = CaseType.objects.get(code="public")
    resp = office.post("/cases/import/", {"file": xlsx(good_rows(1)), "town": bailu.pk, "case_type": ct.pk})
    assert resp.status_code == 400 and "town" in resp.context["form"].errors
    # and another office's import in progress does not exist for them
    token = start(client_for("office_b"), bailu, xlsx(good_rows(1)))
    assert office.get(f"/cases/import/{token}/check/").status_code == 404
    assert office.post(f"/cases/import/{token}/commit/").status_code == 404
    assert not Case.objects.exists()


def test_progress_is_reported_while_and_after_importing(office, yunxi):
    token = start(office, yunxi, xlsx(good_rows(2)))
    map_and_check(office, token)
    assert office.get(f"/cases/import/{token}/progress/").json() == {"done": 0, "total": 2, "finished": False}
    office.post(f"/cases/import/{token}/commit/")
    assert office.get(f"/cases/import/{token}/progress/").json() == {"done": 2, "total": 2, "finished": True}


def test_not_an_excel_file_is_refused(office, yunxi):
    from luoshi.cases.models import CaseType

    ct = CaseType.objects.get(code="public")
    bad = SimpleUploadedFile("x.xlsx", b"not a zip")
    resp = office.post("/cases/import/", {"file": bad, "town": yunxi.pk, "case_type": ct.pk})
    assert resp.status_code == 400 and re.search("无法读取", resp.content.decode())
