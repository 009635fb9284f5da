"""Run the reader's hot modules compiled by mypyc when a build of exactly these sources is at hand.

``python -m luoshi.reports.build_reader`` (run by ``make``) compiles them into ``BUILD_DIR`` under
the virtualenv, never beside the sources, with a manifest holding the SHA-256 of every source
file of the package. When the package is imported, ``activate`` hashes the sources again and
uses the compiled modules only if every hash matches (an edited ``facts.py`` then runs as
written, not as it was when compiled); otherwise, or with ``LUOSHI_READER_PURE=1``, the plain
modules are imported as usual.

All or nothing: compiled modules call each other directly in C and mypyc may inline ``Final``
constants of the modules they import, so one changed source file turns the whole build off.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

from . import recache

PACKAGE = __name__.rpartition(".")[0]
SOURCE_DIR = Path(__file__).resolve().parent
BUILD_DIR = Path(sys.prefix) / "luoshi-reader"
MANIFEST = "manifest.json"
FORMAT = 1
PURE_ENV = "LUOSHI_READER_PURE"

COMPILED_LABEL = "compiled (mypyc)"
PURE_LABEL = "pure Python"

log = logging.getLogger(__name__)

# What the last ``activate`` decided: the label, and why the reader runs pure when it does.
status: dict[str, str] = {"reader": PURE_LABEL, "why": "not activated"}


def source_hashes(source_dir: Path = SOURCE_DIR) -> dict[str, str]:
    """SHA-256 of every ``.py`` file of the package, by file name."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(source_dir.glob("*.py"))
    }


def abi_tag() -> str:
    """The extension suffix of this interpreter: a build for another Python is never loaded."""
    return EXTENSION_SUFFIXES[0]


def check(build_dir: Path = BUILD_DIR, source_dir: Path = SOURCE_DIR) -> tuple[dict[str, Any] | None, str]:
    """The build's manifest when it was made from exactly these sources for this Python, else why not."""
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, f"no compiled build in {build_dir}"
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return None, "the compiled build has another format"
    if manifest.get("abi") != abi_tag():
        return None, f"the compiled build is for {manifest.get('abi')}, not {abi_tag()}"
    built = manifest.get("sources")
    if not isinstance(built, dict):
        return None, "the compiled build lists no sources"
    for name, digest in built.items():
        try:
            current = hashlib.sha256((source_dir / name).read_bytes()).hexdigest()
        except OSError:
            return None, f"{name} is gone since the build"
        if current != digest:
            return None, f"{name} changed since the build"
    return manifest, ""


class _CompiledFinder(importlib.abc.MetaPathFinder):
    """A meta path finder answering only for the compiled modules, so that the compiled modules'
    own imports of each other find the compiled versions too, never a mix."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: Any = None
    ) -> ModuleSpec | None:
        found = self.paths.get(fullname)
        return importlib.util.spec_from_file_location(fullname, found) if found else None


def _load_extension(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def activate(build_dir: Path = BUILD_DIR, source_dir: Path = SOURCE_DIR) -> bool:
    """Put the compiled modules in place of the plain ones when the build matches; True if it did.

    Called by the package's ``__init__`` before it imports its modules. Nothing is raised: a
    missing, stale or unloadable build leaves the plain modules to the normal import.
    """
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        return _pure(f"{PURE_ENV} is set")
    manifest, why = check(build_dir, source_dir)
    if manifest is None:
        return _pure(why)
    names = [f"{PACKAGE}.{module}" for module in manifest["modules"]]
    if any(name in sys.modules for name in names):
        return _pure("the plain modules were imported first")
    finder = _CompiledFinder({f"{PACKAGE}.{m}": build_dir / f for m, f in manifest["modules"].items()})
    try:
        _load_extension(manifest["lib"]["name"], build_dir / manifest["lib"]["file"])
        sys.meta_path.insert(0, finder)
        for name in names:
            importlib.import_module(name)
    except Exception as exc:  # a broken build must never stop the reader
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        for name in [*names, manifest["lib"]["name"]]:
            sys.modules.pop(name, None)
        return _pure(f"the compiled build did not load ({exc})")
    status.update(reader=COMPILED_LABEL, why="")
    return True


def _pure(why: str) -> bool:
    status.update(reader=PURE_LABEL, why=why)
    log.debug("reader: %s (%s)", PURE_LABEL, why)
    return False


def describe() -> str:
    """One line saying which reader runs: ``compiled (mypyc)`` or ``pure Python (why)``."""
    return status["reader"] + (f" ({status['why']})" if status["why"] else "")


# Imported first by the package's ``__init__``, so this runs before any other module of the reader:
# from here on the reader's patterns are made from the build's table (``recache``).
recache.install(BUILD_DIR)
COMPILED = activate()
