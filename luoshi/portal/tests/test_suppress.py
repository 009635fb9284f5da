"""Small-cell suppression: no hidden count can be recovered from the published cells and totals."""

from __future__ import annotations

import itertools
import random

from luoshi.portal.suppress import K, hidden_cells, rate


def _recoverable(counts, hide) -> bool:
    """Whether some hidden cell is the only hidden one of a line whose total is shown."""
    rows, cols = len(counts), len(counts[0])
    for r in range(rows):
        line = [(r, c) for c in range(cols) if (r, c) in hide]
        if len(line) == 1 and ("row", r) not in hide:
            return True
    for c in range(cols):
        line = [(r, c) for r in range(rows) if (r, c) in hide]
        if len(line) == 1 and ("col", c) not in hide:
            return True
    return False


def test_a_cell_of_one_or_two_is_hidden_and_zero_stays():
    hide = hidden_cells([[1, 10, 0], [12, 9, 0]])
    assert (0, 0) in hide and (0, 2) not in hide and (1, 2) not in hide


def test_a_single_hidden_cell_in_a_row_takes_a_second_one_with_it():
    hide = hidden_cells([[2, 10, 7], [12, 9, 30]])
    assert {(0, 0), (0, 2)} <= hide  # 7 is the smallest other cell of the row
    assert not _recoverable([[2, 10, 7], [12, 9, 30]], hide)


def test_a_row_whose_only_cases_are_hidden_hides_its_total():
    hide = hidden_cells([[2, 0, 0], [12, 9, 30]])
    assert ("row", 0) in hide and ("all",) in hide


def test_no_hidden_count_is_recoverable_from_totals_on_random_tables():
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 5)
        counts = [[rng.choice([0, 1, 2, 3, 5, 8, 20]) for _ in range(cols)] for _ in range(rows)]
        hide = hidden_cells(counts)
        small = {(r, c) for r, c in itertools.product(range(rows), range(cols)) if 0 < counts[r][c] < K}
        assert small <= hide
        assert not _recoverable(counts, hide), counts


def test_rates_need_a_denominator_of_at_least_k():
    assert rate(1, 2) is None
    assert rate(2, 3) == 66.7
