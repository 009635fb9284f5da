"""The reader against the shared gold annotations (skipped when ../shared is not beside the repo)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.cli import main

# The shared material lies beside the repository; LUOSHI_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("LUOSHI_SHARED_DIR") or Path(__file__).resolve().parents[3] / "../shared")
SCORE = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not SCORE.exists(), reason="shared/ (seeds, gold and score.py) is not beside the repository"
)


def _score(gold: Path, seeds: list[Path], out: Path, min_f1: float, min_meta: float) -> str:
    assert main(["parse", *map(str, seeds), "--out", str(out), "--quiet"]) == 0
    result = subprocess.run(
        [
            sys.executable,
            str(SCORE),
            str(gold),
            str(out),
            "--min-f1",
            str(min_f1),
            "--min-meta",
            str(min_meta),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_seed_reports_score_above_threshold(tmp_path):
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    assert seeds
    _score(SHARED / "eval" / "gold", seeds, tmp_path, min_f1=0.9, min_meta=0.9)


def test_report_openings_metadata_above_threshold(tmp_path):
    openings = sorted((SHARED / "seeds" / "openings").glob("*.txt"))
    assert openings
    _score(SHARED / "eval" / "gold-openings", openings, tmp_path, min_f1=0.85, min_meta=0.9)
