"""The API is a thin second interface; the demo loader is idempotent."""

from __future__ import annotations

import datetime as dt
import json

from luoshi.plans import services
from luoshi.plans.models import (
    Item,
    LivelihoodProject,
    Plan,
    PollParticipation,
    Project,
    PublishedBallot,
    SealedBallot,
)

from .conftest import open_vote, round_at_vote


def test_api_lists_items_with_derived_status_and_hides_other_towns(plan, client_for, units):
    services.item_create(
        plan=plan, name="财政收入", measure="level", target_value=1, unit="亿元", owner_unit=units["czs"]
    )
    rows = client_for("deputy").get(f"/api/plans/plans/{plan.pk}/items").json()
    assert rows[0]["name"] == "财政收入" and rows[0]["status"] in {"not_started", "at_risk", "on_track"}
    assert client_for("office_b").get(f"/api/plans/plans/{plan.pk}/items").status_code == 404
    assert client_for("village").get(f"/api/plans/plans/{plan.pk}/items").status_code == 403


def test_api_refuses_text_that_cannot_be_stored_naming_the_field(plan, client_for, units):
    item = services.item_create(
        plan=plan, name="财政收入", measure="level", target_value=1, unit="亿元", owner_unit=units["czs"]
    )
    body = json.dumps({"text": "完成\u0000一半", "problem": "无"})
    resp = client_for("office").post(
        f"/api/plans/items/{item.pk}/updates", body, content_type="application/json"
    )
    assert resp.status_code == 422
    assert [e["loc"][-1] for e in resp.json()["detail"]] == ["text"]
    assert item.updates.count() == 0


def test_api_ballot_is_cast_once_per_deputy(plan, org, units, client_for):
    r = round_at_vote(plan, org.users["office"], units)
    body = json.dumps({"choices": {str(c.pk): "agree" for c in r.candidates.all()}})
    c = client_for("deputy")
    not_open = c.post(f"/api/plans/rounds/{r.pk}/ballot", body, content_type="application/json")
    assert not_open.status_code == 400 and "尚未开启" in not_open.json()["detail"]
    poll, _code = open_vote(r, org.users["office"])
    first = c.post(f"/api/plans/rounds/{r.pk}/ballot", body, content_type="application/json")
    assert first.status_code == 200 and len(first.json()["tracker"]) == 11
    second = c.post(f"/api/plans/rounds/{r.pk}/ballot", body, content_type="application/json")
    assert second.status_code == 400
    assert (
        client_for("office")
        .post(f"/api/plans/rounds/{r.pk}/ballot", body, content_type="application/json")
        .status_code
        == 403
    )
    assert SealedBallot.objects.count() == PollParticipation.objects.count() == 1
    status = c.get(f"/api/plans/polls/{poll.pk}").json()
    assert status["voted"] == 1 and status["voters"] == ["人大代表 刘芳"] and status["tallies"] == []


def test_demo_loads_plans_for_both_towns_and_is_idempotent(org):
    from luoshi.plans import demo

    demo.load(org)
    counts = (
        Plan.objects.count(),
        Item.objects.count(),
        Project.objects.count(),
        LivelihoodProject.objects.count(),
    )
    demo.load(org)
    assert counts == (
        Plan.objects.count(),
        Item.objects.count(),
        Project.objects.count(),
        LivelihoodProject.objects.count(),
    )
    plan = Plan.objects.get(town=org.towns[0], year__gt=dt.date.today().year - 1)
    assert plan.items.filter(kind="target").count() == 20 and plan.projects.count() == 30
    r = plan.livelihood
    assert r.is_sealed and r.candidates.count() == 6 and r.candidates.filter(adopted=True).count() == 5
    assert len(set(plan.projects.values_list("stage", flat=True))) >= 6
    from luoshi.plans.selectors import vote_verify

    assert vote_verify(r).ok and vote_verify(Plan.objects.get(town=org.towns[1]).livelihood).ok
    poll = r.polls.get(kind="vote")
    assert (
        poll.is_sealed
        and poll.participations.count() == PublishedBallot.objects.filter(poll=poll).count() == 15
    )
    assert not SealedBallot.objects.filter(poll=poll).exists()
    # Last year's evaluation is open for the demo deputy, who has not rated yet.
    evaluation = Plan.objects.get(town=org.towns[0], year=dt.date.today().year - 1).livelihood.polls.get(
        kind="evaluation"
    )
    assert evaluation.is_open and not evaluation.participations.filter(deputy=org.users["deputy"]).exists()
