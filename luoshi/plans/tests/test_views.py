"""Pages render for the roles that may use them; everyone else gets 403 (role) or 404 (scope)."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.plans import polls, services
from luoshi.plans.models import Item, LivelihoodRound

from .conftest import make_deputies, open_vote, round_at_vote
from .test_plan_services import make_report


@pytest.fixture
def world(plan, org, units, yunxi):
    office = org.users["office"]
    make_deputies(yunxi, 2)
    target = services.item_create(
        plan=plan,
        kind=Item.Kind.TARGET,
        name="一般公共预算收入",
        measure="level",
        target_value=1.2,
        unit="亿元",
        qualifier="确保",
        owner_unit=units["czs"],
    )
    project = services.project_create(
        plan=plan,
        name="光伏项目",
        owner_unit=units["jfb"],
        start_date=dt.date(plan.year, 1, 1),
        deadline=dt.date(plan.year, 12, 31),
    )
    m = services.milestone_create(owner=project, name="开工", planned_date=dt.date(plan.year, 3, 1))
    u = services.update_create(
        owner=project, date=dt.date.today(), text="推进中", problem="缺电", needs_help=True
    )
    r = round_at_vote(plan, office, units)
    report = make_report(yunxi, plan.year)
    return {
        "plan": plan,
        "target": target,
        "project": project,
        "milestone": m,
        "update": u,
        "round": r,
        "poll": r.polls.get(kind="vote"),
        "candidate": r.candidates.first(),
        "proposal": r.proposals.first(),
        "report": report,
    }


READ_PAGES = [  # (url name, object key) readable by town staff and deputies
    ("plans:board", "plan"),
    ("plans:print", "plan"),
    ("plans:export", "plan"),
    ("plans:item", "target"),
    ("plans:projects", "plan"),
    ("plans:project", "project"),
    ("plans:gantt", "plan"),
    ("plans:funnel", "plan"),
    ("plans:round", "plan"),
    ("plans:livelihood", "candidate"),
]
MANAGER_PAGES = [
    ("plans:item_create", "plan"),
    ("plans:item_edit", "target"),
    ("plans:item_delete", "target"),
    ("plans:project_create", "plan"),
    ("plans:project_edit", "project"),
    ("plans:import", "plan"),
    ("plans:paper_tally", "round"),
]
POSTS = [  # (url name, args) that change something
    ("plans:item_override", ["target"]),
    ("plans:update_create", ["item", "target"]),
    ("plans:milestone_create", ["project", "project"]),
    ("plans:milestone_done", ["milestone"]),
    ("plans:update_resolve", ["update"]),
    ("plans:project_stage", ["project"]),
    ("plans:round_advance", ["round"]),
    ("plans:round_configure", ["round"]),
    ("plans:proposal_create", ["round"]),
    ("plans:proposal_screen", ["proposal"]),
    ("plans:candidate_create", ["round"]),
    ("plans:paper_confirm", ["round"]),
    ("plans:seal", ["round"]),
    ("plans:override", ["round"]),
    ("plans:livelihood_accept", ["candidate"]),
    ("plans:poll_configure", ["poll"]),
    ("plans:poll_reset", ["poll"]),
    ("plans:round_create", ["plan"]),
]


def _url(world, name, keys):
    args = [
        k if k in ("item", "project", "livelihood") and i == 0 and len(keys) == 2 else world[k].pk
        for i, k in enumerate(keys)
    ]
    return reverse(name, args=args)


@pytest.mark.parametrize("name,key", READ_PAGES + MANAGER_PAGES)
def test_office_staff_of_the_town_can_open_every_page(world, client_for, name, key):
    response = client_for("office").get(reverse(name, args=[world[key].pk]))
    assert response.status_code == 200, response.content[:500]


@pytest.mark.parametrize("name,key", READ_PAGES)
def test_deputies_can_read_their_towns_plan(world, client_for, name, key):
    assert client_for("deputy").get(reverse(name, args=[world[key].pk])).status_code == 200


@pytest.mark.parametrize("name,key", READ_PAGES + MANAGER_PAGES)
def test_staff_of_another_town_get_404(world, client_for, name, key):
    assert client_for("office_b").get(reverse(name, args=[world[key].pk])).status_code == 404


@pytest.mark.parametrize("name,key", READ_PAGES + MANAGER_PAGES)
def test_village_cadres_and_grid_workers_are_refused(world, client_for, name, key):
    for persona in ("village", "grid"):
        assert client_for(persona).get(reverse(name, args=[world[key].pk])).status_code == 403


@pytest.mark.parametrize("name,key", MANAGER_PAGES)
def test_deputies_and_unit_staff_cannot_open_management_pages(world, client_for, name, key):
    for persona in ("deputy", "unit"):
        assert client_for(persona).get(reverse(name, args=[world[key].pk])).status_code == 403


@pytest.mark.parametrize("name,keys", POSTS)
def test_changes_are_refused_outside_role_or_scope(world, client_for, name, keys):
    url = _url(world, name, keys)
    assert client_for("deputy").post(url).status_code == 403
    assert client_for("village").post(url).status_code == 403
    assert client_for("office_b").post(url).status_code == 404


def test_anonymous_visitors_are_sent_to_login(world, client):
    response = client.get(reverse("plans:board", args=[world["plan"].pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_plan_index_lists_only_visible_plans_and_has_an_empty_state(world, client_for, org):
    assert "云溪镇" in client_for("office").get(reverse("plans:index")).content.decode()
    body = client_for("office_b").get(reverse("plans:index")).content.decode()
    assert "还没有年度计划" in body


def test_board_filters_by_status_and_renders_htmx_partial(world, client_for):
    c = client_for("office")
    url = reverse("plans:board", args=[world["plan"].pk])
    assert "一般公共预算收入" in c.get(url).content.decode()
    partial = c.get(url, {"status": "done"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "没有符合条件的事项" in partial


def test_unit_staff_report_progress_only_on_their_units_items(world, client_for, units):
    url = reverse("plans:update_create", args=["item", world["target"].pk])
    assert (
        client_for("unit").post(url, {"date": "2026-05-01", "text": "x"}).status_code == 403
    )  # 应急办 ≠ 财政所
    other = services.item_create(plan=world["plan"], name="隐患整改", owner_unit=units["yjb"])
    url = reverse("plans:update_create", args=["item", other.pk])
    assert client_for("unit").post(url, {"date": "2026-05-01", "text": "已整改"}).status_code == 302
    assert other.updates.count() == 1


def test_import_page_creates_only_ticked_rows(world, client_for):
    plan, report = world["plan"], world["report"]
    c = client_for("office")
    page = c.get(reverse("plans:import", args=[plan.pk]), {"report": report.pk}).content.decode()
    assert "一般公共预算收入确保1.46亿元" in page
    facts = list(report.facts.filter(kind="target").order_by("seq"))
    data = {
        "report": report.pk,
        f"accept_{facts[0].pk}": "1",
        f"name_{facts[0].pk}": "GDP增速",
        f"target_value_{facts[0].pk}": "6.5",
        f"measure_{facts[0].pk}": "growth",
        f"area_{facts[0].pk}": "economy",
    }
    assert c.post(reverse("plans:import", args=[plan.pk]), data).status_code == 302
    item = plan.items.get(source_fact=facts[0])
    assert item.name == "GDP增速" and item.target_value == 6.5
    assert plan.items.filter(source_fact__isnull=False).count() == 1


def test_delete_asks_for_confirmation_first(world, client_for):
    c = client_for("office")
    url = reverse("plans:item_delete", args=[world["target"].pk])
    assert "确认删除" in c.get(url).content.decode()
    assert Item.objects.filter(pk=world["target"].pk).exists()
    c.post(url)
    assert not Item.objects.filter(pk=world["target"].pk).exists()


def test_excel_export_has_a_sheet_per_part(world, client_for):
    response = client_for("office").get(reverse("plans:export", args=[world["plan"].pk]))
    wb = load_workbook(BytesIO(response.content))
    assert wb.sheetnames == ["指标与重点工作", "重点项目", "民生实事"]
    assert wb["指标与重点工作"]["D2"].value == "一般公共预算收入"


def test_a_deputy_votes_through_the_ballot_page_once_and_sees_the_tracker_once(world, client_for, org):
    r = world["round"]
    poll, _code = open_vote(r, org.users["office"])
    c = client_for("deputy")
    url = reverse("plans:poll_ballot", args=[poll.pk])
    choices = {f"c{cand.pk}": "agree" for cand in r.candidates.all()}
    first = c.post(url, choices)
    assert first.status_code == 200 and "no-store" in first.headers["Cache-Control"]
    tracker = re.search(r'data-testid="tracker">([A-Z0-9-]+)<', first.content.decode()).group(1)
    c.post(url, choices)
    assert poll.participations.count() == 1 and poll.sealed.count() == 1
    assert "已投票" in c.get(url).content.decode()
    assert tracker not in c.get(reverse("plans:round", args=[r.plan_id])).content.decode()
    assert client_for("office").get(url).status_code == 403


def test_the_chair_sees_the_round_code_once_and_seals_with_it(world, client_for, org):
    r = world["round"]
    poll = r.polls.get(kind="vote")
    client_for("office").post(
        reverse("plans:poll_configure", args=[poll.pk]), {"chair": org.users["deputy"].pk, "quorum": 1}
    )
    chair = client_for("deputy")
    page = chair.post(reverse("plans:poll_open", args=[poll.pk]))
    assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
    code = re.search(r'data-testid="round-code">([A-Z0-9-]+)<', page.content.decode()).group(1)
    assert code.replace("-", "") not in str(dict(chair.session)) and poll.history.count() >= 1
    again = chair.post(reverse("plans:poll_open", args=[poll.pk]), follow=True).content.decode()
    assert code not in again and "已开启" in again
    chair.post(
        reverse("plans:poll_ballot", args=[poll.pk]), {f"c{x.pk}": "agree" for x in r.candidates.all()}
    )
    wrong = chair.post(reverse("plans:poll_seal", args=[poll.pk]), {"code": "2" * 20}, follow=True)
    assert "会议码不正确" in wrong.content.decode()
    done = chair.post(
        reverse("plans:poll_seal", args=[poll.pk]), {"code": code}, follow=True
    ).content.decode()
    assert 'data-testid="poll-sealed-vote"' in done and "核验通过" in done and "全体代表" in done


def test_paper_tally_page_shows_the_reason_a_tally_is_refused(plan, org, units, client_for):
    r = round_at_vote(plan, org.users["office"], units, mode=LivelihoodRound.Mode.PAPER, deputies_total=40)
    data = {"issued": 30, "returned": 31, "valid": 31, "invalid": 0}
    for cand in r.candidates.all():
        data |= {f"c{cand.pk}_agree": 20, f"c{cand.pk}_disagree": 1, f"c{cand.pk}_abstain": 0}
    body = client_for("office").post(reverse("plans:paper_tally", args=[r.pk]), data).content.decode()
    assert "多于发出选票" in body


def test_verify_button_returns_the_recount_result(world, client_for, org, yunxi):
    r = world["round"]
    poll, code = open_vote(r, org.users["office"])
    polls.ballot_cast(
        poll=poll, deputy=org.users["deputy"], choices={str(c.pk): "agree" for c in r.candidates.all()}
    )
    before = client_for("deputy").post(reverse("plans:verify", args=[r.pk])).content.decode()
    assert "核验未通过" in before and not re.search(r"[0-9a-f]{64}", before)
    polls.poll_seal(poll=poll, code=code, by=org.users["office"])
    body = client_for("deputy").post(reverse("plans:verify", args=[r.pk])).content.decode()
    assert "核验通过" in body


def test_a_deputys_home_lists_open_polls_they_have_not_taken_part_in(world, client_for, org):
    r = world["round"]
    poll, _code = open_vote(r, org.users["office"])
    c = client_for("deputy")
    home = c.get("/").content.decode()
    assert 'data-testid="home-polls"' in home and reverse("plans:poll_ballot", args=[poll.pk]) in home
    polls.ballot_cast(
        poll=poll, deputy=org.users["deputy"], choices={str(x.pk): "agree" for x in r.candidates.all()}
    )
    assert 'data-testid="home-polls"' not in c.get("/").content.decode()
    assert 'data-testid="home-polls"' not in client_for("office").get("/").content.decode()


def test_home_page_shows_the_plan_panel(world, client_for):
    assert 'data-panel="plans"' in client_for("leader").get("/").content.decode()
