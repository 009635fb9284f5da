"""The optional mypyc build of the reader: used only while built from exactly these sources.

The loader's decisions are tested on made-up build folders; the real build (``make`` compiles it
into the virtualenv when gcc and Python's headers are there) is tested when present, in child
processes that import a copy of the reader, so that an edited copy can prove the edit is what
runs. Under ``CI=true`` a machine that can compile must have the compiled reader.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.reports.build_reader import missing_tools
from luoshi.reports.reader import _compiled

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

TEXT = (
    "2025年，青禾镇地区生产总值增长6.5%，新建村道12公里，改造农房300户。\n"
    "2026年主要预期目标是：一般公共预算收入增长5%左右，新增就业岗位800个。\n"
)

built = _compiled.check()[0] is not None
needs_build = pytest.mark.skipif(not built, reason=f"no compiled reader ({_compiled.check()[1]})")


def _fake_build(tmp_path: Path, sources: Path, **changes) -> Path:
    build = tmp_path / "build"
    build.mkdir()
    manifest = {
        "format": _compiled.FORMAT,
        "abi": _compiled.abi_tag(),
        "lib": {"name": "nothing__mypyc", "file": "nothing.so"},
        "modules": {},
        "sources": _compiled.source_hashes(sources),
        **changes,
    }
    (build / _compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return build


def _sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "facts.py").write_text("LIMIT = 3\n", encoding="utf-8")
    (folder / "chars.py").write_text("CJK = 'x'\n", encoding="utf-8")
    return folder


def test_the_hashes_are_of_every_source_file(tmp_path):
    sources = _sources(tmp_path)
    hashes = _compiled.source_hashes(sources)
    assert hashes == {
        "chars.py": hashlib.sha256(b"CJK = 'x'\n").hexdigest(),
        "facts.py": hashlib.sha256(b"LIMIT = 3\n").hexdigest(),
    }
    assert set(_compiled.source_hashes()) >= {
        "__init__.py",
        "facts.py",
        "numbers.py",
        "items.py",
        "_compiled.py",
    }


def test_a_build_of_the_same_sources_is_taken(tmp_path):
    sources = _sources(tmp_path)
    manifest, why = _compiled.check(_fake_build(tmp_path, sources), sources)
    assert manifest is not None and why == ""


def test_an_edited_source_turns_the_build_off(tmp_path):
    sources = _sources(tmp_path)
    build = _fake_build(tmp_path, sources)
    (sources / "chars.py").write_text("CJK = 'y'\n", encoding="utf-8")
    assert _compiled.check(build, sources) == (None, "chars.py changed since the build")


def test_a_removed_source_turns_the_build_off(tmp_path):
    sources = _sources(tmp_path)
    build = _fake_build(tmp_path, sources)
    (sources / "facts.py").unlink()
    assert _compiled.check(build, sources) == (None, "facts.py is gone since the build")


def test_a_build_for_another_python_or_format_is_refused(tmp_path):
    sources = _sources(tmp_path)
    manifest, why = _compiled.check(
        _fake_build(tmp_path, sources, abi=".cpython-39-x86_64-linux-gnu.so"), sources
    )
    assert manifest is None and "cpython-39" in why
    shutil.rmtree(tmp_path / "build")
    manifest, why = _compiled.check(_fake_build(tmp_path, sources, format=0), sources)
    assert manifest is None and "format" in why


def test_no_build_and_a_broken_manifest_mean_pure(tmp_path):
    sources = _sources(tmp_path)
    assert _compiled.check(tmp_path / "none", sources)[0] is None
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / _compiled.MANIFEST).write_text("{", encoding="utf-8")
    assert _compiled.check(tmp_path / "bad", sources)[0] is None


def test_a_build_that_does_not_load_leaves_the_plain_modules(tmp_path):
    """A manifest that matches but whose library is missing: no exception, the reader runs pure."""
    copy = _copy_reader(tmp_path)
    build = tmp_path / "prefix" / _compiled.BUILD_DIR.name
    build.mkdir(parents=True)
    manifest = {
        "format": _compiled.FORMAT,
        "abi": _compiled.abi_tag(),
        "lib": {"name": "gone__mypyc", "file": "gone.so"},
        "modules": {"facts": "facts.so"},
        "sources": _compiled.source_hashes(copy / "luoshi" / "reports" / "reader"),
    }
    (build / _compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    # the build folder is under sys.prefix: a child process with another prefix finds the fake one
    script = f"import sys; sys.prefix = {str(build.parent)!r};" + _WHICH
    which, path = _run(copy, script).splitlines()
    assert which.startswith("pure Python (the compiled build did not load")
    assert path.endswith("facts.py")


def test_the_variable_forces_the_plain_reader(tmp_path):
    out = _run(_copy_reader(tmp_path), _WHICH, {"LUOSHI_READER_PURE": "1"})
    assert out.splitlines()[0] == "pure Python (LUOSHI_READER_PURE is set)"
    assert out.splitlines()[1].endswith("facts.py")


def test_the_build_needs_a_compiler_and_headers(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert missing_tools().startswith("no C compiler")


def test_the_make_target_rebuilds_after_an_edit():
    """``make`` compiles the reader again when any of its sources is newer than the last build."""
    if not shutil.which("make"):
        pytest.skip("no make")
    done = subprocess.run(
        ["make", "-n", "-W", "luoshi/reports/reader/facts.py", ".venv/.reader"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert "luoshi.reports.build_reader" in done.stdout, done.stdout + done.stderr


def test_a_machine_that_can_compile_has_the_compiled_reader():
    """After ``make .venv/.base`` with gcc and Python's headers, the reader imported is the compiled one."""
    if os.environ.get("LUOSHI_READER_PURE", "").strip() not in ("", "0"):
        pytest.skip("LUOSHI_READER_PURE is set")
    why = missing_tools()
    if why:
        pytest.skip(why)
    if not _compiled.COMPILED and os.environ.get("CI") != "true":
        pytest.skip(f"not compiled here: {_compiled.describe()} (make .venv/.reader)")
    assert _compiled.COMPILED, _compiled.describe()
    from luoshi.reports.reader import facts, items, numbers

    for module in (facts, items, numbers):
        path = Path(module.__file__ or "")
        assert path.name.endswith(_compiled.abi_tag()) and path.is_relative_to(_compiled.BUILD_DIR)
    # nothing compiled beside the sources, where an edit could be shadowed by it
    assert not [p.name for p in _compiled.SOURCE_DIR.iterdir() if p.suffix in (".so", ".pyd")]


# --- with the real build, in child processes importing a copy of the reader ---------------------

_WHICH = (
    "from luoshi.reports.reader import _compiled, facts; print(_compiled.describe()); print(facts.__file__)"
)

_FACTS = (
    "import sys, json; from luoshi.reports.reader import parse, _compiled;"
    "print(_compiled.describe());"
    "print(json.dumps(parse(sys.stdin.read(), text_only=True).to_dict()['facts'], ensure_ascii=False))"
)


def _copy_reader(tmp_path: Path) -> Path:
    """The reader's package, alone, in a folder of its own (the build's hashes still match it)."""
    copy = tmp_path / "copy"
    target = copy / "luoshi" / "reports" / "reader"
    target.mkdir(parents=True)
    shutil.copy(ROOT / "luoshi" / "__init__.py", copy / "luoshi")
    shutil.copy(ROOT / "luoshi" / "reports" / "__init__.py", copy / "luoshi" / "reports")
    for source in _compiled.SOURCE_DIR.glob("*.py"):
        shutil.copy(source, target)
    return copy


def _run(copy: Path, script: str, env: dict[str, str] | None = None, stdin: str = "") -> str:
    environ = {k: v for k, v in os.environ.items() if k != "LUOSHI_READER_PURE"}
    environ.update(PYTHONPATH=str(copy), **(env or {}))
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=copy, env=environ, input=stdin, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@needs_build
def test_a_copy_of_the_same_sources_runs_compiled(tmp_path):
    which, path = _run(_copy_reader(tmp_path), _WHICH).splitlines()
    assert which == "compiled (mypyc)"
    assert Path(path).is_relative_to(_compiled.BUILD_DIR)


@needs_build
def test_an_edited_source_runs_as_edited_not_compiled(tmp_path):
    copy = _copy_reader(tmp_path)
    before = _run(copy, _FACTS, stdin=TEXT).splitlines()
    assert before[0] == "compiled (mypyc)" and json.loads(before[1])
    facts = copy / "luoshi" / "reports" / "reader" / "facts.py"
    facts.write_text(
        facts.read_text(encoding="utf-8") + "\n\ndef extract_facts(*args, **kwargs):\n    return []\n",
        encoding="utf-8",
    )
    after = _run(copy, _FACTS, stdin=TEXT).splitlines()
    assert after[0] == "pure Python (facts.py changed since the build)"
    assert json.loads(after[1]) == []
    which, path = _run(copy, _WHICH).splitlines()
    assert Path(path) == facts


@needs_build
def test_compiled_and_plain_readers_give_the_same_output(tmp_path):
    """Whole results as JSON, cleaned text included, for the test fixtures and a made-up text."""
    script = (
        "import sys, json; from pathlib import Path; from luoshi.reports.reader import parse, _compiled;"
        "print(_compiled.describe());"
        f"texts = [p.read_text(encoding='utf-8') for p in sorted(Path({str(FIXTURES)!r}).glob('*.txt'))];"
        "texts.append(sys.stdin.read());"
        "print(json.dumps([parse(t, text_only=True).to_dict(include_text=True) for t in texts], ensure_ascii=False, sort_keys=True))"
    )
    copy = _copy_reader(tmp_path)
    compiled = _run(copy, script, stdin=TEXT).splitlines()
    pure = _run(copy, script, {"LUOSHI_READER_PURE": "1"}, stdin=TEXT).splitlines()
    assert compiled[0] == "compiled (mypyc)" and pure[0].startswith("pure Python")
    assert len(json.loads(compiled[1])) > 1
    assert compiled[1] == pure[1]
