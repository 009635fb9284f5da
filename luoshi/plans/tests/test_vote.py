"""The deputies' vote: phases, secret one-per-deputy electronic ballots, quorum, paper tallies, sealing, verification."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import close_old_connections, models

from luoshi.plans import polls, selectors, services
from luoshi.plans.models import (
    LivelihoodRound,
    Phase,
    PollParticipation,
    PublishedBallot,
    SealedBallot,
)
from luoshi.plans.services import PlanError

from .conftest import make_deputies, open_vote, round_at_vote


@pytest.fixture
def office(org):
    return org.users["office"]


def _all(r, choice="agree"):
    return {str(c.pk): choice for c in r.candidates.all()}


def test_phases_only_advance_when_their_requirements_hold(plan, office, units):
    r = services.round_create(plan=plan, seats=2, by=office)
    with pytest.raises(PlanError, match="尚未征集"):
        services.round_advance(round=r, by=office)
    services.proposal_create(round=r, title="修路", by=office)
    services.round_advance(round=r, by=office)
    p = r.proposals.get()
    services.proposal_screen(proposal=p, accept=True, budget=Decimal(80), owner_unit=units["nyb"], by=office)
    services.round_advance(round=r, by=office)
    with pytest.raises(PlanError, match="须多于"):
        services.round_advance(round=r, by=office)
    assert [e.phase for e in r.phase_entries.all()] == [Phase.COLLECTING, Phase.SCREENING, Phase.CANDIDATES]


def test_ballot_tables_have_no_link_to_any_user_and_no_time():
    for model in (SealedBallot, PublishedBallot):
        for f in model._meta.get_fields():
            assert not (f.is_relation and f.related_model and f.related_model._meta.label == "org.User")
            assert not isinstance(f, (models.DateTimeField, models.DateField))
        assert isinstance(model._meta.pk, models.UUIDField)
        assert not hasattr(model, "history"), "history rows would record the voter and the time"


def test_participation_rows_have_no_ballot_reference_and_no_time():
    names = {f.name for f in PollParticipation._meta.get_fields()}
    assert names == {"id", "poll", "deputy"}
    assert not hasattr(PollParticipation, "history")


def test_a_deputy_votes_once_and_a_second_attempt_is_refused(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    deputy = make_deputies(yunxi, 1)[0]
    polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r))
    with pytest.raises(PlanError, match="已经投过票"):
        polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r, "disagree"))
    assert SealedBallot.objects.filter(poll=poll).count() == 1
    assert PollParticipation.objects.filter(poll=poll).count() == 1


def test_only_the_towns_deputies_may_vote(plan, office, units, org):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    for persona in ("office", "leader", "office_b"):
        with pytest.raises(PlanError, match="人大代表"):
            polls.ballot_cast(poll=poll, deputy=org.users[persona], choices=_all(r))
    assert not SealedBallot.objects.exists()


def test_a_ballot_must_mark_every_candidate_with_a_valid_choice(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    deputy = make_deputies(yunxi, 1)[0]
    with pytest.raises(PlanError):
        polls.ballot_cast(poll=poll, deputy=deputy, choices={str(r.candidates.first().pk): "agree"})
    with pytest.raises(PlanError):
        polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r, "maybe"))
    assert not PollParticipation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_racing_ballots_from_one_deputy_leave_exactly_one(org, units):
    plan = services.plan_create(town=org.towns[0], year=2031, by=org.users["office"])
    r = round_at_vote(plan, org.users["office"], units)
    poll, code = open_vote(r, org.users["office"])
    deputy = make_deputies(org.towns[0], 1)[0]
    barrier = threading.Barrier(2)
    outcomes = []

    def cast():
        try:
            barrier.wait()
            polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r))
            outcomes.append("ok")
        except PlanError:
            outcomes.append("refused")
        except Exception as exc:  # e.g. the database refusing the concurrent write outright
            outcomes.append(type(exc).__name__)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=cast) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, outcomes
    assert SealedBallot.objects.filter(poll=poll).count() == 1
    assert PollParticipation.objects.filter(poll=poll, deputy=deputy).count() == 1


def test_the_second_of_two_transactions_is_refused_by_the_unique_participation_row(
    plan, office, units, yunxi
):
    """Even if the application check were skipped, the database refuses a second participation row."""
    from django.db import IntegrityError, transaction

    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    deputy = make_deputies(yunxi, 1)[0]
    polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r))
    with pytest.raises(IntegrityError), transaction.atomic():
        PollParticipation.objects.create(poll=poll, deputy=deputy)


def test_sealing_counts_adopts_and_verifies(plan, office, units, yunxi):
    deputies = make_deputies(yunxi, 4)  # plus the demo deputy: 5 deputies in the town when the vote opens
    r = round_at_vote(plan, office, units, n_candidates=3, seats=2)
    poll, code = open_vote(r, office)
    c0, c1, c2 = r.candidates.order_by("id")
    for i, d in enumerate(deputies):
        polls.ballot_cast(
            poll=poll,
            deputy=d,
            choices={
                str(c0.pk): "agree",
                str(c1.pk): "agree" if i < 3 else "abstain",
                str(c2.pk): "disagree",
            },
        )
    polls.poll_seal(poll=poll, code=code, by=office)
    r.refresh_from_db()
    c0.refresh_from_db(), c1.refresh_from_db(), c2.refresh_from_db()
    assert r.deputies_total == 5
    assert (c0.agree, c1.agree, c1.abstain, c2.disagree) == (4, 3, 1, 4)
    assert c0.adopted and c1.adopted and not c2.adopted
    assert len(r.seal_hash) == 64
    assert selectors.vote_verify(r).ok
    with pytest.raises(PlanError):
        polls.ballot_cast(poll=poll, deputy=make_deputies(yunxi, 1, "late")[0], choices=_all(r))


def test_verification_detects_a_ballot_changed_after_sealing(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    for d in make_deputies(yunxi, 3):
        polls.ballot_cast(poll=poll, deputy=d, choices=_all(r))
    polls.poll_seal(poll=poll, code=code, by=office)
    assert selectors.vote_verify(LivelihoodRound.objects.get(pk=r.pk)).ok
    b = PublishedBallot.objects.filter(poll=poll).first()
    b.choices = "1" * len(b.choices)
    b.save()
    v = selectors.vote_verify(LivelihoodRound.objects.get(pk=r.pk))
    assert not v.ok and any("追踪码" in p for p in v.problems)


def test_before_sealing_verification_computes_no_digest(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, _code = open_vote(r, office)
    polls.ballot_cast(poll=poll, deputy=make_deputies(yunxi, 1)[0], choices=_all(r))
    v = selectors.vote_verify(LivelihoodRound.objects.get(pk=r.pk))
    assert not v.ok and v.stored_hash == v.computed_hash == ""


def test_sealing_publishes_ballots_under_fresh_random_keys_and_destroys_ciphertexts(
    plan, office, units, yunxi
):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    trackers = {polls.ballot_cast(poll=poll, deputy=d, choices=_all(r)) for d in make_deputies(yunxi, 3)}
    before = set(SealedBallot.objects.values_list("id", flat=True))
    polls.poll_seal(poll=poll, code=code, by=office)
    after = set(PublishedBallot.objects.values_list("id", flat=True))
    assert len(after) == 3 and not before & after and not SealedBallot.objects.exists()
    assert set(PublishedBallot.objects.values_list("tracker", flat=True)) == trackers


def test_sealing_below_the_quorum_is_refused_and_allowed_at_the_quorum(plan, office, units, yunxi):
    deputies = make_deputies(yunxi, 4)  # 5 deputies with the demo deputy: default quorum 3
    r = round_at_vote(plan, office, units)
    poll = r.polls.get(kind="vote")
    assert (poll.expected, poll.quorum) == (5, 3)
    poll, code = open_vote(r, office, quorum=3)
    for d in deputies[:2]:
        polls.ballot_cast(poll=poll, deputy=d, choices=_all(r))
    with pytest.raises(PlanError, match="未达到法定人数 3 人"):
        polls.poll_seal(poll=poll, code=code, by=office)
    assert not PublishedBallot.objects.exists() and SealedBallot.objects.count() == 2
    polls.ballot_cast(poll=poll, deputy=deputies[2], choices=_all(r))
    polls.poll_seal(poll=poll, code=code, by=office)
    assert LivelihoodRound.objects.get(pk=r.pk).is_sealed


def test_a_wrong_round_code_is_refused_and_nothing_changes(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    polls.ballot_cast(poll=poll, deputy=make_deputies(yunxi, 1)[0], choices=_all(r))
    other = code[1:] + ("2" if code[0] != "2" else "3")
    with pytest.raises(PlanError, match="会议码不正确"):
        polls.poll_seal(poll=poll, code=other, by=office)
    with pytest.raises(PlanError, match="格式不正确"):
        polls.poll_seal(poll=poll, code="0OIL1", by=office)
    assert SealedBallot.objects.count() == 1 and not PublishedBallot.objects.exists()
    poll.refresh_from_db()
    assert not poll.is_sealed
    polls.poll_seal(poll=poll, code=code.lower(), by=office)  # case and grouping do not matter


def test_only_the_chair_opens_and_a_lost_code_means_voiding_the_poll(plan, office, units, yunxi, org):
    r = round_at_vote(plan, office, units)
    poll = r.polls.get(kind="vote")
    with pytest.raises(PlanError, match="主持人"):
        polls.poll_open(poll=poll, by=org.users["deputy"])  # no chair named yet
    deputy = make_deputies(yunxi, 1)[0]
    polls.poll_configure(poll=poll, chair=org.users["deputy"], quorum=1, by=office)
    for intruder in (office, deputy):
        with pytest.raises(PlanError, match="主持人"):
            polls.poll_open(poll=poll, by=intruder)
    polls.poll_open(poll=poll, by=org.users["deputy"])
    with pytest.raises(PlanError, match="已开启"):
        polls.poll_open(poll=poll, by=org.users["deputy"])
    polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r))
    with pytest.raises(PlanError, match="理由"):
        polls.poll_reset(poll=poll, reason=" ", by=office)
    polls.poll_reset(poll=poll, reason="会议码遗失", by=office)
    assert not SealedBallot.objects.exists() and not PollParticipation.objects.exists()
    code = polls.poll_open(poll=poll, by=org.users["deputy"])
    polls.ballot_cast(poll=poll, deputy=deputy, choices=_all(r))
    polls.poll_seal(poll=poll, code=code, by=org.users["deputy"])


def test_paper_tally_that_does_not_reconcile_is_refused_with_the_reason(plan, office, units):
    r = round_at_vote(plan, office, units, mode=LivelihoodRound.Mode.PAPER, deputies_total=40)
    rows = {c.pk: (30, 5, 2) for c in r.candidates.all()}
    with pytest.raises(PlanError, match="多于发出"):
        services.paper_tally_enter(round=r, issued=38, returned=39, valid=39, invalid=0, rows=rows, by=office)
    with pytest.raises(PlanError, match="≠"):
        services.paper_tally_enter(round=r, issued=40, returned=38, valid=36, invalid=1, rows=rows, by=office)
    bad = dict(rows)
    bad[r.candidates.first().pk] = (30, 6, 2)
    with pytest.raises(PlanError, match="多于有效票"):
        services.paper_tally_enter(round=r, issued=40, returned=38, valid=37, invalid=1, rows=bad, by=office)


def test_paper_tally_needs_a_second_person_to_confirm_before_sealing(plan, org, units):
    office, leader = org.users["office"], org.users["leader"]
    r = round_at_vote(plan, office, units, mode=LivelihoodRound.Mode.PAPER, deputies_total=40)
    rows = {c.pk: (30 - i * 10, 5, 2) for i, c in enumerate(r.candidates.order_by("id"))}
    services.paper_tally_enter(round=r, issued=40, returned=38, valid=37, invalid=1, rows=rows, by=office)
    with pytest.raises(PlanError, match="复核"):
        services.vote_seal(round=r, by=office)
    with pytest.raises(PlanError, match="不能是录入人"):
        services.paper_tally_confirm(round=r, by=office)
    services.paper_tally_confirm(round=r, by=leader)
    services.vote_seal(round=r, by=office)
    adopted = list(r.candidates.filter(adopted=True).order_by("id").values_list("agree", flat=True))
    assert adopted == [30]  # 20 and 10 are not more than half of 40 deputies
    assert selectors.vote_verify(LivelihoodRound.objects.get(pk=r.pk)).ok


def test_override_needs_a_reason_and_keeps_the_rule_result(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    poll, code = open_vote(r, office)
    for d in make_deputies(yunxi, 3):
        polls.ballot_cast(poll=poll, deputy=d, choices=_all(r, "disagree"))
    polls.poll_seal(poll=poll, code=code, by=office)
    c = r.candidates.first()
    with pytest.raises(PlanError, match="理由"):
        services.vote_override(candidate=c, adopted=True, reason=" ", by=office)
    services.vote_override(candidate=c, adopted=True, reason="主席团决定按法定程序补充确定", by=office)
    c.refresh_from_db()
    assert c.adopted is True and c.rule_adopted is False and c.overrides.count() == 1


def test_the_evaluation_is_a_secret_poll_whose_result_replaces_typed_counts(plan, office, units, yunxi):
    deputies = make_deputies(yunxi, 3)
    r = round_at_vote(plan, office, units, n_candidates=3, seats=2)
    poll, code = open_vote(r, office)
    last = r.candidates.order_by("id").last()
    for d in deputies:
        polls.ballot_cast(poll=poll, deputy=d, choices=_all(r) | {str(last.pk): "disagree"})
    polls.poll_seal(poll=poll, code=code, by=office)
    for _ in range(3):
        services.round_advance(round=r, by=office)
    adopted = list(r.candidates.filter(adopted=True).order_by("id"))
    assert len(adopted) == 2
    for c in adopted:
        services.livelihood_accept(project=c, on=dt.date.today(), by=office)
    services.round_advance(round=r, by=office)
    with pytest.raises(PlanError, match="满意度测评"):
        services.round_advance(round=r, by=office)
    evaluation, ecode = open_vote(r, office, kind="evaluation")
    assert evaluation.items == [c.pk for c in adopted]
    with pytest.raises(PlanError, match="选票内容"):
        polls.ballot_cast(poll=evaluation, deputy=deputies[0], choices={str(c.pk): "agree" for c in adopted})
    for d, mark in zip(deputies, ("satisfied", "basic", "dissatisfied"), strict=True):
        polls.ballot_cast(poll=evaluation, deputy=d, choices={str(c.pk): mark for c in adopted})
    polls.poll_seal(poll=evaluation, code=ecode, by=office)
    c = r.candidates.get(pk=adopted[0].pk)
    assert (c.eval_satisfied, c.eval_basic, c.eval_dissatisfied) == (1, 1, 1)
    services.round_advance(round=r, by=office)
    assert LivelihoodRound.objects.get(pk=r.pk).phase == Phase.CLOSED
