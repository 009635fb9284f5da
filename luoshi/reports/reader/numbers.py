"""Numbers in Chinese report text: numerals, 万/亿 multipliers, measure words and qualifiers.

Everything here works on the *matching copy* of the text (simplified characters, ASCII digits),
which has the same length as the normalised text, so offsets found here index both.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

# Measure words and units, longest first so that 人次 wins over 人 and 平方米 over 米.
# Durations, dates and ordinals (年, 月, 日, 天, 届, 周年, 季度 ...) are deliberately absent:
# a number followed by them is never a fact.
UNITS = sorted(
    """
    平方公里 平方千米 平方米 立方米 公顷 亩 公里 千米 厘米 毫米 米
    吨 千克 公斤 斤 千瓦时 千瓦 兆瓦 千伏安 标箱
    美元 欧元 港元 日元 英镑 元
    个百分点 人次 户次 车次 架次 批次 场次 班次 台次 头只 个 家 户 人 名 位 项 件 起 条 座 盏 场 所 处 次
    台 辆 套 张 份 间 栋 幢 只 头 匹 峰 羽 棵 株 棒 对 部 支 队 群 种 宗 笔 本 册 块 片 眼 口
    根 箱 门 床 班 艘 架 趟 轮 期 批 例 首 倍 % ‰
    """.split(),
    key=len,
    reverse=True,
)
# Units a bare Chinese numeral may carry.  一 on its own and 个 are left out on purpose: 一批,
# 一项, 两个维护, 四个意识 are idioms and named sets far more often than counts.
CN_UNITS = sorted(
    "条 座 所 处 家 户 名 项 件 场 亩 吨 人 位 台 辆 次 公里 千米 平方米 万元 亿元 元".split(),
    key=len,
    reverse=True,
)

MONEY_UNITS = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑"})
PERCENT_UNITS = frozenset({"%", "‰", "个百分点"})
MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}

_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
_CN_UNIT_ALT = "|".join(re.escape(u) for u in CN_UNITS)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGIT_RE = re.compile("[一二两三四五六七八九十]")

# The tail that may follow any numeral: a range, 余/多, a multiplier, the unit, a trailing qualifier.
_TAIL = (
    r"(?P<range>\s?[-~～—至到](?P<hi>\d+(?:\.\d+)?))?"
    r"(?P<a1>余|多|几)?"
    r"(?P<mult>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?=[万亿元余多]))?"
    r"(?P<a2>余|多)?"
    rf"(?P<unit>{_UNIT_ALT})?"
    r"(?P<a3>及以上|以上|以下|左右|上下|之多|多|余)?"
)
ARABIC_RE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<frac>\.\d+)?" + _TAIL)
# A Chinese numeral is only taken with a unit right after it (two rivers: 两条河流).
CN_RE = re.compile(
    rf"(?P<num>[{_CN_DIGITS}]+)"
    r"(?P<a1>余|多)?"
    rf"(?P<unit>{_CN_UNIT_ALT})"
    r"(?P<a3>以上|以下|左右|多|余)?"
)
# 近百万, 超千万: a bare power of ten is a number only right after a qualifier.
BARE_RE = re.compile(r"(?:(?<=[近约超逾达])|(?<=突破))(?P<num>百万|千万|百亿|千亿)(?P<unit>元|美元)?")

QUALIFIER_BEFORE_RE = re.compile(
    r"(?:不少于|不低于|不超过|不足|不到|至少|超过|超出|突破|将近|接近|高达|多达|达到|约为|逾|约|近|超|达)$"
)
_APPROX_CANON = {
    "达到": "达",
    "高达": "达",
    "多达": "达",
    "超过": "超",
    "超出": "超",
    "将近": "近",
    "接近": "近",
}
_APPROX_CANON.update({"约为": "约", "及以上": "以上", "之多": "多"})

# Contexts that make a number an ordinal, a name, a date part or a duration rather than a fact.
_ORDINAL_BEFORE_RE = re.compile(r"(?:第|前|后|排名|位列|位居|列|居)$")
_CN_BAD_BEFORE = frozenset("第前后每这那哪几各单唯统同之其一二三四五六七八九十两")


# 八项规定, 三项制度, 两项机制: a numbered set of rules or measures, not a count of work done.
_CN_NAMED_SET_RE = re.compile(r"(?:规定|制度|原则|要求|机制|措施|纪律|禁令|承诺|清单|政策|标准|举措)")


@dataclass(slots=True)
class NumberToken:
    """One numeral with what hangs on it, as offsets into the text."""

    start: int
    end: int  # end of the whole token, including a trailing qualifier
    value: float
    unit: str | None  # as found in the matching copy (simplified)
    unit_span: tuple[int, int] | None
    multiplied: bool  # a 万/亿 multiplier was folded in
    approx_after: str | None
    hi: float | None  # upper end of a range (10-50万元)
    chinese: bool
    threshold: bool = False  # defines a metric (亿元以上项目) rather than states a fact


def _to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _finite(value: Decimal) -> float | None:
    number = float(value)
    if not math.isfinite(number) or abs(number) > 1e16:
        return None
    if number == int(number):
        return float(int(number))
    return round(number, 6)


def chinese_numeral(text: str) -> Decimal | None:
    """Convert a Chinese numeral (三千, 两, 十, 一万二千) with cn2an; None if it is not one."""
    try:
        return Decimal(str(cn2an.cn2an(text, "smart")))
    except Exception:  # noqa: BLE001 - cn2an raises bare ValueError/KeyError variants on odd input
        return None


def _approx(*parts: str | None) -> str | None:
    for part in parts:
        if part:
            return _APPROX_CANON.get(part, part)
    return None


def scan(s: str) -> list[NumberToken]:
    """All candidate numbers in document order (before deciding which are facts)."""
    tokens: list[NumberToken] = []
    for m in ARABIC_RE.finditer(s):
        raw = m["num"]
        start = m.start()
        if len(raw) > 15 or (
            start and (s[start - 1] == "." or (start > 1 and s[start - 1] == "," and s[start - 2].isdigit()))
        ):
            continue  # the tail of 2023.2.10 or of a malformed 1,23
        if m["unit"] is None and m["mult"] is None:
            continue  # years, dates, codes, section numbers: never a quantity
        number = _to_decimal(raw + (m["frac"] or ""))
        if number is None:
            continue
        mult = m["mult"]
        if mult:
            number *= MULTIPLIERS[mult]
        hi = None
        if m["hi"]:
            hi_dec = _to_decimal(m["hi"])
            if hi_dec is not None:
                hi = _finite(hi_dec * (MULTIPLIERS[mult] if mult else 1))
        value = _finite(number)
        if value is None:
            continue
        unit = m["unit"]
        tokens.append(
            NumberToken(
                start=m.start(),
                end=m.end(),
                value=value,
                unit=unit,
                unit_span=m.span("unit") if unit else None,
                multiplied=bool(mult),
                approx_after=_approx(m["a3"], m["a1"], m["a2"]),
                hi=hi,
                chinese=False,
            )
        )
    for m in CN_RE.finditer(s):
        raw = m["num"]
        if (
            raw == "一"
            or (m.start() > 0 and s[m.start() - 1] in _CN_BAD_BEFORE)
            or not _CN_DIGIT_RE.search(raw)
        ):
            continue
        unit = m["unit"]
        mult = None
        if unit in ("万元", "亿元"):
            mult, unit = unit[0], "元"
        number = chinese_numeral(raw)
        if number is None or number <= 1:
            continue
        if mult:
            number *= MULTIPLIERS[mult]
        value = _finite(number)
        if value is None:
            continue
        unit_start = m.start("unit") + (1 if mult else 0)
        tokens.append(
            NumberToken(
                start=m.start(),
                end=m.end(),
                value=value,
                unit=unit,
                unit_span=(unit_start, m.end("unit")),
                multiplied=bool(mult),
                approx_after=_approx(m["a3"], m["a1"]),
                hi=None,
                chinese=True,
            )
        )
    for m in BARE_RE.finditer(s):
        value = _finite(MULTIPLIERS[m["num"]])
        unit = m["unit"]
        tokens.append(
            NumberToken(
                start=m.start(),
                end=m.end(),
                value=value or 0.0,
                unit=unit,
                unit_span=m.span("unit") if unit else None,
                multiplied=True,
                approx_after=None,
                hi=None,
                chinese=True,
            )
        )
    tokens.sort(key=lambda t: t.start)
    return _drop_overlaps(tokens)


def _drop_overlaps(tokens: list[NumberToken]) -> list[NumberToken]:
    out: list[NumberToken] = []
    last_end = -1
    for token in tokens:
        if token.start < last_end:
            continue
        out.append(token)
        last_end = token.end
    return out


def qualifier_before(s: str, start: int) -> str | None:
    """The approximation word written right before a number (约, 近, 超, 达 ...), canonical form."""
    m = QUALIFIER_BEFORE_RE.search(s, max(0, start - 4), start)
    return _approx(m.group()) if m else None


def is_not_a_count(s: str, token: NumberToken) -> bool:
    """Dates, ordinals, durations, codes, names: numbers that quantify nothing."""
    start, end = token.start, token.end
    before = s[max(0, start - 3) : start]
    if _ORDINAL_BEFORE_RE.search(before):
        return True
    after = s[end : end + 4]
    if token.unit is None and not token.multiplied:
        return True
    if token.unit is None and re.match(r"[年月日号岁]", after):
        return True
    if token.chinese and _CN_NAMED_SET_RE.match(s, end):
        return True
    if token.unit == "个" and after.startswith("月"):
        return True
    if token.unit == "次" and re.match(r"(?:会议|全会|全体|党代会|人代会)", after):
        return True
    prev = s[start - 1] if start else ""
    nxt = s[end] if end < len(s) else ""
    # 5G, 4A级, G20, PM2.5, 1+2+N
    if (prev and prev in "+＋/") or (nxt and nxt in "+＋") or (prev.isascii() and prev.isalpha()):
        return True
    if not token.unit and nxt.isascii() and nxt.isalpha():
        return True
    if token.unit and token.unit_span and token.unit_span[1] == end and nxt.isascii() and nxt.isalpha():
        return True
    return False


def unit_is_money(unit: str | None) -> bool:
    return unit in MONEY_UNITS


def unit_is_percent(unit: str | None) -> bool:
    return unit in PERCENT_UNITS
