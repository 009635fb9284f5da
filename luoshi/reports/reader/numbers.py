"""Numbers in Chinese report text: numerals, 万/亿 multipliers, measure words and qualifiers.

Everything here works on the *matching copy* of the text (simplified characters, ASCII digits),
which has the same length as the normalised text, so offsets found here index both.

Chinese numerals are read with a measure word after them (十八点六公里, 一点二亿元, 十二万人次,
两个行政村, 服务中心一个。) and written-out percentages on their own (百分之七点二, 百分之百).
A bare 百/千/万 is a number only after a qualifier (近百场, 超千人); 数百, 上百, 几千 name no
number and are never facts.  Numeral + 个 that names a set or slogan (四个意识, 两个维护, 三个方面,
“净土”三个主攻方向) and 二期/二次 (ordinals: two of a thing is 两) are not counts.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from .lazyre import lazy

# (module constants are Final: compiled, mypyc keeps them in C statics, where a plain global is
# looked up in the module's dict at every use)

# Measure words and units, longest first so that 人次 wins over 人 and 平方米 over 米.
# Durations, dates and ordinals (年, 月, 日, 天, 届, 周年, 季度 ...) are deliberately absent:
# a number followed by them is never a fact (a change in a count of days is handled in
# ``facts``: 优良天数同比增加21天).
UNITS: Final = sorted(
    """
    微克/立方米 毫克/立方米 平方公里 平方千米 平方米 平米 ㎡ 平方 立方米 立方 公顷 亩次 亩 公里 千米 厘米 毫米 延米 米
    吨 千克 公斤 斤 担 千瓦时 千瓦 兆瓦时 兆瓦 吉瓦时 吉瓦 千伏安 标箱 GW MW
    美元 欧元 港元 日元 英镑 元
    个百分点 人次 户次 车次 架次 批次 场次 班次 台次 剂次 件次 家次 个次 辆次 艘次 头只
    个 家 户 人 名 位 项 件 起 条 座 盏 场 所 处 次
    台 辆 套 张 份 间 栋 幢 只 头 匹 峰 羽 棵 株 棒 对 部 支 队 群 种 宗 笔 本 册 块 片 眼 口
    根 箱 门 床 班 艘 架 趟 轮 期 批 例 首 孔 扇 顶 面 封 列 颗 棺 幅 铺 倍 % ‰
    """.split(),
    key=len,
    reverse=True,
)
# Measure words that follow a 万/亿 multiplier but are too ambiguous on their own (15.6万剂, 10万尾,
# 756万度 of electricity).
MULT_ONLY_UNITS: Final = sorted("剂 针 尾 方 袋 瓶 盒 篇 枚 粒 度 卷 盆 单 票".split(), key=len, reverse=True)
# Units a Chinese numeral may carry.  Measure words that mostly make idioms after a Chinese
# numeral (一手, 两只手, 三本账, 一盘棋, 一片, 两头 ...) are left out.  个 is in, with the named
# sets it forms (四个意识, 两个维护, 三个方面) excluded by ``_CN_SET_AFTER_GE_RE``.
_CN_UNIT_SKIP: Final = frozenset(
    "担 只 头 头只 对 部 支 队 群 种 本 块 片 眼 门 根 班 首 张 倍 份 间 床 棒 孔 扇 顶 面 封 颗 铺 平方 ㎡ 立方 % ‰".split()
)
CN_UNITS: Final = [u for u in UNITS if u not in _CN_UNIT_SKIP]

MONEY_UNITS: Final = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑"})
PERCENT_UNITS: Final = frozenset({"%", "‰", "个百分点"})
MULTIPLIERS: Final = {
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

# Lookaheads keep a unit from eating the first character of a noun (5万群众, 3万人民币).
_UNIT_GUARD: Final = {
    "群": "群(?!众)",
    "人": "人(?!民币|口)",  # (80万人口: people, read in facts, not 人 before 口)
    "名": "名(?![单录称])",
    "期": "期(?![间末初限])",
    "轮": "轮(?![驱车胎椅])",  # 两轮驱动, 三轮车: no count of rounds
    "列": "列(?![入为出席举车])",
    "颗": "颗(?!粒)",  # 3列入, 列为: the verb, not a count of trains
    "铺": "铺(?![设装开展就成满路面张])",  # (火炕2万铺: a count of beds; 铺设, 铺开: the verb)
}


def _alt(units: list[str]) -> str:
    return "|".join(_UNIT_GUARD.get(u, re.escape(u)) for u in units)


def _ahead(units: list[str]) -> str:
    """A lookahead for the first characters of ``units``: a position where no unit can start is
    left at once instead of after trying every alternative."""
    return "(?=[" + re.escape("".join(sorted({u[0] for u in units}))) + "])"


_UNIT_ALT: Final = _alt(UNITS)
_CN_UNIT_ALT: Final = _alt(CN_UNITS)
_UNIT_AHEAD: Final = _ahead(UNITS + MULT_ONLY_UNITS)
_CN_UNIT_AHEAD: Final = _ahead(CN_UNITS)
_CN_DIGITS: Final = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGIT_RE: Final = re.compile("[一二两三四五六七八九十]")
_CN_DIGIT_FIRST: Final = frozenset(_CN_DIGIT_RE.pattern[1:-1])

# The tail that may follow any numeral: a range, 余/多, a multiplier, the unit, a trailing qualifier.
# (every group of the tail is optional and nothing required follows it, so the engine never comes
# back into one once past it: possessive (?+), it keeps no state to come back with, a third cheaper)
_TAIL: Final = (
    r"(?P<range>\s?[-~～—至到](?P<hi>[0-9]+(?:\.[0-9]+)?))?+"
    r"(?P<a1>余|多|几)?+"
    r"(?P<mult>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?=[万亿元余多]))?+"
    r"(?P<a2>余|多)?+"
    rf"(?P<unit>{_UNIT_AHEAD}(?:{_UNIT_ALT}|(?<=[万亿])(?:{_alt(MULT_ONLY_UNITS)})))?+"
    r"(?P<a3>及以上|以上|以下|以内|左右|上下|之多|多|余)?+"
)
# A pattern that starts with a character class is scanned fast by the regex engine.
# Thousands set apart by a space ("投资2 000万元", "1 250米") are one number when a multiplier or a
# unit follows the last group at once and the first is glued to the words before it: in a table's
# line ("2022 2023", "  120 150万元") numbers stand apart with a space before the first.
_SPACED_GROUPS: Final = (
    r"(?<=(?<![\s0-9])[0-9])[0-9]{0,2}(?:[ \u00a0][0-9]{3})+"
    rf"(?=[余多]?(?:[万亿]|千[万亿元]|{_UNIT_AHEAD}(?:{_UNIT_ALT})))"
)
# (the first two readings of the digits, with thousands marked, are tried only where a comma or a space
# stands after at most two more digits, followed by a digit: both need one there, and each failed try of
# their repeated groups costs the engine more than the test)
ARABIC_RE: Final = re.compile(
    r"(?P<num>[0-9](?:(?=[0-9]{0,2}[, \u00a0][0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+(?![0-9])|"
    + _SPACED_GROUPS
    + r")|[0-9]*))(?P<frac>\.[0-9]+)?+"
    + _TAIL
)
_GROUP_MARKS: Final = str.maketrans("", "", ", \u00a0")
# cells of a table's line: numbers set apart by a wide gap, a decimal or a percentage beside another
# number, a cell's rule (a single space between groups of three digits is a thousands' gap)
_TABLE_GAP_RE: Final = re.compile(
    r"[0-9%][ \u00a0]{2,}[0-9]|[0-9%]?\t|(?:\.[0-9]+|%) [0-9]|[0-9] [0-9]+(?:\.[0-9]|%)|[|｜]"
)


def _in_a_table(s: str, start: int, end: int) -> bool:
    """A table's line around s[start:end], whose numbers each stand in a cell of their own."""
    ls = s.rfind("\n", 0, start) + 1
    le = s.find("\n", end)
    le = len(s) if le < 0 else le
    return _TABLE_GAP_RE.search(s, ls, start) is not None or _TABLE_GAP_RE.search(s, end, le) is not None


# A Chinese numeral is only taken with a unit right after it (two rivers: 两条河流); 点 makes
# a decimal (十八点六公里, 一点二亿元).
# ([D][D]* rather than [D]+: a pattern that starts with a repeat gives the regex engine no character
# class to scan for, so it would try a match at every position of the text)
_CN_NUM: Final = rf"[{_CN_DIGITS}][{_CN_DIGITS}]*(?:点[零〇一二三四五六七八九]+[万亿]?)?"
CN_RE: Final = re.compile(
    rf"(?P<num>{_CN_NUM})"
    r"(?P<a1>余|多)?"
    r"(?P<mult>万|亿)?"
    rf"(?P<unit>{_CN_UNIT_AHEAD}(?:{_CN_UNIT_ALT}))"
    r"(?P<a3>以上|以下|以内|左右|多|余)?+"  # (possessive: last, see _TAIL)
)
# 百分之七点二, 百分之百, 百分之95: a percentage written out (千分之五: per mille).
_PERCENT_NUM: Final = (
    r"(?P<num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|[0-9]+(?:\.[0-9]+)?)"
)
_PERCENT_APPROX: Final = r"(?P<a3>以上|以下|以内|左右)?"
# (百分百, "one hundred per cent", spoken for 百分之百: "564户百分百签约")
PERCENT_RE: Final = re.compile(r"百分(?:之" + _PERCENT_NUM + r"|(?P<whole>百)(?![万亿倍]))" + _PERCENT_APPROX)
# (its own pattern: a literal start lets the engine skip to 千分之, a class [百千] would test every position)
PER_MILLE_RE: Final = lazy(r"千分之" + _PERCENT_NUM + _PERCENT_APPROX)
# 近百万, 超千万: a bare power of ten is a number only right after a qualifier.  A bare 百/千/万
# before a unit (近百场, 超千人) is read the same way; 数百, 上百, 几千 name no number and are
# never facts.
BARE_RE: Final = re.compile(r"(?:百万|千万|百亿|千亿|万亿)(?P<unit>元|美元)?")
_BARE_BEFORE_RE: Final = re.compile(r"(?:近|约|超|逾|达|突破|将近|接近|超过)$")


def _bare_before(s: str) -> bool:
    """``_BARE_BEFORE_RE.search(s) is not None``, searched only when ``s`` ends with the last character
    of one of its words ($: or a newline)."""
    return s[-1:] in _BARE_BEFORE_LAST and _BARE_BEFORE_RE.search(s) is not None


# "营收稳定在百亿元以上", "产量保持在百万吨以上": a floor a level is held above, a bare power of ten
# between the verb of holding and 以上
_HELD_AT: Final = ("稳定在", "保持在", "维持在", "穩定在", "維持在")


def _held_above(s: str, start: int, end: int) -> bool:
    """A bare power of ten at ``start`` (its unit ending at ``end``) held above: 稳定在…以上."""
    return s.startswith("以上", end) and ends_at_any(s, start, _HELD_AT)


QUALIFIER_BEFORE_RE: Final = re.compile(
    r"(?:不少于|不低于|不超过|不足|不到|至少|超过|超出|突破|将近|接近|高达|多达|达到|约为|逾|约|近|超|达)$"
)


def _word_ends(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of a ``(?:word|word…)$`` pattern can end with (and the newline
    before which ``$`` matches too): a cheap test before the search. None for another shape."""
    body = pattern.pattern
    if body.startswith("(?:") and body.endswith(")$"):
        words = body[3:-2].split("|")
        if all(w and re.escape(w) == w for w in words):
            return frozenset(w[-1] for w in words) | {"\n"}
    return None


_QUALIFIER_ENDS: Final = _word_ends(QUALIFIER_BEFORE_RE)
_APPROX_CANON: Final = {
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
_ORDINAL_BEFORE_RE: Final = lazy(r"(?:第|前|后|排名|位列|位居|列|居)$")
_ORDINAL_ENDS: Final = _word_ends(_ORDINAL_BEFORE_RE)
_NEWLINE: Final = ord("\n")
_WRAPPED_ORDINALS: Final = frozenset({"第", "前", "后"})
# 先后18次, 前后两轮: "one after another", not 后/前 of an ordinal (前3名, 后两位)
_ONE_AFTER_ANOTHER: Final = ("先后", "前后")
_CN_BAD_BEFORE: Final = frozenset("第前后每这那哪几各单唯统同之其一二三四五六七八九十两数上")


# 八项规定, 三项制度, 两项机制: a numbered set of rules or measures, not a count of work done.
_CN_NAMED_SET_RE: Final = re.compile(
    r"(?:规定|制度|原则|要求|机制|措施|纪律|禁令|承诺|清单|政策|标准|举措|底线|红线|班子|一体)"
)
_CN_NAMED_SET_FIRSTS: Final = "规制原要机措纪禁承清政标举底红班一"  # (the first characters of its words)
# 四个意识, 两个维护, 三个方面, 五个一: 个 naming a set or a slogan rather than counting things.
_CN_SET_AFTER_GE_RE: Final = re.compile(
    r"(?:意识|自信|维护|确立|方面|部分|层面|维度|环节|阶段|重点|关键|抓手|短板|难题|问题|领域|板块|目标|任务|"
    r"导向|思路|定位|理念|全面|代表|务必|必须|坚持|毫不动摇|一百年|百年|大局|结合|转变|区分|革命|作风|"
    r"优先|聚焦|统筹|不|到位|全覆盖|基础|方向|中心|基本点|振兴|健康|责任|季度|小时|工作日|星期|一|[“\"《「‘(（])"
)
# 聚焦两个提升, 抓好三个落实: 个 before a verb that closes the clause names a slogan's parts
_SLOGAN_VERB_RE: Final = re.compile(
    r"(?:加快|落实|确保|推进|提升|率先|示范|先行|引领|转型|突破|融合|并重|同步|翻番|倍增|升级|创建|走在前列)"
    r"(?=[，,。；;、：:”\"」）)\s的]|$)"
)
# 打好两场战役, 夺取两个胜利, 三大攻坚战: the battles and victories of a political slogan
# (a short modifier between: 三个十天硬仗, 两场歼灭战)
_CAMPAIGN_AFTER_RE: Final = re.compile(r"[^，,。；;、\d]{0,4}?(?:战役|攻坚战|歼灭战|硬仗|胜利|大考|战斗)")
# what a work follows or keeps to, before a numeral set of a programme's parts (结合, 围绕, 落实…)
_FRAME_VERBS: Final = ("结合", "围绕", "紧扣", "贯彻", "对标", "落实")
_FRAME_VERB_ENDS: Final = frozenset(w[-1] for w in _FRAME_VERBS)
_VERB_BEFORE_PHASE: Final = frozenset("办开建设了共计第举搞做出有为是这那每")
_DAYS_BEFORE_RE: Final = lazy(
    r"(?:增加|减少|缩短|压缩|压减|延长|提前|天数(?:同比|比上年|较上年)?(?:达到|达|为|共|有|稳定在|保持在)?)了?(?:约|近|超)?$"
)
_PHASE_AFTER_RE: Final = lazy(
    # (a capacity may stand between: "某某电厂三期2×660MW扩建工程")
    r"(?:[0-9]+(?:\.[0-9]+)?(?:[×xX*][0-9]+(?:\.[0-9]+)?)?(?:MW|GW|KW|kW|兆瓦|万千瓦|千瓦))?"
    r"(?:工程|项目|建设|扩建|改扩建|改造|续建|建成|投产|开工|竣工|设备|主体|厂房|征地)"
)
_SHARED_UNIT_JOINERS: Final = frozenset("、和及与")
_RANGE_DASHES: Final = frozenset("-~～—至到")
# "干一件、成一件", "办一件成一件": one verb's 一件 answered by another's
_ONE_BY_ONE_RE: Final = lazy(r"[\u4e00-\u9fff]一(件|个|项|事)[、，,]?[\u4e00-\u9fff]一\1")
_BARE_GROWTH_BEFORE_RE: Final = lazy(r"(?:同比|比上年|较上年)(?:增长|下降)$")
_GROWTH_VERB_ENDS: Final = frozenset("长降")
_PER_UNIT_RE: Final = lazy(r"/(?:亩|人|户|吨|平方米|平米|公斤|斤|个|年|月|天|次|台|头|只|株)")
_CLAUSE_END_CHARS: Final = frozenset("。，,；;、：:！？!?）)\n")
# a count of people written without 人 (a modifier of at most two characters between: 富余劳动力)
_PEOPLE_NOUN_RE: Final = re.compile(
    r"(?![年月日号届度])[\u4e00-\u9fff]{0,2}?(?:劳动力|农民工|贫困群众|困难群众|群众|村民|居民|农民|贫困人口|脱贫人口|学生|职工|游客|志愿者)"
)
_YEARISH_RE: Final = re.compile(r"(?:19|20)[0-9]{2}")
# (after a number without unit or multiplier: no reading of such a number starts with these; see scan)
_DATE_PART_AFTER = frozenset("年月日号届度")


@dataclass(slots=True, init=False)
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
    approx_span: tuple[int, int] | None = None  # where approx_after is written, for its characters
    cut: bool = False  # the text ends right after the number: its unit was cut off with the rest

    # (init=False and this __init__: compiled, it is a native call, where the one dataclass writes
    # runs as Python at every construction; ``test_reader_fast_model`` checks the two agree)
    def __init__(
        self,
        start: int,
        end: int,
        value: float,
        unit: str | None,
        unit_span: tuple[int, int] | None,
        multiplied: bool,
        approx_after: str | None,
        hi: float | None,
        chinese: bool,
        threshold: bool = False,
        approx_span: tuple[int, int] | None = None,
        cut: bool = False,
    ) -> None:
        self.start, self.end, self.value, self.unit = start, end, value, unit
        self.unit_span, self.multiplied, self.approx_after, self.hi = unit_span, multiplied, approx_after, hi
        self.chinese, self.threshold, self.approx_span, self.cut = chinese, threshold, approx_span, cut


def positions(s: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``s``, in order (single characters: found with str.find)."""
    out: list[int] = []
    for c in chars:
        p = s.find(c)
        while p >= 0:
            out.append(p)
            p = s.find(c, p + 1)
    out.sort()
    return out


def matches_from(pattern: re.Pattern[str], s: str, firsts: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(s))`` for a pattern whose every match is non-empty and starts with
    one of the characters ``firsts``: tried only where they stand.

    The regex engine scans for a pattern's first character by testing each character of the text
    against a class (a few nanoseconds a character); ``str.find`` of one character is many times
    faster, and these characters are rare. Matches are taken left to right without overlaps, as
    ``finditer`` takes them.
    """
    return matches_at(pattern, s, positions(s, firsts))


def matches_at(pattern: re.Pattern[str], s: str, starts: list[int]) -> list[re.Match[str]]:
    """``matches_from`` with the positions of its first characters found already (in order)."""
    out: list[re.Match[str]] = []
    last = 0
    for p in starts:
        if p < last:
            continue
        m = pattern.match(s, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def word_matches(pattern: re.Pattern[str], s: str, word: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(s))`` for a pattern whose every match starts with ``word``: tried only
    where ``str.find`` finds it (the engine would compare each character of the text with the
    word's first), the matches taken left to right without overlaps as ``finditer`` takes them."""
    out: list[re.Match[str]] = []
    last = 0
    p = s.find(word)
    while p >= 0:
        if p >= last:
            m = pattern.match(s, p)
            if m is not None:
                out.append(m)
                last = m.end()
        p = s.find(word, p + 1)
    return out


# What may stand right after the numerals CN_RE reads where the match goes on: 点, 余/多, 万/亿, or the
# first character of a unit (its lookahead).
_CN_GOES_ON: Final = frozenset({u[0] for u in CN_UNITS} | set("点余多万亿"))


# CN_RE read by hand (``_cn_reading``), as ARABIC_RE is (``_arabic_groups``): the call of the pattern
# costs more than reading the few characters it looks at.
def _code_table(chars: str) -> str:
    """A table over the codes of the BMP: chr(1) at each of ``chars``' codes, else chr(0). Compiled,
    ``ord(table[o])`` is a native read, where a test of ``s[i]`` in a set makes a string of the
    character and hashes it."""
    table = bytearray(0x10000)
    for c in chars:
        table[ord(c)] = 1
    return table.decode("latin-1")


def _marked(table: str, o: int) -> int:
    """The mark of code ``o`` in ``table`` (a ``_code_table``, or the groups of ``_group_table``); 0 for
    -1 (past the end of a text) and codes past the BMP."""
    return ord(table[o]) if 0 <= o < 0x10000 else 0


def _code_at(s: str, i: int, n: int) -> int:
    """The code of s[i], -1 at or past ``n`` (the length of ``s``)."""
    return ord(s[i]) if i < n else -1


_CN_NUMERAL_CODES: Final = _code_table(_CN_DIGITS)
_CN_DECIMAL_CODES: Final = _code_table("零〇一二三四五六七八九")  # (after 点)
_CN_GOES_ON_CODES: Final = _code_table("".join(sorted(_CN_GOES_ON)))
_CN_NAMED_SET_FIRST_CODES: Final = _code_table(_CN_NAMED_SET_FIRSTS)
_ORDINAL_END_CODES: Final = _code_table("".join(sorted(_ORDINAL_ENDS or ())))
_DATE_OR_AGE_CODES: Final = _code_table("年月日号岁")
_DATE_PART_CODES: Final = _code_table("".join(sorted(_DATE_PART_AFTER)))
_YUE: Final = ord("月")
_SHU: Final = ord("数")
_ZHI4: Final = ord("制")
_DIAN: Final = ord("点")
_YU: Final = ord("余")
_DUO: Final = ord("多")
_WAN: Final = ord("万")
_YI: Final = ord("亿")
_YI3: Final = ord("以")
_ZUO: Final = ord("左")
_YOU: Final = ord("右")
_SHANG: Final = ord("上")
_XIA: Final = ord("下")
_NEI: Final = ord("内")


def _cn_unit_at(s: str, p: int, n: int) -> str | None:
    """The unit CN_RE's group ``unit`` takes at ``p`` (its alternatives in order), else None."""
    g = _marked(_CN_UNIT_CODES, _code_at(s, p, n))
    if g == 0:
        return None
    return _unit_of_group(s, p, _CN_UNIT_GROUPS[g - 1])


def _cn_reading(s: str, p: int) -> tuple[int, str, str | None, str | None, str, str | None] | None:
    """``CN_RE.match(s, p)`` at a numeral: (its end, and its groups num, a1, mult, unit, a3), else None.

    The pattern's way, backtracking included: the run of numerals longest first, with the decimals
    after 点 (longest first, with 万/亿 and without), then without them; after each, 余/多 and 万/亿
    each taken and then not; the first of these after which a unit stands wins, with the 以上/左右…
    after it (possessive). The characters are compared by their codes (no string made of each).
    ``test_reader_r15_cn_fast`` compares the two.
    """
    n = len(s)
    run_end = p + 1
    while _marked(_CN_NUMERAL_CODES, _code_at(s, run_end, n)):
        run_end += 1
    k = run_end
    while k > p:
        ends: list[int] = []
        if _code_at(s, k, n) == _DIAN and _marked(_CN_DECIMAL_CODES, _code_at(s, k + 1, n)):
            d = k + 2
            while _marked(_CN_DECIMAL_CODES, _code_at(s, d, n)):
                d += 1
            while d > k + 1:
                o = _code_at(s, d, n)
                if o == _WAN or o == _YI:
                    ends.append(d + 1)
                ends.append(d)
                d -= 1
        ends.append(k)
        for q in ends:
            o = _code_at(s, q, n)
            q1 = q + 1 if o == _YU or o == _DUO else q  # (余/多 taken first, then not)
            while q1 >= q:
                o = _code_at(s, q1, n)
                q2 = q1 + 1 if o == _WAN or o == _YI else q1  # (万/亿 taken first, then not)
                while q2 >= q1:
                    unit = _cn_unit_at(s, q2, n)
                    if unit is not None:
                        end = q2 + len(unit)
                        a3: str | None = None
                        o = _code_at(s, end, n)
                        if o == _DUO:
                            a3 = "多"
                        elif o == _YU:
                            a3 = "余"
                        elif o == _YI3:
                            o2 = _code_at(s, end + 1, n)
                            if o2 == _SHANG:
                                a3 = "以上"
                            elif o2 == _XIA:
                                a3 = "以下"
                            elif o2 == _NEI:
                                a3 = "以内"
                        elif o == _ZUO and _code_at(s, end + 1, n) == _YOU:
                            a3 = "左右"
                        return (
                            end + (len(a3) if a3 is not None else 0),
                            s[p:q],
                            s[q:q1] if q1 > q else None,
                            s[q1:q2] if q2 > q1 else None,
                            unit,
                            a3,
                        )
                    q2 -= 1
                q1 -= 1
        k -= 1
    return None


def cn_readings(
    s: str, starts: list[int]
) -> list[tuple[int, int, str, str | None, str | None, str, str | None]]:
    """``CN_RE.finditer(s)``'s matches as (start, end, num, a1, mult, unit, a3), read by ``_cn_reading``
    at the numerals (``starts``, where they stand); a run of numerals is tried only when a character of
    ``_CN_GOES_ON`` stands in it after its first or right after it (the numerals of a match end before
    one of them: most runs, 进一步 or 十四五, have none)."""
    out: list[tuple[int, int, str, str | None, str | None, str, str | None]] = []
    n = len(starts)
    last = 0
    run_end = 0
    goes_on = False
    for i in range(n):
        p = starts[i]
        if p < last:
            continue
        if p >= run_end:
            j = i
            while j + 1 < n and starts[j + 1] == starts[j] + 1:
                j += 1
            run_end = starts[j] + 1
            goes_on = False
            for k in range(p + 1, min(run_end + 1, len(s))):
                if _marked(_CN_GOES_ON_CODES, ord(s[k])):
                    goes_on = True
                    break
        if not goes_on:
            continue
        reading = _cn_reading(s, p)
        if reading is not None:
            end, raw, a1, mult, unit, a3 = reading
            out.append((p, end, raw, a1, mult, unit, a3))
            last = end
    return out


_DIGITS: Final = "0123456789"


def arabic_matches(s: str) -> list[re.Match[str]]:
    """``list(ARABIC_RE.finditer(s))``: ``matches_from`` at the digits. Every match opens with a digit
    and one matches wherever a digit stands (its last alternative is ``[0-9]*``), so the matches are
    those of ``finditer``."""
    return matches_from(ARABIC_RE, s, _DIGITS)


def _to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.translate(_GROUP_MARKS) if not text.isdigit() else text)
    except InvalidOperation:
        return None


def _whole(raw: str) -> float:
    """``_finite(_to_decimal(raw))`` for digits (with thousands commas) of at most 15 digits,
    without the Decimal: a float holds such a number exactly."""
    return float(int(raw.translate(_GROUP_MARKS) if not raw.isdigit() else raw))


def _finite(value: Decimal) -> float | None:
    number = float(value)
    if not math.isfinite(number) or abs(number) > 1e16:
        return None
    if number == int(number):
        return float(int(number))
    return round(number, 6)


_CN_BARE_DIGITS: Final = frozenset("零〇一二三四五六七八九两")
# 一 … 九十九 (and 两) as cn2an reads them, so that the common numerals need no cn2an, whose import
# costs a tenth of a second per process (the tests check this table against cn2an)
_CN_ONES: Final = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_SMALL_CN: Final = {**_CN_ONES, "两": 2, "十": 10}
_SMALL_CN.update({f"十{c}": 10 + i for c, i in _CN_ONES.items()})
_SMALL_CN.update({f"{c}十": 10 * i for c, i in _CN_ONES.items()})
_SMALL_CN.update({f"{a}十{b}": 10 * i + k for a, i in _CN_ONES.items() for b, k in _CN_ONES.items()})
_CN_BIG_UNIT: Final = {"万": 10**4, "亿": 10**8}


def chinese_numeral(text: str) -> Decimal | None:
    """A Chinese numeral as a number (三千, 两, 十, 一万二千, 两千三, 十八点六, 一点二亿); None if not one.

    cn2an does the conversion (a table does 一 … 九十九, and ``_standard_numeral`` the numerals
    written the standard way, without importing cn2an). Two guards around it: a run of bare
    digits (一二) is not a numeral in running text, and a decimal with a trailing 万/亿 (一点二亿)
    is scaled here because cn2an does not accept it.
    """
    mult = 1
    body = text
    if "点" in body:
        while body and body[-1] in _CN_BIG_UNIT:
            mult *= _CN_BIG_UNIT[body[-1]]
            body = body[:-1]
    if not body or body.endswith("点") or (len(body) > 1 and all(c in _CN_BARE_DIGITS for c in body)):
        return None
    if body[0] in "百千":  # 百分之百, 近百: a bare unit means one of it
        body = "一" + body
    small = _SMALL_CN.get(body)
    if small is not None:  # most numerals in reports: no need for cn2an (slow to import)
        return Decimal(small)
    if body in ("万", "亿"):
        return None  # (cn2an refuses a bare 万 or 亿 too)
    value = _standard_numeral(body)
    if value is None:
        value = _cn2an(body)
    return None if value is None else Decimal(str(value)) * mult


def _cn2an(body: str) -> int | float | None:
    """cn2an's reading of a numeral ("normal" mode), None where it refuses it."""
    import cn2an

    try:
        return cn2an.cn2an(body, "normal")
    except (ValueError, KeyError, IndexError, TypeError):  # cn2an's errors on malformed numerals
        return None


# cn2an's grammar of a numeral written the standard way ("normal" mode, the reader's characters):
# only what it reads as it is, without its repairs of shortened forms (一万二, 一千十) or its other
# modes (a run of digits), which are left to cn2an.
_N19: Final = "[一二两三四五六七八九]"
_N10_99: Final = f"{_N19}?十{_N19}?"
_N1_99: Final = f"(?:{_N10_99}|{_N19})"
_N100_999: Final = f"{_N19}百(?:[零〇]{_N19}|{_N19}十{_N19}?)?"
_N1_999: Final = f"(?:{_N100_999}|{_N1_99})"
_N1000_9999: Final = f"{_N19}千(?:[零〇]{_N1_99}|{_N100_999})?"
_N1_9999: Final = f"(?:{_N1000_9999}|{_N1_999})"
_N1E4: Final = f"{_N1_9999}万(?:[零〇]{_N1_999}|{_N1000_9999})?"
_N1_1E8: Final = f"(?:{_N1E4}|{_N1_9999})"
_STANDARD_NUMERAL: Final = (
    f"(?:[零〇]|{_N1_1E8}亿(?:[零〇]{_N1_1E8}|{_N1E4})?|{_N1_1E8})(?:点[零〇一二两三四五六七八九]{{1,16}})?"
)
# the places where cn2an rewrites a numeral before reading it (its repairs): left to cn2an
_CN2AN_REPAIRS: Final = f"零[十百〇]|〇[十百]|万[零〇](?={_N19}千)|[万亿]{_N19}[十百]|千{_N19}?十|百十"
_CN_VALUES: Final = {"零": 0, "〇": 0, **_CN_ONES, "两": 2}
_CN_UNITS: Final = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


@functools.cache
def _numeral_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The grammar and the repairs above, compiled the first time a report needs them."""
    return re.compile(_STANDARD_NUMERAL), re.compile(_CN2AN_REPAIRS)


def _standard_numeral(body: str) -> int | float | None:
    """What ``_cn2an`` gives for a numeral written the standard way (三千, 一万六千八百, 十八点六),
    computed as cn2an computes it; None for any other numeral (cn2an's to read)."""
    standard, repairs = _numeral_patterns()
    if standard.fullmatch(body) is None or repairs.search(body):
        return None
    whole, _, decimals = body.partition("点")
    # cn2an's integer reading: digits times the unit to their right, 万 and 亿 scaling what follows
    value = 0
    unit = 1
    ten_thousands = 1
    for k, c in enumerate(reversed(whole)):
        if c in _CN_VALUES:
            value += _CN_VALUES[c] * unit
            continue
        unit = _CN_UNITS[c]
        if unit % 10000 == 0:
            if unit > ten_thousands:
                ten_thousands = unit
            else:
                ten_thousands = unit = unit * ten_thousands
        if unit < ten_thousands:
            unit *= ten_thousands
        if k == len(whole) - 1:
            value += unit
    if not decimals:
        return value
    # and its decimals: a float summed digit by digit, rounded to their number
    fraction = 0.0
    for k in range(len(decimals) - 1, -1, -1):
        fraction += _CN_VALUES[decimals[k]] * 10 ** -(k + 1)
    return round(value + round(fraction, len(decimals)), len(decimals))


def _approx(m: re.Match, *groups: str) -> tuple[str | None, tuple[int, int] | None]:
    """The first qualifier group that matched, canonical (达到 -> 达), with the span of that form."""
    for group in groups:
        part = m[group]
        if part:
            canon = _APPROX_CANON.get(part, part)
            at = m.start(group) + max(part.find(canon), 0)
            return canon, (at, at + len(canon))
    return None, None


_BARE_BEFORE_LAST: Final = frozenset("近约超逾达破过\n")


_HUNDRED: Final = ord("百")
_THOUSAND: Final = ord("千")  # (百, 千 and 万: how a match of BARE_RE opens)
_TEN_THOUSAND: Final = ord("万")


def _len(group: str | None) -> int:
    """The length of a group of a match, 0 when it did not take part."""
    return len(group) if group is not None else 0


def _digits_end(s: str, p: int) -> int:
    """Where the run of digits at ``p`` ends."""
    n = len(s)
    while p < n and 48 <= ord(s[p]) <= 57:
        p += 1
    return p


# ARABIC_RE's tail read by hand (``_arabic_groups``): a call of the pattern costs a few thousand
# instructions, most of them the call's own (its state, its match object), and it is made at every
# number of the text. The units by their first character, in the pattern's order (longest first), each
# with the words its guard (a lookahead of _UNIT_GUARD) refuses after it.
def _guard_words(unit: str) -> tuple[str, ...]:
    """The words the lookahead of ``_UNIT_GUARD[unit]`` refuses after the unit: "人(?!民币|口)" ->
    ("民币", "口"), "名(?![单录称])" -> ("单", "录", "称")."""
    guard = _UNIT_GUARD.get(unit)
    if guard is None:
        return ()
    body = guard[len(unit) + 3 : -1]  # (after "unit(?!", before ")")
    if body.startswith("[") and body.endswith("]"):
        return tuple(body[1:-1])
    return tuple(body.split("|"))


def _units_by_first(units: list[str]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for unit in units:
        out.setdefault(unit[0], []).append((unit, _guard_words(unit)))
    return out


_UNITS_BY_FIRST: Final = _units_by_first(UNITS)
_MULT_ONLY_BY_FIRST: Final = _units_by_first(MULT_ONLY_UNITS)


def _group_table(firsts: list[str]) -> str:
    """A table over the codes of the BMP: chr(k + 1) at the code of ``firsts[k]``, else chr(0)."""
    table = bytearray(0x10000)
    for k, c in enumerate(firsts):
        table[ord(c)] = k + 1
    return table.decode("latin-1")


# CN_RE's units by their first character (a group's index in the table, less one)
_CN_UNITS_BY_FIRST: Final = _units_by_first(CN_UNITS)
_CN_UNIT_GROUPS: Final = list(_CN_UNITS_BY_FIRST.values())
_CN_UNIT_CODES: Final = _group_table(list(_CN_UNITS_BY_FIRST))


def starts_at(s: str, p: int, word: str) -> bool:
    """``s.startswith(word, p)`` (compiled, ``find`` with its bounds is a native call,
    ``startswith`` with a start a method call, several times dearer)."""
    if p < 0:
        return s.startswith(word, p)  # (counted from the end)
    return s.find(word, p, p + len(word)) == p


def starts_at_any(s: str, p: int, words: tuple[str, ...]) -> bool:
    """``s.startswith(words, p)`` (see ``starts_at``)."""
    if p < 0:
        return s.startswith(words, p)
    for word in words:
        if s.find(word, p, p + len(word)) == p:
            return True
    return False


def ends_at_any(s: str, p: int, words: tuple[str, ...]) -> bool:
    """``s.endswith(words, 0, p)`` for ``0 <= p <= len(s)`` (see ``starts_at``)."""
    for word in words:
        if p >= len(word) and s.find(word, p - len(word), p) >= 0:
            return True
    return False


_UNIT_GROUPS: Final = list(_UNITS_BY_FIRST.values())
_UNIT_CODES: Final = _group_table(list(_UNITS_BY_FIRST))
_MULT_ONLY_GROUPS: Final = list(_MULT_ONLY_BY_FIRST.values())
_MULT_ONLY_CODES: Final = _group_table(list(_MULT_ONLY_BY_FIRST))
_RANGE_DASH_CODES: Final = _code_table("-~～—至到")
_JI3: Final = ord("几")
_QIAN: Final = ord("千")
_BAI: Final = ord("百")
_SHI: Final = ord("十")
_YUAN: Final = ord("元")
_JI: Final = ord("及")
_ZHI: Final = ord("之")


def _unit_of_group(s: str, p: int, group: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """The first unit of ``group`` (units of one first character, in the pattern's order, each with
    the words its lookahead refuses after it) written at ``p`` and not refused, else None."""
    for unit, guard in group:
        if len(unit) == 1 or starts_at(s, p, unit):
            q = p + len(unit)
            refused = False
            for word in guard:
                if starts_at(s, q, word):
                    refused = True
                    break
            if not refused:
                return unit
    return None


def _unit_at(s: str, p: int, n: int, o: int) -> str | None:
    """The unit ARABIC_RE's group ``unit`` takes at ``p``, whose code is ``o`` (its alternatives in
    order), else None."""
    g = _marked(_UNIT_CODES, o)
    if g:
        unit = _unit_of_group(s, p, _UNIT_GROUPS[g - 1])
        if unit is not None:
            return unit
    g = _marked(_MULT_ONLY_CODES, o)
    if g and p > 0:
        before = ord(s[p - 1])
        if before == _WAN or before == _YI:  # (?<=[万亿]): measure words taken only after a multiplier
            for unit, _ in _MULT_ONLY_GROUPS[g - 1]:
                if len(unit) == 1 or starts_at(s, p, unit):
                    return unit
    return None


def _arabic_groups(
    s: str, start: int, e: int
) -> (
    tuple[str, str | None, str | None, str | None, str | None, str | None, str | None, str | None, str | None]
    | None
):
    """``ARABIC_RE.match(s, start).groups()`` for the digits s[start:e] (a whole run), read without the
    call; None where the pattern itself must read them: a comma or a space after the run (the readings
    with thousands marked) or white space before a dash (a range written "3 -5").

    Every group after ``num`` is optional and possessive and nothing follows them, so each takes the
    first of its alternatives that matches, one after the other: ``frac``, ``range`` (with ``hi``),
    ``a1``, ``mult``, ``a2``, ``unit``, ``a3``. The characters are compared by their codes (no string
    made of each). ``test_reader_r15_arabic_fast`` compares the two.
    """
    n = len(s)
    o = _code_at(s, e, n)
    if o == 44 or o == 32 or o == 0xA0:  # , space, no-break space
        return None
    raw = s[start:e]
    p = e
    frac: str | None = None
    if o == 46 and 48 <= _code_at(s, e + 1, n) <= 57:  # .
        p = _digits_end(s, e + 1)
        frac = s[e:p]
        o = _code_at(s, p, n)
    rng: str | None = None
    hi: str | None = None
    if 0 <= o <= 0x3000 and s[p].isspace():  # (U+3000 is the last white space)
        if _marked(_RANGE_DASH_CODES, _code_at(s, p + 1, n)):
            return None
        return raw, frac, None, None, None, None, None, None, None  # (no other group opens with one)
    if _marked(_RANGE_DASH_CODES, o) and 48 <= _code_at(s, p + 1, n) <= 57:
        q = _digits_end(s, p + 1)
        if _code_at(s, q, n) == 46 and 48 <= _code_at(s, q + 1, n) <= 57:
            q = _digits_end(s, q + 1)
        hi = s[p + 1 : q]
        rng = s[p:q]
        p = q
        o = _code_at(s, p, n)
    a1: str | None = None
    if o == _YU or o == _DUO or o == _JI3:
        a1 = s[p]
        p += 1
        o = _code_at(s, p, n)
    mult: str | None = None
    o2 = _code_at(s, p + 1, n)
    if o == _WAN:
        mult = "万亿" if o2 == _YI else "万"
    elif o == _YI:
        mult = "亿"
    elif o == _QIAN:
        if o2 == _YI:
            mult = "千亿"
        elif o2 == _WAN:
            mult = "千万"
        elif o2 == _YUAN or o2 == _YU or o2 == _DUO:
            mult = "千"
    elif o == _BAI or o == _SHI:
        if o2 == _YI or o2 == _WAN:
            mult = s[p : p + 2]
    if mult is not None:
        p += len(mult)
        o = _code_at(s, p, n)
    a2: str | None = None
    if o == _YU or o == _DUO:
        a2 = s[p]
        p += 1
        o = _code_at(s, p, n)
    unit = _unit_at(s, p, n, o)
    if unit is not None:
        p += len(unit)
        o = _code_at(s, p, n)
    # a3: 及以上|以上|以下|以内|左右|上下|之多|多|余, by its first character
    a3: str | None = None
    if o == _DUO:
        a3 = "多"
    elif o == _YU:
        a3 = "余"
    elif o >= 0:
        o2 = _code_at(s, p + 1, n)
        if o == _JI:
            if o2 == _YI3 and _code_at(s, p + 2, n) == _SHANG:
                a3 = "及以上"
        elif o == _YI3:
            if o2 == _SHANG:
                a3 = "以上"
            elif o2 == _XIA:
                a3 = "以下"
            elif o2 == _NEI:
                a3 = "以内"
        elif o == _ZUO:
            if o2 == _YOU:
                a3 = "左右"
        elif o == _SHANG:
            if o2 == _XIA:
                a3 = "上下"
        elif o == _ZHI and o2 == _DUO:
            a3 = "之多"
    return raw, frac, rng, hi, a1, mult, a2, unit, a3


def _approx_of(
    a3: str | None, a3_at: int, a1: str | None, a1_at: int, a2: str | None, a2_at: int
) -> tuple[str | None, tuple[int, int] | None]:
    """``_approx(m, "a3", "a1", "a2")`` from the groups and where they stand."""
    for part, start in ((a3, a3_at), (a1, a1_at), (a2, a2_at)):
        if part:
            canon = _APPROX_CANON.get(part, part)
            at = start + max(part.find(canon), 0)
            return canon, (at, at + len(canon))
    return None, None


def scan(s: str) -> list[NumberToken]:
    """All candidate numbers in document order (before deciding which are facts)."""
    tokens: list[NumberToken] = []
    text_end = len(s.rstrip())  # a number ending here lost its unit when the text was cut
    n = len(s)
    # The matches of ARABIC_RE, as arabic_matches finds them (at each digit past the last match), read
    # in the same loop: the match starts where it is tried, and its end is the last one's.
    last = 0
    for start in positions(s, _DIGITS):
        if start < last:
            continue
        e = _digits_end(s, start)
        if _marked(_DATE_PART_CODES, _code_at(s, e, n)) and not starts_at(s, e, "日元"):
            # 2024年, 3月, 15日: bare digits before a date's word, matched by ARABIC_RE as they stand
            # (no part of its tail opens with these words but 日元) and dropped below: not tried
            last = e
            continue
        groups = _arabic_groups(s, start, e)
        if groups is None:
            m = ARABIC_RE.match(s, start)
            if m is None:  # (never: a match stands at every digit)
                continue
            # (all groups with one call: num, frac, range, hi, a1, mult, a2, unit, a3)
            groups = m.groups()  # type: ignore[assignment]
        raw, frac, rng, hi_raw, a1, mult, a2, unit, a3 = groups  # type: ignore[misc]
        # (the match's end from its groups, which follow one another: num, frac, range, a1, mult, a2,
        # unit, a3 — hi is inside range — without the call)
        end = last = start + len(raw) + _len(frac) + _len(rng) + _len(a1) + _len(mult) + _len(a2)
        end += _len(unit) + _len(a3)
        if len(raw) > 4 and (" " in raw or "\u00a0" in raw) and _in_a_table(s, start, end):
            # "120 150万元" in a table's line: two cells, the last one with its unit
            cell = ARABIC_RE.match(s, start + max(raw.rfind(" "), raw.rfind("\u00a0")) + 1)
            if cell is None:
                continue
            raw, frac, rng, hi_raw, a1, mult, a2, unit, a3 = cell.groups()
            start, end = cell.span()
        # (where the qualifiers stand, before the unit and the multiplier are read again below: the
        # groups follow one another from the number's start)
        a1_at = start + len(raw) + _len(frac) + _len(rng)
        a2_at = a1_at + _len(a1) + _len(mult)
        a3_at = a2_at + _len(a2) + _len(unit)
        if unit is None and mult is None and end != text_end and s[end : end + 1] in _DATE_PART_AFTER:
            continue  # 2024年, 3月, 15日: a date part, which none of the unit-less readings below takes
        # (the unit's span: a3, the last group, follows it right up to the match's end)
        unit_end = end - len(a3) if a3 else end
        unit_span = (unit_end - len(unit), unit_end) if unit else None
        cut = False
        if unit == "个" and starts_at(s, end, "、"):
            # "分别提高2.2个、1.4个百分点": 百分点 written once, after the last of the list
            nxt = ARABIC_RE.match(s, end + 1)
            if nxt and nxt["unit"] == "个百分点":
                unit, unit_span = nxt["unit"], nxt.span("unit")
        if unit is None and mult and not rng and s[end : end + 1] in _RANGE_DASHES:
            # "12万-15万人次": a range with the multiplier on both ends, the unit after the second
            nxt = ARABIC_RE.match(s, end + 1)
            if nxt and nxt["unit"] and nxt["mult"] and not nxt["range"]:
                unit, unit_span = nxt["unit"], nxt.span("unit")
        if unit == "个" and not mult and starts_at(s, end, "亿") and not starts_at(s, end + 1, "元"):
            # "每年增加1个亿", "超3个亿": 亿 counted like a thing, spoken for 亿元 (not "2个亿元以上项目",
            # a count of projects of that size)
            unit, unit_span, mult, end = None, None, "亿", end + 1
        if unit is None and mult is None and s[end : end + 1] in _SHARED_UNIT_JOINERS:
            # "分别上升1.7、0.6个百分点", "5.9和2.9亿元": the unit written once, after the last number
            nxt = ARABIC_RE.match(s, end + 1)
            if (
                nxt
                and (nxt["unit"] or nxt["mult"])
                and not nxt["range"]
                and (frac or nxt["unit"] in PERCENT_UNITS)
            ):
                unit, mult = nxt["unit"], nxt["mult"]
                unit_span = nxt.span("unit") if unit else None
        if unit is None and mult is None:
            # years, dates, codes, section numbers are never a quantity; a count of days is,
            # when it is a change or a level of a day count (同比增加21天, 优良天数达320天)
            if starts_at(s, end, "天") and _DAYS_BEFORE_RE.search(s, max(0, start - 6), start):
                unit, end = "天", end + 1
            elif (
                s[end : end + 1] in _CLAUSE_END_CHARS
                and s[start - 1 : start] in _GROWTH_VERB_ENDS
                and _BARE_GROWTH_BEFORE_RE.search(s, max(0, start - 6), start)
            ):
                unit = "%"  # "同比增长18.3；": a growth rate whose % sign was lost
            elif (
                not frac
                and (people := _PEOPLE_NOUN_RE.match(s, end))
                and not s.startswith("热线", people.end())
                and not _YEARISH_RE.fullmatch(raw)
            ):
                unit = "人"  # "近3000农村劳动力", "500余群众": people counted without 人
            elif end == text_end and frac and start and "\u4e00" <= s[start - 1] <= "\u9fff":
                cut = True  # "…工业总产值28.6" (a decimal: a quantity, not a rank or a code) at the end of an opening cut short: the unit went with the rest
            else:
                continue
        if unit is not None and starts_at(s, end, "/") and unit not in PERCENT_UNITS:
            per = _PER_UNIT_RE.match(s, end)  # "1万元/亩", "3000元/人", "520公斤/亩": an amount per unit
            if per:
                unit_span = (unit_span[0], per.end()) if unit_span else None
                unit, end = unit + per.group(), per.end()
        if len(raw) > 15 or (
            start and (s[start - 1] == "." or (start > 1 and s[start - 1] == "," and s[start - 2].isdigit()))
        ):
            continue  # the tail of 2023.2.10 or of a malformed 1,23
        value: float | None
        if frac is None and not mult:  # most numbers: a whole number of at most 15 digits
            value = _whole(raw)
        else:
            number = _to_decimal(raw + (frac or ""))
            if number is None:
                continue
            if mult:
                number *= MULTIPLIERS[mult]
            value = _finite(number)
        hi = None
        if hi_raw:
            hi_dec = _to_decimal(hi_raw)
            if hi_dec is not None:
                hi = _finite(hi_dec * (MULTIPLIERS[mult] if mult else 1))
        if value is None:
            continue
        approx: str | None = None
        approx_span: tuple[int, int] | None = None
        if a3 or a1 or a2:
            approx, approx_span = _approx_of(a3, a3_at, a1, a1_at, a2, a2_at)
        tokens.append(
            NumberToken(  # (positional: a call with keywords costs twice as much, for most numbers)
                start,
                end,
                value,
                unit,
                (end - 1, end) if unit == "天" else unit_span,
                bool(mult),  # multiplied
                approx,  # approx_after
                hi,
                False,  # chinese
                False,  # threshold
                approx_span,
                cut,
            )
        )
    numerals = positions(s, _CN_DIGITS)
    for start, _, raw, a1, mult, unit, a3 in cn_readings(s, numerals):
        token = _chinese_token(s, start, raw, a1, mult, unit, a3)
        if token is not None:
            tokens.append(token)
    for m in (*word_matches(PERCENT_RE, s, "百分"), *word_matches(PER_MILLE_RE, s, "千分之")):
        raw = m["num"] or "百"
        number = _to_decimal(raw) if raw[0].isdigit() else chinese_numeral(raw)
        value = _finite(number) if number is not None else None
        if value is None:
            continue
        tokens.append(_percent_token(m, value, "%" if m.re is PERCENT_RE else "‰"))
    # (BARE_RE's matches open with 百 or 千: among the numerals found, no find of their own)
    bare = [
        p for p in numerals if ord(s[p]) == _HUNDRED or ord(s[p]) == _THOUSAND or ord(s[p]) == _TEN_THOUSAND
    ]
    for m in matches_at(BARE_RE, s, bare):
        if not _bare_before(s[max(0, m.start() - 2) : m.start()]) and not (
            m["unit"] and _held_above(s, m.start(), m.end())
        ):
            continue
        value = _finite(MULTIPLIERS[m.group()[:2]])
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
    tokens += _shares(s)
    tokens.sort(key=_START)
    return _drop_overlaps(tokens)


# A share written as a fraction or in tenths, after 占 or 比重 in its clause: "占全国1/4", "占全国超4成",
# "占全市比重三分之一" (a percentage: 25%, 40%, 33.33%)
_SHARE_WORDS: Final = ("占", "比重", "比例")
_SHARE_RE: Final = lazy(
    r"(?:(?P<den>[0-9]{1,2}|[二两三四五六七八九十])分之(?P<num>[0-9]{1,2}|[一二两三四五六七八九])"
    r"|(?<![0-9./])(?P<a>[0-9])/(?P<b>[0-9]{1,2})(?![0-9./])"
    r"|(?<![0-9.])(?P<tenths>[1-9]|[一二三四五六七八九])成(?![本员为立果效绩交])"
    r")(?P<a3>以上|左右|多)?"
)
_SHARE_STOP: Final = "，,。；;：:\n"


def _percent_token(m: re.Match, value: float, unit: str) -> NumberToken:
    """The token of a share written in words or as a fraction ("百分之五", "三分之一", "4成"): a
    percentage (or ‰) whose qualifier after it is the match's group a3."""
    approx, approx_span = _approx(m, "a3")
    return NumberToken(
        start=m.start(),
        end=m.end(),
        value=value,
        unit=unit,
        unit_span=None,
        multiplied=False,
        approx_after=approx,
        hi=None,
        chinese=True,
        approx_span=approx_span,
    )


def _shares(s: str) -> list[NumberToken]:
    """The shares written as fractions or in tenths after 占, 比重 or 比例 in their clause (``_SHARE_RE``)."""
    out: list[NumberToken] = []
    for word in _SHARE_WORDS:
        p = s.find(word)
        while p >= 0:
            lo = p + len(word)
            hi = min(len(s), lo + 16)
            for k in range(lo, hi):
                if s[k] in _SHARE_STOP:
                    hi = k
                    break
            m = _SHARE_RE.search(s, lo, hi) if _may_hold_a_share(s, lo, hi) else None
            if m is not None:
                if m["tenths"]:
                    share = _share_number(m["tenths"]) * 10
                elif m["den"]:
                    share = _share_number(m["num"]) / _share_number(m["den"]) * 100
                else:
                    share = _share_number(m["a"]) / max(_share_number(m["b"]), 1) * 100
                if 0 < share <= 100:
                    out.append(_percent_token(m, round(share, 2), "%"))
            p = s.find(word, lo)
    return out


_SHARE_DIGITS: Final = "123456789一二三四五六七八九"


def _may_hold_a_share(s: str, lo: int, hi: int) -> bool:
    """Whether ``s[lo:hi]`` holds 分之, a / or a digit before 成 (most clauses after 占 hold none: the
    pattern, lazy, is compiled only for a text that may hold a share so written)."""
    if s.find("分之", lo, hi) >= 0 or s.find("/", lo, hi) >= 0:
        return True
    p = s.find("成", lo + 1, hi)
    while p >= 0:
        if s[p - 1] in _SHARE_DIGITS:
            return True
        p = s.find("成", p + 1, hi)
    return False


def _share_number(raw: str) -> float:
    if raw.isdigit():
        return float(raw)
    number = chinese_numeral(raw)
    return float(number) if number is not None else 0.0


def _chinese_token(
    s: str, start: int, raw: str, a1: str | None, mult: str | None, unit: str, a3: str | None
) -> NumberToken | None:
    """The token of a match of CN_RE at ``start`` (its groups num, a1, mult, unit, a3), if a number."""
    prev = s[start - 1] if start else ""
    if prev in _CN_BAD_BEFORE and not ends_at_any(s, start, _ONE_AFTER_ANOTHER):
        return None
    if raw[:1] not in _CN_DIGIT_FIRST:  # (_CN_DIGIT_RE.match(raw) is None, without the call)
        # 近百场, 超千人, 百余家, 千余人次: a bare 百/千/万 is a number only after a qualifier or
        # before 余/多 (not 千家万户, 百姓)
        # (千万人次, 百万人次: a count of visits, which no idiom ends in)
        if raw[0] not in "百千万" or not (
            a1
            or unit == "人次"
            or _bare_before(s[max(0, start - 2) : start])
            or (a3 == "以上" and ends_at_any(s, start, _HELD_AT))
        ):
            return None
    # (the unit's end from the groups, which follow one another: num, a1, mult, unit, a3)
    end_unit = start + len(raw) + _len(a1) + _len(mult) + len(unit)
    # "增加一个亿": 亿 counted like a thing, spoken for 亿元 (not "两个亿元以上项目", a count of projects)
    yi = (
        unit == "个"
        and not mult
        and not a3
        and starts_at(s, end_unit, "亿")
        and not starts_at(s, end_unit + 1, "元")
    )
    if raw == "一" and not yi:
        # 一 is mostly an article (一批, 一项, 一个): a count only when it closes the clause
        # after the noun it counts (新建服务中心一个。)
        after = s[end_unit] if end_unit < len(s) else "\n"
        if after not in _CLAUSE_END_CHARS or not prev or prev in _CLAUSE_END_CHARS:
            return None
        if unit == "期" and "\u4e00" <= prev[:1] <= "\u9fff" and prev not in _VERB_BEFORE_PHASE:
            return None  # "某某花园一期、…等项目": the first phase of a named project, part of its name
        if unit == "条" and prev in "上下" and after in "：:":
            return None  # "下一条：…": a page's link to the next item, no count
        if start and (
            _ONE_BY_ONE_RE.match(s, start - 1)  # (the first 一, or the second after the first, 、 or not)
            or _ONE_BY_ONE_RE.match(s, max(0, start - 5))
            or _ONE_BY_ONE_RE.match(s, max(0, start - 4))
        ):
            return None  # "干一件、成一件": a motto of doing things one at a time, no count
    if (
        unit == "个"
        and not yi
        and (_CN_SET_AFTER_GE_RE.match(s, end_unit) or _SLOGAN_VERB_RE.match(s, end_unit))
    ):
        return None
    if unit in ("场", "个", "大") and _CAMPAIGN_AFTER_RE.match(s, end_unit):
        return None  # 打赢两场关键战役, 三个十天硬仗: a campaign of the slogan, not a count of work
    if unit in ("个", "项", "大") and prev in _FRAME_VERB_ENDS and ends_at_any(s, start, _FRAME_VERBS):
        return None  # 结合三个年活动, 落实四项监测手段: the frame a work keeps to, its parts counted
    if unit in ("件", "个") and s.startswith("大事", end_unit):
        return None  # 办好两件大事: the tasks a slogan names, not a count of work done (件实事 counts)
    if prev in '”」』"' and unit in ("个", "项", "条"):
        return None  # “净土”三个主攻方向: the parts of a named programme
    if prev in "“「『":
        return None  # “五个着力…, “两个确保”: a slogan opens with its numeral, even when its closing mark is lost
    if unit == "期" and prev in "(（" and s[end_unit : end_unit + 1] in ")）":
        return None  # "某某整治项目（一期）": the phase a name ends on, in its brackets
    if (raw == "二" and unit in ("期", "次", "批")) or (unit == "期" and _PHASE_AFTER_RE.match(s, end_unit)):
        return None  # 二期, 二次供水, 三期工程: an ordinal or a phase, not a count (two is 两期, 两次)
    # 超万户, 近万人: a bare 万 after a qualifier is ten thousand (cn2an refuses it)
    number = Decimal(10**4) if raw == "万" else chinese_numeral(raw)
    if number is None or (number <= 1 and raw != "一"):
        return None
    if mult:
        number *= MULTIPLIERS[mult]
    if yi:
        number *= MULTIPLIERS["亿"]
    value = _finite(number)
    if value is None:
        return None
    if yi:
        return NumberToken(start, end_unit + 1, value, None, None, True, None, None, True, False, None)
    approx: str | None = None
    approx_span: tuple[int, int] | None = None
    if a3 or a1:  # (a1 right after the numerals, a3 right after the unit)
        approx, approx_span = _approx_of(a3, end_unit, a1, start + len(raw), None, 0)
    return NumberToken(  # (positional, as in scan)
        start,
        end_unit + _len(a3),  # (m.end())
        value,
        unit,
        (end_unit - len(unit), end_unit),  # unit_span
        bool(mult) or "万" in raw or "亿" in raw,  # multiplied
        approx,  # approx_after
        None,  # hi
        True,  # chinese
        False,  # threshold
        approx_span,
    )


_START: Final = operator.attrgetter("start")


def _drop_overlaps(tokens: list[NumberToken]) -> list[NumberToken]:
    out: list[NumberToken] = []
    last_end = -1
    for token in tokens:
        if token.start < last_end:
            continue
        out.append(token)
        last_end = token.end
    return out


def qualifier_before(s: str, start: int) -> tuple[str | None, tuple[int, int] | None]:
    """The approximation word written right before a number (约, 近, 超, 达 ...), canonical form,
    with the span of that form in the text (so that its characters can be reported as written)."""
    if start == 0 or (_QUALIFIER_ENDS is not None and s[start - 1] not in _QUALIFIER_ENDS):
        return None, None
    m = QUALIFIER_BEFORE_RE.search(s, max(0, start - 4), start)
    if not m:
        return None, None
    word = m.group()
    canon = _APPROX_CANON.get(word, word)
    at = m.start() + max(word.find(canon), 0)
    return canon, (at, at + len(canon))


_RANK_UNITS: Final = frozenset({"位", "名"})
_RANK_MOVE_RE: Final = re.compile(r"(?:前进|后退|上升|下降|提升|提高|跃升|攀升|前移|后移|[再又连]进)了?$")
_AGENDA_UNITS: Final = frozenset({"个", "项", "份"})
_AGENDA_RE: Final = lazy(r"听取|审议|审查|表决")
_MEETING_AFTER_RE: Final = re.compile(r"(?:会议|全会|全体|党代会|人代会|产业)")
_SESSIONS_AFTER_RE: Final = re.compile(r"(?:、(?:第)?[一二三四五六七八九十]+次)+(?:全体)?(?:会议|全会)")
_INCIDENT_AFTER_RE: Final = lazy(r"[^，,。；;\n]{0,8}?(?:事故|案件|事件|火灾|纠纷|险情|案)")


def is_not_a_count(s: str, token: NumberToken) -> bool:
    """Dates, ordinals, durations, codes, names: numbers that quantify nothing."""
    # (the text around the number read in place, without slicing it: most numbers pass every test)
    # (the characters on either side compared by their codes: no string made of each)
    start, end = token.start, token.end
    unit = token.unit
    n = len(s)
    before = ord(s[start - 1]) if start else -1
    if (
        before >= 0
        and (_ORDINAL_ENDS is None or _marked(_ORDINAL_END_CODES, before))
        and (ordinal := _ORDINAL_BEFORE_RE.search(s, max(0, start - 3), start))
        and not ends_at_any(s, start, _ONE_AFTER_ANOTHER)  # (two characters each)
        and (before != _NEWLINE or ordinal.group() in _WRAPPED_ORDINALS)
    ):
        # (a line that ends on a rank, "位居全省前列", does not make the number opening the next an
        # ordinal; 第/前/后 at a line's end are a word wrapped: "第\n3名")
        return True
    after = _code_at(s, end, n)
    if unit is None:
        if not token.multiplied and not token.cut:
            return True
        if _marked(_DATE_OR_AGE_CODES, after):  # a date part
            return True
    if token.chinese and _marked(_CN_NAMED_SET_FIRST_CODES, after) and _CN_NAMED_SET_RE.match(s, end):
        return True
    if unit == "个" and (after == _YUE or starts_at(s, end, "季度")):
        return True  # (5个月, 连续8个季度: durations)
    if unit == "位" and after == _SHU:
        return True  # 两位数增长: how many digits, not a count
    if unit == "人" and after == _ZHI4:
        return True  # 5人制足球场, 11人制足球场: the kind of game, not people
    if unit == "队" and ends_at_any(s, start, ("村", "队、")):
        return True  # 某某村4队、5队: village teams by their numbers
    if unit in _RANK_UNITS and _RANK_MOVE_RE.search(s, max(0, start - 5), start):
        return True  # 比上年前进2位, 排名上升3位: a move in a ranking, not a count
    if (
        unit in _AGENDA_UNITS
        and starts_at(s, end, "报告")
        and _AGENDA_RE.search(s, max(0, start - 12), start)
    ):
        return True  # 代表们听取三项报告: the congress's agenda, not the government's work
    # 一起 is mostly the word "together" (干在一起, 想到一起); a count of incidents names them after it
    if token.chinese and unit == "起" and token.value == 1 and not _INCIDENT_AFTER_RE.match(s, end):
        return True
    if unit == "次" and (
        _MEETING_AFTER_RE.match(s, end, end + 4)
        or ends_at_any(s, start, ("届",))
        or _SESSIONS_AFTER_RE.match(s, end)
    ):
        return True  # 市委十二届四次全会, 十一届四次、五次全会: sessions, not counts
    # 5G, 4A级, G20, PM2.5, 1+2+N
    if (
        before == 43
        or before == 0xFF0B
        or before == 47
        or after == 43
        or after == 0xFF0B
        or _ascii_letter_at(s, start - 1)
    ):
        return True
    if not unit and _ascii_letter_at(s, end):
        return True
    if unit and token.unit_span and token.unit_span[1] == end and _ascii_letter_at(s, end):
        return True
    return False


def _ascii_letter_at(s: str, i: int) -> bool:
    """``c.isascii() and c.isalpha()`` for ``c = s[i]`` ("" outside ``s``), on the character's code
    (compiled, both are method calls, and comparisons of strings generic ones)."""
    if i < 0 or i >= len(s):
        return False
    o = ord(s[i])
    return 65 <= o <= 90 or 97 <= o <= 122


def unit_is_money(unit: str | None) -> bool:
    return unit in MONEY_UNITS


def unit_is_percent(unit: str | None) -> bool:
    return unit in PERCENT_UNITS
