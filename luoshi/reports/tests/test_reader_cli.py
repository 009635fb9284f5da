"""``luoshi parse`` driven in-process through ``luoshi.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from luoshi.cli import main

from .fixtures import FIXTURES


def test_help_explains_itself(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("--format", "--out", "--jobs", "FILE_OR_DIR", "exit status"):
        assert word in out


def test_single_file_prints_json(capsys):
    assert main(["parse", str(FIXTURES / "county_qinghe.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc"] == "county_qinghe.txt"
    assert data["meta"]["jurisdiction"] == "青禾县"
    assert len(data["facts"]) > 30


def test_several_files_print_a_json_array(capsys):
    files = [str(FIXTURES / "county_qinghe.txt"), str(FIXTURES / "street_liuxi.txt")]
    assert main(["parse", *files]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["doc"] for d in data] == ["county_qinghe.txt", "street_liuxi.txt"]


def test_csv_has_one_header_and_a_row_per_fact(capsys):
    assert main(["parse", str(FIXTURES), "--format", "csv", "--quiet"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["doc", "part", "kind"]
    assert sum(1 for row in rows if row[0] == "doc") == 1
    assert {row[0] for row in rows[1:]} >= {"county_qinghe.txt", "street_liuxi.txt"}


def test_markdown(capsys):
    assert main(["parse", str(FIXTURES / "street_liuxi.txt"), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# street_liuxi.txt") and "| 柳溪街道 |" in out


def test_out_dir_writes_one_file_per_input_and_shows_progress(tmp_path, capsys):
    src = tmp_path / "in" / "nested"
    src.mkdir(parents=True)
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, src / path.name)
    (src / "notes.csv").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["parse", str(tmp_path / "in"), "--out", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.stem + ".json" for p in FIXTURES.glob("*.txt"))
    data = json.loads((out / "county_qinghe.json").read_text(encoding="utf-8"))
    assert "青禾县" in (out / "county_qinghe.json").read_text(encoding="utf-8")  # ensure_ascii=False
    assert data["meta"]["level"] == "county"
    assert "4/4" in capsys.readouterr().err  # progress bar for more than a few files


def test_failures_are_reported_at_the_end_and_others_still_processed(tmp_path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot a real pdf")
    out = tmp_path / "out"
    args = [
        "parse",
        str(bad),
        str(tmp_path / "missing.txt"),
        str(FIXTURES / "street_liuxi.txt"),
        "--out",
        str(out),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "2 of 3 input(s) failed" in err and "scan.pdf" in err and "missing.txt" in err
    assert (out / "street_liuxi.json").exists()


def test_jobs_use_worker_processes_with_the_same_result(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["parse", str(FIXTURES), "--out", str(one), "--quiet"]) == 0
    assert main(["parse", str(FIXTURES), "--out", str(two), "--jobs", "2", "--quiet"]) == 0
    for path in one.iterdir():
        assert path.read_text(encoding="utf-8") == (two / path.name).read_text(encoding="utf-8")


def test_a_missing_bare_file_name_is_an_error_not_report_text(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "nothere.txt"]) == 1
    assert "nothere.txt" in capsys.readouterr().err


def _corpus(tmp_path, copies: int = 3):
    """The fixtures copied ``copies`` times under different folders (same stems: names must not clash)."""
    src = tmp_path / "in"
    for k in range(copies):
        (src / f"batch{k}").mkdir(parents=True)
        for path in FIXTURES.glob("*.txt"):
            shutil.copy(path, src / f"batch{k}" / path.name)
    return src


def test_out_dir_is_resumable_and_redoes_only_inputs_newer_than_their_output(tmp_path, capsys):
    import os

    src, out = _corpus(tmp_path, 2), tmp_path / "out"
    assert main(["parse", str(src), "--out", str(out)]) == 0
    first = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert len(first) == 2 * len(list(FIXTURES.glob("*.txt"))) and not any(n.endswith(".part") for n in first)
    capsys.readouterr()
    # an output removed (an interruption) and an input edited since: only those two are read again
    victim = sorted(out.iterdir())[0]
    victim.unlink()
    edited = sorted(src.rglob("*.txt"))[-1]
    later = max(first.values()) / 1e9 + 5
    os.utime(edited, (later, later))
    assert main(["parse", str(src), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2/2" in err or "done before" in err or err == ""  # at most two files: bar may be hidden
    again = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    changed = {n for n in again if again[n] != first.get(n)}
    assert victim.name in changed and len(changed) == 2
    assert main(["parse", str(src), "--out", str(out), "--force", "--quiet"]) == 0
    assert all(p.stat().st_mtime_ns != again[p.name] for p in out.iterdir())


def test_jsonl_has_one_line_per_report_and_resumes_after_an_interruption(tmp_path, capsys):
    src, facts = _corpus(tmp_path, 3), tmp_path / "facts.jsonl"
    n = 3 * len(list(FIXTURES.glob("*.txt")))
    assert main(["parse", str(src), "--jsonl", str(facts), "--jobs", "0"]) == 0
    lines = facts.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n
    rows = [json.loads(line) for line in lines]
    assert rows[0]["path"].endswith(".txt") and rows[0]["meta"] and rows[0]["facts"]
    assert [r["path"] for r in rows] == sorted(str(p) for p in src.rglob("*.txt"))  # input order
    assert f"{n}/{n}" in capsys.readouterr().err
    # interrupted while writing: the last line is half there, and two reports never got in
    facts.write_text("\n".join(lines[:-3]) + "\n" + lines[-3][:40], encoding="utf-8")
    assert main(["parse", str(src), "--jsonl", str(facts), "--quiet"]) == 0
    redone = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["path"] for r in redone) == sorted(r["path"] for r in rows)
    assert redone[-3:] == rows[-3:]
    # nothing left to do: the file is unchanged
    before = facts.read_bytes()
    assert main(["parse", str(src), "--jsonl", str(facts)]) == 0
    assert facts.read_bytes() == before


def test_accountability_reads_the_jsonl_of_parse(tmp_path, capsys):
    from luoshi.reports.services import demo_reports

    src = tmp_path / "reports"
    src.mkdir()
    for _name, path in demo_reports():
        shutil.copy(path, src / path.name)
    facts = tmp_path / "facts.jsonl"
    assert main(["parse", str(src), "--jsonl", str(facts), "--quiet"]) == 0
    from_files, from_jsonl = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["accountability", str(src), "--out", str(from_files)]) == 0
    assert main(["accountability", str(facts), "--out", str(from_jsonl)]) == 0
    rows = json.loads(from_jsonl.read_text(encoding="utf-8"))
    assert rows and rows == json.loads(from_files.read_text(encoding="utf-8"))
    with facts.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert main(["accountability", str(facts), "--out", str(from_jsonl)]) == 1
    assert "facts.jsonl:" in capsys.readouterr().err
