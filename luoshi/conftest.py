"""Shared test fixtures: the demo organisation as personas, and logged-in clients.

Personas (all in the demo county 青岚县): admin, county, leader/office/unit/jingfa/village/
village2/grid/deputy in 云溪镇, office_b in 白鹭街道. ``village`` and ``village2`` are cadres of
two different villages of the same town; ``office_b`` belongs to the other town.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests run beside other work on shared machines: slow input generation is no failure,
# and no example has a deadline (a loaded CI runner would otherwise fail at random).
settings.register_profile("luoshi", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("luoshi")

SHARED_DIR = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty caches (rate-limit counters and rendered fragments live there)."""
    from django.core.cache import caches

    from luoshi.cases import config

    for cache in caches.all():
        cache.clear()
    config.clear()  # the case engine's per-process configuration (ids of rolled-back rows come back)
    yield


@pytest.fixture
def org(db):
    """The demo organisation (towns, villages, grids, units, one user per role)."""
    from luoshi.org.demo import load_org

    return load_org()


@pytest.fixture
def client_for(org, client):
    """client_for("grid") → a Django test client logged in as that demo persona."""
    from django.test import Client

    def make(username: str) -> Client:
        c = Client()
        c.force_login(org.users[username] if username in org.users else _user(username))
        return c

    return make


def _user(username):
    from luoshi.org.models import User

    return User.objects.get(username=username)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; never download a browser."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": [
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Browse as a user in China would: Chinese first (the language middleware follows Accept-Language)."""
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def fuzz_world(org):
    """The demo organisation with plans, livelihood rounds, reports and cases in several states: real
    rows for the fuzz tests to aim at (``fuzz_world["cases"]``: received, dispatched, in progress)."""
    from luoshi.cases import services
    from luoshi.org.models import Unit
    from luoshi.plans import demo as plans_demo
    from luoshi.reports import demo as reports_demo

    plans_demo.load(org)
    reports_demo.load(org)
    office, unit = org.users["office"], org.users["unit"]
    yjb = Unit.objects.get(town=org.towns[0], code="yjb")
    village = org.users["village"].roles.get().village
    cases = []
    for n, type_code in enumerate(("public", "hotline", "public")):
        case = services.case_create(
            case_type=type_code,
            title="村口路灯不亮",
            content="桃坞村村口三盏路灯已经一周不亮。",
            actor=office,
            village=village,
            contact_name="王建国",
            contact_phone="13812345678",
        )
        if n >= 1:
            case = services.case_transition(name="dispatch", case=case, actor=office, unit=yjb)
        if n >= 2:
            case = services.case_transition(name="sign", case=case, actor=unit)
        cases.append(case)
    return {"org": org, "cases": cases}
