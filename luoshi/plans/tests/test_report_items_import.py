"""The report → plan import proposes the projects, livelihood projects and key tasks a report names."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from luoshi.plans import selectors, services
from luoshi.plans.models import Item, LivelihoodRound, Phase, Project, Proposal
from luoshi.plans.services import PlanError
from luoshi.reports.models import Report, ReportItem

from .conftest import round_at_vote


def make_items_report(town, year, tag="a"):
    """A stored report with named items as the reader would leave them (sentences written for the test)."""
    report = Report.objects.create(
        town=town,
        title=f"{year}年政府工作报告{tag}",
        content_hash=f"items{tag}{year}",
        text="……",
        plan_year=year,
    )
    rows = [
        # (kind, part, year, name, stage, investment in 元, quote)
        ("project", "review", year - 1, "青石桥物流园项目", "建成", None, "建成青石桥物流园项目"),
        (
            "project",
            "plan",
            year,
            "柳湾光伏电站项目",
            "开工",
            2.4e8,
            "确保总投资2.4亿元的柳湾光伏电站项目年内开工",
        ),
        ("project", "plan", year, "柳湾光伏电站项目", "", None, "柳湾光伏电站项目做好并网准备"),
        ("project", "plan", year - 1, "旧年计划项目", "", None, "上年计划项目"),
        ("livelihood", "plan", year, "镇区公厕改造", "", None, "实施镇区公厕改造等民生实事"),
        ("task", "plan", year, "抓实乡村振兴", "", None, "（二）抓实乡村振兴"),
    ]
    for seq, (kind, part, y, name, stage, invest, quote) in enumerate(rows, start=1):
        ReportItem.objects.create(
            report=report,
            seq=seq,
            kind=kind,
            part=part,
            year=y,
            name=name,
            stage=stage,
            investment=invest,
            quote=quote,
            start=0,
            end=len(quote),
        )
    return report


def _accept_all(named):
    out = []
    for p in named:
        if p["linked"] or p["blocked"]:
            continue
        row = {"item": p["item"], "name": p["name"]}
        if p["kind"] == "project":
            row.update(investment=p["investment"], promised=p["promised"], owner_unit=p["owner_unit"])
        elif p["kind"] == "task":
            row.update(area=p["area"], owner_unit=p["owner_unit"])
        out.append(row)
    return out


def test_named_items_of_the_plan_year_are_proposed_once_each_and_nothing_is_saved(plan):
    report = make_items_report(plan.town, plan.year)
    named = selectors.item_proposals(plan, report)
    assert [(p["kind"], p["name"]) for p in named] == [
        ("project", "柳湾光伏电站项目"),
        ("livelihood", "镇区公厕改造"),
        ("task", "抓实乡村振兴"),
    ]
    project = named[0]
    assert project["investment"] == 24000  # 2.4亿元 in 万元
    assert project["promised"] == Project.Stage.STARTED
    assert "年内开工" in project["item"].quote
    assert not plan.projects.exists() and not plan.items.exists()
    assert not LivelihoodRound.objects.filter(plan=plan).exists()


def test_accepted_items_become_a_project_a_livelihood_proposal_and_a_task(plan, org):
    report = make_items_report(plan.town, plan.year)
    office = org.users["office"]
    created = services.report_import(
        plan=plan, accepted=[], items=_accept_all(selectors.item_proposals(plan, report)), by=office
    )
    assert len(created) == 3
    project = plan.projects.get()
    assert project.name == "柳湾光伏电站项目" and project.investment == Decimal("24000")
    assert project.kind == Project.Kind.KEY
    [milestone] = project.milestones.all()
    assert milestone.planned_date.year == plan.year and "开工" in milestone.name
    proposal = Proposal.objects.get(round__plan=plan)
    assert proposal.title == "镇区公厕改造" and proposal.source == Proposal.Source.UNIT
    assert "民生实事" in proposal.content
    assert proposal.round.phase == Phase.COLLECTING
    task = plan.items.get(kind=Item.Kind.TASK)
    assert task.name == "抓实乡村振兴" and task.source_quote == "（二）抓实乡村振兴"
    assert project.history.first().history_user == office
    assert task.history.first().history_user == office


def test_a_second_import_creates_nothing_and_shows_everything_as_imported(plan):
    report = make_items_report(plan.town, plan.year)
    first = _accept_all(selectors.item_proposals(plan, report))
    first[0]["name"] = "柳湾光伏电站"  # renamed by the user
    services.report_import(plan=plan, accepted=[], items=first, by=None)
    again = selectors.item_proposals(plan, report)
    assert [p["linked"] for p in again] == [True, True, True]  # the renamed project too
    # The same proposals sent again (a double submit, a stale page) create nothing new.
    assert services.report_import(plan=plan, accepted=[], items=first, by=None) == []
    assert plan.projects.count() == 1 and plan.projects.get().name == "柳湾光伏电站"
    assert Proposal.objects.filter(round__plan=plan).count() == 1
    assert plan.items.filter(kind=Item.Kind.TASK).count() == 1


def test_import_is_all_or_nothing(plan, org, units):
    round_at_vote(plan, org.users["office"], units)  # the round is past collecting proposals
    report = make_items_report(plan.town, plan.year)
    named = selectors.item_proposals(plan, report)
    livelihood = next(p for p in named if p["kind"] == "livelihood")
    assert livelihood["blocked"] and not livelihood["linked"]
    rows = _accept_all(named) + [{"item": livelihood["item"], "name": livelihood["name"]}]
    with pytest.raises(PlanError):
        services.report_import(plan=plan, accepted=[], items=rows, by=None)
    assert not plan.projects.exists()
    assert not plan.items.filter(kind=Item.Kind.TASK).exists()


def test_items_of_another_towns_report_cannot_be_imported(plan, org):
    other = make_items_report(org.towns[1], plan.year, tag="b")
    item = other.items.get(kind="task")
    with pytest.raises(PlanError):
        services.report_import(plan=plan, accepted=[], items=[{"item": item, "name": item.name}], by=None)


def test_import_page_shows_sources_and_creates_only_ticked_items(plan, org, units, client_for):
    report = make_items_report(plan.town, plan.year)
    c = client_for("office")
    url = reverse("plans:import", args=[plan.pk])
    page = c.get(url, {"report": report.pk}).content.decode()
    assert "确保总投资2.4亿元的柳湾光伏电站项目年内开工" in page
    assert "实施镇区公厕改造等民生实事" in page and "（二）抓实乡村振兴" in page
    assert "旧年计划项目" not in page and "青石桥物流园项目" not in page
    project = report.items.filter(kind="project", part="plan", year=plan.year).first()
    task = report.items.get(kind="task")
    livelihood = report.items.get(kind="livelihood")
    data = {
        "report": report.pk,
        f"accept_i{project.pk}": "1",
        f"name_i{project.pk}": "柳湾光伏电站",
        f"investment_i{project.pk}": "nonsense",
        f"promised_i{project.pk}": "completed",
        f"owner_unit_i{project.pk}": units["jfb"].pk,
        f"accept_i{task.pk}": "1",
        f"area_i{task.pk}": "rural",
        f"name_i{livelihood.pk}": "没勾选",
    }
    assert c.post(url, data).status_code == 302
    created = plan.projects.get()
    assert created.name == "柳湾光伏电站" and created.investment == 0 and created.owner_unit == units["jfb"]
    assert "竣工" in created.milestones.get().name
    assert plan.items.get(kind=Item.Kind.TASK).area == "rural"
    assert not LivelihoodRound.objects.filter(plan=plan).exists()
    page = c.get(url, {"report": report.pk}).content.decode()
    assert page.count("已导入") >= 1 and f'name="accept_i{task.pk}"' not in page
    assert f'name="accept_i{livelihood.pk}"' in page


def test_an_impossible_investment_is_refused(plan):
    report = make_items_report(plan.town, plan.year)
    project = next(p for p in selectors.item_proposals(plan, report) if p["kind"] == "project")
    for investment in (Decimal("-1"), Decimal(10**13)):
        row = {"item": project["item"], "name": project["name"], "investment": investment}
        with pytest.raises(PlanError):
            services.report_import(plan=plan, accepted=[], items=[row], by=None)
    assert not plan.projects.exists()


def test_the_import_page_refuses_another_towns_report_and_plan(plan, org, client_for):
    other = make_items_report(org.towns[1], plan.year, tag="b")
    item = other.items.get(kind="task")
    url = reverse("plans:import", args=[plan.pk])
    office = client_for("office")
    assert office.get(url, {"report": other.pk}).status_code == 404
    resp = office.post(url, {"report": other.pk, f"accept_i{item.pk}": "1", f"name_i{item.pk}": item.name})
    assert resp.status_code == 404
    assert not plan.items.filter(kind=Item.Kind.TASK).exists() and not plan.projects.exists()
    # the other town's office can neither open this plan's import page nor read this town's items there
    mine = make_items_report(plan.town, plan.year)
    page = client_for("office_b").get(url, {"report": mine.pk})
    assert page.status_code == 404 and mine.items.first().name not in page.content.decode()
