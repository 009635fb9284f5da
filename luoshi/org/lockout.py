"""Failed logins: lock the address that guesses, slow down the username, never lock a user out at will.

Two counters, both in django-axes' tables (shared by every server process):

* **per client address** (``luoshi.lib.ratelimit.client_ip``, which honours ``PROXY_COUNT``):
  axes locks an address after ``AXES_FAILURE_LIMIT`` failures for ``AXES_COOLOFF_MINUTES``,
  whatever usernames it tried - so spraying two passwords over fifty usernames is stopped;
* **per username** (from any address): after ``LOGIN_FAILURES_PER_USER`` failures since the
  user's last successful login (within a day), each further attempt must wait 1 s, 2 s, 4 s …
  after the previous failure, at most ``LOGIN_DELAY_MAX_SECONDS``. This is a delay, not a lock:
  an attacker who keeps failing can make the user wait at most that long, and not at all from an
  address the user has logged in from in the last 30 days (axes' access log), where only the
  address counter applies.

``UsernameDelayBackend`` enforces the delay before any password is checked, and marks the request
as axes does, so axes renders the lockout page (with the delay) and does not count the refused try.
"""

from __future__ import annotations

import datetime as dt

from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from luoshi.lib.ratelimit import client_ip

FAILURE_WINDOW = dt.timedelta(days=1)
KNOWN_ADDRESS_DAYS = 30


def username_delay(username: str, address: str, *, now: dt.datetime | None = None) -> int:
    """Seconds this address must still wait before trying ``username`` again (0: go ahead)."""
    if not username:
        return 0
    now = now or timezone.now()
    known_since = now - dt.timedelta(days=KNOWN_ADDRESS_DAYS)
    logins = AccessLog.objects.filter(username=username)
    if address and logins.filter(ip_address=address, attempt_time__gte=known_since).exists():
        return 0
    last_login = logins.order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    since = max(filter(None, [last_login, now - FAILURE_WINDOW]))
    failures = AccessFailureLog.objects.filter(username=username, attempt_time__gt=since)
    count = failures.count()
    excess = count - settings.LOGIN_FAILURES_PER_USER
    if excess < 0:
        return 0
    wait = min(2**excess, settings.LOGIN_DELAY_MAX_SECONDS)
    last = failures.order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    remaining = wait - (now - last).total_seconds()
    return max(0, int(remaining + 0.999))


class UsernameDelayBackend:
    """Refuses (without checking the password) a username that must still wait; see the module doc.

    Not a ``BaseBackend``: without ``get_user`` it is never the backend a session is bound to.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        delay = username_delay(username or "", client_ip(request))
        if delay:
            request.axes_locked_out = True
            request.luoshi_login_delay = delay
            raise AxesBackendPermissionDenied("username delayed")
        return None
