"""Report tests read uploads at once: the immediate task backend runs the worker's task in the request."""

import re

import pytest

from luoshi.reports.reader import factcheck
from luoshi.reports.reader.labeller import OFF_ENV


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


_ITEM_RULE_TESTS = re.compile(r"test_reader_(?:r\w+_)?items$")


@pytest.fixture(autouse=True)
def _item_rules_only(request, monkeypatch):
    """The item-rule modules (test_reader_items, test_reader_r…_items) pin the rules, so the learned
    labeller, whose output moves with its training data, is off there (``test_reader_labeller``)."""
    if _ITEM_RULE_TESTS.search(request.module.__name__):
        monkeypatch.setenv(OFF_ENV, "1")


# The modules that read facts as the reader ships them, second opinion included (the others pin the rules).
_FACTS_AS_SHIPPED = re.compile(r"test_reader_(?:factcheck|holdout|seeds)$")


@pytest.fixture(autouse=True)
def _fact_rules_only(request, monkeypatch):
    """The fact rules' tests pin the rules, so the learned second opinion on facts, whose output moves
    with its training data, is off there (``test_reader_factcheck`` tests it)."""
    if not _FACTS_AS_SHIPPED.search(request.module.__name__):
        monkeypatch.setenv(factcheck.OFF_ENV, "1")
