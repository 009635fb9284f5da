"""Scanned reports: a PDF of page images is read through Tesseract (chi_sim), and OCR text is tidied.

CI installs tesseract-ocr and tesseract-ocr-chi-sim (``.ci/run``); these tests do not skip without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from luoshi.reports.reader import Limits, ReportError, parse
from luoshi.reports.reader.ocr import available, tidy

from .scans import scanned_pdf

# Made-up report lines (not taken from any real report).
SCAN_TEXT = """\
青禾镇2025年政府工作报告
一、2024年工作回顾
全镇完成固定资产投资3.5亿元，同比增长12%。
新建村级公路18公里，改造农村户厕420户。
二、2025年工作安排
力争引进项目6个。
"""


def _values(report) -> set[tuple[float, str]]:
    return {(round(float(f.value), 2), f.unit) for f in report.facts}


def test_tesseract_with_the_chinese_model_is_installed():
    assert available(), "apt-get install tesseract-ocr tesseract-ocr-chi-sim (as .ci/run does)"


def test_a_scanned_pdf_is_read_by_ocr_and_its_page_image_and_text_kept(tmp_path):
    """Typeset and read in a fresh interpreter, as ``luoshi parse`` and the upload sandbox read a
    report. (In the whole suite the scan once came out different — OCR read 二 as 三 and lost the
    plan heading — because its grain came from Pillow's ``effect_noise``, which draws from the C
    library's ``rand()`` that earlier code had advanced; the grain is now seeded.)"""
    keep = tmp_path / "scan"
    (tmp_path / "scan.txt").write_text(SCAN_TEXT, encoding="utf-8")
    code = (
        "import json, sys; from pathlib import Path; from luoshi.reports.reader import parse; "
        "from luoshi.reports.tests.scans import scanned_pdf; "
        "data = scanned_pdf(Path(sys.argv[1]).read_text(encoding='utf-8'), dpi=150, angle=1, noise=0.05, seed=3); "
        "r = parse(data, name='青禾镇.pdf', ocr_keep=Path(sys.argv[2])); "
        "print(json.dumps({'warning': r.warnings[0], 'place': r.meta.jurisdiction, "
        "'plan_year': r.meta.plan_year, 'parts': sorted({s.part for s in r.sections}), "
        "'values': sorted([round(float(f.value), 2), f.unit] for f in r.facts), 'text': r.text}))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "scan.txt"), str(keep)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["warning"].startswith("ocr: a scanned PDF read by OCR (1 pages)")
    assert got["place"] == "青禾镇" and got["plan_year"] == 2025
    assert got["parts"] == ["plan", "review"], got["text"]
    found = {tuple(v) for v in got["values"]}
    for expected in [(350000000.0, "元"), (12.0, "%"), (18.0, "公里"), (420.0, "户"), (6.0, "个")]:
        assert expected in found, (expected, got["text"])
    assert (keep / "青禾镇-p001.png").stat().st_size > 1000
    assert "固定资产投资" in (keep / "青禾镇-p001.txt").read_text(encoding="utf-8")


def test_a_page_without_any_text_says_ocr_found_nothing(tmp_path):
    blank = scanned_pdf("", dpi=100)
    with pytest.raises(ReportError, match="OCR found no text"):
        parse(blank, name="blank.pdf")


def test_ocr_can_be_turned_off_and_has_a_page_limit():
    data = scanned_pdf(SCAN_TEXT * 12, dpi=100)  # two pages
    with pytest.raises(ReportError, match="scanned PDF with no text layer"):
        parse(data, limits=Limits(ocr_pages=0))
    with pytest.raises(ReportError, match="ocr_pages"):
        parse(data, limits=Limits(ocr_pages=1))


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("全 镇 完 成 投 资 3 . 5 亿 元 ， 增 长 1 2 %", "全镇完成投资3.5亿元，增长12%"),  # spaces
        ("引进项目l5个，总投资2O亿元", "引进项目15个，总投资20亿元"),  # l/O inside numbers
        ("增长3.8%6;收入", "增长3.8%；收入"),  # a digit glued after %
        ("年均增长6.196和9.3%6。", "年均增长6.1%和9.3%。"),  # % read as 96
        ("开展 GDP 核算, 共计 5 次.", "开展GDP核算，共计5次。"),  # Latin words keep their letters
        ("Olympic lI", "Olympic lI"),  # letters without digits stay letters
    ],
)
def test_tidy_applies_general_rules_to_ocr_text(raw, clean):
    assert tidy(raw) == clean


def test_parse_keeps_page_images_and_text_of_a_scan_beside_its_output(tmp_path):
    from luoshi.cli import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "青禾镇.pdf").write_bytes(scanned_pdf(SCAN_TEXT, dpi=150, seed=5))
    out = tmp_path / "out"
    assert main(["parse", str(src), "--out", str(out), "--keep-scans", "--quiet"]) == 0
    assert (out / "青禾镇.json").exists()
    kept = sorted(p.name for p in (out / "青禾镇.ocr").iterdir())
    assert kept == ["青禾镇-p001.png", "青禾镇-p001.txt"]
