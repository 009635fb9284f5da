"""Each distinct character class of the reader's patterns turned into its map once per process.

Most of what importing the reader costs is compiling its ≈ 300 patterns, and most of compiling is
``re`` turning each character class that holds a CJK character into a 64K-entry map, walking every
code point of its ranges in Python (≈ 0.8 ms for the CJK class). The reader's ≈ 950 classes are only
≈ 340 distinct ones — the CJK class alone appears ≈ 50 times — so while the reader's modules are
imported, ``re``'s step that builds a class's map is remembered per distinct class. The patterns
compiled are the same ones (``re.Pattern`` equality compares the compiled code; a test compiles every
pattern both ways); the step is put back when the imports end.
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
            out, hascased = memo[key] = optimize(charset, iscased, fixup, fixes)
        return list(out), hascased  # a list of its own, as the plain step returns

    _compiler._optimize_charset = remembered
    try:
        yield
    finally:
        _compiler._optimize_charset = optimize
