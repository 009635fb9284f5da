"""The attacker after investment secrets: a project still a lead (线索) or in negotiation (在谈) is
commercially confidential, so no public page, download or API answer names it or shows its amount,
however the visitor asks (crawl, every dataset, guessed ids and parameters)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from luoshi.plans import services as plan_services
from luoshi.plans.models import Project
from luoshi.portal import policy
from luoshi.portal.tests.test_privacy_attack import normalise, public_responses

pytestmark = pytest.mark.django_db

# Amounts (万元) nothing else in the organisation carries, so a match can only be the project's.
SECRET = {
    Project.Stage.LEAD: ("溪源石墨烯薄膜线索", Decimal("87654.31"), Decimal("4321.09")),
    Project.Stage.NEGOTIATING: ("鹭岛冷链物流在谈", Decimal("76543.27"), Decimal("3210.87")),
}
SIGNED = ("云溪光伏组件签约", Decimal("65432.19"))


def amounts(value: Decimal) -> set[str]:
    """How an amount may be written: as stored, without decimals, as 亿元."""
    return {f"{value}", f"{value:.0f}", f"{value / 10000:.2f}", f"{float(value)}"}


@pytest.fixture
def projects(org):
    town = org.towns[0]
    office = org.users["office"]
    plan = plan_services.plan_create(town=town, year=timezone.localdate().year, by=office)
    day = timezone.localdate() - dt.timedelta(days=30)
    made = {}
    for stage, (name, investment, annual) in SECRET.items():
        dates = {Project.Stage.LEAD: day}
        if stage == Project.Stage.NEGOTIATING:
            dates[stage] = day + dt.timedelta(days=5)
        made[stage] = plan_services.project_create(
            plan=plan,
            by=office,
            kind=Project.Kind.KEY,
            name=name,
            industry="新材料",
            investment=investment,
            annual_plan=annual,
            stage_dates=dates,
        )
    made["signed"] = plan_services.project_create(
        plan=plan,
        by=office,
        kind=Project.Kind.KEY,
        name=SIGNED[0],
        investment=SIGNED[1],
        stage_dates={Project.Stage.NEGOTIATING: day, Project.Stage.SIGNED: day + dt.timedelta(days=3)},
    )
    assert {p.stage for p in made.values()} == {"lead", "negotiating", "signed"}
    return town, made


def test_public_projects_start_at_signing():
    stages = policy.public_project_stages()
    assert Project.Stage.SIGNED in stages and Project.Stage.ATTAINED in stages
    assert Project.Stage.LEAD not in stages and Project.Stage.NEGOTIATING not in stages


def test_no_lead_or_negotiation_reaches_any_public_answer(projects):
    town, made = projects
    anon = Client()
    responses = public_responses(anon)
    codes = (town.code, town.county.code)
    # guesses: ids of the secret projects in likely paths, stage filters on the list and the API
    for stage, p in made.items():
        for code in codes:
            for url in (
                f"/portal/{code}/projects/?stage={stage}",
                f"/portal/{code}/projects/{p.pk}/",
                f"/portal/{code}/data/projects.json?stage={stage}&kind=investment",
                f"/api/portal/areas/{code}/datasets/projects?stage={stage}",
            ):
                responses[url] = anon.get(url)
        for url in (f"/portal/projects/{p.pk}/", f"/api/portal/projects/{p.pk}", f"/plans/projects/{p.pk}/"):
            responses[url] = anon.get(url)
    listing = responses[f"/portal/{town.code}/projects/"].content.decode()
    assert SIGNED[0] in listing  # the rule hides the unsigned, not the list itself
    leaks = {}
    for url, resp in responses.items():
        if resp.status_code in (301, 302) and "/accounts/login/" in resp.get("Location", ""):
            continue  # the staff pages send a visitor to log in, showing nothing
        text, _atoms = normalise(resp)
        for name, investment, annual in SECRET.values():
            found = [name] if name in text else []
            found += [a for v in (investment, annual) for a in amounts(v) if a in text]
            if found:
                leaks[url] = found
    assert not leaks, leaks


def test_a_lead_appears_once_it_is_signed(projects):
    town, made = projects
    url = f"/api/portal/areas/{town.code}/datasets/projects"
    names = lambda: {r["name"] for r in Client().get(url).json()["rows"]}  # noqa: E731
    assert names() == {SIGNED[0]}
    (row,) = Client().get(url).json()["rows"]
    # its history starts at signing: when it was courted and negotiated stays internal
    assert str(Project.Stage.SIGNED.label) in row["stages"]
    assert str(Project.Stage.NEGOTIATING.label) not in row["stages"]
    lead = made[Project.Stage.LEAD]
    plan_services.project_stage_set(project=lead, stage=Project.Stage.SIGNED, date=timezone.localdate())
    assert names() == {SIGNED[0], lead.name}
