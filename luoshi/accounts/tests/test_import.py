"""Excel import of reported statistics: a dry run that names every bad row and field, then all or nothing."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from luoshi.accounts import imports
from luoshi.accounts.models import IndicatorValue

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
HEADER = ["指标名称", "乡镇", "统计期", "数值", "来源文件", "备注"]


def xlsx(rows, header=HEADER, title="2026年经济指标"):
    wb = Workbook()
    ws = wb.active
    ws.append([title])  # a merged-style title row above the header is skipped
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("stats.xlsx", buf.getvalue())


def upload(client, rows, **kw):
    resp = client.post("/indicators/import/", {"file": xlsx(rows, **kw)})
    assert resp.status_code == 302, resp.content.decode()[:500]
    return resp["Location"]


GOOD = [
    ["一般公共预算收入", "云溪镇", f"{YEAR}年1-1月", 0.12, "镇财政所1月台账", ""],
    ["固投", "云溪镇", f"{YEAR}-01", "1.05", "县统计局1月月报", ""],  # an alias
    ["gdp", "369901100", f"{YEAR}-Q1", 3.4, "县统计局一季度核算", ""],  # code and town code
]


def test_a_clean_sheet_passes_the_dry_run_writes_nothing_and_then_commits_everything(client_for):
    c = client_for("office")
    check_url = upload(c, GOOD)
    page = c.get(check_url)
    assert 'data-testid="ready"' in page.content.decode()
    assert not IndicatorValue.objects.exists()  # the dry run writes nothing
    resp = c.post(check_url + "commit/")
    assert resp.status_code == 302
    got = {
        (v.indicator.code, v.period, v.value, v.source_document)
        for v in IndicatorValue.objects.select_related("indicator")
    }
    assert got == {
        ("budget-revenue", f"{YEAR}-01", 0.12, "镇财政所1月台账"),
        ("fixed-asset-investment", f"{YEAR}-01", 1.05, "县统计局1月月报"),
        ("gdp", f"{YEAR}-Q1", 3.4, "县统计局一季度核算"),
    }
    assert c.post(check_url + "commit/").status_code == 302  # a second commit does nothing
    assert IndicatorValue.objects.count() == 3


def test_every_bad_row_is_named_with_its_row_number_and_column_and_nothing_is_written(client_for):
    rows = GOOD + [
        ["不存在的指标", "云溪镇", f"{YEAR}-01", 1, "x", ""],  # row 6
        ["信访事项按期办结率", "云溪镇", str(YEAR), 95, "手填", ""],  # row 7: computed
        ["一般公共预算收入", "白鹭街道", f"{YEAR}-01", 0.2, "x", ""],  # row 8: not the user's town
        ["一般公共预算收入", "云溪镇", "去年", 0.2, "x", ""],  # row 9: period
        ["一般公共预算收入", "云溪镇", f"{YEAR}-02", "约0.2", "x", ""],  # row 10: value
        ["一般公共预算收入", "云溪镇", f"{YEAR}-03", 0.3, "", ""],  # row 11: no source
        ["外出招商", "云溪镇", f"{YEAR}-01", 2, "", ""],  # row 12: manual without a note
        ["一般公共预算收入", "云溪镇", f"{YEAR}-01", 0.13, "x", ""],  # row 13: duplicates row 3
    ]
    c = client_for("office")
    page = c.get(upload(c, rows)).content.decode()
    problems = re.findall(r"<tr><td>(\d+)</td><td>(\w*) ([^<]*)</td><td>([^<]*)</td></tr>", page)
    by_row = {int(r): (col, header, msg) for r, col, header, msg in problems}
    assert set(by_row) == {6, 7, 8, 9, 10, 11, 12, 13}, problems
    assert by_row[6][:2] == ("A", "指标名称") and "没有" in by_row[6][2]
    assert "系统根据业务记录计算" in by_row[7][2]
    assert by_row[8][:2] == ("B", "乡镇")
    assert by_row[9][:2] == ("C", "统计期")
    assert by_row[10][:2] == ("D", "数值")
    assert by_row[11][:2] == ("E", "来源文件")
    assert by_row[12][:2] == ("F", "备注")
    assert "第 3 行重复" in by_row[13][2]
    assert 'data-testid="commit"' not in page
    assert not IndicatorValue.objects.exists()


def test_a_commit_with_problems_writes_nothing(client_for):
    c = client_for("office")
    url = upload(c, GOOD + [["一般公共预算收入", "云溪镇", "x", 1, "x", ""]])
    assert c.post(url + "commit/").status_code == 400
    assert not IndicatorValue.objects.exists()


def test_a_refusal_at_commit_rolls_back_the_rows_already_written(org, yunxi, ind, monkeypatch):
    rows = [
        imports.Row(2, ind("gdp"), yunxi, f"{YEAR}-Q1", 3.0, "县统计局", ""),
        imports.Row(
            3, ind("budget-revenue"), yunxi, f"{YEAR}-01", 0.1, "", ""
        ),  # no source: the service refuses
    ]
    with pytest.raises(imports.RowError) as exc:
        imports.commit(rows, by=org.users["office"])
    assert exc.value.row == 3
    assert not IndicatorValue.objects.exists()


def test_a_sheet_without_the_required_columns_says_which(client_for):
    c = client_for("office")
    page = c.get(
        upload(c, [["一般公共预算收入", "云溪镇", 1]], header=["指标", "乡镇", "数值"])
    ).content.decode()
    assert "缺少必填列“统计期”" in page


def test_not_an_excel_file_is_a_clear_error(client_for):
    c = client_for("office")
    resp = c.post("/indicators/import/", {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")})
    assert resp.status_code == 400 and "无法读取该文件" in resp.content.decode()
    resp = c.post("/indicators/import/", {"file": SimpleUploadedFile("x.csv", b"a,b")})
    assert resp.status_code == 400


def test_an_import_belongs_to_the_user_who_started_it(client_for):
    url = upload(client_for("office"), GOOD)
    assert client_for("leader").get(url).status_code == 404
    assert client_for("leader").post(url + "commit/").status_code == 404
    assert client_for("office").get("/indicators/import/not-a-token/").status_code == 404
    assert not IndicatorValue.objects.exists()


def test_unit_staff_import_only_their_units_indicators(client_for):
    c = client_for("jingfa")
    page = c.get(upload(c, GOOD)).content.decode()
    assert "无权填报" in page and "一般公共预算收入" in page  # 财政所's indicator, row 3
    assert page.count("<tr><td>") == 1
