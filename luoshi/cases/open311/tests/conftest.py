"""Open311 fixtures: the demo organisation, an API key per town and a small case factory."""

from __future__ import annotations

import pytest

from luoshi.cases import services
from luoshi.cases.open311.intake import key_create
from luoshi.org.models import Unit


@pytest.fixture
def towns(org):
    yunxi, bailu = org.towns
    return {"yunxi": yunxi, "bailu": bailu}


@pytest.fixture
def keys(towns):
    """Raw API keys: one for 云溪镇, one for 白鹭街道."""
    return {name: key_create(town=town, label=f"小程序-{name}")[1] for name, town in towns.items()}


@pytest.fixture
def make_case(org, towns):
    """make_case(town="yunxi", type_code="public", category="sanitation", **kw) → a case via the service."""

    def make(town: str = "yunxi", type_code: str = "public", category: str | None = "sanitation", **kw):
        kw.setdefault("title", "村口垃圾堆积")
        kw.setdefault("content", "村口垃圾三天没人清运。")
        kw.setdefault("contact_name", "王建国")
        kw.setdefault("contact_phone", "13812345678")
        kw.setdefault("address", "云溪社区村口")
        return services.case_create(
            case_type=type_code,
            category=category,
            actor=None,
            actor_label="测试",
            town=towns[town],
            **kw,
        )

    return make


@pytest.fixture
def resolve(org, towns):
    """Walk a case through 派单 → 签收 → 办结 with the demo office and unit staff (应急管理办),
    the reply marked public unless ``note_public=False``."""

    def run(case, reply="已清运完毕。", note_public=True):
        unit = Unit.objects.get(town=towns["yunxi"], code="yjb")
        case = services.case_dispatch(case=case, actor=org.users["office"], unit=unit)
        case = services.case_sign(case=case, actor=org.users["unit"])
        return services.case_resolve(case=case, actor=org.users["unit"], reply=reply, note_public=note_public)

    return run
