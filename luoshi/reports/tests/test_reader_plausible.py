"""The rule that refuses noise: every real report and opening passes it, random input never does."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from luoshi.reports.reader import parse
from luoshi.reports.reader.decode import _COMMON
from luoshi.reports.reader.plausible import refusal

from .fixtures import FIXTURES
from .fixtures import SHARED as _SHARED

# The shared corpus lies beside the repository; LUOSHI_SHARED_DIR points elsewhere.
SHARED = Path(os.environ.get("LUOSHI_SHARED_DIR") or _SHARED)
HERE = Path(__file__).resolve().parent
REAL = sorted(
    [
        *(SHARED / "seeds").glob("*.txt"),
        *(SHARED / "seeds" / "openings").glob("*.txt"),
        *(HERE.parent / "demo").glob("*.txt"),
        *FIXTURES.glob("*.txt"),
        *(HERE / "holdout").glob("*.txt"),
    ]
)


def verdict(source) -> str | None:
    report = parse(source, name="x.txt")
    return refusal(report.text, sections=len(report.sections))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_report_and_opening_is_accepted(path):
    assert verdict(path) is None


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the shared seeds are not beside the repository")
def test_the_shared_seeds_and_openings_are_measured():
    assert len(REAL) >= 30


RNG = random.Random(11)
NOISE = {
    "random bytes": bytes(RNG.randrange(256) for _ in range(20_000)),
    "random bytes, short": bytes(RNG.randrange(256) for _ in range(2_000)),
    "random hanzi": "".join(chr(RNG.randrange(0x4E00, 0x9FFF)) for _ in range(3_000)).encode(),
    "random everyday hanzi": "".join(RNG.choice(sorted(_COMMON)) for _ in range(3_000)).encode(),
    "English prose": (Path(__file__).resolve().parents[3] / "docs" / "architecture.md").read_bytes(),
    "UTF-16 noise": bytes(RNG.randrange(256) for _ in range(8_000)).decode("latin-1").encode("utf-16"),
}


@pytest.mark.parametrize("label", sorted(NOISE))
def test_noise_is_refused(label):
    assert verdict(NOISE[label]) is not None


def test_a_short_pasted_opening_is_a_report():
    assert verdict("各位代表：云溪镇今年完成收入3亿元，".encode()) is None


def test_reasons_name_the_failed_test():
    assert verdict(NOISE["English prose"]) == "not chinese"
    assert verdict(NOISE["random hanzi"]) == "not prose"
    assert verdict(NOISE["random everyday hanzi"]) == "no structure"
    assert refusal("报告\ufffd\ufffd\ufffd" + "各位代表" * 20) == "undecodable"
