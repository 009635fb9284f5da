"""Helpers shared by the apps' browser tests."""

from __future__ import annotations

import os
import re

from luoshi.org.demo import DEMO_PASSWORD


def browser_login(page, live_server, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real login page as a demo persona and wait for the home page."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))


# --- Fuzzing (the test_fuzz_* modules): a fixed, derandomized budget; FUZZ_EXAMPLES for a deeper run.

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 10)
CSRF_TOKEN = "f" * 32
# Answers that are a refusal, never a failure: anything else from fuzzed input is a bug.
FUZZ_OK = {200, 201, 204, 301, 302, 303, 400, 403, 404, 405, 409, 413, 415, 422, 429}


def fuzz_settings(examples: int | None = None):
    """Hypothesis settings of every fuzz test: ``examples`` (default FUZZ_EXAMPLES), no deadline,
    derandomized (the same examples on every run), no example database."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=examples or FUZZ_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


def csrf_client(user=None):
    """A test client that enforces CSRF like a browser session and sends the token (cookie + header)."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN=CSRF_TOKEN)
    client.cookies["csrftoken"] = CSRF_TOKEN
    if user is not None:
        client.force_login(user)
    return client


def nav_link(page, key: str):
    """The main-menu link ``key``, made visible first: the phone's 菜单 button pressed and its group
    opened, as a user would (``page.click("a[data-nav=…]")`` fails on a link inside a closed group)."""
    link = page.locator(f"header.site a[data-nav={key}]")
    if not link.is_visible():
        toggle = page.locator("header.site [data-nav-toggle]")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        group = page.locator(f"header.site details.nav-group:has(a[data-nav={key}])")
        if group.count() and group.get_attribute("open") is None:
            group.locator("summary").click()
    return link
