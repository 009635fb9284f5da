"""Excel import of an existing register: dry run naming every row problem, then all or nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from luoshi.ledgers.models import Item

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(rows) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(["云溪镇路灯台账"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("lights.xlsx", buf.getvalue(), content_type=XLSX)


HEADER = ["路灯编号", "村", "位置", "维护单位", "供电方式", "功率(瓦)"]


def test_a_sheet_with_a_bad_row_names_it_and_imports_nothing(org, ledgers, client_for, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    office = client_for("office")
    before = Item.objects.count()
    r = office.post(
        "/ledgers/streetlight/import/",
        {
            "file": _xlsx(
                [
                    HEADER,
                    ["N-1", "云溪社区", "路口", "甲公司", "市电", 60],
                    ["N-2", "云溪社区", "桥头", "甲公司", "风能", "六十"],
                ]
            )
        },
    )
    assert r.status_code == 302
    check = office.get(r["Location"])
    body = check.content.decode()
    assert 'data-testid="problems"' in body, body[body.find("<main") :][:3000]
    assert "供电方式" in body and "功率" in body
    assert "<td>4</td>" in body and "<td>3</td>" not in body  # title, header, good row 3, bad row 4
    assert office.post(r["Location"]).status_code == 400
    assert Item.objects.count() == before


def test_a_clean_sheet_imports_every_row_and_a_village_outside_scope_is_a_row_error(
    org, ledgers, client_for, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    village = client_for("village")  # cadre of 云溪社区
    r = village.post(
        "/ledgers/streetlight/import/",
        {
            "file": _xlsx(
                [
                    HEADER,
                    ["N-1", "云溪社区", "路口", "甲公司", "市电", 60],
                    ["N-2", "桃坞村", "桥头", "甲公司", "市电", 30],
                ]
            )
        },
    )
    body = village.get(r["Location"]).content.decode()
    assert "桃坞村" in body and 'data-testid="problems"' in body
    r = village.post(
        "/ledgers/streetlight/import/",
        {
            "file": _xlsx(
                [
                    HEADER,
                    ["N-1", "云溪社区", "路口", "甲公司", "市电", 60],
                    ["N-3", "云溪社区", "桥头", "", "太阳能", ""],
                ]
            )
        },
    )
    assert 'data-testid="ready"' in village.get(r["Location"]).content.decode()
    assert village.post(r["Location"]).status_code == 302
    n1 = Item.objects.get(number="N-1")
    assert n1.attributes == {"power": "市电", "watts": 60.0} and n1.village.name == "云溪社区"
    assert Item.objects.filter(number="N-3").exists()


def test_another_users_import_token_is_not_found(org, ledgers, client_for, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    r = client_for("office").post(
        "/ledgers/streetlight/import/",
        {"file": _xlsx([HEADER, ["N-1", "云溪社区", "路口", "甲公司", "市电", 60]])},
    )
    assert client_for("leader").get(r["Location"]).status_code == 404
