"""Character classes and the one-for-one traditional -> simplified matching copy."""

from __future__ import annotations

import re

from .t2s_table import SIMPLIFIED, TRADITIONAL

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
TERMINAL = "。！？!?；;"

_T2S = str.maketrans(TRADITIONAL, SIMPLIFIED)
_HAS_TRADITIONAL_RE = re.compile(f"[{re.escape(TRADITIONAL)}]")


def simplify(text: str) -> str:
    """A copy of ``text`` with traditional characters replaced one for one.

    Keyword matching runs on this copy; because every replacement is a single character,
    offsets found in it are offsets in the original, whose characters are what we report.
    """
    if _HAS_TRADITIONAL_RE.search(text) is None:
        return text
    return text.translate(_T2S)


def has_traditional(text: str, pos: int = 0) -> bool:
    """Whether ``simplify(text[pos:])`` would change anything (one scan of the text)."""
    return _HAS_TRADITIONAL_RE.search(text, pos) is not None
