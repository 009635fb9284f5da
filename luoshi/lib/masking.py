"""Masking of personal data (PIPL): phone and ID numbers are shown only to roles that need them."""

from __future__ import annotations


def mask_phone(value: str | None) -> str:
    """13812345678 → 138****5678; short or odd values keep only their last two characters."""
    if not value:
        return ""
    v = value.strip()
    if len(v) >= 7:
        return v[:3] + "****" + v[-4:]
    return "*" * max(0, len(v) - 2) + v[-2:]


def mask_id_number(value: str | None) -> str:
    """A resident ID keeps its first 6 (region) and last 4 characters: 110101********1234."""
    if not value:
        return ""
    v = value.strip()
    if len(v) <= 10:
        return "*" * len(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_name(value: str | None) -> str:
    """张三丰 → 张**; used on public pages."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)
