"""Case fixtures: the demo organisation plus routing rules, and a small factory that walks a case forward."""

from __future__ import annotations

import pytest

from luoshi.cases import services
from luoshi.cases.models import RoutingRule
from luoshi.org.models import Unit


@pytest.fixture
def places(org):
    """Handy objects of 云溪镇: its villages, the grid worker's grid, two units, and default routing."""
    yunxi, bailu = org.towns
    village = org.users["village"].roles.get().village
    village2 = org.users["village2"].roles.get().village
    grid = org.users["grid"].roles.get().grid
    yjb = Unit.objects.get(town=yunxi, code="yjb")
    jfb = Unit.objects.get(town=yunxi, code="jfb")
    zzzx = Unit.objects.get(town=yunxi, code="zzzx")
    RoutingRule.objects.get_or_create(
        town=yunxi, case_type=None, category=None, village=None, defaults={"unit": zzzx}
    )
    return {
        "yunxi": yunxi,
        "bailu": bailu,
        "village": village,
        "village2": village2,
        "grid": grid,
        "yjb": yjb,
        "jfb": jfb,
        "zzzx": zzzx,
        "bailu_dzb": Unit.objects.get(town=bailu, code="dzb"),
    }


@pytest.fixture
def make_case(org, places):
    """make_case(type_code="public", village=..., **kw) → a received case registered by the town office."""

    def make(type_code: str = "public", **kw):
        kw.setdefault("title", "村口路灯不亮")
        kw.setdefault("content", "桃坞村村口三盏路灯已经一周不亮，晚上出行不便。")
        kw.setdefault("village", places["village"])
        kw.setdefault("contact_name", "王建国")
        kw.setdefault("contact_phone", "13812345678")
        actor = kw.pop("actor", org.users["office"])
        return services.case_create(case_type=type_code, actor=actor, **kw)

    return make


@pytest.fixture
def users(org):
    return org.users


@pytest.fixture
def co_handled_case(make_case, users, places):
    """A case dispatched to 应急办 with 经发办 as co-handling unit (its staff have one step: 协办意见)."""
    return services.case_dispatch(
        case=make_case(title="需要协办"),
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"]],
    )
