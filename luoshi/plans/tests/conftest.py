"""Small factories for plan tests, on top of the shared ``org`` fixture."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.org.models import RoleAssignment, Unit, User
from luoshi.org.roles import Role
from luoshi.plans import services
from luoshi.plans.models import LivelihoodRound


@pytest.fixture
def yunxi(org):
    return org.towns[0]


@pytest.fixture
def plan(org, yunxi):
    return services.plan_create(town=yunxi, year=dt.date.today().year, by=org.users["office"])


@pytest.fixture
def units(yunxi):
    return {u.code: u for u in Unit.objects.filter(town=yunxi)}


def make_deputies(town, n: int, prefix: str = "dep") -> list[User]:
    out = []
    for i in range(n):
        u = User.objects.create_user(username=f"{prefix}{i}", password="x", full_name=f"代表{i}")
        RoleAssignment.objects.create(user=u, role=Role.DEPUTY, town=town)
        out.append(u)
    return out


def round_at_vote(
    plan,
    office,
    units,
    *,
    n_candidates: int = 3,
    seats: int = 2,
    mode=LivelihoodRound.Mode.ELECTRONIC,
    deputies_total=None,
):
    """A round with candidates, moved into the voting phase through the real transitions."""
    r = services.round_create(plan=plan, seats=seats, mode=mode, deputies_total=deputies_total, by=office)
    services.proposal_create(round=r, title="道路改造", by=office)
    services.round_advance(round=r, by=office)
    for p in r.proposals.all():
        services.proposal_screen(
            proposal=p, accept=True, budget=Decimal(100), owner_unit=units["nyb"], by=office
        )
    for i in range(n_candidates - 1):
        services.candidate_create(
            round=r, name=f"候选{i}", budget=Decimal(50 + i), owner_unit=units["shsw"], by=office
        )
    services.round_advance(round=r, by=office)
    services.round_advance(round=r, by=office)
    r.refresh_from_db()
    return r


def open_vote(r, office, *, quorum: int = 1, kind: str = "vote"):
    """Name the demo deputy as chair, set the quorum, open the poll: (poll, round code)."""
    from luoshi.plans import polls

    chair = User.objects.get(username="deputy")
    poll = r.polls.get(kind=kind)
    polls.poll_configure(poll=poll, chair=chair, quorum=quorum, by=office)
    code = polls.poll_open(poll=poll, by=chair)
    return r.polls.get(pk=poll.pk), code  # the poll keeps ``r`` as its round, refreshed at sealing
