"""Fixtures for the economy desk: a few enterprises with 24 months of returns, and Excel feeds."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook
from simple_history.utils import bulk_create_with_history

from luoshi.economy import credit_code, services
from luoshi.economy import warnings as rules
from luoshi.economy.models import MonthlyReturn, Scale


def code_for(n: int) -> str:
    first17 = f"91369901{n:09d}"
    return first17 + credit_code.check_character(first17)


@pytest.fixture
def last_month():
    return rules.add_months(timezone.localdate().replace(day=1), -1)


@pytest.fixture
def econ(org, last_month):
    """Three industrial enterprises in 云溪镇 (with meters) and one in 白鹭街道, each with 24 months of
    steady returns (output 1000万元 a month, 500,000 kWh, 100 staff) ending last month."""
    yunxi, bailu = org.towns
    jingfa = org.users["unit_jfb"]
    ents = []
    for i in range(3):
        ents.append(
            services.enterprise_create(
                by=jingfa,
                town=yunxi,
                credit_code_text=code_for(i + 1),
                name=f"测试企业{i + 1}",
                industry="C3484",
                contact_name="王经理",
                contact_phone="13912345678",
                scales=[(Scale.INDUSTRY, dt.date(2018, 1, 1))],
                meters=[f"M{i + 1}", f"M{i + 1}B"],
            )
        )
    ents.append(
        services.enterprise_create(
            by=org.users["admin"],
            town=bailu,
            credit_code_text=code_for(99),
            name="白鹭测试企业",
            industry="C2929",
            scales=[(Scale.INDUSTRY, dt.date(2018, 1, 1))],
        )
    )
    rows = []
    for ent in ents:
        for k in range(24):
            rows.append(
                MonthlyReturn(
                    enterprise=ent,
                    town=ent.town,
                    month=rules.add_months(last_month, -k),
                    kwh=500_000,
                    employment=100,
                    output=1000,
                    sales=1000,
                    taxable_sales=900,
                    tax=36,
                )
            )
    bulk_create_with_history(rows, MonthlyReturn)
    return ents


def xlsx(rows, header, title="Sheet1", sheets=None) -> SimpleUploadedFile:
    """An .xlsx with one sheet (header + rows), or ``sheets``: {title: rows} each under ``header``."""
    wb = Workbook()
    ws = wb.active
    if sheets is None:
        sheets = {title: rows}
    for n, (name, body) in enumerate(sheets.items()):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        ws.append(header)
        for r in body:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("feed.xlsx", buf.getvalue())
