"""Payment import from a civil-affairs ledger: the household is found by the ID number's keyed hash
inside the user's town only; every bad row is named in the dry run; all or nothing."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from luoshi.assistance.models import Payment
from luoshi.assistance.tests.conftest import ID_B

pytestmark = pytest.mark.django_db


def _xlsx(rows) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "救助类别", "发放月份", "发放金额"])
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "低保台账.xlsx"
    return out


def _upload(c, rows):
    r = c.post(reverse("assistance:import"), {"file": _xlsx(rows)})
    assert r.status_code == 302
    return r["Location"]


def test_dry_run_names_every_bad_row_and_writes_nothing(world, client_for):
    c = client_for("office")
    url = _upload(
        c,
        [
            ["钱满仓", ID_B, "低保", "2026-01", "650"],
            ["钱满仓", "369901196601017777", "低保", "2026-01", "650"],  # the other town's household
            ["李四", ID_B, "低保", "2026-02", "650"],
            ["钱满仓", ID_B, "养老金", "2026-03", "-5"],
        ],
    )
    body = c.get(url).content.decode()
    assert "本镇监测户中没有该身份证号的成员" in body and "姓名与该身份证号登记的成员不一致" in body
    assert "无法识别的项目" in body and "金额" in body
    assert c.post(url + "commit/").status_code == 400
    assert Payment.objects.count() == 0


def test_clean_file_imports_all_rows_and_only_the_uploader_sees_the_job(world, client_for):
    c = client_for("office")
    url = _upload(
        c, [["钱满仓", ID_B, "低保", "2026-01", "650"], ["钱满仓", ID_B, "临时救助", "2026-02", "1,000"]]
    )
    assert client_for("office_b").get(url).status_code == 404
    assert client_for("village2").get(url).status_code == 403
    assert c.post(url + "commit/").status_code == 302
    assert sorted(Payment.objects.values_list("programme", "amount")) == [("dibao", 650), ("temporary", 1000)]
    assert set(Payment.objects.values_list("household_id", flat=True)) == {world["b"].pk}
