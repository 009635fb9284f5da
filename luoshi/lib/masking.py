"""Masking of personal data (PIPL): phone and ID numbers are shown only to roles that need them.

One rule for fields and free text: ``mask_phone`` / ``mask_id_number`` / ``mask_name`` mask a field,
``mask_text`` finds the same things inside a description, a note or a title and masks them the same
way. Whoever decides that a reader sees a field masked passes the text through ``mask_text`` too
(case pages, API and exports for roles without the full view; Open311 and the public pages always).
``public_address`` and ``public_coordinate`` cut a location down to what may be published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

# Resident ID numbers: 18 characters (the last may be X) or the old 15 digits.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
# Mobile numbers, also written 138-1234-5678, 138 1234 5678 or with +86.
_MOBILE = re.compile(r"(?<![\d])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)")
# Landlines with an area code: 0571-87654321, (0571)87654321, 010 8765 4321.
_LANDLINE = re.compile(r"(?<!\d)([(（]?0\d{2,3}[)）]?[-－\s]?)(\d{3,4})[-\s]?(\d{4})(?!\d)")
# A bare local number of 7-8 digits (not a part of a longer number, a decimal, a case number such as
# 20260315-ABC…, nor an amount or a date followed by its unit).
_LOCAL = re.compile(
    r"(?<![\d.\-A-Za-z])([2-9]\d{2,3})[-\s]?(\d{4})(?![\d\-.A-Za-z]|[年月日号元万亿个人户件亩米吨%％])"
)

# The most common surnames (about 85 % of the population), to recognise a name that follows a cue
# word (邻居王建国, 业主：李四) or that stands right before a phone number.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_NAME = rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}"
_CUES = (
    "诉求人|反映人|来电人|举报人|投诉人|当事人|申请人|联系人|户主|业主|房东|租户|村民|居民|群众|邻居|老板|负责人|"
    "家属|儿子|女儿|丈夫|妻子"
)
_NAME_AFTER_CUE = re.compile(rf"((?:{_CUES})[:：\s]?)({_NAME})")
_NAME_BEFORE_PHONE = re.compile(
    rf"({_NAME})(?=[\s,，:：（(]*(?:电话|手机|联系电话|联系方式)?[:：\s]*(?:\+?86)?[(（]?(?:1[3-9]\d|0\d{{2,3}}))"
)
# Door-level parts of an address: the first number group before 号/栋/幢/单元/室/楼/层/户/组 and all after.
_DOOR = re.compile(
    r"[0-9０-９一二三四五六七八九十百千零〇两甲乙丙丁A-Za-z#＃\-－]+\s*(?:号院|号楼|号|栋|幢|座|单元|室|楼|层|户|组)"
)
_DOOR_NUMBER = re.compile(
    r"(?<![0-9０-９])[0-9０-９]+(?:[-－][0-9０-９]+)?\s*(号院|号楼|号|栋|幢|座|单元|室|楼|层|户)(?!以|内|外|前|后)"
)
_TRAILING_NUMBER = re.compile(r"[\s0-9０-９#＃\-－]+$")


def mask_phone(value: str | None) -> str:
    """13812345678 → 138****5678; a 7–8 digit number keeps its last 2 digits; shorter ones their last 2."""
    if not value:
        return ""
    v = value.strip()
    if len(v) >= 11:
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


def mask_text(text: str | None, *, names: Iterable[str | None] = (), public: bool = False) -> str:
    """``text`` with every phone-like number and ID number masked as the fields are.

    ``names`` are people known to the record (the caller, parties): each occurrence becomes 张**.
    ``public`` (text published to anyone: Open311, the tracking page) also masks a name after a cue
    word (邻居王建国, 业主：李四) or right before a phone number, recognised by its common surname,
    and the numbers of door-level address parts (3栋2单元501室 → *栋*单元*室).
    """
    if not text:
        return ""
    out = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    if public:
        out = _NAME_BEFORE_PHONE.sub(lambda m: mask_name(m.group(1)), out)
        out = _NAME_AFTER_CUE.sub(lambda m: m.group(1) + mask_name(m.group(2)), out)
        out = _DOOR_NUMBER.sub(lambda m: "*" + m.group(1), out)
    out = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", out)
    out = _LANDLINE.sub(lambda m: m.group(1) + "*" * (len(m.group(2)) + 2) + m.group(3)[-2:], out)
    out = _LOCAL.sub(lambda m: "*" * (len(m.group(1)) + 2) + m.group(2)[-2:], out)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        out = out.replace(name, mask_name(name))
    return out


def mask_if(masked: bool, text: str | None) -> str:
    """``mask_text(text)`` when the reader sees phone numbers masked, else the text unchanged."""
    return mask_text(text) if masked else (text or "")


def public_address(address: str | None) -> str:
    """Street/road precision: 幸福路88号3栋2单元501室 → 幸福路 (the first door-level number group and
    everything after it are dropped), then masked like any published text."""
    if not address:
        return ""
    m = _DOOR.search(address)
    street = address[: m.start()] if m else address
    street = _TRAILING_NUMBER.sub("", street).rstrip("，,、 ")
    return mask_text(street, public=True)


def public_coordinate(value: Decimal | float | None) -> float | None:
    """Rounded to 3 decimals (about 100 m)."""
    return None if value is None else round(float(value), 3)
