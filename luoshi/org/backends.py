"""The authentication backend that signs people in with username and password and reads the
signed-in user on every request.

``UserBackend`` is Django's ``ModelBackend`` (same password check, same permissions, inactive users
refused) whose ``get_user`` — run on every request of a signed-in user — reads the user by a
statement compiled once (``luoshi.org.compiled``) rather than through the ORM each time. Sessions
still naming ``ModelBackend`` are read as naming this one (``luoshi.org.sessions``).
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from luoshi.org.compiled import CompiledRead
from luoshi.org.models import User

_user_read = CompiledRead(User, lambda _key, pk: User._default_manager.filter(pk=pk))


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        rows = _user_read(None, user_id)
        if not rows:
            return None
        user = rows[0]
        return user if self.user_can_authenticate(user) else None
