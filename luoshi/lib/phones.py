"""Is this a telephone number one can call in China? (the staff intake form's 联系电话)

Accepted: a mobile number (11 digits from 13–19, also with +86 or written 138-1234-5678), a landline
with its area code (0571-88889999, (010)87654321, 0571 8888 9999, an extension after 转/-/#), a local
number of 7–8 digits (a clerk in the town may leave the area code out), and the nationwide service
numbers 400/800 and 95xxx. Anything else — ``12345``, letters, a number one digit short — is refused,
so a case does not carry a contact nobody can call.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-－()（）]")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|#|-)\s*\d{1,6}$", re.IGNORECASE)
_PATTERNS = (
    re.compile(r"(?:\+?86)?1[3-9]\d{9}"),  # mobile
    re.compile(r"0[1-9]\d{1,2}[2-9]\d{6,7}"),  # landline with area code (010 / 0571 + 7–8 digits)
    re.compile(r"[2-9]\d{6,7}"),  # local landline without the area code
    re.compile(r"[48]00\d{7}"),  # 400 / 800 service numbers
    re.compile(r"95\d{3,6}"),  # 95xxx service numbers of banks and carriers
)


def is_phone_number(text: str | None) -> bool:
    """True when ``text`` is a mobile, landline (with or without area code or extension) or service number."""
    value = (text or "").strip()
    if not value:
        return False
    for candidate in (value, _EXTENSION.sub("", value)):
        digits = _SEPARATORS.sub("", candidate)
        if any(p.fullmatch(digits) for p in _PATTERNS):
            return True
    return False
