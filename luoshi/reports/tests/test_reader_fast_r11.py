"""The eleventh round's shortcuts give what the plain way gives.

The reader's patterns made from the build's table (``reader/recache.py``) in place of compiled at
import: each is the pattern ``re`` compiles from the same source and flags (``re.Pattern`` objects are
equal only when their source, flags and code are), with the same groups.
"""

from __future__ import annotations

import marshal
import re

import pytest

from luoshi.reports import build_reader
from luoshi.reports.reader import (
    _compiled,
    clean,
    decode,
    facts,
    items,
    labeller,
    lazyre,
    numbers,
    recache,
    structure,
)

MODULES = (clean, decode, facts, items, labeller, numbers, structure)


def _patterns(value, seen: set[int]):
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (re.Pattern, lazyre.LazyPattern)):
        yield value
    elif isinstance(value, (list, tuple, frozenset, set)):
        for v in value:
            yield from _patterns(v, seen)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _patterns(v, seen)


def _reader_patterns() -> list[tuple[str, int]]:
    seen: set[int] = set()
    found = set()
    for module in MODULES:
        for value in vars(module).values():
            for p in _patterns(value, seen):
                if isinstance(p, lazyre.LazyPattern):
                    found.add((p.pattern, p._flags))
                elif isinstance(p.pattern, str):
                    found.add((p.pattern, p.flags & ~re.UNICODE))
    return sorted(found)


def _same(source: str, flags: int, made: re.Pattern) -> None:
    plain = recache._original(source, flags)
    assert made == plain, source
    assert (made.pattern, made.flags, made.groups) == (plain.pattern, plain.flags, plain.groups)
    assert made.groupindex == plain.groupindex, source


def test_every_pattern_of_the_reader_made_from_its_parts_is_the_compiled_one():
    sources = _reader_patterns()
    assert len(sources) > 200
    for source, flags in sources:
        _same(source, flags, recache.build(source, recache.parts(source, flags)))


def test_a_recorded_table_holds_the_reader_patterns_and_makes_the_compiled_ones(tmp_path):
    path = tmp_path / recache.FILE
    n = build_reader.record_patterns(path)
    table = recache.load(path)
    assert len(table) == n > 300
    missing = [
        key for key in _reader_patterns() if key not in table and (key[0], key[1] | re.UNICODE) not in table
    ]
    assert len(missing) < 10, missing  # (a few are compiled with re.UNICODE or inside functions)
    for (source, flags), got in table.items():
        _same(source, flags, recache.build(source, got))


def test_the_build_table_when_there_is_one_makes_the_compiled_patterns():
    table = recache.load(_compiled.BUILD_DIR / recache.FILE)
    if not table:
        pytest.skip("no compiled build with a table")
    for (source, flags), got in table.items():
        _same(source, flags, recache.build(source, got))


def test_a_table_of_another_python_is_not_used(tmp_path):
    path = tmp_path / recache.FILE
    source = "测试[\u4e00-\u9fff]{2}(?P<x>区|县)"
    path.write_bytes(marshal.dumps((("2.7", 0, 4), {(source, 0): recache.parts(source, 0)})))
    assert recache.load(path) == {}
    path.write_bytes(b"not a table")
    assert recache.load(path) == {}
    assert recache.load(tmp_path / "none") == {}


def test_re_compile_through_the_installed_table_gives_the_compiled_pattern(tmp_path, monkeypatch):
    source = "试验(?P<place>[\u3400-\u4dbf\u4e00-\u9fff]{2,4}?)(?:区|县)(?=\\d)"
    other = "试验[\u4e00-\u9fff]+其他"
    path = tmp_path / recache.FILE
    path.write_bytes(marshal.dumps((recache.header(), {(source, 0): recache.parts(source, 0)})))
    monkeypatch.setattr(recache, "_table", {})
    monkeypatch.setattr(recache._compiler, "compile", recache._original)
    re.purge()
    made: list[str] = []
    build = recache.build
    monkeypatch.setattr(recache, "build", lambda s, got: made.append(s) or build(s, got))
    recache.install(tmp_path)
    try:
        got, plain_other = re.compile(source), re.compile(other)
        lazy = lazyre.LazyPattern(source)
        assert lazy.search("试验青禾区1") is not None
    finally:
        recache.uninstall()
        re.purge()
    assert made == [source, source]
    _same(source, 0, got)
    _same(other, 0, plain_other)
    assert got.search("在试验青禾松岭县2号").group("place") == "青禾松岭"
    assert recache._compiler.compile is recache._original
