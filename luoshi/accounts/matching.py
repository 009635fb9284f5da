"""Propose an indicator for a metric as a report phrases it: aliases first, then similarity.

Names are compared through ``luoshi.reports.compare.metric_key`` (NFKC, no spacing, punctuation or
bracketed notes, one 全年/全镇… prefix and one 总额/总量… suffix dropped). A growth target
(地区生产总值增长6%) also tries the name with 增速/增长 appended, and an indicator of the same measure
wins a tie. The proposal is only shown: the user confirms or changes it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from luoshi.reports.compare import metric_key

THRESHOLD = 0.6
SAME_MEASURE_BONUS = 0.15


@dataclass(frozen=True)
class Match:
    indicator: object
    how: str  # "alias" | "similar"
    score: float


def _keys(indicator) -> set[str]:
    return {k for k in (metric_key(n) for n in [indicator.name, *(indicator.aliases or [])]) if k}


def suggest(metric: str, measure: str, indicators: Iterable) -> Match | None:
    """The best indicator for ``metric`` (with the target's ``measure``), or None below the threshold."""
    wanted = [metric_key(metric)]
    if measure == "growth":
        wanted += [metric_key(metric + "增速"), metric_key(metric + "增长")]
    wanted = [w for w in wanted if w]
    if not wanted:
        return None
    best: Match | None = None
    best_rank = 0.0
    for ind in indicators:
        keys = _keys(ind)
        bonus = SAME_MEASURE_BONUS if measure and ind.measure == measure else 0.0
        if any(w in keys for w in wanted):
            match, rank = Match(ind, "alias", 1.0), 2.0 + bonus
        else:
            ratio = (
                max(difflib.SequenceMatcher(None, w, k).ratio() for w in wanted for k in keys) if keys else 0
            )
            if ratio < THRESHOLD:
                continue
            match, rank = Match(ind, "similar", round(ratio, 2)), ratio + bonus
        if rank > best_rank:
            best, best_rank = match, rank
    return best
