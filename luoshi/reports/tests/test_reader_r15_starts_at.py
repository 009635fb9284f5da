"""``numbers.starts_at``, ``starts_at_any`` and ``ends_at_any``: ``str.startswith``/``endswith`` with a
position, by ``str.find`` within bounds, give the same answers at every position."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import numbers

_TEXT = st.text(alphabet="甲乙的用于、先后其中", max_size=8)
_WORDS = st.lists(st.text(alphabet="甲乙的用于、先后其中", min_size=1, max_size=3), min_size=1, max_size=3)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _WORDS)
def test_same_as_startswith_and_endswith(s: str, words: list[str]) -> None:
    for p in range(-len(s) - 2, len(s) + 3):
        for word in words:
            assert numbers.starts_at(s, p, word) == s.startswith(word, p), (s, p, word)
        assert numbers.starts_at_any(s, p, tuple(words)) == s.startswith(tuple(words), p), (s, p)
    for p in range(len(s) + 1):
        assert numbers.ends_at_any(s, p, tuple(words)) == s.endswith(tuple(words), 0, p), (s, p)


def test_examples() -> None:
    s = "资金用于道路"
    assert numbers.starts_at(s, 2, "用于") and not numbers.starts_at(s, 3, "用于")
    assert numbers.starts_at_any(s, 2, ("用来", "用于"))
    assert numbers.ends_at_any(s, 2, ("资金",)) and not numbers.ends_at_any(s, 3, ("资金",))
    assert not numbers.starts_at(s, 5, "路面")  # (runs past the end)


def test_word_lengths_the_bounded_tests_rely_on() -> None:
    """``s.endswith(words, max(0, p - 3), p)`` is ``ends_at_any(s, p, words)`` for words of at most three
    characters (_CAPS, _ONE_AFTER_ANOTHER)."""
    from luoshi.reports.reader import facts

    assert max(len(w) for w in facts._CAPS) <= 3
    assert max(len(w) for w in numbers._ONE_AFTER_ANOTHER) <= 3
