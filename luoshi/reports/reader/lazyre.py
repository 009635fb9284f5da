"""Regular expressions compiled the first time they are used.

Compiling is most of what importing the reader costs: ``re`` builds a map for every character class
holding a non-Latin character and walks each CJK range one code point at a time. Some patterns serve
shapes of text that typical reports never have (a news story's dateline, a lecture's speaker, a
pinyin gloss); those are declared with :func:`lazy`, so a process compiles them only if a report
reaches them.
"""

from __future__ import annotations

import re
from typing import Any, cast

from . import recache

# Every lazy pattern's source and flags, for ``recache`` (the build records them with the others).
SOURCES: list[tuple[str, int]] = []


class LazyPattern:
    """Stands for ``re.compile(source, flags)``; compiled when one of its methods is first used."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        SOURCES.append((source, int(flags)))

    @property
    def pattern(self) -> str:  # (read to build other patterns: no need to compile for it)
        return self._source

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = recache.compiled(self._source, self._flags)
        return getattr(compiled, name)


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern like ``re.compile(source, flags)``, compiled on first use (its methods and
    attributes; not for ``isinstance`` or as an argument to ``re``'s module functions)."""
    return cast("re.Pattern[str]", LazyPattern(source, flags))
