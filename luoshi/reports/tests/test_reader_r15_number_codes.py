"""The code tables the number reader tests characters with (``numbers._code_table``: a character's test
by its code, no string made of it) mark exactly the characters of the sets and patterns they stand for."""

from __future__ import annotations

from luoshi.reports.reader import numbers
from luoshi.reports.tests.test_reader_fast_gates import _firsts, _parser


def _marked_chars(table: str) -> set[str]:
    return {chr(o) for o in range(0x10000) if numbers._marked(table, o)}


def test_tables_mark_their_sets() -> None:
    assert numbers._ORDINAL_ENDS is not None
    assert _marked_chars(numbers._ORDINAL_END_CODES) == set(numbers._ORDINAL_ENDS)
    assert _marked_chars(numbers._DATE_PART_CODES) == set(numbers._DATE_PART_AFTER)
    assert _marked_chars(numbers._DATE_OR_AGE_CODES) == set("年月日号岁")
    assert _marked_chars(numbers._CN_GOES_ON_CODES) == set(numbers._CN_GOES_ON)
    assert _marked_chars(numbers._CN_NUMERAL_CODES) == set(numbers._CN_DIGITS)
    assert _marked_chars(numbers._RANGE_DASH_CODES) == set(numbers._RANGE_DASHES)


def test_named_set_firsts_are_the_patterns() -> None:
    got, empty = _firsts(_parser.parse(numbers._CN_NAMED_SET_RE.pattern))
    assert not empty
    assert got == set(numbers._CN_NAMED_SET_FIRSTS)
    assert _marked_chars(numbers._CN_NAMED_SET_FIRST_CODES) == got


def test_unit_tables_group_the_units_in_order() -> None:
    for table, groups, units in (
        (numbers._UNIT_CODES, numbers._UNIT_GROUPS, numbers.UNITS),
        (numbers._MULT_ONLY_CODES, numbers._MULT_ONLY_GROUPS, numbers.MULT_ONLY_UNITS),
        (numbers._CN_UNIT_CODES, numbers._CN_UNIT_GROUPS, numbers.CN_UNITS),
    ):
        for c in {u[0] for u in units}:
            group = groups[numbers._marked(table, ord(c)) - 1]
            assert [u for u, _ in group] == [u for u in units if u[0] == c]
        assert len(_marked_chars(table)) == len({u[0] for u in units})


def test_codes_past_the_text_and_the_bmp() -> None:
    assert numbers._code_at("ab", 2, 2) == -1
    assert numbers._marked(numbers._DATE_PART_CODES, -1) == 0
    assert numbers._marked(numbers._DATE_PART_CODES, 0x1F600) == 0
