"""Browser tests need Debian's Chromium; without it they are skipped with a hint, except on CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: the browser tests must run on CI")
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} not found; install Debian's chromium and fonts-noto-cjk "
        "(apt-get install chromium fonts-noto-cjk) to run browser tests"
    )
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)
