"""Small-cell suppression for published case statistics (pure, no Django).

Rule (docs/portal.md): a month × type cell counting 1 or 2 cases (fewer than ``K``) is hidden — a
resident who knows of one complaint in a small town could otherwise read its outcome off the table.
Month totals and type totals are published, so a row or column with exactly one hidden cell would
give it away by subtraction: then the smallest other non-zero cell of that row or column is hidden
too (secondary suppression), repeated until no row or column has a single hidden cell; where every
non-zero cell of a row or column is hidden, its total is hidden, and the grand total when exactly
one row or column total is hidden. Zero cells stay visible (no one to identify). Rates (按期办结率, 满意率) are shown only for visible cells whose
denominator is at least ``K``.
"""

from __future__ import annotations

K = 3


def hidden_cells(counts: list[list[int]], k: int = K) -> set[tuple]:
    """Positions to hide in a table of counts published with its row, column and grand totals:
    ``(r, c)`` cells, ``("row", r)`` and ``("col", c)`` totals, ``("all",)`` the grand total."""
    hide = {(r, c) for r, row in enumerate(counts) for c, n in enumerate(row) if 0 < n < k}
    n_rows = len(counts)
    n_cols = len(counts[0]) if counts else 0

    def lines():
        for r in range(n_rows):
            yield [(r, c) for c in range(n_cols)]
        for c in range(n_cols):
            yield [(r, c) for r in range(n_rows)]

    changed = True
    while changed:
        changed = False
        for line in lines():
            hidden = [p for p in line if p in hide]
            if len(hidden) != 1:
                continue
            others = [p for p in line if p not in hide and counts[p[0]][p[1]] > 0]
            if others:
                hide.add(min(others, key=lambda p: (counts[p[0]][p[1]], p)))
                changed = True
    totals: set[tuple] = set()
    for r in range(n_rows):
        if any((r, c) in hide for c in range(n_cols)) and _alone(
            hide, [(r, c) for c in range(n_cols)], counts
        ):
            totals.add(("row", r))
    for c in range(n_cols):
        if any((r, c) in hide for r in range(n_rows)) and _alone(
            hide, [(r, c) for r in range(n_rows)], counts
        ):
            totals.add(("col", c))
    if sum(t[0] == "row" for t in totals) == 1 or sum(t[0] == "col" for t in totals) == 1:
        totals.add(("all",))
    return hide | totals


def _alone(hide, line, counts) -> bool:
    """Every non-zero cell of the line is hidden: its total would show what they hold."""
    return all(p in hide for p in line if counts[p[0]][p[1]] > 0)


def rate(numerator: int, denominator: int, k: int = K) -> float | None:
    """A percentage, or None when the denominator is too small to publish."""
    if denominator < k:
        return None
    return round(100.0 * numerator / denominator, 1)
