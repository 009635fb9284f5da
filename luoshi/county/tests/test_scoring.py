"""The assessment arithmetic on its own (no database): each rule, ranking within a category, veto."""

from __future__ import annotations

import pytest

from luoshi.county import scoring as sc


def town(t, cat=1, values=None, targets=None, **kw):
    return sc.TownInput(town=t, category=cat, values=values or {}, targets=targets or {}, **kw)


def by_town(scores):
    return {s.town: s for s in scores}


def test_ratio_is_weight_times_completion_capped():
    lines = [sc.LineSpec(1, weight=10, cap=1.2)]
    out = by_town(
        sc.score(
            lines,
            [
                town(1, values={1: 8}, targets={1: 10}),
                town(2, values={1: 15}, targets={1: 10}),
                town(3, values={1: -2}, targets={1: 10}),
            ],
            pass_score=0,
        )
    )
    assert out[1].lines[0].score == 8.0
    assert out[2].lines[0].score == 12.0  # 150 % capped at 120 %
    assert out[3].lines[0].score == 0.0  # a fall never scores below zero


def test_lower_is_better_inverts_completion():
    lines = [sc.LineSpec(1, weight=10, cap=1.0, lower_is_better=True)]
    out = by_town(
        sc.score(lines, [town(1, values={1: 4}, targets={1: 2}), town(2, values={1: 0}, targets={1: 2})])
    )
    assert out[1].lines[0].score == 5.0
    assert out[2].lines[0].score == 10.0


def test_rank_rule_ranks_within_the_category_only_and_ties_share_a_place():
    lines = [sc.LineSpec(1, weight=9, rule=sc.RANK)]
    towns = [
        town(1, 1, {1: 90.0}),
        town(2, 1, {1: 80.0}),
        town(3, 1, {1: 80.0}),
        town(4, 2, {1: 10.0}),  # alone in its category: first there, whatever the others did
    ]
    out = by_town(sc.score(lines, towns))
    assert [out[i].lines[0].score for i in (1, 2, 3)] == [9.0, 6.0, 6.0]
    assert out[4].lines[0].score == 9.0


def test_threshold_and_passfail():
    lines = [
        sc.LineSpec(1, weight=10, rule=sc.THRESHOLD, thresholds=((1.0, 1.0), (0.9, 0.8), (0.8, 0.5))),
        sc.LineSpec(2, weight=5, rule=sc.PASSFAIL),
    ]
    out = by_town(
        sc.score(
            lines,
            [
                town(1, values={1: 95, 2: 100}, targets={1: 100, 2: 100}),
                town(2, values={1: 70, 2: 99}, targets={1: 100, 2: 100}),
            ],
        )
    )
    assert [ls.score for ls in out[1].lines] == [8.0, 5.0]
    assert [ls.score for ls in out[2].lines] == [0.0, 0.0]


def test_missing_value_scores_zero_and_says_so():
    out = sc.score([sc.LineSpec(1, weight=10)], [town(1, values={1: None}, targets={1: 5})])
    assert out[0].lines[0].score == 0 and out[0].lines[0].missing


def test_bonus_deduction_and_bonus_cap():
    out = sc.score(
        [sc.LineSpec(1, weight=50)],
        [town(1, values={1: 10}, targets={1: 10}, bonus=8, deduction=3)],
        pass_score=50,
        bonus_cap=5,
    )
    assert (out[0].base, out[0].bonus, out[0].deduction, out[0].total) == (50.0, 5.0, 3.0, 52.0)
    assert out[0].passed


def test_veto_fails_the_town_whatever_the_score_and_ranks_it_last():
    lines = [sc.LineSpec(1, weight=100)]
    towns = [
        town(1, values={1: 12}, targets={1: 10}, vetoes=("重大安全生产事故",)),
        town(2, values={1: 5}, targets={1: 10}),
        town(3, values={1: 7}, targets={1: 10}),
    ]
    out = sc.score(lines, towns, pass_score=40)
    assert [s.town for s in out] == [3, 2, 1]
    vetoed = by_town(out)[1]
    assert vetoed.total > by_town(out)[3].total
    assert vetoed.rank is None and not vetoed.passed
    assert by_town(out)[3].rank == 1 and by_town(out)[2].rank == 2


def test_total_ties_share_a_place():
    out = by_town(
        sc.score(
            [sc.LineSpec(1, weight=10)],
            [town(i, values={1: v}, targets={1: 10}) for i, v in ((1, 10), (2, 8), (3, 8), (4, 5))],
        )
    )
    assert [out[i].rank for i in (1, 2, 3, 4)] == [1, 2, 2, 4]


@pytest.mark.parametrize(
    "spec",
    [
        sc.LineSpec(1, weight=-1),
        sc.LineSpec(1, weight=10, cap=0.5),
        sc.LineSpec(1, weight=10, rule="guess"),
        sc.LineSpec(1, weight=10, rule=sc.THRESHOLD),
        sc.LineSpec(1, weight=10, rule=sc.THRESHOLD, thresholds=((1.0, 2.0),)),
        sc.LineSpec(1, weight=float("nan")),
    ],
)
def test_a_line_that_cannot_be_scored_is_refused(spec):
    with pytest.raises(sc.SchemeError):
        spec.check()
