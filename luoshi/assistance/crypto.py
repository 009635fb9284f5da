"""Field-level encryption of sensitive personal data (PIPL 个人敏感信息) and keyed lookup hashes.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from ``cryptography``) under the keys
of ``LUOSHI_FIELD_KEYS`` (comma-separated, newest first: the first encrypts, every one decrypts, so
a key can be rotated in without downtime; ``luoshi rotate-keys`` then re-encrypts every row under
the first). Exact-match lookups (an ID number in an imported civil-affairs ledger) go through an
HMAC-SHA256 of the normalised value under ``LUOSHI_FIELD_HASH_KEY``, so the database never holds
the value itself. Production refuses to start without both (``luoshi/settings.py``); demo and
debug instances use fixed development keys derived from a public constant — never real data there.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """A stored value cannot be decrypted with any configured key."""


def _dev_key(purpose: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(f"luoshi-dev-{purpose}-v1".encode()).digest()).decode()


def field_keys() -> tuple[str, ...]:
    keys = tuple(k for k in getattr(settings, "FIELD_ENCRYPTION_KEYS", []) if k)
    if keys:
        return keys
    if settings.DEMO or settings.DEBUG:
        return (_dev_key("field"),)
    raise ImproperlyConfigured("LUOSHI_FIELD_KEYS is not set (see docs/privacy.md).")


def hash_key() -> bytes:
    key = getattr(settings, "FIELD_HASH_KEY", "")
    if key:
        return key.encode()
    if settings.DEMO or settings.DEBUG:
        return _dev_key("hash").encode()
    raise ImproperlyConfigured("LUOSHI_FIELD_HASH_KEY is not set (see docs/privacy.md).")


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "LUOSHI_FIELD_KEYS must hold Fernet keys (32 url-safe base64 bytes each); "
            "make one with `luoshi rotate-keys --new-key`."
        ) from exc


def check_keys() -> None:
    """Fail early (at start-up) on a missing or malformed key."""
    _multi(field_keys())
    hash_key()


def encrypt(text: str) -> str:
    return _multi(field_keys()).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _multi(field_keys()).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("a stored value cannot be decrypted with the configured keys") from exc


def lookup_hash(value: str | None) -> str:
    """HMAC of the normalised value (spaces dropped, upper case: 11010119900101123x = …123X); "" for empty."""
    norm = "".join((value or "").split()).upper()
    if not norm:
        return ""
    return hmac.new(hash_key(), norm.encode(), hashlib.sha256).hexdigest()


def new_key() -> str:
    return Fernet.generate_key().decode()
