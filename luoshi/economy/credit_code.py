"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is a
check character computed from the other 17. Validation is python-stdnum's ``cn.uscc`` (maintained,
implements the standard's weights and alphabet); this module only gives the project one function
with a message fit to show. Pure: no Django.
"""

from __future__ import annotations

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError


class CreditCodeError(ValueError):
    """Why a code is not a valid unified social credit code (``reason``: length / format / checksum)."""

    def __init__(self, reason: str, code: str):
        super().__init__(f"{reason}: {code!r}")
        self.reason = reason
        self.code = code


def normalize(code: str) -> str:
    """Upper case without spaces or dashes (how it is printed on a licence or typed into a sheet)."""
    return uscc.compact(str(code or ""))


def validate(code: str) -> str:
    """The normalized code, or ``CreditCodeError`` naming what is wrong."""
    try:
        return uscc.validate(normalize(code))
    except InvalidLength as exc:
        raise CreditCodeError("length", str(code)) from exc
    except InvalidChecksum as exc:
        raise CreditCodeError("checksum", str(code)) from exc
    except (InvalidFormat, ValidationError) as exc:
        raise CreditCodeError("format", str(code)) from exc


def check_character(first17: str) -> str:
    """The check character for the first 17 characters (to generate valid demo codes)."""
    return uscc.calc_check_digit(normalize(first17))
