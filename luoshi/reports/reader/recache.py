"""The reader's regular expressions as ``re`` compiled them, kept beside the compiled build.

Compiling is most of what importing the reader costs: ``re`` builds a map for every character class
holding a non-Latin character and walks each CJK range one code point at a time, for every pattern
anew. ``python -m luoshi.reports.build_reader`` (``make``) therefore records, for every pattern the
reader's modules compile when imported and for its lazy ones (``lazyre``), what ``re``'s compiler
made of it: the code, the flags and the groups (``FILE`` in the build folder). Once the reader is
imported (``_compiled`` installs it first), ``re`` compiling a pattern found in that table makes it
from the recorded code with ``_sre.compile``, as its own compiler does, in place of compiling it
again; every other pattern, the reader's or not, is compiled as usual.

Safe when stale: the table is keyed by the pattern's text and flags and used only by the Python
that wrote it (version, the regex engine's magic number and code size), so a table older than the
sources costs time, never a different pattern. ``tests/test_reader_fast_r11.py`` checks that the
patterns made from a table equal ``re``'s.
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

try:  # Python 3.11 and later
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

FILE = "regex-code.marshal"
RECORD_ENV = "LUOSHI_READER_REGEX_RECORD"  # set by the build: record what is compiled, use no table

Key = tuple[str, int]
Parts = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]  # (the code as an array of CODE)
CODE = "I" if array("I").itemsize == _sre.CODESIZE else "L"

_original = _compiler.compile
_table: dict[Key, Parts] = {}
_recorded: dict[Key, Parts] = {}


def header() -> tuple[str, int, int, int]:
    """What a table must have been written by to be used here."""
    return (sys.version, _sre.MAGIC, _sre.CODESIZE, array(CODE).itemsize)


def parts(source: str, flags: int) -> Parts:
    """What ``re``'s compiler makes of ``source`` (its ``compile`` up to ``_sre.compile``)."""
    p = _parser.parse(source, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | p.state.flags),
        array(CODE, code).tobytes(),
        p.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def build(source: str, got: Parts) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = got
    return _sre.compile(source, flags, array(CODE, code).tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, made from the table when the pattern is in it."""
    if _recording():
        _recorded.setdefault((source, int(flags)), parts(source, int(flags)))
    else:
        got = _table.get((source, int(flags)))
        if got is not None:
            return build(source, got)
    return re.compile(source, flags)


def _hook(p: Any, flags: int = 0) -> Any:
    # in place of re's compiler.compile once installed (``re`` has looked in its cache before)
    if isinstance(p, str) and not flags & re.DEBUG:
        if _recording():
            _recorded.setdefault((p, int(flags)), parts(p, int(flags)))
        else:
            got = _table.get((p, int(flags)))
            if got is not None:
                return build(p, got)
    return _original(p, flags)


def _recording() -> bool:
    return bool(os.environ.get(RECORD_ENV))


def load(path: Path) -> dict[Key, Parts]:
    """The table in ``path`` when this Python wrote it, else an empty one."""
    try:
        head, table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if head == header() and isinstance(table, dict) else {}


def install(build_dir: Path) -> None:
    """Compile the patterns of the table in ``build_dir`` from it (while recording: record them)."""
    if not _recording():
        _table.update(load(build_dir / FILE))
    if _table or _recording():
        _compiler.compile = _hook


def uninstall() -> None:
    """``re`` compiles every pattern itself again."""
    if _compiler.compile is _hook:
        _compiler.compile = _original


def write(path: Path, lazy_sources: list[Key]) -> int:
    """Write what was recorded (run with ``RECORD_ENV`` set) and the lazy patterns; how many."""
    table = dict(_recorded)
    for key in lazy_sources:
        table.setdefault(key, parts(*key))
    path.write_bytes(marshal.dumps((header(), table)))
    return len(table)
