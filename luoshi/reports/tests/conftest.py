"""Report tests read uploads at once: the immediate task backend runs the worker's task in the request."""

import pytest


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
