"""Fixtures for the economy desk: a few enterprises with 24 months of returns, and Excel feeds."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook
from simple_history.utils import bulk_create_with_history

from luoshi.economy import credit_code, imports, services
from luoshi.economy import warnings as rules
from luoshi.economy.models import Feed, MonthlyReturn, Scale
from luoshi.org.models import RoleAssignment, Unit, User
from luoshi.org.roles import Role


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


def report_stats(org, town, enterprise, month, **figures) -> None:
    """One enterprise's figures of a month from the statistics feed, committed as an import does."""
    by = org.users["unit_jfb"]
    feed = services.feed_create(
        by=by, town=town, name="统计", source="stats", layout=Feed.Layout.ROWS, key="credit_code"
    )
    imports.commit([imports.Row(enterprise.pk, month, figures, "2")], town=town, feed=feed, by=by, mapping={})


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


# index → what the enterprise is in the fixture: estimated from kWh, noisy (suppressed), reported
GOOD, NOISY, REPORTED = (0, 1, 2), (3,), (4, 5, 6)


def _returns(ent, last_month, *, noise: float, reported: bool, seed: int):
    rnd = random.Random(seed)
    rows = []
    for k in range(30):
        month = rules.add_months(last_month, -k)
        kwh = 300_000 + 20_000 * ((k * 7 + seed) % 11)
        output = (80 + 0.002 * kwh) * rnd.uniform(1 - noise, 1 + noise)
        rows.append(
            MonthlyReturn(
                enterprise=ent,
                town=ent.town,
                month=month,
                kwh=kwh,
                output=round(output, 1) if k or reported else None,
                sales=round(output, 1),
            )
        )
    return rows


@pytest.fixture
def nc(org, last_month):
    """Seven industrial enterprises in 云溪镇 (three estimable, one noisy, three with last month's
    output reported) and three estimable ones in 白鹭街道, 30 months each ending last month."""
    yunxi, bailu = org.towns
    ents, rows = [], []
    for i in range(10):
        town = yunxi if i < 7 else bailu
        ent = services.enterprise_create(
            by=org.users["admin"],
            town=town,
            credit_code_text=code_for(200 + i),
            name=f"估算测试企业{i}" if i < 7 else f"白鹭估算企业{i}",
            industry="C3484" if i != 2 else "2929",
            scales=[(Scale.INDUSTRY, dt.date(2018, 1, 1))],
        )
        ents.append(ent)
        rows += _returns(ent, last_month, noise=0.5 if i in NOISY else 0.01, reported=i in REPORTED, seed=i)
    bulk_create_with_history(rows, MonthlyReturn)
    return ents


@pytest.fixture
def jingfa_b(org):
    user = User.objects.create(username="jingfa_b", full_name="白鹭经发办 钱程")
    RoleAssignment.objects.create(
        user=user, role=Role.UNIT, unit=Unit.objects.get(town=org.towns[1], code="jfb")
    )
    return user


@pytest.fixture
def leader_b(org):
    """A leader of 白鹭街道 (the other town)."""
    user = User.objects.create(username="leader_b", full_name="白鹭街道 副主任 何川")
    RoleAssignment.objects.create(user=user, role=Role.LEADER, town=org.towns[1])
    return user
