"""Every test starts with empty per-process configuration caches (a rolled-back test sends no signals)."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_case_config_cache():
    from luoshi.cases import config
    from luoshi.cases.open311 import catalog

    config.clear()
    catalog.clear_cache()
    yield
    config.clear()
    catalog.clear_cache()
