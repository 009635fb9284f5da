"""Each distinct character class of the reader's patterns turned into its map once per process.

Most of what importing the reader costs is compiling its ≈ 300 patterns, and most of compiling is
``re`` turning each character class that holds a CJK character into a 64K-entry map, walking every
code point of its ranges in Python (≈ 0.8 ms for the CJK class). The reader's ≈ 950 classes are only
≈ 340 distinct ones — the CJK class alone appears ≈ 50 times — so while the reader's modules are
imported, ``re``'s step that builds a class's map is remembered per distinct class, and a class
without case folding is built by slice assignments over the chunks of the map that hold a member
(``_class_map``) instead of code point by code point. The patterns compiled are the same ones
(``re.Pattern`` equality compares the compiled code; a test compiles every pattern both ways and
compares ``_class_map`` with ``re``'s step on generated classes); the step is put back when the
imports end.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

try:  # CPython's own compiler (3.11+); anything else simply compiles as usual
    from re import _compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _compiler = None


@contextlib.contextmanager
def shared_class_maps() -> Iterator[None]:
    """Within the block, a character class already seen is not turned into its map again."""
    optimize = getattr(_compiler, "_optimize_charset", None)
    if optimize is None or _compiler is None:
        yield
        return
    memo: dict[tuple, tuple[list, Any]] = {}

    def remembered(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            out, hascased = memo[key]
        except TypeError:  # an unhashable item: compile it the plain way
            return optimize(charset, iscased, fixup, fixes)
        except KeyError:
            if fixup is None:  # (no case folding: most classes)
                out, hascased = memo[key] = _class_map(charset)
            else:
                out, hascased = memo[key] = optimize(charset, iscased, fixup, fixes)
        return list(out), hascased  # a list of its own, as the plain step returns

    _compiler._optimize_charset = remembered
    try:
        yield
    finally:
        _compiler._optimize_charset = optimize


def _class_map(charset: list) -> tuple[list, bool]:
    """What ``re``'s ``_optimize_charset(charset)`` returns for a class without case folding, built
    with slice assignments and from the 256-character chunks that hold a member only (the plain
    step walks every code point of a range and slices all 256 chunks of the 64K map)."""
    c = _compiler
    literal, range_, negate = c.LITERAL, c.RANGE, c.NEGATE
    out: list = []
    tail: list = []
    members: list[tuple[int, int]] = []  # (first, last) code points, both within the map
    big = False
    for op, av in charset:
        if op is literal:
            lo = hi = av
        elif op is range_:
            lo, hi = av
        elif op is negate:
            out.append((op, av))
            continue
        else:  # a category (\d, \s …): after the map, as the plain step puts it
            tail.append((op, av))
            continue
        if hi > 0xFF:
            big = True  # (the plain step grows its map at the first code point above 255)
        if hi > 0xFFFF:
            tail.append((op, av))  # beyond the map, as the plain step leaves it
            hi = 0xFFFF
        if lo <= hi:
            members.append((lo, hi))
    size = 0x10000 if big else 0x100
    charmap = bytearray(size)
    for lo, hi in members:
        charmap[lo : hi + 1] = b"\x01" * (hi + 1 - lo)
    # at most two runs: literals and ranges (as the plain step does)
    runs: list[tuple[int, int]] = []
    few = True
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            few = False
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if few:
        for p, q in runs:
            out.append((literal, p) if q - p == 1 else (range_, (p, q - 1)))
        out += tail
        return (out, False) if len(out) < len(charset) else (charset, False)
    if not big:
        out.append((c.CHARSET, c._mk_bitmap(charmap)))
        out += tail
        return out, False
    # the 64K map in chunks of 256, each distinct chunk numbered in order of first appearance
    touched = sorted({k for lo, hi in members for k in range(lo >> 8, (hi >> 8) + 1)})
    held = set(touched)
    zero_at = next((k for k in range(256) if k not in held), None)
    order = sorted(touched + ([zero_at] if zero_at is not None else []))
    zero = bytes(256)
    numbers: dict[bytes, int] = {}
    mapping = bytearray(256)
    data = bytearray()
    for k in order:
        chunk = zero if k == zero_at else bytes(charmap[k * 256 : k * 256 + 256])
        n = numbers.get(chunk)
        if n is None:
            n = numbers[chunk] = len(numbers)
            data += chunk
        mapping[k] = n
    if zero_at is not None:
        n = numbers[zero]
        for k in range(256):
            if k not in held:
                mapping[k] = n
    codes = c._mk_bitmap(data)
    codes[0:0] = [len(numbers), *c._bytes_to_codes(mapping)]
    out.append((c.BIGCHARSET, codes))
    out += tail
    return out, False
