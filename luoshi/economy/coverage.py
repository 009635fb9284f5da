"""Pure: which months of a figure are complete (报送完整), and like-for-like changes (可比口径).

The statistics and tax figures of a month arrive enterprise by enterprise over weeks; summed as
they are, a month in which 18 of 47 firms have reported looks like a two-thirds collapse. So:

* a month is **complete** for a figure when every enterprise due to report it has: due are the
  enterprises holding the scale flag that month that report it that month, or reported it in the
  town's previous month with the figure and are still in the register (an enterprise is excused
  once it leaves the register or loses its flag; one that stops reporting holds up one month, and
  from then on is the 停止报送 warning's business);
* 环比 and 同比 compare the same enterprises in both months (those with the figure in each), as
  the statistics bureau's 可比口径 and the nowcast do;
* the 1–N月 sums run to the last complete month (``last_complete``) and say which.

``values``: month → enterprise id → the figure (only enterprises holding the scale flag that
month and having the figure). ``flagged(enterprise id, month)``: whether it holds the flag then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Values = Mapping[dt.date, Mapping[int, float]]


@dataclass(frozen=True)
class Filed:
    """How many enterprises reported a figure for a month, of how many were due."""

    reported: int
    due: int

    @property
    def complete(self) -> bool:
        return self.reported >= self.due


def _previous(values: Values, month: dt.date) -> dt.date | None:
    earlier = [m for m, firms in values.items() if m < month and firms]
    return max(earlier, default=None)


def filed(
    values: Values, month: dt.date, active: set[int], flagged: Callable[[int, dt.date], bool]
) -> Filed | None:
    """Reported and due for ``month``; None when nobody has reported the figure that month."""
    reported = set(values.get(month, {}))
    if not reported:
        return None
    before = _previous(values, month)
    expected = {e for e in values.get(before, {}) if e in active and flagged(e, month)} if before else set()
    return Filed(len(reported), len(reported | expected))


def last_complete(
    values: Values,
    upto: dt.date,
    active: set[int],
    flagged: Callable[[int, dt.date], bool],
) -> dt.date | None:
    """The newest month up to ``upto`` with the figure reported and complete."""
    for month in sorted((m for m, firms in values.items() if m <= upto and firms), reverse=True):
        f = filed(values, month, active, flagged)
        if f is not None and f.complete:
            return month
    return None


def change(values: Values, now: dt.date, before: dt.date) -> float | None:
    """Change in % from ``before`` to ``now`` over the enterprises with the figure in both months."""
    a, b = values.get(now, {}), values.get(before, {})
    common = a.keys() & b.keys()
    base = sum(b[e] for e in common)
    if not common or not base:
        return None
    return (sum(a[e] for e in common) - base) / base * 100
