"""Model fields whose values are stored encrypted (see ``crypto``): Python sees the plain value,
the database only ciphertext. They cannot be filtered or sorted on; use a lookup-hash column."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import models

from luoshi.assistance import crypto


class EncryptedTextField(models.TextField):
    """Text encrypted at rest; "" and NULL stay as they are (emptiness is not a secret)."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return self.to_python(crypto.decrypt(value))

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return crypto.encrypt(str(value))


class EncryptedDecimalField(EncryptedTextField):
    """A money amount (元) encrypted at rest; Python sees a ``Decimal`` (or None)."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None

    def get_prep_value(self, value):
        if value in (None, ""):
            return None
        return crypto.encrypt(str(Decimal(str(value))))
