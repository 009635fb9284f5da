"""Helpers shared by the apps' browser tests."""

from __future__ import annotations

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
