from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.assistance import services
from luoshi.assistance.models import IncomeLine

ID_A = "369901198003154417"
ID_B = "369901197510228833"
PHONE_B = "13907311234"
HEALTH_B = "尿毒症透析每周三次"
DISABILITY_B = "肢体二级残疾证"
SOURCES_B = "务工收入三千二百元"


@pytest.fixture
def world(org):
    """Households in village A (云溪社区, the ``village`` persona's, in the ``grid`` persona's grid),
    village B (桃坞村, ``village2``'s) and in the other town (白鹭街道)."""
    yunxi, bailu = org.towns
    IncomeLine.objects.create(province_code="36", province_name="示范省", year=2025, amount=Decimal("6000"))
    IncomeLine.objects.create(province_code="36", province_name="示范省", year=2026, amount=Decimal("6200"))
    va = org.users["village"].roles.get().village
    vb = org.users["village2"].roles.get().village
    grid = org.users["grid"].roles.get().grid
    office, office_b = org.users["office"], org.users["office_b"]
    a = services.household_flag(
        actor=org.users["grid"],
        village=va,
        grid=grid,
        head_name="赵守田",
        head_id_number=ID_A,
        phone="13800001111",
        category="marginal",
        channel="cadre",
        risk_type="illness",
        note="走访发现",
    )
    b = services.household_flag(
        actor=org.users["village2"],
        village=vb,
        head_name="钱满仓",
        head_id_number=ID_B,
        phone=PHONE_B,
        category="sudden",
        channel="self",
        risk_type="illness",
        risk_note="户主突发重病，医疗支出大",
    )
    services.member_add(
        actor=org.users["village2"],
        household=b,
        name="钱小禾",
        relation="child",
        id_number="369901201203154426",
        is_student=True,
        health=HEALTH_B,
        disability=DISABILITY_B,
    )
    services.income_record(
        actor=office, household=b, month=dt.date(2025, 3, 1), amount="3200.55", sources=SOURCES_B
    )
    vc = bailu.villages.order_by("code").first()
    c = services.household_flag(
        actor=office_b,
        village=vc,
        head_name="孙有余",
        head_id_number="369901196601017777",
        category="unstable",
        channel="department",
        risk_type="disaster",
    )
    return {"a": a, "b": b, "c": c, "org": org}
