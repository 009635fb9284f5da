"""Feed import: dry run naming every bad row, all or nothing, revisions kept, meters added up, one
sheet per month, and the column mapping remembered per feed."""

from __future__ import annotations

import datetime as dt
import re

from luoshi.economy import warnings as rules
from luoshi.economy.models import Feed, MonthlyReturn
from luoshi.economy.tests.conftest import code_for, xlsx

HEADER = ["统一社会信用代码", "月份", "用电量（千瓦时）", "工业总产值"]


def start(c, town, file, **fields):
    data = {
        "town": town.pk,
        "name": "供电公司月度用电",
        "source": "grid",
        "layout": "rows",
        "key": "credit_code",
    }
    data.update(fields)
    resp = c.post("/economy/import/", {**data, "file": file})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    return resp["Location"]


def token_of(url):
    return re.search(r"/economy/import/([^/]+)/", url)[1]


def test_a_dry_run_names_every_bad_row_and_writes_nothing_then_a_clean_file_commits(
    econ, client_for, org, last_month
):
    c = client_for("jingfa")
    yunxi = org.towns[0]
    new = last_month
    before = MonthlyReturn.objects.count()
    rows = [
        [code_for(1), f"{new:%Y-%m}", 600000, 1100],
        [code_for(2), f"{new:%Y年%m月}", "1,200", 1200],
        ["91369901000000001X", f"{new:%Y-%m}", 1, 1],  # wrong check character
        [code_for(3), "十月", 1, 1],  # unreadable month
        [code_for(99), f"{new:%Y-%m}", 1, 1],  # another town's enterprise
        [code_for(3), f"{new:%Y-%m}", -5, "abc"],  # negative, not a number
        [code_for(1), f"{new:%Y-%m}", 1, 1],  # duplicate of row 2
        [code_for(3), "2099-01", 1, 1],  # the future
    ]
    url = start(c, yunxi, xlsx(rows, HEADER))
    page = c.get(url).content.decode()
    for row in (4, 5, 6, 7, 8, 9):
        assert f"<td>{row}</td>" in page, row
    assert "校验位" in page or "有效的统一社会信用代码" in page
    assert "数值不能为负数" in page and "不是数字" in page and "还没有到" in page and "重复" in page
    assert 'data-testid="commit"' not in page
    resp = c.post(url + "commit/")
    assert resp.status_code == 400
    assert MonthlyReturn.objects.count() == before and not Feed.objects.exists()

    url = start(c, yunxi, xlsx(rows[:2], HEADER))
    assert 'data-testid="commit"' in c.get(url).content.decode()
    resp = c.post(url + "commit/")
    assert resp.status_code == 302
    r1 = MonthlyReturn.objects.get(enterprise=econ[0], month=new)
    assert (r1.kwh, r1.output) == (600000, 1100)
    assert r1.sources["kwh"] == "grid" and sorted(r1.revised) == ["kwh", "output"]
    assert list(r1.history.order_by("history_id").values_list("kwh", flat=True)) == [500000, 600000]
    latest = r1.history.order_by("-history_id").first()
    assert (latest.history_type, latest.history_user, latest.output) == ("~", org.users["unit_jfb"], 1100)
    assert MonthlyReturn.objects.get(enterprise=econ[1], month=new).kwh == 1200
    feed = Feed.objects.get()
    assert feed.mapping["kwh"] == "用电量（千瓦时）" and feed.mapping["key"] == "统一社会信用代码"


def test_a_new_month_is_added_and_a_changed_figure_is_marked_revised_with_its_history(
    econ, client_for, org, last_month
):
    c = client_for("jingfa")
    yunxi = org.towns[0]
    older = rules.add_months(last_month, -3)
    url = start(c, yunxi, xlsx([[code_for(1), f"{older:%Y-%m}", 450000, 1000]], HEADER))
    assert c.post(url + "commit/").status_code == 302
    r = MonthlyReturn.objects.get(enterprise=econ[0], month=older)
    assert r.kwh == 450000 and r.revised == ["kwh"]  # output unchanged: not revised
    assert list(r.history.order_by("history_id").values_list("kwh", flat=True)) == [500000, 450000]


def test_meters_of_one_enterprise_are_added_up_in_a_sheet_per_month_feed(econ, client_for, org):
    c = client_for("jingfa")
    yunxi = org.towns[0]
    sheets = {"2026-01": [["M1", 100], ["M1B", 50], ["M2", 70]], "2026年2月": [["M1", 200]]}
    url = start(
        c, yunxi, xlsx(None, ["户号", "当月用电量"], sheets=sheets), layout="sheets", key="meter", name="电力"
    )
    page = c.get(url).content.decode()
    assert 'data-testid="ready"' in page
    assert c.post(url + "commit/").status_code == 302
    jan = MonthlyReturn.objects.get(enterprise=econ[0], month=dt.date(2026, 1, 1))
    assert jan.kwh == 150
    assert MonthlyReturn.objects.get(enterprise=econ[0], month=dt.date(2026, 2, 1)).kwh == 200


def test_a_sheet_named_not_as_a_month_and_an_unknown_meter_are_problems(econ, client_for, org):
    c = client_for("jingfa")
    sheets = {"一月": [["M1", 100]], "2026-02": [["NOPE", 5]]}
    url = start(c, org.towns[0], xlsx(None, ["户号", "用电量"], sheets=sheets), layout="sheets", key="meter")
    page = c.get(url).content.decode()
    assert "不是月份" in page and "NOPE" in page


def test_the_mapping_chosen_once_is_remembered_for_the_feeds_next_file(econ, client_for, org, last_month):
    c = client_for("jingfa")
    yunxi = org.towns[0]
    header = ["企业代码", "期", "电"]  # nothing an alias knows
    rows = [[code_for(1), f"{last_month:%Y-%m}", 777]]
    url = start(c, yunxi, xlsx(rows, header))
    assert "缺少" in c.get(url).content.decode()
    c.post(url, {"map-key": "企业代码", "map-month": "期", "map-kwh": "电"})
    assert 'data-testid="ready"' in c.get(url).content.decode()
    assert c.post(url + "commit/").status_code == 302
    feed = Feed.objects.get()
    assert feed.mapping == {"key": "企业代码", "month": "期", "kwh": "电"}
    url = start(c, yunxi, xlsx([[code_for(2), f"{last_month:%Y-%m}", 888]], header), feed=feed.pk)
    assert 'data-testid="ready"' in c.get(url).content.decode()
    assert c.post(url + "commit/").status_code == 302
    assert MonthlyReturn.objects.get(enterprise=econ[1], month=last_month).kwh == 888


def test_an_import_belongs_to_the_user_who_started_it_and_others_cannot_import(econ, client_for, org):
    url = start(client_for("jingfa"), org.towns[0], xlsx([[code_for(1), "2026-01", 1]], HEADER[:3]))
    assert client_for("leader").get(url).status_code == 404
    assert client_for("leader").post(url + "commit/").status_code == 404
    for persona in ("office", "unit", "deputy", "office_b"):
        assert client_for(persona).get("/economy/import/").status_code == 403


def test_the_desk_of_one_town_cannot_import_into_another(econ, client_for, org):
    c = client_for("jingfa")
    resp = c.post(
        "/economy/import/",
        {
            "town": org.towns[1].pk,
            "name": "x",
            "source": "grid",
            "layout": "rows",
            "key": "credit_code",
            "file": xlsx([[code_for(99), "2026-01", 1]], HEADER[:3]),
        },
    )
    assert resp.status_code == 400
    assert not MonthlyReturn.objects.filter(
        enterprise=econ[3], month__year=2026, month__month=1, kwh=1
    ).exists()


def test_not_an_excel_file_is_a_clear_error(econ, client_for, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = client_for("jingfa")
    url = start(c, org.towns[0], SimpleUploadedFile("x.xlsx", b"not a workbook"))
    assert "无法读取该文件" in c.get(url).content.decode()
