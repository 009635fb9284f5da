"""Failed logins: spraying from one address is stopped; nobody can lock a user out at will."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessFailureLog

from luoshi.org.demo import DEMO_PASSWORD
from luoshi.org.lockout import username_delay

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def attempt(client, username, password, *, via=None):
    extra = {"HTTP_X_FORWARDED_FOR": via} if via else {}
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_spraying_two_passwords_over_fifty_usernames_blocks_the_address(client, org, settings):
    blocked = 0
    for i in range(50):
        for password in ("123456", "luoshi2025"):
            blocked += attempt(client, f"user{i:02d}", password).status_code == 429
    assert blocked >= 100 - settings.AXES_FAILURE_LIMIT
    # once blocked, the address cannot log in even with a right password
    assert attempt(client, "grid", DEMO_PASSWORD).status_code == 429
    # another client (behind the proxy, told apart by X-Forwarded-For) is not affected
    settings.PROXY_COUNT = 1
    assert attempt(client, "grid", DEMO_PASSWORD, via="198.51.100.7").status_code == 302


def test_behind_a_proxy_an_attacker_cannot_lock_a_user_out(client, org, settings):
    settings.PROXY_COUNT = 1
    user, home, attacker, travel = "grid", "198.51.100.7", "203.0.113.9", "192.0.2.44"
    assert attempt(client, user, DEMO_PASSWORD, via=home).status_code == 302  # the user's usual address
    client.logout()
    for _ in range(40):  # the attacker guesses until its own address is locked
        attempt(client, user, "guess", via=attacker)
    assert attempt(client, user, DEMO_PASSWORD, via=attacker).status_code == 429
    # from the user's usual address: no wait at all
    assert attempt(client, user, DEMO_PASSWORD, via=home).status_code == 302
    client.logout()
    for _ in range(40):  # the attacker (from fresh addresses) keeps failing
        attempt(client, user, "guess", via=f"203.0.113.{_ + 20}")
    # from a new address the user waits, but no longer than the cap
    refused = attempt(client, user, DEMO_PASSWORD, via=travel)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert 'data-testid="login-delay"' in body
    wait = username_delay(user, travel)
    assert 0 < wait <= settings.LOGIN_DELAY_MAX_SECONDS
    # once the delay has passed (the last failure is that far back), the user logs in
    back = dt.timedelta(seconds=settings.LOGIN_DELAY_MAX_SECONDS)
    for row in AccessFailureLog.objects.filter(username=user):
        AccessFailureLog.objects.filter(pk=row.pk).update(attempt_time=row.attempt_time - back)
    assert attempt(client, user, DEMO_PASSWORD, via=travel).status_code == 302


def test_the_username_delay_doubles_and_is_capped(org, settings):
    settings.LOGIN_FAILURES_PER_USER, settings.LOGIN_DELAY_MAX_SECONDS = 3, 60
    last = None
    waits = []
    for i in range(12):
        last = AccessFailureLog.objects.create(
            username="grid", ip_address=f"203.0.113.{i}", user_agent="x", http_accept="x", path_info=LOGIN
        )
        waits.append(username_delay("grid", "192.0.2.1", now=last.attempt_time))
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]  # after the 3rd failure: 1 s, 2 s …
    assert username_delay("grid", "192.0.2.1", now=last.attempt_time + dt.timedelta(seconds=61)) == 0
