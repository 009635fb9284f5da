"""The deputies' vote: phases, secret one-per-deputy electronic ballots, paper tallies, sealing and verification."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import close_old_connections, connection, models

from luoshi.plans import selectors, services
from luoshi.plans.models import Ballot, LivelihoodRound, Phase, VoteParticipation
from luoshi.plans.services import PlanError

from .conftest import make_deputies, round_at_vote


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


def test_ballot_rows_have_no_link_to_any_user():
    ballot_fields = {f.name: f for f in Ballot._meta.get_fields()}
    assert set(ballot_fields) == {"id", "round", "choices"}
    for f in Ballot._meta.get_fields():
        assert not (f.is_relation and f.related_model and f.related_model._meta.label == "org.User")
        assert not isinstance(f, (models.DateTimeField, models.DateField))
    assert isinstance(Ballot._meta.pk, models.UUIDField)
    assert not hasattr(Ballot, "history"), "history rows would record the voter and the time"


def test_participation_rows_have_no_ballot_reference_and_no_time():
    names = {f.name for f in VoteParticipation._meta.get_fields()}
    assert names == {"id", "round", "deputy"}
    assert not any(f.is_relation and f.related_model is Ballot for f in VoteParticipation._meta.get_fields())
    assert not hasattr(VoteParticipation, "history")


def test_a_deputy_votes_once_and_a_second_attempt_is_refused(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    deputy = make_deputies(yunxi, 1)[0]
    services.ballot_cast(round=r, deputy=deputy, choices=_all(r))
    with pytest.raises(PlanError, match="已经投过票"):
        services.ballot_cast(round=r, deputy=deputy, choices=_all(r, "disagree"))
    assert Ballot.objects.filter(round=r).count() == 1
    assert VoteParticipation.objects.filter(round=r).count() == 1


def test_only_the_towns_deputies_may_vote(plan, office, units, org):
    r = round_at_vote(plan, office, units)
    for persona in ("office", "leader", "office_b"):
        with pytest.raises(PlanError, match="人大代表"):
            services.ballot_cast(round=r, deputy=org.users[persona], choices=_all(r))
    assert not Ballot.objects.exists()


def test_a_ballot_must_mark_every_candidate_with_a_valid_choice(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    deputy = make_deputies(yunxi, 1)[0]
    with pytest.raises(PlanError):
        services.ballot_cast(round=r, deputy=deputy, choices={str(r.candidates.first().pk): "agree"})
    with pytest.raises(PlanError):
        services.ballot_cast(round=r, deputy=deputy, choices=_all(r, "maybe"))
    assert not VoteParticipation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_racing_ballots_from_one_deputy_leave_exactly_one(org, units):
    plan = services.plan_create(town=org.towns[0], year=2031, by=org.users["office"])
    r = round_at_vote(plan, org.users["office"], units)
    deputy = make_deputies(org.towns[0], 1)[0]
    barrier = threading.Barrier(2)
    outcomes = []

    def cast():
        try:
            barrier.wait()
            services.ballot_cast(round=r, deputy=deputy, choices=_all(r))
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
    assert Ballot.objects.filter(round=r).count() == 1
    assert VoteParticipation.objects.filter(round=r, deputy=deputy).count() == 1


def test_the_second_of_two_transactions_is_refused_by_the_unique_participation_row(
    plan, office, units, yunxi
):
    """Even if the application check were skipped, the database refuses a second participation row."""
    from django.db import IntegrityError, transaction

    r = round_at_vote(plan, office, units)
    deputy = make_deputies(yunxi, 1)[0]
    services.ballot_cast(round=r, deputy=deputy, choices=_all(r))
    with pytest.raises(IntegrityError), transaction.atomic():
        VoteParticipation.objects.create(round=r, deputy=deputy)


def test_sealing_counts_adopts_and_verifies(plan, office, units, yunxi):
    deputies = make_deputies(yunxi, 4)  # plus the demo deputy: 5 deputies in the town when the vote opens
    r = round_at_vote(plan, office, units, n_candidates=3, seats=2)
    c0, c1, c2 = r.candidates.order_by("id")
    for i, d in enumerate(deputies):
        services.ballot_cast(
            round=r,
            deputy=d,
            choices={
                str(c0.pk): "agree",
                str(c1.pk): "agree" if i < 3 else "abstain",
                str(c2.pk): "disagree",
            },
        )
    services.vote_seal(round=r, by=office)
    r.refresh_from_db()
    c0.refresh_from_db(), c1.refresh_from_db(), c2.refresh_from_db()
    assert r.deputies_total == 5
    assert (c0.agree, c1.agree, c1.abstain, c2.disagree) == (4, 3, 1, 4)
    assert c0.adopted and c1.adopted and not c2.adopted
    assert len(r.seal_hash) == 64
    assert selectors.vote_verify(r).ok
    with pytest.raises(PlanError):
        services.ballot_cast(round=r, deputy=make_deputies(yunxi, 1, "late")[0], choices=_all(r))


def test_verification_detects_a_ballot_changed_after_sealing(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    for d in make_deputies(yunxi, 3):
        services.ballot_cast(round=r, deputy=d, choices=_all(r))
    services.vote_seal(round=r, by=office)
    b = Ballot.objects.filter(round=r).first()
    b.choices = {k: "disagree" for k in b.choices}
    b.save()
    v = selectors.vote_verify(LivelihoodRound.objects.get(pk=r.pk))
    assert not v.ok and v.computed_hash != v.stored_hash


def test_sealing_rewrites_ballots_with_fresh_random_keys(plan, office, units, yunxi):
    r = round_at_vote(plan, office, units)
    for d in make_deputies(yunxi, 3):
        services.ballot_cast(round=r, deputy=d, choices=_all(r))
    before = set(Ballot.objects.values_list("id", flat=True))
    services.vote_seal(round=r, by=office)
    after = set(Ballot.objects.values_list("id", flat=True))
    assert len(after) == 3 and not before & after


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
    for d in make_deputies(yunxi, 3):
        services.ballot_cast(round=r, deputy=d, choices=_all(r, "disagree"))
    services.vote_seal(round=r, by=office)
    c = r.candidates.first()
    with pytest.raises(PlanError, match="理由"):
        services.vote_override(candidate=c, adopted=True, reason=" ", by=office)
    services.vote_override(candidate=c, adopted=True, reason="主席团决定按法定程序补充确定", by=office)
    c.refresh_from_db()
    assert c.adopted is True and c.rule_adopted is False and c.overrides.count() == 1


def test_ballots_in_a_sealed_round_cannot_be_traced_by_storage_order(plan, office, units, yunxi):
    """The participation order (by id) and the ballot order (by key) are unrelated after sealing."""
    r = round_at_vote(plan, office, units)
    for d in make_deputies(yunxi, 6):
        services.ballot_cast(round=r, deputy=d, choices=_all(r))
    services.vote_seal(round=r, by=office)
    with connection.cursor() as cur:
        cur.execute(f"SELECT * FROM {Ballot._meta.db_table}")
        columns = [c[0] for c in cur.description]
    assert sorted(columns) == ["choices", "id", "round_id"]
