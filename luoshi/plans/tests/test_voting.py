"""Vote arithmetic: reconciliation, counting, the adoption rule, the seal digest (pure)."""

from __future__ import annotations

from luoshi.plans import voting
from luoshi.plans.voting import Tally


def test_paper_counts_that_add_up_reconcile():
    assert (
        voting.reconcile_paper(issued=40, returned=38, valid=37, invalid=1, rows=[Tally(1, 30, 5, 2)]) == []
    )


def test_more_returned_than_issued_is_refused_with_reason():
    errors = voting.reconcile_paper(issued=30, returned=31, valid=31, invalid=0, rows=[])
    assert any("多于发出" in e for e in errors)


def test_valid_plus_invalid_must_equal_returned():
    errors = voting.reconcile_paper(issued=40, returned=38, valid=36, invalid=1, rows=[])
    assert any("≠" in e for e in errors)


def test_a_candidates_votes_cannot_exceed_valid_ballots():
    errors = voting.reconcile_paper(issued=40, returned=38, valid=37, invalid=1, rows=[Tally(7, 30, 6, 2)])
    assert any("候选项目 7" in e for e in errors)


def test_unmarked_candidates_count_as_abstentions():
    tallies = voting.count_ballots([{"1": "agree"}, {"1": "disagree", "2": "agree"}], [1, 2])
    assert tallies[1] == Tally(1, 1, 1, 0) and tallies[2] == Tally(2, 1, 0, 1)


def test_default_rule_takes_top_n_among_those_above_half_of_all_deputies():
    rows = [Tally(1, 30, 0, 0), Tally(2, 25, 0, 0), Tally(3, 20, 0, 0), Tally(4, 28, 0, 0)]
    adopted, warnings = voting.adopt(
        rows, seats=2, rule="top_n_majority_all", deputies_total=41, valid_ballots=35
    )
    assert adopted == [1, 4] and not warnings
    adopted, _ = voting.adopt(rows, seats=4, rule="top_n_majority_all", deputies_total=41, valid_ballots=35)
    assert adopted == [1, 4, 2]  # 20 is not more than half of 41


def test_majority_of_valid_ballots_rule_is_configurable():
    rows = [Tally(1, 20, 0, 0)]
    assert voting.adopt(rows, seats=1, rule="top_n_majority_valid", deputies_total=50, valid_ballots=35)[
        0
    ] == [1]
    assert (
        voting.adopt(rows, seats=1, rule="top_n_majority_all", deputies_total=50, valid_ballots=35)[0] == []
    )


def test_a_tie_at_the_last_seat_is_not_broken_by_the_machine():
    rows = [Tally(1, 30, 0, 0), Tally(2, 25, 0, 0), Tally(3, 25, 0, 0)]
    adopted, warnings = voting.adopt(rows, seats=2, rule="top_n", deputies_total=40, valid_ballots=40)
    assert adopted == [1] and warnings


def test_seal_digest_ignores_ballot_order_but_not_content():
    a = voting.seal_digest(round_id=1, mode="electronic", ballots=[{"1": "agree"}, {"1": "disagree"}])
    b = voting.seal_digest(round_id=1, mode="electronic", ballots=[{"1": "disagree"}, {"1": "agree"}])
    c = voting.seal_digest(round_id=1, mode="electronic", ballots=[{"1": "agree"}, {"1": "agree"}])
    assert a == b != c
