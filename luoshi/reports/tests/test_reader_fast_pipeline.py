"""The cheap ways around parsing give what the plain ways give.

``luoshi parse`` spends part of its time outside the reading proper: starting the process (compiling
the reader's patterns), writing each report's JSON line, cleaning the text and finding its header.
Each shortcut there is checked here against the plain way, on the fixtures and on generated input.
"""

from __future__ import annotations

import re
import subprocess
import sys
from re import _compiler

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader.classmaps import shared_class_maps

# --- start: each character class's map built once while the reader is imported ----------------------


def _plain_compile(source, flags: int) -> re.Pattern:
    """``re.compile`` without its cache, so that the pattern is compiled again, the plain way."""
    return _compiler.compile(source, flags)


def _reader_patterns() -> list[re.Pattern]:
    """Every compiled pattern the reader's modules hold (module level, in lists, tuples and dicts)."""
    found: dict[int, re.Pattern] = {}

    def walk(value, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            for v in value:
                walk(v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for v in value.values():
                walk(v, depth + 1)

    for name, module in list(sys.modules.items()):
        if name.startswith("luoshi.reports.reader"):
            for value in vars(module).values():
                walk(value)
    return list(found.values())


def test_the_readers_patterns_compile_as_without_shared_class_maps():
    patterns = _reader_patterns()
    assert len(patterns) > 200
    for pattern in patterns:
        assert pattern == _plain_compile(pattern.pattern, pattern.flags), pattern.pattern[:60]


def test_the_reader_imported_in_a_new_process_has_the_same_patterns():
    """The patterns compiled at import (with the shared maps) equal those compiled the plain way."""
    script = (
        "import re, sys\n"
        "from re import _compiler\n"
        "import luoshi.reports.reader\n"
        "assert _compiler._optimize_charset.__name__ == '_optimize_charset'\n"
        "bad = [k for k in list(re._cache) if isinstance(k[1], str)\n"
        "       and re._cache[k] != _compiler.compile(k[1], k[2])]\n"
        "print(len(re._cache), len(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    cached, bad = map(int, out.stdout.split())
    assert cached > 100 and bad == 0


CLASSES = [
    "[一-鿿]",
    "[㐀-䶿一-鿿豈-﫿]",
    "[㐀-䶿一-鿿豈-﫿·]",
    "[^㐀-䶿一-鿿A-Za-z0-9]",
    "[a-zA-Z]",
    "[\\d\\s，。]",
    "[^\\W\\d_]",
    "[ä-ü]",
    "[\U00020000-\U0002a6df一-鿿]",
    "[ſKkK]",
    "[一二三四五六七八九十]",
]


@given(
    st.lists(st.sampled_from(CLASSES), min_size=1, max_size=6),
    st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.ASCII, re.MULTILINE]),
)
@settings(max_examples=200, deadline=None)
def test_shared_class_maps_compile_the_same_code(classes, flags):
    source = "(?:" + "|".join(f"{c}{{1,3}}x" for c in classes) + ")" + classes[0]
    with shared_class_maps():
        first = _plain_compile(source, flags)
        again = _plain_compile(source, flags)  # this time every class comes from the memo
    assert first == again == _plain_compile(source, flags)


def test_shared_class_maps_put_the_step_back():
    step = _compiler._optimize_charset
    with shared_class_maps():
        assert _compiler._optimize_charset is not step
    assert _compiler._optimize_charset is step
    with pytest.raises(RuntimeError), shared_class_maps():
        raise RuntimeError
    assert _compiler._optimize_charset is step


def test_bytes_patterns_compile_the_same_code():
    with shared_class_maps():
        first = _plain_compile(b"[a-z\x80-\xff]+[^0-9]", 0)
    assert first == _plain_compile(b"[a-z\x80-\xff]+[^0-9]", 0)
