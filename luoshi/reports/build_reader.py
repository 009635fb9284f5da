"""Compile the report reader's hot modules with mypyc, into the virtualenv (``make`` runs this).

    python -m luoshi.reports.build_reader               # compile MODULES when a C compiler is at hand
    python -m luoshi.reports.build_reader --can-compile # exit 1, saying why, when one is not
    python -m luoshi.reports.build_reader --modules facts,numbers --out DIR

The extension modules go to ``luoshi.reports.reader._compiled.BUILD_DIR`` (under ``sys.prefix``),
never beside the sources, with a manifest of the sources' hashes: the reader uses them only while
every source is unchanged (``_compiled.activate``), so an edit is never shadowed by old compiled
code. Without gcc or Python's headers nothing is built and the reader runs as plain Python. Beside
them goes the table of the reader's regular expressions as ``re`` compiled them (``reader/recache``),
so that a process starting the reader need not compile them again.

MODULES are the ones whose compilation pays (measured: ``bench/README.md``; ``labeller``: a quarter
less CPU for the item model's clause features; ``factcheck``: 8.46 → 8.04 M instructions per report
opening, with its label sums unrolled, judging a short text's facts); ``decode``, ``ocr`` and ``lazyre`` mostly wait on
libraries or run once, so compiling them gains nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from luoshi.reports.reader import _compiled, recache

MODULES = ("facts", "numbers", "items", "clean", "structure", "model", "labeller", "factcheck")
GROUP = "luoshi_reader"


def missing_tools() -> str:
    """Why this machine cannot compile the reader, or "" when it can."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if not shutil.which(compiler):
        return f"no C compiler ({compiler})"
    include = Path(sysconfig.get_paths()["include"])
    if not (include / "Python.h").exists():
        return f"no Python headers ({include / 'Python.h'}; e.g. apt-get install python3-dev)"
    return ""


@contextlib.contextmanager
def _output_to(log: Path) -> Iterator[None]:
    """Send mypyc's and the compiler's output (hundreds of lines) to ``log``; show its end on failure."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("wb") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        except BaseException:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:]
            print("\n".join(tail), file=sys.stderr)
            raise
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def build(modules: list[str], out: Path) -> dict[str, Any]:
    """Compile ``modules`` into a fresh folder and put it in place of ``out`` in one rename."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    root = _compiled.SOURCE_DIR.parents[2]
    os.chdir(root)  # mypy reads its settings from pyproject.toml here
    before = _compiled.source_hashes()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        paths = [str((_compiled.SOURCE_DIR / f"{m}.py").relative_to(root)) for m in modules]
        with _output_to(work / "build.log"):
            extensions = mypycify(paths, target_dir=str(work / "c"), group_name=GROUP, opt_level="3")
            dist = Distribution({"name": "luoshi-reader", "ext_modules": extensions})
            command = dist.get_command_obj("build_ext")
            command.build_lib = str(work / "lib")  # type: ignore[attr-defined]
            command.build_temp = str(work / "obj")  # type: ignore[attr-defined]
            command.inplace = False  # type: ignore[attr-defined]
            dist.run_command("build_ext")
        if _compiled.source_hashes() != before:
            raise RuntimeError("a source file changed during the build; run it again")
        lib = work / "lib"
        suffix = _compiled.abi_tag()
        package = Path(*_compiled.PACKAGE.split("."))
        manifest: dict[str, Any] = {
            "format": _compiled.FORMAT,
            "abi": suffix,
            "lib": {"name": f"{GROUP}__mypyc", "file": f"{GROUP}__mypyc{suffix}"},
            "modules": {m: str(package / f"{m}{suffix}") for m in modules},
            "sources": before,
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        for file in [manifest["lib"]["file"], *manifest["modules"].values()]:
            if not (lib / file).exists():
                raise RuntimeError(f"the build made no {file}")
        try:
            record_patterns(lib / recache.FILE)
        except (OSError, ValueError, subprocess.SubprocessError) as exc:  # (the reader then compiles them)
            print(f"reader: no table of compiled patterns: {exc}", file=sys.stderr)
        (lib / _compiled.MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        old = out.with_name(out.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            out.rename(old)
        lib.rename(out)
        shutil.rmtree(old, ignore_errors=True)
        return manifest
    finally:
        shutil.rmtree(work, ignore_errors=True)


_RECORD = """
import sys
from pathlib import Path
from luoshi.reports.reader import factcheck, labeller, lazyre, ocr, recache  # (three imported when first needed)
print(recache.write(Path(sys.argv[1]), lazyre.SOURCES))
"""


def record_patterns(path: Path) -> int:
    """Write the table of the reader's compiled patterns (``recache``), recorded by a fresh import."""
    env = {**os.environ, recache.RECORD_ENV: "1", _compiled.PURE_ENV: "1"}
    done = subprocess.run(
        [sys.executable, "-c", _RECORD, str(path)], env=env, check=True, capture_output=True, text=True
    )
    return int(done.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--can-compile", action="store_true", help="only check for a C compiler and headers")
    ap.add_argument("--modules", default=",".join(MODULES), help="comma-separated modules of the reader")
    ap.add_argument("--out", type=Path, default=_compiled.BUILD_DIR, help="folder of the compiled modules")
    ap.add_argument("--strict", action="store_true", help="fail when the build fails (default: run pure)")
    args = ap.parse_args(argv)
    why = missing_tools()
    if why:
        print(f"reader: runs uncompiled (pure Python): {why}")
        return 1 if args.can_compile else 0
    if args.can_compile:
        return 0
    modules = [m.strip() for m in args.modules.split(",") if m.strip()]
    start = time.monotonic()
    try:
        build(modules, args.out.resolve())
    except Exception as exc:
        print(f"reader: runs uncompiled (pure Python): the mypyc build failed: {exc}", file=sys.stderr)
        return 1 if args.strict else 0
    print(f"reader: compiled with mypyc ({', '.join(modules)}) in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
