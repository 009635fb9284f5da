"""Quantified facts: which numbers count, what each measures, and in what sense.

For every number that quantifies something (see ``numbers.is_not_a_count`` for what does
not) we decide:

* **metric** - the phrase before the number in its clause ("完成固定资产投资6.7亿元" ->
  固定资产投资) joined with the noun phrase after it when the number is attributive
  ("成立14个招商小分队" -> 成立招商小分队); filler words (全年, 累计, 完成, 达 ...) are trimmed.
  A bare number in a list or a growth rate right after a level ("…5.2亿元，同比增长23.4%")
  inherits the metric of the previous fact in the sentence.
* **measure** - growth when a % follows 增长/下降/提高… (a 下降 is negative), rate for other
  percentages (满意度100%, 提高到90.2%), level otherwise.
* **kind / year / commitment** - from the part of the report (review facts are actual for the
  review year, plan facts are targets for the plan year), an explicit year in the sentence,
  past-tense markers in the plan part (征集筛选了6项 is already done, and so is the pool in
  "从群众提出的46项建议中票决10件"), 目标 after a review number, and the nearest
  确保/力争/争取/计划/预计 before the number in the sentence.
* **not facts** besides ``numbers.is_not_a_count``: numbers inside quotes, thresholds that name a
  class (亿元以上项目, 超过50万元的村 followed by their count) and counts that only restate the
  names listed beside them (甲、乙、丙3个村).

approx and commitment are reported in the document's characters (達, 餘, 力爭), like metric
and unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from . import numbers
from .chars import CJK, simplify
from .lazyre import lazy
from .model import Fact, Meta, Section
from .structure import (
    accounts_for_a_plan,
    plans_ahead,
    reads_as_a_plan,
    resumed_after_outline,
    reviews_nothing,
    reviews_results,
    says_review,
)
from .t2s_table import SIMPLIFIED, TRADITIONAL

# (module constants are Final: compiled, mypyc keeps them in C statics, where a plain global is
# looked up in the module's dict at every use)

_SENTENCE_END: Final = "。；;！？!?\n"
_CLAUSE_END: Final = _SENTENCE_END + "，,、：:"
_SENTENCE_RE: Final = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_CLAUSE_RE: Final = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_B_STOP_RE: Final = re.compile(r"[。；;！？!?\n，,：:（(）)]")


def _code_table(chars: str) -> str:
    """A string of 0x10000 characters, "\\x01" at the code of each of ``chars`` and "\\x00" elsewhere:
    ``ord(table[o])`` tells whether the character of code ``o`` < 0x10000 is one of them, a read in place
    (compiled; a frozenset of codes would box each code to look it up)."""
    table = bytearray(0x10000)
    for c in chars:
        table[ord(c)] = 1
    return table.decode("latin-1")


_B_STOP_CODES: Final = _code_table("。；;！？!?\n，,：:（(）)")  # (_B_STOP_RE's class)
_INNER_ASIDE_RE: Final = re.compile(r"[（(](?:含|不含|包括|包含)[^（()）。，,；;\n]{1,8}[)）]")
_QUOTED_RE: Final = re.compile(
    r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|《[^《》\n]{0,60}》|「[^」\n]{0,40}」|\[[^\]\n]{0,6}\]|【[^】\n]{0,10}】|‘[^’\n]{0,20}’"
)
_PLACEHOLDER_AMOUNT_RE: Final = re.compile(r"(?:达到|达|为)?[XxＸｘ×*＊]{2,}.*$")
_GROWTH_NOUNS: Final = ("的增长", "的增幅", "的增速")
_START_LEFT_RE: Final = re.compile(r"(?:由|从)的?$")
_ARRIVAL_ONLY_RE: Final = re.compile(
    r"(?:由|从)?(?:增加|提高|提升|跃升|上升|增长|减少|下降|降低|扩大|缩小|发展|达|增|减|降|升)(?:到|至|为)?的?"
)
# The characters a metric can open with that _ARRIVAL_ONLY_RE takes whole once simplified.
_ARRIVAL_ONLY_FIRST: Final = frozenset(
    "由从增提跃上减下降扩缩发达升"
    + "".join(t for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True) if s in "由从增提跃上减下降扩缩发达升")
)
_BASIS_RE: Final = re.compile(
    r"(?:剔除|扣除|除去)[^，,。；;]{0,12}?(?:因素|影响)(?:影响)?后?(?:实际)?|(?:剔除|扣除|按)?(?:同口径|可比口径|不可比因素|可比价格?)(?:后|计算)?(?:实际)?"
)
_BASIS_ONLY_RE: Final = re.compile(r"(?:按)?(?:可比价格?|可比|可|名义|实际|现价|不变价格?)(?:计算)?(?:的)?")
# The characters a metric can open with that _BASIS_ONLY_RE takes whole once simplified (a test of
# the first character spares simplifying and the search for nearly every metric).
_BASIS_ONLY_FIRST: Final = frozenset(
    "按可名实现不" + "".join(t for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True) if s in "按可名实现不")
)
_STRAY_QUOTE_RE: Final = re.compile(r"[，。；;！？]")
_DEFINITION_RE: Final = re.compile(r"[”\"][（(][^）)\n]{0,80}[)）]")
# (a year not preceded by a digit, -, — or 至 - checked in _context: a leading lookbehind
# would keep the regex engine from its fast literal-prefix scan)
_YEAR_TOKEN_RE: Final = re.compile(r"((?:19|20)[0-9]{2})年(?!度?以来|起|开始|至今|[-—至])")
_NOT_BEFORE_YEAR: Final = frozenset("0123456789-—至")
_CENTURIES: Final = frozenset({"19", "20"})  # (how a match of _YEAR_TOKEN_RE opens)
_CJK_RE: Final = lazy(f"[{CJK}]")  # (what _cjk_at and _has_cjk stand for)


def _cjk_at(s: str, pos: int = 0) -> bool:
    """``_CJK_RE.match(s, pos) is not None`` (a negative ``pos`` counting as 0, as for ``match``): one
    character compared with the class's three ranges, where a call into the regex engine costs ten
    times as much (≈ 100 calls a full report)."""
    if pos < 0:
        pos = 0
    if pos >= len(s):
        return False
    o = ord(s[pos])  # (compiled, the code is read in place: s[pos] would make a string of the character)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def _has_cjk(s: str, start: int, end: int) -> bool:
    """``_CJK_RE.search(s, start, end) is not None`` for 0 <= start (no pattern to compile)."""
    for i in range(start, min(end, len(s))):
        if _cjk_at(s, i):
            return True
    return False


# (bisect's functions on a sorted list of ints, written out: compiled, a call of bisect's is a generic
# call costing several times the search itself; a few are made for every number)


def _bisect_left(a: list[int], x: int) -> int:
    """``bisect.bisect_left(a, x)``."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _bisect_right(a: list[int], x: int) -> int:
    """``bisect.bisect_right(a, x)``."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


_PREFIX_RE: Final = lazy(
    r"(?:[一二三四五六七八九十]+是|十[一二三四五六七八九十]五[”\"]?(?:时期|期间|以来)|[一二三四五六七八九十两几]年(?:以)?来|过去(?:的)?[一二三四五六七八九十两几]?年(?:里|中|间)?|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、]|(?<![^\n])0[1-9](?![0-9.%年月日号])|(?<![^\n])[一二三四五六七八九十]{1,3}、|(?:19|20)\d{2}年度?|其中|全年|全[镇乡县区市旗省村]|全街道|"
    r"全苏木|我们|我[镇乡县区市旗]|本[镇乡县区]|主要预期目标[是为]|预期目标[是为]|今年以来|今年来|今年|当年|年内|去年|目前已有|目前|现已|已经|已|共计|共有|共|总计|合计|"
    r"累计|完成了|完成|实现了|实现|达到|并且|并|且|和|及|以及|与|同时|此外|另外|还|也|均|都|又|为|对|在|向|给|从|有效|有|是|"
    r"全面|顺利|成功|率先|积极|大力|有效|先后|逐步|持续|进一步|高质量|高标准|超额|圆满|扎实|稳步|有序|全力|着力|加快|深入|"
    r"不断|继续|集中|统筹|仍然|依然|始终|一直|一年来|截至目前|截至年底|截[至止](?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份)?(?:\d{1,2}日)?|年底前|确保|力争|争取|计划|预计|力求|拟|将|要|约|近|超|逾|的|了|"
    r"[，,、：:\s“”\"‘’《》「」■◆●▲★□◇•▪◦\-~～—])"
)

# one match for the whole run of prefixes (no alternative of _PREFIX_RE matches the empty string, so
# this takes the same prefixes as matching _PREFIX_RE again and again)
_PREFIXES_RE: Final = re.compile(f"(?:{_PREFIX_RE.pattern})*")
# the characters a prefix can start with, besides digits (``\d``) and white space (``\s``): most
# clauses start with none, and the engine would try each of the ~150 alternatives to find so
_PREFIX_FIRSTS: Final = frozenset(
    "一二三四五六七八九十两几过（(其全我本主今当年去目现已共总合累完实达并且和及以与同此另还也均都又为对在向给从有是"
    "顺成率积大先逐持进高超圆扎稳着加深不继集统仍依始截确力争计预拟将要约近逾的了"
    '，,、：:“”"‘’《》「」■◆●▲★□◇•▪◦-~～—'
)


# _PREFIX_RE read a word at a time without the call where a prefix can only be one of its words: its
# alternatives that are plain words (a class of places expanded: 全镇, 全乡 …), in its order, by their
# first character; its last alternative, one mark or white space; and the first characters of the
# alternatives that are more than a word (numerals, years, numbered items, 过去…年, brackets), besides
# digits: there the pattern reads the prefix.
_PREFIX_WORDS: Final = (
    ["其中", "全年"]
    + ["全" + c for c in "镇乡县区市旗省村"]
    + ["全街道", "全苏木", "我们"]
    + ["我" + c for c in "镇乡县区市旗"]
    + ["本" + c for c in "镇乡县区"]
    + ["主要预期目标是", "主要预期目标为", "预期目标是", "预期目标为"]
    + """今年以来 今年来 今年 当年 年内 去年 目前已有 目前 现已 已经 已 共计 共有 共 总计 合计 累计 完成了 完成 实现了
    实现 达到 并且 并 且 和 及 以及 与 同时 此外 另外 还 也 均 都 又 为 对 在 向 给 从 有效 有 是 全面 顺利 成功 率先 积极
    大力 有效 先后 逐步 持续 进一步 高质量 高标准 超额 圆满 扎实 稳步 有序 全力 着力 加快 深入 不断 继续 集中 统筹 仍然
    依然 始终 一直 一年来 截至目前 截至年底 年底前 确保 力争 争取 计划 预计 力求 拟 将 要 约 近 超 逾 的 了""".split()
)
_PREFIX_MARKS: Final = frozenset('，,、：:“”"‘’《》「」■◆●▲★□◇•▪◦-~～—')
_PREFIX_PATTERN_FIRSTS: Final = frozenset("一二三四五六七八九十两几过（(截")


def _words_by_first(words: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return out


_PREFIX_WORDS_BY_FIRST: Final = _words_by_first(_PREFIX_WORDS)


def _prefixes_end(s: str, start: int, end: int) -> int:
    """``_PREFIXES_RE.match(s, start, end).end()``: the prefixes one at a time (each the first of
    _PREFIX_RE's alternatives that matches, as the repeat takes them), a plain word or a mark read
    without the call, the rest of the run by the pattern from the first prefix that is more than a
    word. ``test_reader_r15_prefix_fast`` compares the two."""
    p = start
    while p < end:
        c = s[p]
        if c in _PREFIX_PATTERN_FIRSTS or (c.isdigit() and c.isdecimal()):
            # (the rest of the run read by the pattern of the whole run, compiled at import: the
            # repeat goes on from here as it would have)
            return _PREFIXES_RE.match(s, p, end).end()  # type: ignore[union-attr]  # (matches "" at least)
        q = -1
        words = _PREFIX_WORDS_BY_FIRST.get(c)
        if words is not None:
            for w in words:
                if p + len(w) <= end and (len(w) == 1 or s.find(w, p, p + len(w)) == p):
                    q = p + len(w)
                    break
        if q < 0:
            if c in _PREFIX_MARKS or c.isspace():
                q = p + 1
            else:
                break
        p = q
    return p


class _Suffixes:
    """A set of words, matched longest first at the end of a span (faster than a $-regex)."""

    def __init__(self, words: str):
        self.by_length = sorted({(len(w), w) for w in words.split()}, reverse=True)
        self.lengths = sorted({len(w) for w in words.split()}, reverse=True)
        self.words = set(words.split())
        self.last = frozenset(w[-1] for w in words.split())

    def at_end(self, s: str, start: int, end: int) -> str | None:
        if end <= start or s[end - 1] not in self.last:  # (most calls: no word ends so)
            return None
        for n in self.lengths:
            if end - n >= start and s[end - n : end] in self.words:
                return s[end - n : end]
        return None


_SUFFIXES: Final = _Suffixes(
    "达到了 达到 达 约为 约 近 超过 超 突破 逾 为 是 共计 共 累计 总计 合计 年均 均 各 分别 全部 增至 增加到 增长到 提高到 "
    "可达到 可达 可实现 将达到 将达 提升到 提升至 提高至 上升到 上升至 下降到 下降至 降低到 降低至 减少到 减少至 减至 降到 增长至 增加至 降至 达至 跨过 跨越 迈上 迈过 站上 稳定在 保持在 保持 控制在 在 到 至 了 的 就有 有 完成 实现 已 计 共有 "
    '将 确保 力争 争取 预计 计划 不少于 不低于 至少 高达 多达 将近 接近 和 及 与 其中 由 从 继 ， , 、 ： : “ ” " ‘ ’ 《 》 「 」'
)
_GROWTH_SUFFIXES: Final = _Suffixes(
    "负增长 增长 增加 提高 提升 上升 上涨 增幅 增速 涨幅 改善 增产 减产 下降 减少 降低 降幅 回落 下滑 缩短 年均 同比 比上年 较上年 较去年 比去年 "
    "较 比 分别 实现 了 为 达到 达"
)
_STEPS: Final = ("台阶", "大关", "关口")  # (a count of steps or thresholds passed)
_NOT_A_THING_RE: Final = re.compile(r"(?:的)?(?:大关|台阶|臺階|关口|以内|之内|以上|以下|左右)")
_B_VERB_START_RE: Final = re.compile(
    r"(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降至|减至|减少到|"
    r"减少至|跃升到|跃升至|扩大到|扩大至|缩小到|缩小至|发展到|发展至|调整为|变为)"
)
# (均 with its lookbehind after it: a pattern whose alternatives all start with a literal is scanned
# for their first characters, one with a lookbehind first is tried at every position)
_B_PREDICATE_RE: Final = re.compile(
    r"全部|全面|均(?<![人户年]均)|都已|已经|已|顺利|如期|按时|提前|实现|得到|获得|分别|超过|基本|先后|陆续"
)
_B_PREDICATE_FIRSTS: Final = "全均都已顺如按提实得获分超基先陆"  # (the first characters of its words)
_B_PREDICATE_CODES: Final = _code_table(_B_PREDICATE_FIRSTS)
# a stage reached, after the noun of an attributive number (not at its start: "12个开工项目")
_B_STAGE_RE: Final = re.compile(r"开工|建成|竣工|投产|开园|相继|落地|落户|入驻|签约|被")
# an amount that describes the thing named after it ("投资5亿元的乙项目")
_ATTRIBUTE_NOUNS: Final = ("投资", "占地", "总长", "全长", "面积")
# the amount a thing named after it costs ("总投资5亿元的乙项目"), and what may follow that name
_OWNED_AMOUNT_RE: Final = re.compile(r"(?:计划)?(?:总投资|总投入|投资)$")
_AFTER_NAME_RE: Final = re.compile(
    r"完成|加快|进展|推进|顺利|成为|即将|确定|正式|全面|实现|已|正在|开工|竣工|投产|建成|落地|签约|入驻|"
    r"建设(?!项目|工程)"
)
# a size or an amount measures the thing after it whatever stage that reached
_SIZE_UNITS: Final = frozenset({"平方米", "亩", "公顷", "公里", "千米", "米", "吨", "立方米"})
# "流转土地300亩用于…": what the number is for, not what it measures
_PURPOSE_AFTER: Final = ("用于", "用来", "用以")
_B_NEXT_CLAUSE_RE: Final = re.compile(r"、(?=年均|同比|比上年|较上年|比去年|较去年|增长|下降|增速|增幅)")
_GENERIC_WORK_RE: Final = re.compile(r"(?:各项|多项|相关|一系列)?(?:工作|任务|事项|服务)")
_LINK_VERBS_RE: Final = re.compile(
    r"(?:用于|推进|实施|建设|新建|改造|带动|撬动|完成|发放|帮助|支持|扶持|吸引|引导|解决|修建|硬化|实现|打造)+"
)
_LINK_VERBS_FIRST: Final = frozenset(w[0] for w in _LINK_VERBS_RE.pattern[3:-2].split("|"))
# The first characters of _NOT_A_THING_RE's and _B_VERB_START_RE's words (tested before either).
_NOT_A_THING_OR_VERB_FIRST: Final = frozenset("的大台臺关以之左" + "增提上下降减跃扩缩发调变")
_B_PREFIX_RE: Final = re.compile(
    r"(?:人民币|的|了|之|[“”\"‘’《》「」\s]|[0-9]+[-~～—至到][0-9]+周?岁(?:的|以上|以下)?)"
)
# (and white space: tested before it; a digit opens an age range, "2000名40-65岁的群众": who they are)
_B_PREFIX_FIRST: Final = frozenset('人的了之“”"‘’《》「」0123456789')
# the words taken off the end of the noun after a number: 其中, or one of these characters or white space
_B_SUFFIX_CHARS: Final = frozenset('的等和及与共、“”"‘’《》「」')
_GROWTH_VERB_RE: Final = re.compile(
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|下降|减少|降低|下滑|回落|缩小|扩大|扩容|压减|压缩|缩减|缩短|增幅|降幅|增速|涨幅|改善|同比|增产|减产|增|降|减|涨)"
    r"(?:了)?(?:分别)?(?:为|达|达到|是|控制在|保持在|稳定在)?(?:约|近|超)?$"
)
_DECREASE: Final = frozenset(
    {
        "下降",
        "减少",
        "降低",
        "下滑",
        "回落",
        "缩小",
        "压减",
        "压缩",
        "缩减",
        "缩短",
        "降幅",
        "降",
        "减",
        "减产",
        "低于",
        "收窄",
    }
)
# "高于全国5.9个百分点", "低于全省0.3个百分点": the verb of a gap stands before the place compared with
_PP_GAP_RE: Final = lazy(r"(?P<verb>低于|高于|高出|超出|收窄)[^，,。；;]{0,6}$")
# a metric that names only the gap ("分别高于全国全省"): no subject for a fact after it to take
_GAP_WORDS: Final = tuple(
    f"{w}{v}" for w in ("", "分别") for v in ("高于", "低于", "高出", "超出", "快于", "慢于")
)
# a commitment and a verb of reaching alone before a percent ("、力争达到8%"): the same change, stretched
_STRETCH_ONLY_RE: Final = re.compile(
    r"[、，,\s]*(?:力争|确保|争取|力爭|確保|爭取)(?:达到|達到|达|達|实现|實現)?"
)
# "增速达到4.6%": nouns for a rate of change, whose level reached is the change itself
_RATE_OF_CHANGE: Final = frozenset({"增速", "增幅", "降幅", "涨幅"})
# "工业增加值增长的预期目标为7%左右": the growth planned, told as a target's value
_GROWTH_GOAL_RE: Final = lazy(
    r"(?P<verb>增长|增速|增幅|下降|降幅|降低|减少)(?:的)?(?:预期|主要|年度)?目标(?:值)?(?:为|是|定为|设定为)?(?:约|近)?$"
)
# "增速连续8个季度保持在6%以上", "增幅始终稳定在5%": a rate of change held, itself a growth
_CHANGE_HELD_RE: Final = re.compile(
    r"(?P<verb>增速|增幅|降幅|涨幅)[^，,。；;%]{0,12}?(?:保持在|保持|稳定在|控制在|达到|达|为)(?:约|近|超)?$"
)
_GOAL_VALUE_RE: Final = lazy(r"目标(?:值)?(?:为|是|定为|设定为)(?:约|近)?$")
# a goal stated with what it measures between ("…时期的目标为经济总量跨越6万亿元")
_GOAL_STATED_RE: Final = lazy(r"目标(?:值)?(?:为|是|定为|设定为)[:：]?[^，,。；;：:]{2,16}$")
_COMMIT_RE: Final = re.compile(r"确保|力争|争取|计划|预计|力求|拟")
_COMMIT_WORDS: Final = tuple(_COMMIT_RE.pattern.split("|"))
# "今年经济社会发展的主要预期目标是：…", "今年预期目标" over its paragraph: targets, wherever they stand
_GOALS_RE: Final = re.compile(
    r"(?:主要)?预期目标(?:是|为|如下)?[：:，,]|^\s*(?:今年|明年|(?:19|20)\d{2}年)(?:主要)?预期目标\s*$", re.M
)
_EXPECTED_RE: Final = re.compile(r"预期(?!寿命)")
# ("175亿元市定目标", "5亿元年度目标": the target of the year, or the one a higher government set)
_TARGET_AFTER_RE: Final = re.compile(r"(?:的)?(?:预期|[省市县区镇乡]定|年度|全年)?(?:增长|增速)?目标")
_TARGET_AFTER_FIRSTS: Final = frozenset("的预目省市县区镇乡年全增")  # (its match's first characters)
_PROSPECT_RE: Final = re.compile(
    r"(?P<w>预计|计划)[^，,。；;]{0,8}?(?:可达|可实现|可望|将达|将实现|将|建成后|投产后|达产后)"
)
_PLANNED_INVEST_RE: Final = re.compile(r"(?P<w>计划|预计|拟)(?:总)?投资")
# everything up to the last verb of collecting: what is left is the pool's noun
_POOL_VERB_RE: Final = lazy(r"^.*(?:筛选出|选出|提出|征集|收集|梳理|上报|论证|筛选|遴选|形成)(?:的|了|出)?")
_PAST_IN_PLAN_RE: Final = re.compile(r"了$|已|已经|征集|筛选|收集|梳理|提出")
_PAST_IN_PLAN_CHARS: Final = "了已征筛收梳提"  # (each of its words holds one: tested before it)
_DONE_RE: Final = re.compile(r"[^为除]了(?!解)")
_DONE_SO_FAR_RE: Final = lazy(r"已|目前|累计|截至")
_THIS_YEAR_RE: Final = re.compile(r"今年|明年")
_THIS_YEAR_AHEAD_RE: Final = re.compile(
    r"今年[，,]?(?:我们|全[省市县区镇])?(?:还|仍)?(?:将|要|力争|计划|确保)"
    r"|目标[ \t\u3000：:，,]*今年"  # (a headline: "锚定发展目标 今年生产总值增长5%以上")
    # (a report's targets: "综合考虑各方面因素，今年全市生产总值增长6%左右")
    r"|(?:综合|统筹)考虑[^。；]{0,12}?[，,]今年"
)
_JI_VERBS: Final = ("惠及", "涉及", "普及", "波及")
_STAGE_VERB_RE: Final = re.compile(r"完成|建成|开工|竣工|投产|签约|启动|验收|办结")
# "到2025年，森林覆盖率达到50%": a deadline ahead of the year reviewed
_DEADLINE_RE: Final = re.compile(r"(?:到|至)((?:19|20)[0-9]{2})年(?:底|末)?")
_LOOKING_BACK_RE: Final = lazy(
    r"(?:[一二三四五六七八九十两多几近]|[0-9]+)年(?:以)?来|过去(?:的)?(?:[一二三四五六七八九十两]|[0-9]+)?年"
    r"|这(?:[一二三四五六七八九十两几]|[0-9]+)年"
)


# (要 of 重要, 主要, 需要 … and 要求 looks nowhere)
def _works_counted(metric: str) -> bool:
    """The metric names works a year is given (工作重点, 民生实事: ``_YEARS_WORKS_RE``'s nouns)."""
    return "重点" in metric or "实事" in metric or "實事" in metric or "目标任务" in metric


# the works a later year is given: "2031年工作重点", "2031年度重点工作", "2031年民生实事"
_YEARS_WORKS_RE: Final = re.compile(r"20\d\d年度?的?(?:工作重点|重点工作|重点任务|目标任务|民生实事)")
# (Speed: what may stand before 要 is tested after it, so that every alternative opens with a character
# the engine scans for; a lookbehind first made it try each alternative at every character.)
_LOOKING_AHEAD_RE: Final = re.compile(
    r"今年|明年|将|力争|确保|计划|要(?<![重主需必只紧]要)(?![求素点闻害务])|争取(?![了到])|预计|目标"
)


def _looks_back(s: str, sent_start: int, pos: int) -> bool:
    """The sentence looks back (五年来, 过去一年) before the number, and nothing after that looks ahead."""
    ends = [m.end() for m in _LOOKING_BACK_RE.finditer(s, sent_start, pos)]
    return bool(ends) and _LOOKING_AHEAD_RE.search(s, ends[-1], pos) is None


# "从…46项建议中" / "在征集的30个项目中": the pool something is chosen from exists already
_CHOSEN_FROM_RE: Final = re.compile(
    r"(?P<pool>[^，,。；;：:]{0,10}?)中(?:票决|选出|筛选|确定|遴选|评选|择优|产生)"
)
# the peers a place stands among, and how it stands: "(在)32个镇街中脱颖而出", "…中排名第一"
_AMONG_PEERS_RE: Final = re.compile(
    r"[^，,。；;：:\d]{0,8}?中(?:脱颖而出|排名|排位|位列|名列|排在|位居|领先|争先)"
)
_START_VALUE_RE: Final = re.compile(r"(?:由|从)(?:((?:19|20)\d{2})年(?:的|底|末)?)?$")
_ARRIVAL_RE: Final = re.compile(r"到|至|增至")
_PEOPLE_AFTER_RE: Final = re.compile(
    r"(?:名)?(?:监测对象|脱贫人口|困难群众|群众|居民|农民|村民|职工|(?:中小|中|小|大)?学生|青年|游客|劳动力|人口"
    r"|贫困人口|患者|老人|儿童)"
)
# "12万农村困难群众", "3万重点优抚对象", "6.5万建档立卡农村贫困人口": people after noun-like modifiers
# (a verb between, as in "300万元帮助群众", makes the amount money)
_PEOPLE_MODIFIED_RE: Final = re.compile(
    r"(?:农村|城镇|城市|城乡|特困|困难|贫困|重点|富余|外出|返乡|在校|适龄|低收入|建档立卡|残疾|失业|就业){1,3}"
    r"(?:群众|居民|农民|人口|劳动力|学生|儿童|老人|老年人|妇女|人员|对象|家庭成员)"
    r"|(?:农村|城镇|城市|重点|困难|特困)?(?:(?:优抚|五保|低保|救助|帮扶|供养)对象|残疾人|老年人|妇女|毕业生)"
)
# "2.6万移民群众", "1.2万新市民": a short modifier (no verb in it) before a word for people
_PEOPLE_NOUN_RE: Final = re.compile(r"群众|居民|农民|村民|市民|人口|人员")
_CJK_RUN_RE: Final = lazy(f"[{CJK}]+")
_NOT_A_MODIFIER: Final = frozenset("帮助扶惠让使为给用带发补奖慰问救资投向对于购买")


def _people_named(s: str, pos: int) -> bool:
    m = _PEOPLE_NOUN_RE.search(s, pos + 1, pos + 6)
    return (
        m is not None
        and _CJK_RUN_RE.fullmatch(s, pos, m.start()) is not None
        and not any(c in _NOT_A_MODIFIER for c in s[pos : m.start()])
    )


# "市场主体总量突破80万", "经营主体达12万": a bare 万 after a word for businesses counts them
_ENTITIES_RE: Final = re.compile(
    r"(?:市场|经营|商事)主体(?:总量|总数|数量|数)?(?:达到|达|突破|超过|超|增至|为|近|约)?$"
)
_POPULATION_RE: Final = re.compile(r"人口|人数|人次|群众|居民$")
# an editor's aside: "(下同)", "（以下简称增长）", "(以下同)"
_ASIDE_RE: Final = re.compile(r"[（(](?:下同|以下同|以下简称[^（()）\n]{1,10})[)）]")
_QUOTE_CHARS_RE: Final = re.compile(r"[“”\"‘’《》「」]")
_PERIOD_IN_METRIC_RE: Final = re.compile(r"\d{1,2}[-—~至]\d{1,2}月份?")
_YEAR_IN_METRIC_RE: Final = re.compile(r"(?:19|20)\d{2}(?:[-—至](?:19|20)?\d{2,4})?年度?")
# "分别是上年的2.1倍": a multiple of a base year is a change (both corpora's gold: growth); the base
# names nothing measured
_BASE_MULTIPLE_RE: Final = re.compile(
    r"(?:分别)?(?:是|为|相当于)(?:上年|去年|上一年|同期|(?:19|20)\d{2}年)(?:同期)?的?$"
)
# "同比提高", "分别提高": only the comparison and its verb - what changed is the fact before
_COMPARISON_ONLY_RE: Final = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|分别|均)*(?:提高|提升|增长|增加|上升|下降|减少|降低|回落|扩大|缩小|收窄)?了?"
)
# the base a change is measured from, ending a metric: "较“十三五”末", "比2020年", "较上年末"
_TRAILING_BASE_RE: Final = re.compile(
    r"(?:同比)?[较比較](?:[“\"]?十[一二三四五六]五[”\"]?|(?:19|20)\d\d年|上年|去年)(?:末|底|同期)?$"
)
_COMPARED_ONLY_RE: Final = re.compile(
    r"(?:分别|均)?(?:同比|[较比](?:上年同期|上年末|上年底|上年|去年同期|去年|年初|同期|上月|上季度)?)(?:分别|均)?"
    r"(?:提高|提升|增长|增加|上升|下降|减少|降低|回落|扩大|缩小|净增|多增|少增|增收|减收|增产|减产|增|降|减)?了?"
)
# "总量跨过500亿元", "规模达到…", "新增规上企业12家、总数达80家": a head noun whose owner is the subject of the fact before
_BARE_HEADS: Final = frozenset({"总量", "规模", "总额", "总值", "总规模", "总盘子", "总数", "总面积"})
# "全年计划新建项目32个" in the review part: the year's plan, not its result (SCHEMA: target);
# 按计划/原计划/年度计划 are a yardstick of what was done
_PLANNED_WORK_RE: Final = re.compile(
    r"(?P<w>计划|拟)(?:新|再|年内)?(?:实施|建设|新建|开工|竣工|完成|推进|启动|改造|引进|投入|争取)"
)
_NOT_A_PLAN_BEFORE: Final = frozenset("按原度超成照定模虚")
_BAD_APPROX_BEFORE: Final = {
    "约": set("节制契预签公特履违"),
    "达": set("下传表到抵送发通转"),
    "比": set("占"),
    "计划": set("度年原"),  # 完成年度计划的112%: the plan is what the share is of
    "争取": set("上"),  # 对上争取资金: funds won from above, not a commitment
    "到": set("实应迟报"),  # 实到57名: who came, not 到 of arrival
    "及": set("惠涉普波"),  # 惠及126栋: the verb, not "and"
    "均": set("年人户平"),  # 年均增长, 人均, 平均: part of the word, not "each"
}


@dataclass(slots=True)
class _Ctx:
    text: str
    s: str
    quoted: list[tuple[int, int]]
    quoted_starts: list[int]  # (their starts, for bisection)
    years: list[tuple[int, int, int]]  # (start, end, year)
    year_starts: list[int]  # (their starts, for bisection)
    section_starts: list[int]
    sections: list[Section]
    meta: Meta
    preamble_part: str
    goals: list[tuple[int, int]]  # the paragraphs that state the plan's targets (主要预期目标是：…)
    commits: list[tuple[int, int]]  # the spans of _COMMIT_RE in the text, found once (see _commitment)
    commit_ends: list[int]
    opens: list[int]  # where ( and （ stand, in order (see _clause_start)
    closes: list[int]  # where ) and ） stand
    plan_from: int = -1  # a statement of the year's targets outside a plan part: the plan runs on from it
    to_deputies: bool = True  # a report to the deputies (各位代表), not a news item of a list
    ahead: bool = False  # the text announces a coming year's list or plan (structure.plans_ahead)
    done_lead: bool = False  # a news dispatch whose lead tells of something done (_tells_done)
    # the paragraphs of a headingless news item that open with the year it plans (_plan_year_lines)
    plan_lines: tuple[tuple[int, int], ...] = ()
    # the paragraphs of a headingless passage read as a plan that tell of the year past (_review_lines)
    review_lines: tuple[tuple[int, int], ...] = ()
    # a headingless passage's lists of a year's works, with the year (_year_lists)
    year_lists: tuple[tuple[int, int, int | None], ...] = ()
    # an account of a year's tasks entry by entry: two or more entries passed their task (超额完成)
    account: bool = False
    # a report on the progress of the tasks a report set (《政府工作报告》确定的…完成情况)
    progress: bool = False
    # the lines under a year written alone on its line, in a text that so heads two years (_year_lines)
    year_lines: tuple[tuple[int, int, str, int], ...] = ()
    # a headingless text that opens on a year's results (成绩单, 回顾, 过去一年): its 预计 estimates them
    results: bool = False
    # a text titled an account of a plan's progress (structure.accounts_for_a_plan)
    plan_account: bool = False

    @property
    def rev(self) -> str:
        """s reversed, where a forward search finds the nearest boundary before a position (what
        _sentence and _clause_start find by bisection; the tests compare the two)."""
        return self.s[::-1]


def extract_facts(text: str, simple: str, sections: list[Section], meta: Meta) -> list[Fact]:
    ctx = _context(text, simple, sections, meta)
    tokens = numbers.scan(simple)
    candidates = [t for t in tokens if not _excluded(ctx, t)]
    for i, token in enumerate(candidates):
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        token.threshold = _is_threshold(simple, token) or _is_size_class(simple, token, nxt)
    fact_tokens = [t for t in candidates if not t.threshold]
    items: list[_Item] = []
    in_sentence: list[_Item] = []
    prev_end = -1
    sent_start = sent_end = -1
    for i, token in enumerate(fact_tokens):
        # a number directly followed by another ("79户280人脱贫任务") shares the noun after the chain
        k = i
        while k + 1 < len(fact_tokens) and (
            fact_tokens[k + 1].start == fact_tokens[k].end
            or _two_counts_of_one_thing(simple, fact_tokens[k], fact_tokens[k + 1])
        ):
            k += 1
        chain_end = fact_tokens[k]
        next_start = fact_tokens[k + 1].start if k + 1 < len(fact_tokens) else len(simple)
        if not sent_start <= token.start <= sent_end:  # (else the same sentence as the last number)
            sent_start, sent_end = _sentence(ctx, token.start)
        if in_sentence and in_sentence[-1].sent_start != sent_start:
            in_sentence, prev_end = [], -1
        item = _fact(ctx, token, chain_end, sent_start, min(sent_end, next_start), prev_end, in_sentence)
        items.append(item)
        in_sentence.append(item)
        prev_end = token.end
    _respectively(ctx, items)
    if not sections:
        _told_on(ctx, fact_tokens, items)
    facts = [item.fact for item in items if not _in_a_works_title(simple, item.fact)]
    if not sections:
        facts = _without_told_again(simple, facts)
    # (a learned second opinion on each fact when a model is at hand)
    from .factcheck import flipped, judged

    # what a vote chose, read as such, stays to be done whatever the model thinks (SCHEMA: a target)
    voted = [
        item.fact
        for item in items
        if item.fact.kind == "target"
        and "票" in item.a_raw
        and ("票决" in item.a_raw or "票选" in item.a_raw or "投票" in item.a_raw)  # (_VOTED_LIST_RE's words)
    ]
    facts = judged(ctx, fact_tokens, items, facts)
    for fact in voted:
        if fact.kind == "actual":
            flipped(fact, ctx.meta.review_year, ctx.meta.plan_year)
    if not ctx.sections:
        _placed_in_parts(ctx, facts)
    return facts


# what a sentence of a news item tells looking back, or as done: it takes no kind from the one before
_TOLD_BACK_RE: Final = re.compile(r"去年|过去|以来|年来|截至|截止|已|累计|目前|完成|[^为除]了(?!解)")


def _told_on(ctx: _Ctx, tokens: list[numbers.NumberToken], items: list[_Item]) -> None:
    """In a text without headings that tells nothing as done, what is to come is told once and the
    sentences after it go on telling it ("他介绍，今年全省将新建…。同时，新建改建农村公路1500公里"): a
    number that no part claimed, whose sentence says neither what is to come nor what was done and
    names no year, is a target like the number before it. (A story that also tells what was done
    leaves each sentence its own kind.)"""
    if ctx.plan_account or ctx.account or ctx.progress:
        return  # (an account of a plan's progress: its entries' tasks, then what was done of them)
    s = ctx.s
    prev: _Item | None = None
    mixed: bool | None = None  # the text tells something as done somewhere (then each sentence says)
    for i, item in enumerate(items):  # (one item per token, in order)
        token = tokens[i]
        fact = item.fact
        if prev is not None and prev.fact.kind == "target" and fact.kind == "actual" and mixed is None:
            mixed = _TOLD_BACK_RE.search(s) is not None
        if (
            not mixed
            and prev is not None
            and prev.fact.kind == "target"
            and fact.kind == "actual"
            and fact.part == "other"
            and prev.fact.part == "other"
            and _explicit_year(ctx, item.sent_start, token.start) is None
            and _TOLD_BACK_RE.search(s, item.sent_start, token.start) is None
            and _passage_kind(s, item.sent_start, token.start, token.end, _sentence(ctx, token.start)[1])
            is None
        ):
            fact.kind = "target"
            if fact.year is None:
                fact.year = prev.fact.year
        prev = item


def _placed_in_parts(ctx: _Ctx, facts: list[Fact]) -> None:
    """The facts of a text without headings that no part claimed ("other"), placed by what they tell
    once their kinds are settled (the learned second opinion reads the rules' part): a target is the
    plan's, what was done the review's, and in an account of a plan's progress all of it tells of
    the plan (SCHEMA: the part of the report the fact belongs to). What was done in a year before the
    one planned, told among the plan's targets ("2029年某区完成投资增长20%"), is the review's too."""
    plan_year = ctx.meta.plan_year
    for fact in facts:
        if fact.part == "other":
            fact.part = "plan" if fact.kind == "target" or ctx.plan_account else "review"
        elif (
            fact.part == "plan"
            and fact.kind == "actual"
            and not ctx.plan_account
            and fact.year is not None
            and plan_year is not None
            and fact.year < plan_year
        ):
            fact.part = "review"


def _without_told_again(s: str, facts: list[Fact]) -> list[Fact]:
    """A passage's facts without a lone figure and without those of a subheading further on that the
    paragraph right under it tells again (the same value and unit). A headline's figures stay facts
    even when the body tells them again: each telling counts."""
    body = s.find("。")
    if body < 0:
        return facts
    out: list[Fact] = []
    for i, fact in enumerate(facts):
        at = fact.start
        if _lone_figure(s, fact):
            continue
        if at >= body and i + 1 < len(facts):
            # a subheading further on ("新建学校5所" over "全省今年将新建学校5所…"): a short
            # line with no punctuation (not an entry's numbered heading), told again by the paragraph
            # right under it
            line_start = s.rfind("\n", 0, at) + 1
            line_end = s.find("\n", at)
            if line_end > 0 and line_end - line_start <= 24 and s[line_start] not in _ENTRY_FIRSTS:
                nxt_end = s.find("\n", line_end + 1)
                nxt_end = len(s) if nxt_end < 0 else nxt_end
                if not _SUBHEAD_PUNCT_RE.search(s, line_start, line_end) and any(
                    line_end < later.start < nxt_end and later.value == fact.value and later.unit == fact.unit
                    for later in facts[i + 1 :]
                ):
                    continue
        out.append(fact)
    return out


_SUBHEAD_PUNCT_RE: Final = re.compile(r"[。，,；;：:、！!？?（(]")


def _in_a_works_title(s: str, fact: Fact) -> bool:
    """A count of 实事 that only titles a list or a passage ("2031年十件民生实事" on a line of its own): a
    name, no fact (docs/reader-conventions.md). The same count promised or voted ("将办好十件民生实事",
    "票决产生2031年十件民生实事") is a target of the year."""
    if "实事" not in s[fact.start : fact.end + 8]:
        return False
    start = s.rfind("\n", 0, fact.start) + 1
    end = s.find("\n", fact.end)
    end = len(s) if end < 0 else end
    if end - start > 30:
        return False
    line = s[start:end].strip()
    return _WORKS_TITLE_RE.fullmatch(line) is not None and _WORKS_VERB_RE.search(line) is None


# a title or heading of a list of 实事: "2031年十件民生实事", "青禾镇2031年度10项为民办实事项目清单",
# "三、十件民生实事"
_WORKS_TITLE_RE: Final = re.compile(
    r"(?:[一二三四五六七八九十\d]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?"  # (a heading's number)
    r"[^\s\d，,。；;：:、！!？?（）()]{0,10}?(?:(?:19|20)\d\d年度?的?)?[\d一二三四五六七八九十两百]{1,4}"
    r"[件项个]?(?:民生|惠民|为民办?|便民)?实事(?:项目|工程)?(?:清单|名单|一览|安排|计划)?"
)
# a verb before it makes the line a sentence or a headline of what was promised, voted or done
_WORKS_VERB_RE: Final = re.compile(
    r"(?<!为民)办|建|实施|推进|完成|票|决|选|确定|承诺|将|要|落实|做好|抓好|开展|出炉|通过"
)


def _lone_figure(s: str, fact: Fact) -> bool:
    """A line that holds the number and its unit alone ("2706亩" over the paragraph that tells it, a
    news page's figure printed large): it names nothing measured, no fact of its own."""
    line_start = s.rfind("\n", 0, fact.start) + 1
    line_end = s.find("\n", fact.end)
    line_end = len(s) if line_end < 0 else line_end
    line = s[line_start:line_end].strip()
    return line == s[fact.start : fact.end].strip() and _FIGURE_ALONE_RE.fullmatch(line) is not None


_FIGURE_ALONE_RE: Final = re.compile(r"[约近超逾]?[0-9][0-9.,]*[万亿千百]?[^\s0-9]{0,2}")
_ENTRY_FIRSTS: Final = frozenset("（(0123456789一二三四五六七八九十第●■◆▲★□◇·-—")


def _two_counts_of_one_thing(s: str, a: numbers.NumberToken, b: numbers.NumberToken) -> bool:
    """ "5120户、16300人搬入新居", "5条约38公里的通村公路", "实施6个、80万元的甲项目" (a count and the
    money of the things named after it): two counts in different units joined by 、 (or
    the second's 约) count the one thing named after the second (one unit twice, "增长8.5%、11%", is a
    list of values of several things)."""
    return (
        b.start == a.end + 1
        and (s[a.end] == "、" or (s[a.end] == "约" and b.approx_after is None))
        and a.unit is not None
        and b.unit is not None
        and a.unit != b.unit
        and not numbers.unit_is_percent(a.unit)
        and not numbers.unit_is_percent(b.unit)
        and not a.multiplied
        and (not b.multiplied or (b.unit in numbers.MONEY_UNITS and s.startswith("的", b.end)))
    )


@dataclass(slots=True, init=False)
class _Item:
    fact: Fact
    sent_start: int
    clause_start: int
    a_raw: str  # matching copy of the text between the clause start and the number
    listed: bool  # a bare list item continuing the previous fact ("、11%")
    own_subject: bool  # the metric came from this clause, not inherited
    approx_before: bool = False  # the qualifier was written before the number (达, 约)
    a_span: tuple[int, int] = (0, 0)  # the metric's part before the number

    # (init=False and this __init__: compiled, it is a native call, where the one dataclass writes
    # runs as Python at every construction; ``test_reader_fast_model`` checks the two agree)
    def __init__(
        self,
        fact: Fact,
        sent_start: int,
        clause_start: int,
        a_raw: str,
        listed: bool,
        own_subject: bool,
        approx_before: bool = False,
        a_span: tuple[int, int] = (0, 0),
    ) -> None:
        self.fact, self.sent_start, self.clause_start, self.a_raw = fact, sent_start, clause_start, a_raw
        self.listed, self.own_subject, self.approx_before, self.a_span = (
            listed,
            own_subject,
            approx_before,
            a_span,
        )


# (each test below spells a class of a few characters out as ``in`` tests of constants, which on a
# few characters cost less than a regex call; a loop over the characters would make a string of each)


def _ranked_near(near: str) -> bool:
    """``_RANK_NEEDLE_RE.search(near) is not None``."""
    return "居" in near or "列" in near or "排" in near


def _opens_a_list(near: str) -> bool:
    """``_OPENS_LIST_RE.search(near) is not None``."""
    return "（" in near or "(" in near or "：" in near or ":" in near


def _past_word_in(said: str) -> bool:
    """One of _PAST_IN_PLAN_CHARS in ``said``: each word of _PAST_IN_PLAN_RE holds one."""
    return (
        "了" in said
        or "已" in said
        or "征" in said
        or "筛" in said
        or "收" in said
        or "梳" in said
        or "提" in said
    )


def _has_clause_break(quote: str) -> bool:
    """``_STRAY_QUOTE_RE.search(quote) is not None``, by ``in`` tests: a quotation is short, and the
    tests cost less than the call."""
    return "，" in quote or "。" in quote or "；" in quote or ";" in quote or "！" in quote or "？" in quote


def _context(text: str, s: str, sections: list[Section], meta: Meta) -> _Ctx:
    # a "quotation" running over a clause break is a stray mark, not a quoted name
    # (each pattern tried only at its first characters, found with str.find: see numbers.matches_from)
    quoted: list[tuple[int, int]] = []
    for a, b in _quoted_spans(s):
        if not _has_clause_break(s[a:b]):
            quoted.append((a, b))
    quoted += [(m.start() + 1, m.end()) for m in _definitions(s)]
    quoted.sort()
    years = [
        (m.start(), m.end(), int(m.group(1)))
        for m in _year_tokens(s)
        if not m.start() or s[m.start() - 1] not in _NOT_BEFORE_YEAR
    ]
    goals = []
    for gm in _goal_matches(s):
        if _GOALS_MET_RE.search(s, max(0, gm.start() - 16), gm.start()):
            continue  # "全面完成了年初确定的主要预期目标，": a review of targets met, not targets
        end = s.find("\n", gm.end())
        if end >= 0 and not s[gm.end() : end].strip():  # a heading: its paragraph is the next line
            end = s.find("\n", end + 1)
        goals.append((gm.start(), end if end >= 0 else len(s)))
    commits = _commit_spans(s)
    sections = resumed_after_outline(s, _with_repeated_headings(text, sections))
    ahead = plans_ahead(s)
    if ahead and sections:
        # the numbered entries under a coming year's list ("一、农贸市场建设工程") are parts of the
        # plan, though the first part of a text is taken for its review when its heading says neither
        sections = [
            Section(sec.heading, "plan", sec.start, sec.end)
            if sec.part == "review" and not says_review(s, sec)
            else sec
            for sec in sections
        ]
    first_review = sections[0].part == "review" if sections else False
    preamble = "review" if meta.review_year and not first_review else "other"
    plan_account = accounts_for_a_plan(s)
    done_lead = plan_account or _tells_done(s)
    if not first_review and (
        ahead
        or (
            not sections
            and (
                (reads_as_a_plan(s) and not done_lead)
                # (an account of a plan's progress reviews no earlier year, and tells what was done)
                or (reviews_nothing(meta, s, sections) and not plan_account)
            )
        )
    ):
        # (a year's plan with no heading, "2023年国民经济和社会发展计划", whose review year was only
        # inferred: its targets are the plan year's, SCHEMA)
        preamble = "plan"  # "2025年民生实事项目票决出炉": the passage lists what is to be done
    elif plan_account and not sections:
        preamble = "other"  # (what was done of the plan year, not a review of the year before)
    return _Ctx(
        text=text,
        s=s,
        quoted=quoted,
        quoted_starts=[a for a, _ in quoted],
        years=years,
        year_starts=[a for a, _, _ in years],
        section_starts=[sec.start for sec in sections],
        sections=sections,
        meta=meta,
        preamble_part=preamble,
        goals=goals,
        plan_from=_plan_from(s, goals, sections),
        commits=commits,
        commit_ends=[end for _, end in commits],
        opens=numbers.positions(s, "(（"),
        closes=numbers.positions(s, ")）"),
        to_deputies="各位代表" in s,
        ahead=ahead,
        done_lead=done_lead,
        plan_lines=() if sections else _plan_year_lines(s, meta),
        year_lists=() if sections else _year_lists(s, meta),
        review_lines=(
            _review_lines(s, meta)
            if not sections and (preamble == "plan" or (preamble == "other" and meta.plan_year is not None))
            else ()
        ),
        account=_beyond_tasks(s),
        progress=s.find("情况") >= 0 and _progress_report(s),
        year_lines=_year_lines(s, sections, meta) if s.find("年\n") >= 0 else (),
        results=not sections and reviews_results(s),
        plan_account=plan_account,
    )


# a line that holds only a year: "2025年", "2026年度："
_YEAR_ALONE_RE: Final = re.compile(r"[ \t\u3000]*((?:19|20)[0-9]{2})年度?[：:]?[ \t\u3000]*$", re.M)


def _year_lines(s: str, sections: list[Section], meta: Meta) -> tuple[tuple[int, int, str, int], ...]:
    """A digest that sets a year's results beside the next year's targets under lines holding only
    the year ("2025年" over what was done, "2026年" over what is planned), again and again: the lines
    under each such year, up to the next or to a heading, are the review of the earlier year and the
    plan of the later (start, end, part, year). Two years, the one after the other, or none."""
    found = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR_ALONE_RE.finditer(s)]
    years = {y for _, _, y in found}
    if len(years) != 2:
        return ()  # (three years or more: a record year by year, no plan)
    latest = max(years)
    if (
        latest - 1 not in years
        or meta.review_year not in (None, latest - 1)
        or meta.plan_year not in (None, latest)
    ):
        return ()  # (two years apart, or a text that reviews the later one: no year and the next)
    starts = sorted({a for a, _, _ in found} | {sec.start for sec in sections} | {len(s)})
    spans = []
    for a, b, year in found:
        end = starts[_bisect_right(starts, a)]
        spans.append((b, end, "plan" if year == latest else "review", year))
    return tuple(spans)


def _plan_year_lines(s: str, meta: Meta) -> tuple[tuple[int, int], ...]:
    """A news item of a congress with no heading that reviews one year and plans the next tells each
    in a paragraph of its own: a paragraph that opens with the planned year and a comma ("2025年，全镇将…") is
    its plan part, whatever the review around it (the sentences after the first carry no year), and so
    are the paragraphs after it that tell the plan's points ("报告提出了几项重点。", "确保…"), up to one
    that names another year or looks back."""
    plan, review = meta.plan_year, meta.review_year
    if plan is None or review is None or plan <= review:
        return ()
    head = f"{plan}年"
    spans: list[tuple[int, int]] = []
    at = s.find(head)
    while at >= 0:
        if (at == 0 or s[at - 1] == "\n") and s[at + len(head) : at + len(head) + 1] in ("，", ","):
            # (a sentence that opens with the year, not a title "2025年…工作报告")
            end = s.find("\n", at)
            end = end if end >= 0 else len(s)
            while end < len(s):
                nxt = s.find("\n", end + 1)
                nxt = nxt if nxt >= 0 else len(s)
                para = s[end + 1 : nxt]
                if para.strip() and (
                    _LOOKS_BACK_RE.search(para)
                    or any(y != plan for y in map(int, _ANY_YEAR_RE.findall(para)))
                ):
                    break
                end = nxt
            spans.append((at, end))
            at = end
        at = s.find(head, at + len(head))
    return tuple(spans)


# the intro of a year's list of works, up to its colon: "…将集中力量办好10件实事：", "2031年8件惠民实事具体为："
_YEAR_LIST_INTRO_RE: Final = re.compile(
    r"([0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:件|项|个|大)[^。；;：:\n]{0,10}?"
    r"(?:实事|民心工程|民生工程|重点项目|重点工程)(?:项目)?[^。；;：:\n，,]{0,6}?(?:[：:]|。(?=[ \t\u3000\n]*(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])))"
)
# a year's plan a report sets out, up to its colon: "《政府工作报告》提出，2031年，全市将重点抓好以下工作："
_YEAR_PLAN_INTRO_RE: Final = re.compile(
    r"报告》?(?:提出|明确|指出|部署)[，,：:]?[^。\n：:]{0,6}?((?:19|20)[0-9]{2}|今)年"
    r"[^。\n：:]{0,40}?(?:将|要)[^。\n：:]{0,40}?[：:]"
)
# what decides, announces or undertakes the list (its year's to do)
_YEAR_LIST_VERB_RE: Final = re.compile(
    r"公布|确定|提出|将|要|办好|实施|计划|票决|票选|选出|推出|敲定|安排|具体为|分别[是为]|如下|包括"
)
# what tells the list done, or looks back: "2030年办好了10件实事：", "已完成", "完成情况"
_YEAR_LIST_DONE_RE: Final = re.compile(
    r"(?:完成|办成|办好|实施|建成|落实|兑现|实现)了|已|情况|年来|以来|过去|去年"
)
# what tells a list's entries done
_YEAR_LIST_ENTRIES_DONE_RE: Final = re.compile(
    r"已(?:全部|基本)?(?:完成|建成|办结|竣工|投用|投入使用|开工)|[全均]部?完成|超额完成|顺利完成|完成情况|进展情况"
)
_YEAR_LIST_AHEAD_RE: Final = re.compile(r"将|要|计划|今年|明年")
_YEAR_LIST_NOUNS: Final = ("实事", "民心工程", "民生工程", "重点项目", "重点工程")
# the mark that opens an entry of a list on its line: "1、", "一是", "（三）", "②"
_YEAR_LIST_ENTRY_RE: Final = re.compile(
    r"[ \t\u3000]*(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[①-⑳])"
)


def _year_lists(s: str, meta: Meta) -> tuple[tuple[int, int, int | None], ...]:
    """A headingless passage may set out a year's list of works anywhere, not only in its head
    ("《政府工作报告》提出，2031年，全市将集中力量办好10件实事：建成…；新增…"): its entries are the
    works to be done that year, written with no future word (完成, 建成, 新建). The intro's sentence
    and the list, up to the end of its line (or of its entries, one a line), with the list's year
    (start, end, year). Not a list told as done (办好了, 已, 完成情况) nor one of the year reviewed."""
    if not any(noun in s for noun in _YEAR_LIST_NOUNS):
        return ()
    found: list[tuple[int, int, int | None]] = []
    seen_end = -1
    for noun in _YEAR_LIST_NOUNS:
        p = s.find(noun)
        while p >= 0:
            nxt = p + len(noun)
            if p < seen_end:
                p = s.find(noun, nxt)
                continue
            # (the sentence's start, looked for no further back than an intro runs)
            lo = max(0, p - 160)
            start = max(lo, s.rfind("。", lo, p) + 1, s.rfind("\n", lo, p) + 1, s.rfind("；", lo, p) + 1)
            m = _YEAR_LIST_INTRO_RE.search(s, max(start, p - 16), min(len(s), p + 20))
            if m is None or m.start() > p or m.end() < nxt:
                p = s.find(noun, nxt)
                continue
            intro = s[start : m.end()]
            if _YEAR_LIST_VERB_RE.search(intro) is None or _YEAR_LIST_DONE_RE.search(intro) is not None:
                p = s.find(noun, nxt)
                continue
            named = _ANY_YEAR_RE.findall(intro)
            year = int(named[-1]) if named else meta.plan_year
            if (
                year is not None
                and meta.review_year is not None
                and year <= meta.review_year
                and year != meta.plan_year
                and _YEAR_LIST_AHEAD_RE.search(intro) is None
            ):
                p = s.find(noun, nxt)
                continue  # (the year reviewed: its list was done)
            end = s.find("\n", m.end())
            end = end if end >= 0 else len(s)
            if len(s[m.end() : end].strip()) < 8:
                end = _entries_end(s, end, m.group(1))
            if _YEAR_LIST_ENTRIES_DONE_RE.search(s, m.end(), end) is not None:
                p = s.find(noun, end)
                continue  # (the entries told done: "一、改造供水管网6公里，已全部完成")
            found.append((start, end, year))
            seen_end = end
            p = s.find(noun, end)
    if "报告" in s:
        for m in _YEAR_PLAN_INTRO_RE.finditer(s):
            if any(a <= m.start() < b for a, b, _ in found) or _YEAR_LIST_DONE_RE.search(m.group()):
                continue
            year = meta.plan_year if m.group(1) == "今" else int(m.group(1))
            if year is None or (meta.review_year is not None and year <= meta.review_year != meta.plan_year):
                continue
            end = s.find("\n", m.end())
            end = end if end >= 0 else len(s)
            if len(s[m.end() : end].strip()) < 8:
                end = _entries_end(s, end, "")
            found.append((m.start(), end, year))
    found.sort()
    return tuple(found)


def _entries_end(s: str, pos: int, count: str) -> int:
    """The end of a list whose entries stand one a line after its intro: the lines that open with an
    entry's mark, and those between them (an entry's details) until as many entries as the intro
    counts; no further than the first line without a mark once they are all there."""
    value = int(count) if count.isdigit() else (numbers.chinese_numeral(count) if count else None)
    want = int(value) if value is not None else 0
    entries = 0
    end = pos
    while end < len(s) and end - pos < 6000:
        nxt = s.find("\n", end + 1)
        nxt = nxt if nxt >= 0 else len(s)
        line = s[end + 1 : nxt]
        if line.strip():
            if _YEAR_LIST_ENTRY_RE.match(line):
                entries += 1
            elif entries == 0 or entries >= want:
                break
        end = nxt
    return end if entries else pos


def _review_lines(s: str, meta: Meta) -> tuple[tuple[int, int], ...]:
    """A passage without headings read as a plan (a news item that leads with what is to come) may
    turn to the year past in a paragraph that opens looking back ("过去一年，全市…", "去年，…", or the
    year before the one planned): that paragraph and those after it, up to one that opens looking
    ahead again ("今年，…将…"), tell what was done."""
    spans: list[tuple[int, int]] = []
    start = -1
    pos = 0
    while pos <= len(s):
        end = s.find("\n", pos)
        end = len(s) if end < 0 else end
        head = s[pos : min(end, pos + 16)]
        if head.strip():
            year = _PARAGRAPH_YEAR_RE.match(head)
            back = _BACK_OPENING_RE.match(head) is not None or (
                year is not None and meta.plan_year is not None and int(year.group(1)) < meta.plan_year
            )
            ahead = not back and (
                _LOOKING_AHEAD_RE.search(head) is not None
                or (year is not None and meta.plan_year is not None and int(year.group(1)) >= meta.plan_year)
            )
            if start < 0 and back:
                start = pos
            elif start >= 0 and ahead:
                spans.append((start, pos))
                start = -1
        pos = end + 1
    if start >= 0:
        spans.append((start, len(s)))
    return tuple(spans)


# a paragraph that opens looking back ("过去一年，", "去年以来", "2030年，" before the plan year)
_BACK_OPENING_RE: Final = re.compile(r"[ \t\u3000]*(?:过去的?一年|去年|一年来|回顾|过去五年|五年来)")
_PARAGRAPH_YEAR_RE: Final = re.compile(r"[ \t\u3000]*((?:19|20)[0-9]{2})年[，,]")


# a paragraph that looks back, which ends the plan's paragraphs of a news item
_LOOKS_BACK_RE: Final = re.compile(r"去年|过去|以来|年来|截至|截止|成绩单")
_ANY_YEAR_RE: Final = re.compile(r"((?:19|20)[0-9]{2})年")


_QUOTED_FIRSTS: Final = '“"《「[【‘'  # (the first character of each of _QUOTED_RE's alternatives)
# _QUOTED_RE's alternatives by their opening mark: the closing mark, the other characters the run
# between may not hold, its greatest length
_QUOTE_PAIRS: Final = {
    "“": ("”", "“\n", 40),
    '"': ('"', "\n", 40),
    "《": ("》", "《\n", 60),
    "「": ("」", "\n", 40),
    "[": ("]", "\n", 6),
    "【": ("】", "\n", 10),
    "‘": ("’", "\n", 20),
}


def _quoted_spans(s: str) -> list[tuple[int, int]]:
    """The spans of ``numbers.matches_from(_QUOTED_RE, s, _QUOTED_FIRSTS)``, found with ``str.find``
    (a call of the pattern costs more than the finds). Each alternative is ``O[^X]{0,N}C`` with the
    closing mark C among the characters X: it matches where the first character of X after the
    opening mark O, within N + 1 characters, is C."""
    out: list[tuple[int, int]] = []
    last = 0
    n = len(s)
    for p in numbers.positions(s, _QUOTED_FIRSTS):
        if p < last:
            continue
        close, others, longest = _QUOTE_PAIRS[s[p]]
        q = s.find(close, p + 1, min(n, p + 2 + longest))
        if q < 0:
            continue
        blocked = False
        for c in others:
            if s.find(c, p + 1, q) >= 0:
                blocked = True
                break
        if not blocked:
            out.append((p, q + 1))
            last = q + 1
    return out


_QUOTE_ENDS: Final = '”"'  # (where a match of _DEFINITION_RE opens)
_COMMIT_FIRSTS: Final = "确力争计预拟"  # (of _COMMIT_RE's words)


def _commit_spans(s: str) -> list[tuple[int, int]]:
    """The spans of ``_COMMIT_RE.finditer(s)``, from where its words stand (str.find of each word): a
    match is the word written where it starts (the words are literals, none the start of another), and
    the words found are taken left to right without overlaps as ``finditer`` takes its matches."""
    found: list[tuple[int, int]] = []
    for word in _COMMIT_WORDS:
        p = s.find(word)
        while p >= 0:
            found.append((p, p + len(word)))
            p = s.find(word, p + 1)
    found.sort()
    out: list[tuple[int, int]] = []
    last = 0
    for a, b in found:
        if a >= last:
            out.append((a, b))
            last = b
    return out


def _definitions(s: str, quote_ends: list[int] | None = None) -> list[re.Match[str]]:
    """``list(_DEFINITION_RE.finditer(s))`` (given where ”" stand, when found already): tried only at a
    closing quotation mark with a bracket right after it (about one in sixty of them), the matches taken
    without overlaps as ``finditer`` takes them."""
    out: list[re.Match[str]] = []
    last = 0
    for p in numbers.positions(s, _QUOTE_ENDS) if quote_ends is None else quote_ends:
        if p < last or s[p + 1 : p + 2] not in ("（", "("):
            continue
        m = _DEFINITION_RE.match(s, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _year_tokens(s: str) -> list[re.Match[str]]:
    """``list(_YEAR_TOKEN_RE.finditer(s))``, tried only four characters before each 年 (every match
    ends its year with 年, and two matches cannot overlap: a match holds one 年, at its end)."""
    out: list[re.Match[str]] = []
    p = s.find("年", 4)
    while p >= 0:
        if s[p - 4 : p - 2] in _CENTURIES:  # (most 年 follow no year: the call spared)
            m = _YEAR_TOKEN_RE.match(s, p - 4)
            if m is not None:
                out.append(m)
        p = s.find("年", p + 1)
    return out


def _with_repeated_headings(text: str, sections: list[Section]) -> list[Section]:
    """The parts, with a heading written again on its own line after the last one found.

    A table of contents at the head of a report lists the review's and the plan's headings; the
    body opens with the review's heading again, which then starts the review once more (its facts
    are results, not the plan's targets).
    """
    if len(sections) < 2:
        return sections
    last = sections[-1].end
    again: list[Section] = []
    for sec in sections:
        if sec.part not in ("review", "plan") or len(sec.heading) < 4:
            continue
        at = text.find(sec.heading, last)
        while at >= 0 and not (
            text[at - 1 : at] == "\n"
            and text[at + len(sec.heading) : at + len(sec.heading) + 1] in ("\n", "")
        ):
            at = text.find(sec.heading, at + 1)
        if at >= 0:
            again.append(Section(sec.heading, sec.part, at, at + len(sec.heading)))
    if not again:
        return sections
    return sorted(sections + again, key=lambda sec: sec.start)


def _plan_from(s: str, goals: list[tuple[int, int]], sections: list[Section]) -> int:
    """Where a statement of the year's targets (主要预期目标是：…) opens a plan outside a plan part.

    A report states its targets at the head of its plan, which runs to the end: in a digest or a
    news story without headings, what follows the targets (重点抓好以下工作：…) is planned too. A
    review's "完成了…确定的主要预期目标，" states none.
    """
    for start, _ in goals:
        said = s[start : start + 12]
        if not ("是" in said or "为" in said or "如下" in said or "：" in said or ":" in said):
            continue
        k = _bisect_right([sec.start for sec in sections], start) - 1
        if k >= 0 and sections[k].part == "plan":
            return -1  # (a plan part already says so)
        return start
    return -1


def _same_section(ctx: _Ctx, a: int, b: int) -> bool:
    return _bisect_right(ctx.section_starts, a) == _bisect_right(ctx.section_starts, b)


# (the verb in the clause right before: "为实现上述目标，今年主要预期目标是：" states targets)
_GOALS_MET_RE: Final = re.compile(r"(?:完成|实现|达到|超额)了?[^，,。；;：:\n]*$")


def _goal_matches(s: str) -> list[re.Match]:
    """``list(_GOALS_RE.finditer(s))``, trying the pattern only near each 预期目标.

    Every match holds 预期目标 and starts at most 7 characters (今年主要, 2024年主要) and a run of
    white space before it; the pattern's line-start branch gives the regex engine no literal to
    look for, so a plain ``finditer`` tries every position of the text.
    """
    out: list[re.Match] = []
    pos = 0
    p = s.find("预期目标")
    while p >= 0:
        c = max(0, p - 7)
        while c > 0 and s[c - 1].isspace():
            c -= 1
        c = max(c, pos)
        while c <= p:
            m = _GOALS_RE.match(s, c)
            if m is None:
                c += 1
                continue
            out.append(m)
            pos = c = m.end()
        p = s.find("预期目标", p + 1)
    return out


def _excluded(ctx: _Ctx, token: numbers.NumberToken) -> bool:
    if numbers.is_not_a_count(ctx.s, token):
        return True
    prev = ctx.s[token.start - 1] if token.start else ""
    if token.unit_span is None and prev in ("\n", " ", "") and _alone_on_its_line(ctx.s, token):
        return True  # "1万" over "主题": a forum's counters, a page's furniture
    k = _bisect_right(ctx.quoted_starts, token.start) - 1  # (the last quote opening at or before it)
    while k >= 0 and ctx.quoted[k][0] <= token.start:
        if ctx.quoted[k][1] > token.start:
            return True
        if token.start - ctx.quoted[k][0] > 100:
            break
        k -= 1
    if (
        token.unit in _MEMBER_UNITS
        and _ranked_near(ctx.s[token.end : token.end + 16])
        and _RANKED_AFTER_RE.match(ctx.s, token.end)
    ):
        return True  # "两项指标稳居全市第一": which indicators rank, not a count of work
    if (
        token.unit in _MEMBER_UNITS
        and ctx.s.find("在", max(0, token.start - 6), token.start) >= 0
        and ctx.s.find("中", token.end, token.end + 32) >= 0
        and _PEERS_OF_A_RANK_RE.match(ctx.s, token.end)
    ):
        return True  # "在全市32个街镇的考评中位居第一": the peers of a ranking, no count of work
    if (
        token.unit == "个"
        and ctx.s.startswith("方面", token.end)
        and _ASPECTS_OF_WORK_RE.match(ctx.s, token.end)
    ):
        return True  # "全力做好5个方面的工作": the headings of the work to come, no work counted
    if token.unit == "项" and _counts_indicators(ctx.s, token):
        return True  # "7项重点指标中，有5项排在全市前列": how the indicators did, no work counted
    if token.unit in _ENUM_UNITS and _sizes_the_list(ctx, token):
        return True  # "今年将办好12件实事" over the twelve: the list's size, its items are the facts
    if (
        token.unit in _CAPACITY_UNITS
        or (prev in _OUTPUT_RATE_ENDS and numbers.ends_at_any(ctx.s, token.start, _OUTPUT_RATES))
    ) and _capacity_in_a_name(ctx.s, token):
        return True  # (年产500万件…项目: whatever it counts, an output rate names the facility)
    if (
        token.unit in _AREA_UNITS
        and _AREA_WORK_RE.match(ctx.s, token.end)
        and _STATED_SIZE_RE.search(ctx.s, max(0, token.start - 6), token.start) is None
    ):
        return True  # "新建800平方米堆肥厂": a size in the name of the work (docs/reader-conventions.md)
    if token.unit in _LATIN_POWER_UNITS and ctx.s[token.start - 1 : token.start] in _TIMES_SIGNS:
        return True  # "电厂三期2×660MW扩建工程": each unit's rating, in the name of the works
    if token.unit == "次" and ctx.s.startswith(_VISITED, token.end):
        return True  # "总书记两次视察青山": a leader's visits, an honour told, no work of the place
    if token.unit == "部" and _JOINT_BODIES_RE.match(ctx.s, token.end):
        return True  # "经省5部门联合认定": who acted together, not a count of work
    if token.hi is not None and ctx.s.startswith("岁", token.end):
        return True  # "为2000名40-65岁的群众开展筛查": an age range says who, it counts nothing
    if token.unit in _SPEED_UNITS and ctx.s.endswith("时速", 0, token.start) and _cjk_at(ctx.s, token.end):
        return True  # "时速350公里新型列车": a rating inside the name of a thing, not a quantity of work
    if (
        token.unit in _COUNTER_UNITS
        and ctx.s[token.end : token.end + 1] in _PAGE_COUNTER_FIRST
        and _PAGE_COUNTER_RE.match(ctx.s, token.end)
    ):
        return True  # "28条评论", "1523人浏览", "5人已下载": a web page's counters, not the report's
    if (
        token.unit in _MEMBER_UNITS
        and (
            numbers.ends_at_any(ctx.s, token.start, _FIELD_BEFORE)
            or (
                ("居" in (near := ctx.s[max(0, token.start - 7) : token.start]) or "列" in near)
                and _RANKED_AMONG_RE.search(ctx.s, max(0, token.start - 7), token.start) is not None
            )
        )
        and _FIELD_RANK_RE.match(ctx.s, token.end)
    ):
        # "增速居全省108个县市区前列", "均居青禾八个县市前列": the field a place is ranked in, not a count
        return True
    if token.unit in _MEMBER_UNITS and ctx.s.find("之一", token.end, token.end + 40) >= 0:
        # "全市6个示范县之一": the place is one of a set, it counts nothing it did
        # (the clause's end looked for only when 之一 stands within the widest reach)
        stop = _CLAUSE_RE.search(ctx.s, token.end, token.end + 40)
        if "之一" in ctx.s[token.end : stop.start() if stop else token.end + 40]:
            return True
    if (
        token.unit in _RANK_STEP_UNITS
        and ("名" in (before := ctx.s[max(0, token.start - 20) : token.start]) or "位次" in before)
        and _RANK_STEP_RE.search(before)
    ):
        return True  # "全省排名比上年前进3位": a move in a ranking is a ranking, not a count
    if token.unit == "条" and _policy_package(ctx.s, token):
        return True  # "稳就业18条、稳投资16条": packages of measures named by their number of articles
    if token.unit in _DISTANCE_UNITS and ctx.s.startswith("处", token.end):
        return True  # "干线42公里处的滑坡": a place along a road, not a length of work
    if token.chinese and ctx.s.startswith("大关", token.end) and _milestone_of(ctx.s, token):
        # "完成108.5亿元，突破百亿元大关": the round figure in words restates the amount (a figure in
        # digits, "跨过500亿元大关，达到512.3亿元", is kept: the level passed)
        return True
    if (
        not token.chinese
        and ctx.s[token.end : token.end + 1] in _MILESTONE_FIRSTS
        and ctx.s.startswith(_MILESTONES, token.end)
        and _milestone_of(ctx.s, token, True)
    ):
        # "收入达到312.6亿元，首次突破300亿元关口": a round figure in digits passed right after the
        # amount that passed it says that amount again (before it, "跨过…大关，达到…", it is kept)
        return True
    if token.cut and _CUT_AFTER_VERB_RE.search(ctx.s, max(0, token.start - 4), token.start):
        return True  # "…建设12.5" at the end of a cut text: what it counted went with the rest
    if "连续" in ctx.s[max(0, token.start - 10) : token.start] and _STREAK_FLOOR_RE.search(
        ctx.s, max(0, token.start - 10), token.start
    ):
        return True  # "粮食产量连续5年超过300万吨": a floor passed year after year, no amount of one year
    if (
        ctx.s[token.end : token.end + 1] in _NORM_AFTER_FIRST
        and _NORM_AFTER_RE.match(ctx.s, token.end)
        and numbers.ends_at_any(ctx.s, token.start, _CAPS)  # (its words: three characters at most)
        and _NORM_BEFORE_RE.search(ctx.s, max(0, token.start - 16), token.start)
    ):
        return True  # "按照每个网格不超过20户的要求": a norm followed, per unit, not a count of work
    if (
        token.unit in ("%", "％")
        and _EXPLAINED_AFTER_RE.match(ctx.s, token.end)
        and _explains_a_target(ctx.s, token)
    ):
        return True  # "确定增长5%左右的预期目标，主要是…": a target given above, explained
    return _restates_a_list(ctx.s, token)


# a leader's visit, after "N次"
_VISITED: Final = ("视察", "莅临", "亲临")
# the bodies that acted together, after "N部": "部门联合", "委联合"
_JOINT_BODIES_RE: Final = re.compile(r"[门委](?:联合|共同)")
# "7个方面的工作", "5个方面工作": the headings a plan's work is told under
_ASPECTS_OF_WORK_RE: Final = re.compile(r"方面的?(?:重点)?工作")


# the sentence that explains a target the plan has given: "确定经济增长5%左右的预期目标，主要考虑…"
_EXPLAINED_AFTER_RE: Final = re.compile(r"(?:左右|以上)?的(?:预期)?目标[，,](?:主要|综合|既|是|这)")
_EXPLAINING_RE: Final = re.compile(r"(?:确定|提出|设定|安排)[^，,。；;\n]{0,16}$")


def _explains_a_target(s: str, token: numbers.NumberToken) -> bool:
    return _EXPLAINING_RE.search(s, max(0, token.start - 20), token.start) is not None


# the noun of a list a news item counts: "10件民生实事", "十项惠民工程", "12件候选项目"
_LIST_NOUN_RE: Final = lazy(r"[^，,。；;：:\n]{0,10}?(?:民生实事|实事|民心工程|惠民工程|民生工程|候选项目)")
_CN_SMALL: Final = "一二三四五六七八九十"
# the numbers of a list's entries: "一、" or "1." opening a line, "（1）" or "一是" anywhere
_ENTRY_NUMBER_RES: Final = (
    re.compile(rf"^[ \t\u3000]*([{_CN_SMALL}]{{1,3}})、", re.M),
    re.compile(r"^[ \t\u3000]*(\d{1,2})(?:[.．](?!\d)|、)", re.M),
    re.compile(r"[（(](\d{1,2})[)）]"),
    re.compile(rf"(?<![{_CN_SMALL}])([{_CN_SMALL}]{{1,3}})是"),
)


# the head of a passage that announces a coming year's list
_LIST_HEAD_END: Final = 600


def _sizes_the_list(ctx: _Ctx, token: numbers.NumberToken) -> bool:
    """The size of the list a passage sets out restates the list, whose items are the facts: a
    count of 实事 or 工程 in the head of a passage announcing a coming year's list ("今年将办好12件
    实事"; a round number of a programme too long to list, "办好200件左右的实事", stays a target), or
    one over entries numbered 1 to N ("这10件民生实事是" over ten) in a text not addressed to the
    deputies (a report's ten chapters are no list of ten projects)."""
    s, value = ctx.s, token.value
    if not 2 <= value <= 30 or value != int(value):
        return False
    in_head = ctx.ahead and token.start < _LIST_HEAD_END and token.approx_after is None
    if ctx.to_deputies and not in_head:
        return False
    window = s[token.end : token.end + 16]
    if "实事" not in window and "工程" not in window and "候选项目" not in window:
        return False  # (the pattern tried only where its nouns stand)
    noun = _LIST_NOUN_RE.match(s, token.end)
    if noun is None:
        return False
    if _told_in_a_sentence(s, token.start, token.end) and not _told_before(s, token):
        # "今年将办好8件民生实事。" or "票决产生了8项民生实事项目" in the body, a list under it or not:
        # the year's promise, a target (docs/reader-conventions.md); a headline's count, or the
        # count told again ("这8件民生实事是："), sizes the list
        return False
    # ("20项民生实事候选项目": the 实事 the candidates are for, the noun the candidates)
    if in_head and not noun.group().endswith("候选项目") and not s.startswith("候选", noun.end()):
        return True  # (the candidates a list was chosen from are counted only as listed below)
    if ctx.to_deputies:
        return False
    n = int(value)
    for rx in _ENTRY_NUMBER_RES:
        found = set()
        for m in rx.finditer(s):
            g = m.group(1)
            found.add(int(g) if g.isdigit() else _CN_ORDINALS.index(g) if g in _CN_ORDINALS else 0)
        if all(k in found for k in range(1, n + 1)) and n + 1 not in found:
            return True
    return False


def _told_in_a_sentence(s: str, start: int, end: int) -> bool:
    """The number's line is a sentence (a clause mark in it), not a headline or a heading ("…分别是：")."""
    line_start = s.rfind("\n", 0, start) + 1
    line_end = s.find("\n", end)
    return _SENTENCE_MARK_RE.search(s, line_start, len(s) if line_end < 0 else line_end) is not None


def _told_before(s: str, token: numbers.NumberToken) -> bool:
    """The same count of works told in an earlier sentence, in either numerals ("会议票决产生十件实事。
    这10件实事是："): told again, it sizes the list."""
    for m in _COUNT_OF_WORKS_RE.finditer(s, 0, token.start):
        said = m.group(1)
        value = int(said) if said.isdigit() else numbers.chinese_numeral(said)
        if (
            value == token.value
            and _LIST_NOUN_RE.match(s, m.end()) is not None
            and _told_in_a_sentence(s, m.start(), m.end())
        ):
            return True
    return False


# a count of works in a passage: "8件", "十项", "两个" (what follows tested apart)
_COUNT_OF_WORKS_RE: Final = re.compile(r"([0-9]{1,2}|[一二三四五六七八九十两]{1,3})[件项个]")
_SENTENCE_MARK_RE: Final = re.compile(r"[。，,；;！!？?]")  # (not ：, which opens a list under a heading)


# "按照每个网格不超过20户的要求划分": a cap per unit, named as a requirement
_NORM_AFTER_RE: Final = re.compile(r"(?:的)?(?:要求|标准|规定|原则)")
_NORM_AFTER_FIRST: Final = frozenset("的要标规原")  # (its first characters: tested before it)
_NORM_BEFORE_RE: Final = re.compile(r"(?:按照|依照|按)[^，,。；;]*每")
_CAPS: Final = ("不超过", "不少于", "不低于", "不高于", "不多于", "最多", "至少")


# a verb whose object came after the number ("建设12.5[千瓦…]"): a cut there lost what was counted
_CUT_AFTER_VERB_RE: Final = lazy(
    r"(?:建设|新建|实施|改造|建成|新增|种植|硬化|铺设|安装|培训|发放|引进|打造|开展|举办|组织|落实|带动)$"
)
# a package of measures is named after what it is for: 稳就业, 支持个体工商户发展, “双稳”
_PACKAGE_HEAD_RE: Final = lazy(
    r"(?:稳|保|促|支持|促进|扶持|助企|惠企|纾困|拓展|激励|鼓励)[^、，,。；;：:\n]{1,10}$"
)
_PACKAGE_NEXT_RE: Final = lazy(
    r"、(?:稳|保|促|支持|促进|扶持|助企|惠企|纾困|拓展|激励|鼓励)[^、，,。；;：:\n0-9]{1,10}?[0-9]{1,3}条"
)
# the list's last item, closed by 等措施: "…12条、民企参与园区建设8条等措施"
_PACKAGE_LAST_RE: Final = lazy(r"、[^、，,。；;：:\n0-9]{1,16}?[0-9]{1,3}条等(?:措施|举措|政策)")
_LIST_ITEM_STOP_RE: Final = lazy(r"[、，,。；;：:\n]")


_DISTANCE_UNITS: Final = frozenset({"公里", "千米", "米"})
_MEASURES_AFTER: Final = ("措施", "等措施", "举措", "等举措", "等政策")


def _milestone_of(s: str, token: numbers.NumberToken, before_only: bool = False) -> bool:
    """ "总值达108.5亿元，首次突破百亿元大关": a round figure passed (大关) next to the amount that
    passed it, in the clause before or after (``before_only``: before), says that amount again."""
    lo, hi = max(0, token.start - 16), min(len(s), token.end + 16)
    if before_only:
        hi = token.end
    for other in numbers.scan(s[lo:hi]):
        if (lo + other.start < token.start or (not before_only and lo + other.start > token.start)) and (
            other.unit == token.unit
            and token.value <= other.value < 1.5 * token.value
            and _YEAR_TOKEN_RE.search(s, min(lo + other.end, token.end), max(lo + other.start, token.start))
            is None
        ):
            return True
    return False


# the round figure an amount passed: "突破300亿元大关", "跨越千亿关口"
_MILESTONES: Final = ("大关", "关口", "大關", "關口")
_MILESTONE_FIRSTS: Final = frozenset("大关關")


def _policy_package(s: str, token: numbers.NumberToken) -> bool:
    """ "稳就业18条、稳投资16条、支持个体工商户发展22条": a list of packages named by their article
    counts (both annotators of the fifth round: names, not counts). One alone is left a count."""
    if token.value != int(token.value) or not 2 <= token.value <= 100:
        return False
    after_list = numbers.starts_at(s, token.end, "、")
    lo = max(0, token.start - 14)
    if not (after_list or s.find("条、", lo, token.start) >= 0):
        return False  # (no list of 条 around it: most numbers of 条 stop here)
    item_start = lo
    for stop in _LIST_ITEM_STOP_RE.finditer(s, lo, token.start):
        item_start = stop.end()
    own = item_start < token.start and _PACKAGE_HEAD_RE.search(s, item_start, token.start) is not None
    own = own or (token.start > 0 and s[token.start - 1] in '”"》')
    # the last of the list, closed by 等措施: "助企纾困22条、民企参与投资项目13条等措施"
    own = own or numbers.starts_at_any(s, token.end, _MEASURES_AFTER)
    if after_list and (_PACKAGE_NEXT_RE.match(s, token.end) or _PACKAGE_LAST_RE.match(s, token.end)):
        return True  # (a sibling after it is a package, so is this one)
    # a package before it: "…20条、" closes the item before this one
    return own and item_start >= 2 and s[item_start - 1] == "、" and s[item_start - 2] == "条"


_STREAK_FLOOR_RE: Final = lazy(r"连续(?:[0-9]+|[一二两三四五六七八九十]+)年(?:超过|突破|超|高于)$")


# "青禾农业1500亩种植基地玉米产量创新高", "某某20万头生猪养殖基地开工": a capacity inside the name of a
# facility (a name right before the number, a facility word after it) is part of the name, not a fact;
# "新建1500亩种植基地" (a verb before the number) stays one
_RANK_NEEDLE_RE: Final = re.compile(r"[居列排]")
_RANKED_AFTER_RE: Final = re.compile(
    r"[^，,。；;：:\n]{0,10}?(?:稳居|位居|居|位列|名列|排名|排在)(?:全国|全省|全市|全区|全县|同类|[省市县区])?(?:第|前|首位)"
)
_PEERS_OF_A_RANK_RE: Final = re.compile(
    r"[^，,。；;：:\n\d]{0,30}?中(?:继续|仍然|仍|再次|连续|均)?(?:稳居|位居|位列|名列|排名|排在|居)"
    r"(?:全国|全省|全市|全区|全县)?(?:第|前|首位)"
)
# "6项主要指标增速领先", "3项考核指标好于全市平均": the indicators a place is judged by
_INDICATORS_RE: Final = re.compile(
    r"(?:主要|重点|核心|关键|结构性|约束性|预期性|考核|经济|发展|监测|统计|工业|民生)*指标"
)
_ITEMS_COUNT_RE: Final = lazy(r"(?:[0-9]+|[一二两三四五六七八九十]+)项")
# what stands before a count of some of those indicators: "其中2项排第一", "有4项进入…"
_SUBSET_LEAD_RE: Final = re.compile(r"\s*(?:其中|另有|有|均|并|且)*")


def _counts_indicators(s: str, token: numbers.NumberToken) -> bool:
    """A count of indicators ("7项重点指标中"), or of some of those counted before it in the
    sentence ("…，有5项排名上升，其中2项排第一"): how a place's indicators did, a ranking (the
    annotators of three corpora of openings: no fact)."""
    if _INDICATORS_RE.match(s, token.end):
        return True
    lo = max(0, token.start - 80)
    start = max(lo, *(s.rfind(c, lo, token.start) + 1 for c in _SENTENCE_END))
    if s.find("指标", start, token.start) < 0:
        return False
    end = token.start
    # back through the counts before it, each only "有"/"其中" in its clause, to the indicators
    while True:
        clause = max(start, *(s.rfind(c, start, end) + 1 for c in "，,：:"))
        if _SUBSET_LEAD_RE.fullmatch(s, clause, end) is None:
            return False
        counts = list(_ITEMS_COUNT_RE.finditer(s, start, clause))
        if not counts:
            return False
        last = counts[-1]
        if _INDICATORS_RE.match(s, last.end()):
            return True
        end = last.start()


_RANK_STEP_UNITS: Final = frozenset({"位", "名"})
_RANK_STEP_RE: Final = re.compile(
    r"(?:排名|位次|名次)[^，,。；;]{0,12}?(?:前进|上升|提升|提高|跃升|晋升|后退|下降|再进|进|升|退)了?$"
)
_SPEED_UNITS: Final = frozenset({"公里", "千米"})
_COUNTER_UNITS: Final = frozenset({"人", "条", "次"})
# (the verb ends its phrase: "浏览展板1200人次" is work done)
_PAGE_COUNTER_RE: Final = re.compile(
    r"已?(?:下载|收藏|浏览|查看|点赞|评论|回复|阅读|转发|围观)(?=$|[^\u4e00-\u9fff]|已|共)"
)
_PAGE_COUNTER_FIRST: Final = frozenset("已下收浏查点评回阅转围")  # (tested before it)
_OUTPUT_RATES: Final = ("年产", "日产", "年处理", "日处理", "年加工", "日加工")
_OUTPUT_RATE_ENDS: Final = frozenset("产理工")
_CAPACITY_UNITS: Final = frozenset(
    {"头", "亩", "吨", "只", "羽", "栋", "千瓦", "兆瓦", "吉瓦", "MW", "GW", "平方米"}
)
_FACILITY_RE: Final = re.compile(r"基地|项目|工程|生产线|养殖场|产业园")
_VERBISH_RE: Final = re.compile(
    r"了|落实|聚焦|建|完成|实施|推进|新增|打造|种植|发展|引进|流转|改造|投资|带动|开展|启动|争取|实现|培育|扩大|"
    r"巩固|提升|新|改|抓|办|有|达|为|是|到|至|在|共|计|约|近|超|的|和|及|与|、"
)


_LATIN_POWER_UNITS: Final = frozenset({"GW", "MW"})
_POWER_UNITS: Final = frozenset({"千瓦", "兆瓦", "吉瓦", "MW", "GW"})
_AREA_UNITS: Final = frozenset({"平方米", "平米", "㎡"})
# a work named right after its floor area, nothing between but its name: "5300平方米智慧便民市场" (not
# space of a kind built by the area, "40万平方米标准厂房建设": the amount of the work)
_AREA_WORK_RE: Final = re.compile(
    r"[^\s\d，,。；;：:、（）()的及和与]{0,8}?(?:市场|厂|(?<!车)间|站|馆|中心|大楼|楼|综合体|食堂|学校|广场|公园)"
    r"(?=[，,。；;、\s\d一二两三四五六七八九十]|$|建成|投入|投用|落成|开工|竣工|已|正式|项目)"
)
# the size told as such before the number: "建筑面积2000平方米", "占地800平方米"
_STATED_SIZE_RE: Final = re.compile(r"面积|占地|规模|总建|达到?|共计?|约|超过?")
# a work named right after its rating: "500千瓦光伏电站", "2万千瓦分布式光伏项目" (a short modifier between)
_POWER_WORK_RE: Final = re.compile(r"[^\s\d，,。；;：:、（）()]{0,8}?(?:项目|工程|电站|电厂|风电场)")
# the capacity told as such before the number: "装机容量20兆瓦", "新增装机2万千瓦", "规模达5兆瓦"
_STATED_CAPACITY_RE: Final = re.compile(r"(?:装机|容量|规模|产能|功率)")
_TIMES_SIGNS: Final = frozenset("×xX*")


def _capacity_in_a_name(s: str, token: numbers.NumberToken) -> bool:
    prev = s[token.start - 1 : token.start]
    if not prev or not _cjk_at(prev):
        return False
    # (docs/reader-conventions.md: a capacity that is part of a work's name is no fact, whatever verb
    # comes before the work: "引进年产30万头生猪养殖项目", "建设2万千瓦分布式光伏项目"; a capacity stated
    # as such, "新增装机2万千瓦", is)
    if prev in _OUTPUT_RATE_ENDS and numbers.ends_at_any(s, token.start, _OUTPUT_RATES):
        stop = _first_in(s, token.end, token.end + 30, _B_STOP_CODES)
        if _FACILITY_RE.search(s, token.end, stop if stop >= 0 else token.end + 30) is not None:
            return True
    elif (
        token.unit in _POWER_UNITS
        and _POWER_WORK_RE.match(s, token.end)
        and _STATED_CAPACITY_RE.search(s, max(0, token.start - 6), token.start) is None
    ):
        return True
    lo = _after_last(s, max(0, token.start - 30), token.start, _CLAUSE_END_CODES)  # (_CLAUSE_RE's last)
    if _VERBISH_RE.search(s, lo, token.start):
        return False  # "落实了3000亩…基地", "聚焦500亩产业园": a verb before, the number is what it did
    stop = _first_in(s, token.end, token.end + 30, _B_STOP_CODES)  # (_B_STOP_RE.search)
    return _FACILITY_RE.search(s, token.end, stop if stop >= 0 else token.end + 30) is not None


def _alone_on_its_line(s: str, token: numbers.NumberToken) -> bool:
    start = s.rfind("\n", 0, token.start) + 1
    end = s.find("\n", token.end)
    return not s[start : token.start].strip() and not s[token.end : end if end >= 0 else len(s)].strip()


_FIELD_BEFORE: Final = ("全国", "全省", "全市", "全州", "全区", "全盟")
_RANKED_AMONG_RE: Final = re.compile(f"(?:居|列)[{CJK}]{{2,4}}$")
_FIELD_RANK_RE: Final = lazy(
    r"[^，,。；;：:\n]{0,5}?[县市区镇乡省州旗盟国道](?:中|之中)?"
    r"(?:前列|前茅|首位|末位|第[一二三四五六七八九十0-9]|排名|排位|位次|位居|名列|居)"
)
_MEMBER_UNITS: Final = frozenset({"个", "家", "项", "名", "位", "所", "座"})
_LIST_SPLIT_RE: Final = re.compile(r"、|和|及|与")
_OPENS_LIST_RE: Final = re.compile(r"[（(：:]")
_LIST_BEFORE_STOP_RE: Final = re.compile(r"[，,。.；;：:！？!?\n（()）“”\"]")
_LIST_BEFORE_STOP_CODES: Final = _code_table('，,。.；;：:！？!?\n（()）“”"')  # (its class)
# (a company or a works is often named at length: 甲乙新型防水材料, 某某国际度假区)
_NAME_ITEM_RE: Final = lazy(f"[{CJK}A-Za-z0-9·]{{1,16}}")  # (a digit in a name: 75中, 5G)
_ARABIC_DIGIT_RE: Final = re.compile(r"[0-9]")
_CN_NUMERAL_CHAR_RE: Final = re.compile(r"[零〇一二两三四五六七八九十百千万]")
_ENTRY_MARK_RE: Final = re.compile(r"[ \t\u3000]*(?:(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})、)?")
# a news dispatch's lead before its first sentence: "青禾新闻网讯（记者 李青）", "本报讯"
_NEWS_LEAD_RE: Final = re.compile(r"[^，,。；;\n]{0,12}?[网报台社]讯(?:[（(][^（()）]{0,24}[)）])?[\s：:]*")
_NAMES_LEAD_RE: Final = re.compile(r"^(?:即|包括|分别是|分别为)[：:]?")
_LIST_AFTER_RE: Final = re.compile(rf"[{CJK}]{{0,10}}?[（(：:](?P<names>[^）)。；;\n]{{2,120}})")


# a class of projects, then the projects of it by name, then 均/都 ("…项目甲项目、乙项目均…")
_NAMED_PROJECTS_AFTER_RE: Final = lazy(
    rf"[{CJK}]{{2,12}}?项目(?P<names>(?:[{CJK}A-Za-z0-9·（）()]{{2,30}}?项目、)+[{CJK}A-Za-z0-9·（）()]{{2,30}}?项目)(?:均|都)"
)


def _restates_a_list(s: str, token: numbers.NumberToken) -> bool:
    """ "会兴、护林…、北济7个行政村", "三个联建村（甲村、乙村、丙村）": the count only restates the
    names written right there, so it is not a fact."""
    value = token.value
    if not 2 <= value <= 30 or value != int(value) or numbers.unit_is_percent(token.unit):
        return False
    close = token.start - 1 if s[token.start - 1 : token.start] == "等" else token.start
    mark = s[close - 1 : close]
    if mark and mark in _CLOSING_QUOTES:
        # "抓好“甲、乙、丙”三件大事", "“安全、美丽”等两个社区建设", "实施‘甲、乙、丙’三项行动" (a quote
        # within a quote): the quoted names, then their count
        opening = _CLOSING_QUOTES[mark]
        opened = s.rfind(opening, max(0, close - 80), close - 1)
        names = s[opened + 1 : close - 1] if opened >= 0 else ""
        if "、" in names and mark not in names and not _counts_in(names):
            items = names.split("、")
            if len(items) == value and all(1 <= len(x) <= 12 for x in items):
                return True
    # the last name ends right before the number: a 、 within a name's length before it
    if (
        s.rfind("、", max(0, token.start - 17), token.start) >= 0
        and s[token.start - 1] not in "、，,。；;：:\n"
    ):
        lo = max(0, token.start - 160)
        seg_start = _after_last(s, lo, token.start, _LIST_BEFORE_STOP_CODES)  # (its last stop's end)
        if seg_start == 0 or s[seg_start - 1] == "\n":
            # "三、完成2个村的…": the number of the line's entry is no name of a list
            seg_start = _ENTRY_MARK_RE.match(s, seg_start).end()  # type: ignore[union-attr]  # (matches "")
        seg = s[seg_start : token.start]
        if "、" in seg and not _counts_in(seg):  # "示范村1个、先进村2个" is two facts
            items = _LIST_SPLIT_RE.split(seg)
            if len(items) == value and all(_is_name(x) for x in items[1:]):
                return True
            # a name may hold 和 or 与 itself ("甲、乙和丙、深化协作和支援等4个方面"): the names by 、 alone
            items = _names_by_commas(seg)
            if len(items) == value and all(_is_name(x) for x in items[1:]):
                return True
    if (
        value == 2
        and _cjk_at(s, token.start - 1)
        and _JOINED_SPLIT_RE.search(s, max(0, token.start - 18), token.start)
    ):
        # "保障甲公司和乙能源两个重点项目": two names joined by 和 and their count
        lo = max(0, token.start - 18)
        seg_start = _after_last(s, lo, token.start, _LIST_BEFORE_STOP_CODES)  # (its last stop's end)
        if seg_start == 0 or s[seg_start - 1] == "\n":
            seg_start = _ENTRY_MARK_RE.match(s, seg_start).end()  # type: ignore[union-attr]
        items = _JOINED_SPLIT_RE.split(s[seg_start : token.start])
        if (
            len(items) == 2
            and not _counts_in(s[seg_start : token.start])
            and 2 <= len(items[1])
            and _is_name(items[1])
        ):
            return True
    if s[token.start - 1 : token.start] == "等":
        # "甲工程以及乙和丙等3个项目": the names joined by 以及/和, then 等 and their count
        lo = max(0, token.start - 80)
        seg_start = _after_last(s, lo, token.start, _LIST_BEFORE_STOP_CODES)  # (its last stop's end)
        if seg_start == 0 or s[seg_start - 1] == "\n":
            seg_start = _ENTRY_MARK_RE.match(s, seg_start).end()  # type: ignore[union-attr]
        seg = s[seg_start : token.start - 1]
        items = _JOINED_SPLIT_RE.split(seg)
        if len(items) == value and not _counts_in(seg) and all(_is_name(x) for x in items[1:]):
            return True
    if token.unit in _ENUM_UNITS and int(value) < len(_CN_ORDINALS) - 1:
        # "今年要办的十件民生实事：一是…十是…": the count restates the list that follows it
        em = (
            _ENUM_AHEAD_RE.search(s, token.end, token.end + 60)
            if s.find("一是", token.end, token.end + 60) >= 0
            else None
        )
        if em:
            nxt = s.find("一是", em.end())
            end = nxt if nxt >= 0 else min(len(s), em.end() + 4000)
            n = int(value)
            if (
                s.find(_CN_ORDINALS[n] + "是", em.end(), end) >= 0
                and s.find(_CN_ORDINALS[n + 1] + "是", em.end(), end) < 0
            ):
                return True
    if (
        token.unit == "个"
        and value <= 5
        and s.find("项目", token.end, token.end + 14) >= 0
        and (named := _NAMED_PROJECTS_AFTER_RE.match(s, token.end))
    ):
        # "2个重点项目甲公司扩建项目、乙公司技改项目均已投产": the count, then the projects it counts by
        # name, then what they all did
        if named.group("names").count("、") == value - 1:
            return True
    m = _LIST_AFTER_RE.match(s, token.end) if _opens_a_list(s[token.end : token.end + 12]) else None
    if m and "、" in m["names"] and not _counts_in(m["names"]):
        # ("两个品牌（即：甲节、乙节）": the names after a word that introduces them)
        items = _LIST_SPLIT_RE.split(_NAMES_LEAD_RE.sub("", m["names"], count=1))
        if len(items) == value and all(_is_name(x) for x in items):
            return True
    if s.startswith(_NAMED_AFTER_LEADS, token.end):
        # "创建省级文明村2个，分别是甲村、乙村": the count, then its names after 分别是
        nm = _NAMED_AFTER_RE.match(s, token.end)
        if nm and not _counts_in(nm["names"]):
            items = _JOINED_SPLIT_RE.split(nm["names"])
            if len(items) == value and all(_is_name(x) for x in items):
                return True
    return False


_CLOSING_QUOTES: Final = {"”": "“", "’": "‘", "」": "「"}
_NAMED_AFTER_LEADS: Final = ("，分别", ",分别", "，即", ",即")
_NAMED_AFTER_RE: Final = re.compile(
    r"[，,](?:分别是|分别为|即)[：:]?(?P<names>[^。；;\n，,：:]{2,120})(?=[。；;\n，,]|$)"
)


# "《甲报告》、《乙报告》和《丙报告》等三个报告": names in title marks or quotes
_TITLED_NAME_RE: Final = lazy(r"[《“\"「][^《》“”\"「」\n]{1,30}[》”\"」]")


def _names_by_commas(seg: str) -> list[str]:
    """The names of a list split at its 、 only, the 等 closing it dropped."""
    return (seg[:-1] if seg.endswith("等") else seg).split("、")


def _is_name(item: str) -> bool:
    return _NAME_ITEM_RE.fullmatch(item) is not None or _TITLED_NAME_RE.fullmatch(item) is not None


def _counts_in(seg: str) -> bool:
    """A number with its measure word in ``seg`` ("示范村1个、先进村两个"); a numeral inside a name
    (百森, 三星) counts nothing."""
    if _ARABIC_DIGIT_RE.search(seg) is not None:
        # (a digit in a name counts nothing: "第75中学", "75中改扩建", "5G基站建设")
        return any(token.unit for token in numbers.scan(seg))
    return _CN_NUMERAL_CHAR_RE.search(seg) is not None and numbers.CN_RE.search(seg) is not None


_JOINED_SPLIT_RE: Final = re.compile(r"以及|、|和|及|与")
_ENUM_UNITS: Final = frozenset({"件", "项", "个", "条", "大"})
_ENUM_AHEAD_RE: Final = re.compile(r"[：:，,]\s*一是")
_CN_ORDINALS: Final = ["", *"一二三四五六七八九十"] + [f"十{c}" for c in "一二三四五六七八九"] + ["二十"]
_SIZE_CLASS_AFTER_RE: Final = re.compile(r"级|企业|大项目|大項目")  # (10亿元大项目零的突破: a class)
_SIZE_CLASS_AFTER: Final = tuple(_SIZE_CLASS_AFTER_RE.pattern.split("|"))


def _is_threshold(s: str, token: numbers.NumberToken) -> bool:
    """亿元以上项目, 超5亿元内资项目, 10-50万元的村: the number belongs to the metric's wording."""
    end = token.end
    after = s[end : end + 1]
    # (whether a noun follows is looked at only where it decides)
    if token.approx_after in ("以上", "以下") and after and (_cjk_at(after) or after.isdigit()):
        # (but "新建300家以上乡村书屋", "举办800场以上演出": a count of the things made or held, the
        # measure word theirs and a verb of doing right before it)
        return not (token.unit in _COUNTED_BY and s.endswith(_DOING_VERBS, 0, token.start))
    unit = token.unit
    money = unit in numbers.MONEY_UNITS or (unit is None and token.multiplied)
    if token.hi is not None and (after == "的" or (money and s.startswith(("项目", "企业"), end))):
        return True  # 10-50万元的村, 在10-500万元项目中
    if unit in _LENGTH_UNITS and _ZONE_AFTER_RE.match(s, end):
        return True  # 500米卫生防护距离内的房屋: a distance that bounds the zone the metric names
    if not money:
        return False
    if after and (after in "(（" or (after in ")）" and s[token.start - 1 : token.start] in "(（")):
        # "新签约5亿元(3000万美元)以上项目60个": the bound and its equivalent in brackets, both the metric's
        close = end
        if after in "(（":
            inner = _BRACKETED_RE.match(s, end + 1)
            close = inner.end() if inner is not None else -1
        if close >= 0 and s.startswith(("以上", "以下"), close + 1) and _cjk_at(s, close + 3):
            return True
    if (
        after not in "的"
        and s.endswith(("超", "超过"), 0, token.start)
        and (
            _cjk_at(after)
            or after.isdigit()
            or _COUNT_THEN_BAR_RE.search(s, max(0, token.start - 24), token.start)
        )
    ):
        # (and "新增5个村集体收入超过20万元", "30%的村年收入超50万元": the bar the things counted pass)
        return True
    # 10亿元企业, 亿元级项目: a size class, not an amount
    return s.startswith(_SIZE_CLASS_AFTER, end, end + 3)  # (_SIZE_CLASS_AFTER_RE.match, its words)


_BRACKETED_RE: Final = re.compile(r"[^()（）\n]{1,16}(?=[)）])")
# ("10个行政村全部超过50万元" says what each of them reached: a level, not a bar)
_COUNT_THEN_BAR_RE: Final = re.compile(
    r"[\d一二三四五六七八九十两](?:个|%的)[^，,。；;\d]{1,12}?(?<!全部)(?<![均都])超过?$"
)
_COUNTED_BY: Final = frozenset("个家场所座条处项件台栋间")
_DOING_VERBS: Final = tuple(
    "新建 建成 建设 组织 举办 开展 打造 培育 新增 改造 实施 完成 创办 创建 引进 招引".split()
)
_LENGTH_UNITS: Final = frozenset({"米", "公里", "千米"})
_ZONE_AFTER_RE: Final = re.compile(r"[^，,。；;、\d]{0,6}?(?:防护距离|距离|范围)(?:之?内|以内)")
_SIZE_BEFORE_RE: Final = re.compile(r"(?:超过|超|高于|不低于|不少于|低于|不足)$")


def _is_size_class(s: str, token: numbers.NumberToken, nxt: numbers.NumberToken | None) -> bool:
    """超过50万元的村(达到2个): an amount that sorts the things counted by the next number;
    其中20亿元项目2个: an amount naming a class of projects that the next number counts."""
    if nxt is None:
        return False
    money = numbers.unit_is_money(token.unit) or (token.unit is None and token.multiplied)
    if money and s.startswith(("项目", "级项目", "企业"), token.end) and nxt.start - token.end <= 6:
        return _CLAUSE_RE.search(s, token.end, nxt.start) is None
    if not numbers.starts_at(s, token.end, "的") or nxt.start - token.end > 16:
        return False
    if not (numbers.unit_is_money(token.unit) or (token.unit is None and token.multiplied)):
        return False
    if token.approx_after not in ("以上", "以下", "以内") and not _SIZE_BEFORE_RE.search(
        s, max(0, token.start - 2), token.start
    ):
        return False
    return _CLAUSE_RE.search(s, token.end, nxt.start) is None


# (the boundaries around a number are found by looking at the characters on either side of it, their
# codes compared: a regex search of the reversed text cost a call and a test of the class at each
# character, several times as much; a sentence holds some fifty characters, a clause fewer)
_SENTENCE_END_CODES: Final = _code_table(_SENTENCE_END)
_CLAUSE_END_CODES: Final = _code_table(_CLAUSE_END)


def _ends_a_sentence(o: int) -> bool:
    """The character of code ``o`` is one of _SENTENCE_END."""
    return o < 0x10000 and ord(_SENTENCE_END_CODES[o]) != 0


def _ends_a_clause(o: int) -> bool:
    """The character of code ``o`` is one of _CLAUSE_END."""
    return o < 0x10000 and ord(_CLAUSE_END_CODES[o]) != 0


def _after_last(s: str, lo: int, hi: int, codes: str) -> int:
    """Just after the last character of s[lo:hi] (0 <= lo) marked in the table ``codes`` (_code_table),
    else ``lo``: where the last match of a one-character class's ``finditer(s, lo, hi)`` ends, found from
    ``hi`` back."""
    i = min(hi, len(s)) - 1
    while i >= lo:
        o = ord(s[i])
        if o < 0x10000 and ord(codes[o]) != 0:
            return i + 1
        i -= 1
    return lo


def _first_in(s: str, lo: int, hi: int, codes: str) -> int:
    """Where the first character of s[lo:hi] (0 <= lo) marked in the table ``codes`` stands, else -1 (a
    one-character class's ``search``)."""
    for i in range(lo, min(hi, len(s))):
        o = ord(s[i])
        if o < 0x10000 and ord(codes[o]) != 0:
            return i
    return -1


def _sentence(ctx: _Ctx, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: after the last sentence end before it (_SENTENCE_RE), up to the
    first at or after it."""
    s = ctx.s
    n = len(s)
    j = _first_in(s, max(pos, 0), n, _SENTENCE_END_CODES)
    return _after_last(s, 0, pos, _SENTENCE_END_CODES), (j if j >= 0 else n)


def _clause_start(ctx: _Ctx, pos: int, floor: int) -> int:
    """Where the clause of ``pos`` starts: after the last clause end (_CLAUSE_RE) in s[floor:pos],
    else at ``floor``; or after a bracket opened there and left open."""
    start = _after_last(ctx.s, max(floor, 0), pos, _CLAUSE_END_CODES)
    if start <= 0 and floor < 0:
        start = floor  # (none found: the floor, as given)
    # an opening bracket left open before pos starts the clause (the text's brackets found once)
    k = _bisect_left(ctx.opens, pos) - 1
    if k >= 0 and (open_paren := ctx.opens[k]) >= start:
        j = _bisect_left(ctx.closes, pos) - 1
        if j < 0 or ctx.closes[j] < open_paren:
            start = open_paren + 1
    return start


def _strip(s: str, start: int, end: int, growth: bool = False) -> tuple[int, int]:
    """Trim filler words at both ends of s[start:end]; returns the new span."""
    # (isdecimal after isdigit: compiled, isdigit is a native test and isdecimal a method call, and
    # every decimal is a digit)
    if start < end and ((c := s[start]) in _PREFIX_FIRSTS or (c.isdigit() and c.isdecimal()) or c.isspace()):
        start = _prefixes_end(s, start, end)
    suffixes = (_SUFFIXES, _GROWTH_SUFFIXES) if growth else (_SUFFIXES,)
    changed = True
    while changed and start < end:
        changed = False
        for table in suffixes:
            if end <= start or s[end - 1] not in table.last:
                continue  # (at_end's own first test, without the call: most ends are no word's)
            word = table.at_end(s, start, end)
            if word is None:
                continue
            if (
                word in _BAD_APPROX_BEFORE
                and s[end - len(word) - 1 : end - len(word)] in _BAD_APPROX_BEFORE[word]
            ):
                continue  # 下达, 签约: part of a word, not a qualifier
            end -= len(word)
            changed = True
    while start < end and s[end - 1] in " \n":
        end -= 1
    return start, end


def _b_span(ctx: _Ctx, token: numbers.NumberToken, limit: int) -> tuple[int, int]:
    """The noun phrase right after an attributive number (14个[招商小分队])."""
    s = ctx.s
    start = token.end
    if (
        start < len(s)
        and s[start] in "（("
        and (aside := _INNER_ASIDE_RE.match(s, start))
        and aside.end() < limit
        and _cjk_at(s, aside.end())
    ):
        start = aside.end()  # "新建5所（含民办）幼儿园": the noun after the aside
    if start >= len(s) or (not _cjk_at(s, start) and s[start] not in '“"《0123456789'):
        return start, start
    # (the stops of _B_STOP_RE found by their codes; an aside opens with a bracket: tested before it)
    stop = _first_in(s, start, min(limit, start + 40), _B_STOP_CODES)
    if (
        stop >= 0
        and s[stop] in "（("
        and (aside := _INNER_ASIDE_RE.match(s, stop))
        and _cjk_at(s, aside.end())
    ):
        # "80个公共(含专用)泊位": an aside inside the noun, which runs on after it
        stop = _first_in(s, aside.end(), min(limit, start + 40), _B_STOP_CODES)
    end = stop if stop >= 0 else min(limit, start + 40)
    # "326户1021人[全部脱贫]", "12个行政村集体经济收入[全部超过]": a predicate is not the noun (and a
    # 等 after it closes the verb's object: "1000名医护人员先后驰援甲、乙等地")
    if "、" in s[start:end] and (nc := _B_NEXT_CLAUSE_RE.search(s, start, end)):
        end = nc.start()  # "跨过2个千亿元台阶、年均增长6%": a 、 that opens a clause of change
    # (searched from the first character a word of it opens with, found by its code: most nouns hold none)
    first = _first_in(s, start, end, _B_PREDICATE_CODES)
    pm = _B_PREDICATE_RE.search(s, first, end) if first >= 0 else None
    if pm:
        end = pm.start()
    sv = (
        _B_STAGE_RE.search(s, start + 3, end)
        if end - start > 4
        and (
            s[start] == "的"
            or numbers.ends_at_any(s, token.start, _ATTRIBUTE_NOUNS)
            or token.unit in _SIZE_UNITS
            or token.unit in numbers.MONEY_UNITS
        )
        else None
    )
    if sv:
        # "占地300亩的甲公园建成开园", "投资5亿元乙项目落户园区", "2000平方米服务中心建成": the thing the
        # amount measures, not the stage it reached ("12个项目竣工" counts the projects at that stage: kept)
        end = sv.start()
    seg = s[start:end]
    if "等" in seg:
        at = seg.rfind("等")
        of = seg.find("的")
        if 0 < of < at and _GENERIC_WORK_RE.fullmatch(seg, at + 1):
            end = start + of  # "2个小区的转运、配送等各项工作": the count is of the things before 的
        elif of == 0 and at > 2 and token.unit in numbers.MONEY_UNITS:
            end = start + at  # "投资2亿元的甲基地等一批项目": the amount is the thing's own, before 等
        else:
            start += at + 1
    if s[start : start + 1] in _NOT_A_THING_OR_VERB_FIRST and (
        _NOT_A_THING_RE.match(s, start) or _B_VERB_START_RE.match(s, start)
    ):
        # "突破70亿元目标", "60亿大关", "由11个增至17个": nothing new is named
        return start, start
    while start < end:
        c = s[start]
        m = _B_PREFIX_RE.match(s, start, end) if c in _B_PREFIX_FIRST or c.isspace() else None
        if not m:
            break
        start = m.end()
    while start < end:  # (the span holds no newline: the stop characters include it)
        if end - 2 >= start and numbers.starts_at(s, end - 2, "其中"):
            end -= 2
        elif s[end - 1] in _B_SUFFIX_CHARS or s[end - 1].isspace():
            end -= 1
        else:
            break
    return start, min(end, start + 20)


def _closed_aside(ctx: _Ctx, a: int, b: int) -> int:
    """Where the bracket that closes between ``a`` and ``b`` was opened (-1 if none closes there)."""
    j = _bisect_left(ctx.closes, b) - 1
    if j < 0 or ctx.closes[j] < a:
        return -1
    k = _bisect_left(ctx.opens, ctx.closes[j]) - 1
    return ctx.opens[k] if k >= 0 and ctx.opens[k] < a else -1


def _metric_text(ctx: _Ctx, spans: list[tuple[int, int]]) -> str:
    text = ctx.text
    out = ""
    for a, b in spans:  # (one or two spans: no list to join)
        if b > a:
            out += text[a:b]
    if _has_quote_char(out):
        out = _QUOTE_CHARS_RE.sub("", out)
    if "下同" in out or "简称" in out or "簡稱" in out:
        out = _cut(out, _ASIDE_RE)  # "比2012年(下同)增长": the aside tells the reader, it names nothing
    if "年" in out:
        out = _YEAR_IN_METRIC_RE.sub("", out)
        out = _cut(out, _START_LEFT_RE)  # "生产总值由2020年的": the start value's year gone, 由…的 too
    return out.strip()


_QUOTE_CODES: Final = _code_table('“”"‘’《》「」')  # (_QUOTE_CHARS_RE's class)


def _has_quote_char(s: str) -> bool:
    """``_QUOTE_CHARS_RE.search(s) is not None``, the codes of the characters compared (no CJK
    ideograph is one of them): most metrics hold none, and the call would cost more than the loop."""
    for i in range(len(s)):
        o = ord(s[i])
        if o < 0x10000 and ord(_QUOTE_CODES[o]) != 0:
            return True
    return False


def _cut(text: str, rx: re.Pattern) -> str:
    """``text`` without what ``rx`` finds in its simplified form (the same length, char for char)."""
    simple = simplify(text)
    for m in reversed(list(rx.finditer(simple))):
        text = text[: m.start()] + text[m.end() :]
    return text


def _commitment(ctx: _Ctx, sent_start: int, pos: int) -> tuple[int, int] | None:
    """The last ``_COMMIT_RE`` match in s[sent_start:pos], from the matches of the whole text.

    A sentence starts after a sentence end, which no match holds, so the whole text's matches are the
    sentence's; each is two characters or 拟, so one that runs past ``pos`` is none before it. (A
    search per number went over the sentence again for every target in it.)
    """
    k = _bisect_right(ctx.commit_ends, pos) - 1
    if k >= 0 and ctx.commits[k][0] >= sent_start:
        return ctx.commits[k]
    return None


def _year_line(ctx: _Ctx, pos: int) -> tuple[int, int, str, int] | None:
    for span in ctx.year_lines:
        if span[0] <= pos < span[1]:
            return span
    return None


def _part(ctx: _Ctx, pos: int) -> str:
    if ctx.year_lines and (under := _year_line(ctx, pos)) is not None:
        return under[2]
    k = _bisect_right(ctx.section_starts, pos) - 1
    if k < 0 and ctx.year_lists:
        for a, b, _ in ctx.year_lists:
            if a <= pos < b:
                return "plan"
    if k < 0 and ctx.review_lines:
        for a, b in ctx.review_lines:
            if a <= pos < b:
                return "review"
    if k < 0 and ctx.plan_lines:
        for a, b in ctx.plan_lines:
            if a <= pos < b:
                return "plan"
    return ctx.sections[k].part if k >= 0 else ctx.preamble_part


def _explicit_year(ctx: _Ctx, sent_start: int, pos: int) -> int | None:
    k = _bisect_left(ctx.year_starts, pos) - 1  # (the last year token starting before pos)
    if k < 0:
        return None
    ystart, yend, year = ctx.years[k]
    if ystart < sent_start:
        return None
    if _ARRIVAL_RE.search(ctx.s, yend, pos):
        return None
    if _THIS_YEAR_RE.search(ctx.s, yend, pos):
        return None  # "2023年完成投资80亿元，今年要完成90亿元": the year named last is this one
    return year


def _finished_year(ctx: _Ctx, prospect: re.Match, year: int | None) -> bool:
    """ "预计2024年全镇可实现生产总值7亿元", "预计全年可达": an estimate of the year reviewed (SCHEMA: actual)."""
    said = ctx.s[prospect.start() : prospect.end()]
    if "全年" in said:
        return True
    ym = _YEAR_TOKEN_RE.search(said)
    return ym is not None and year is not None and int(ym.group(1)) <= year


def _fact(
    ctx: _Ctx,
    token: numbers.NumberToken,
    chain_end: numbers.NumberToken,
    sent_start: int,
    limit: int,
    prev_end: int,
    in_sentence: list[_Item],
) -> _Item:
    """One number's fact, read in its sentence. (Typed: compiled, its attributes and string
    operations are native calls, not generic ones.)"""
    s = ctx.s
    floor = prev_end if prev_end > sent_start else sent_start
    clause_start = _clause_start(ctx, token.start, floor)
    while clause_start - 1 > floor and s[clause_start - 1] == "、":
        # "新增国家级、省级专精特新企业9家": a 、 inside the subject, not between two facts (no
        # number stands before it in the clause), does not cut the metric
        before = _clause_start(ctx, clause_start - 1, floor)
        if (
            before <= prev_end
            or before >= clause_start - 1
            or _ARABIC_DIGIT_RE.search(s, before, clause_start)
        ):
            break
        clause_start = before
    a_raw = s[clause_start : token.start]
    unit = token.unit
    percent = numbers.unit_is_percent(unit) or unit == "倍"
    # "同比分别-6.2%、-19.3%": a minus sign written before the number (not a range "3-5")
    signed = (
        token.start > 0
        and s[token.start - 1] in "-－−"
        and (token.start < 2 or not (s[token.start - 2].isdigit() or s[token.start - 2] == "%"))
        and unit == "%"
    )
    if signed:
        a_raw = a_raw[:-1]
    num_start = token.start - signed
    if a_raw.endswith((")", "）")) and (aside := _ASIDE_RE.search(a_raw)) and aside.end() == len(a_raw):
        # "同比增长(下同)6.4%": an aside between the words and the number is no part of either
        a_raw = a_raw[: aside.start()]
        num_start = clause_start + aside.start()

    # measure and sign
    measure, negative = "level", False
    gm = _GROWTH_VERB_RE.search(a_raw[-8:]) if percent else None
    goal_at = -1
    if gm is None and percent and "目标" in a_raw[-12:]:
        gm = _GROWTH_GOAL_RE.search(a_raw[-14:])  # "生产总值增长的预期目标为6%": a planned growth
        if gm is not None:
            goal_at = clause_start + len(a_raw) - len(a_raw[-14:]) + gm.start()  # (what grows ends there)
    if gm is None and percent and ("增" in a_raw or "幅" in a_raw):
        gm = _CHANGE_HELD_RE.search(a_raw[-20:])  # "经济增速连续8个季度保持在6%以上": still the change
    previous = in_sentence[-1].fact if in_sentence else None
    # "增长8.5%、11%", "44900元和19800元": a bare list item continues the previous fact
    unit_text = ctx.text[token.unit_span[0] : token.unit_span[1]] if token.unit_span else unit
    listed = (
        previous is not None
        and _connectors_only(a_raw)
        and unit_text is not None
        and previous.unit == unit_text
    )
    if signed:  # a signed percent is a change: growth (negative), like 增长-6.2%
        measure, negative = "growth", True
    elif percent:
        if unit == "个百分点":
            # a change in percentage points is a growth (提高2.4个百分点, 下降3.9个百分点: SCHEMA, a %
            # change), and so is a gap to another place (高于全省1.5个百分点: both annotators of the
            # fifth blind round), below it negative (低于全市0.3个百分点, 降幅收窄2个百分点)
            measure = "growth"
            gap = _PP_GAP_RE.search(a_raw[-8:]) if gm is None else None
            negative = gm is not None and gm.group("verb") in _DECREASE
            if gap is not None:
                negative = gap.group("verb") in _DECREASE
            elif listed and previous is not None and previous.unit == unit_text and not gm:
                measure, negative = previous.measure, previous.value < 0
        elif gm and (not a_raw.endswith(("到", "至")) or gm.group("verb") in _RATE_OF_CHANGE):
            # ("提高到90%" is the level reached, "增速达到4.6%" the change itself)
            measure = "growth"
            # ("负增长0.5%": a growth below zero, a decrease)
            negative = gm.group("verb") in _DECREASE or (
                gm.group("verb") == "增长" and "负增长" in a_raw[-6:]
            )
        elif listed and previous is not None and previous.measure in ("growth", "rate"):
            measure = previous.measure
            negative = previous.value < 0
        elif (
            previous is not None
            and previous.measure == "growth"
            and previous.unit == "%"
            and len(a_raw) <= 8
            and _STRETCH_ONLY_RE.fullmatch(a_raw) is not None
        ):
            # "增长7%以上、力争达到8%": the higher figure striven for, of the same growth
            measure = "growth"
            negative = previous.value < 0
        elif unit == "倍":
            measure = "level"
        elif numbers.starts_at_any(s, token.end, _GROWTH_NOUNS):  # "实现了26%的增长"
            measure = "growth"
        else:
            measure = "rate"
    base = _BASE_MULTIPLE_RE.search(a_raw) if unit == "倍" else None
    if base is not None and measure == "level":
        measure = "growth"  # "是上年的2.1倍"
    if token.cut and not percent:
        # "…同比提高6.5" at the end of a cut text: the change is read without its unit
        gm = _GROWTH_VERB_RE.search(a_raw[-8:])
        if gm:
            measure, negative = "growth", gm.group("verb") in _DECREASE

    # metric
    a_start, a_end = _strip(s, clause_start, num_start, measure == "growth")
    if percent and num_start - a_end == 3 and s.startswith("计划的", a_end):
        a_end += 2  # "完成区计划的131%": the plan is what the share is of, not a commitment
    if goal_at > a_start:
        a_end = min(a_end, goal_at)
    if a_start == a_end and unit == "个百分点":  # "增速回落0.5个百分点": what moved is the 增速
        a_start, a_end = _strip(s, clause_start, num_start)
        if _COMPARISON_ONLY_RE.fullmatch(s, a_start, a_end):
            a_start = a_end  # "同比提高1.3个百分点": what rose is the fact before
    if base is not None:
        a_start, a_end = _strip(s, a_start, max(a_start, min(a_end, clause_start + base.start())))
    if a_raw.endswith(("和", "及", "与", "、")) and not a_raw.endswith(_JI_VERBS):  # (惠及: reaching)
        a_start = a_end = token.start
    elif "等" in s[a_start:a_end]:  # "中国平安、中国人寿等企业30余家": the head noun after 等
        a_start = s.rfind("等", a_start, a_end) + 1
    a_end = max(a_start, a_end)
    if a_end - a_start > 20:
        a_start = a_end - 20
    chosen = _CHOSEN_FROM_RE.match(s, token.end) if "从" in a_raw or "在" in a_raw else None
    if chosen:
        limit = min(limit, chosen.end("pool"))  # "38个项目[中遴选]": the pool's noun ends at 中
    b_start, b_end = _b_span(ctx, chain_end, limit)
    if (
        b_end == limit
        and b_end - b_start <= 4
        and s[b_start : b_start + 1] in _LINK_VERBS_FIRST
        and _LINK_VERBS_RE.fullmatch(s, b_start, b_end)
    ):
        b_end = b_start  # "投资1200万元推进860亩…": a verb leading to the next number names nothing
    elif b_end == limit and (cut := s.rfind("、", b_start, b_end)) > b_start and b_end - cut <= 5:
        b_end = cut  # "投资2亿元的甲项目、投资3亿元的乙项目": the words after the 、 lead to the next number
    if (
        numbers.starts_at_any(s, b_start, _PURPOSE_AFTER)
        and not token.multiplied
        and unit not in numbers.MONEY_UNITS
    ):
        # "流转土地749亩用于…": the purpose, not the land (money "用于道路硬化" is named by its use)
        b_end = b_start
    # (a CJK character first: the method call isalpha spared where one opens the noun)
    if (
        b_end > b_start
        and not _cjk_at(s, b_start)
        and not s[b_start].isalpha()
        and not _has_cjk(s, b_start, b_end)
    ):
        b_end = b_start  # "8.25%1": a stray digit (a footnote, a page number) names nothing
    if a_end == a_start and previous is not None and prev_end == token.start and in_sentence:
        # "贫困户326户1021人": the second of a chain shares the subject of the first
        a_start, a_end = in_sentence[-1].a_span
    from_pool = s.rfind("从中", a_start, a_end)
    if from_pool >= 0:
        a_start = from_pool + 2  # "由代表以无记名投票方式从中票决6项": 票决 (+ the pool's noun)
    if (
        a_start == a_end
        and b_start == b_end
        and clause_start > floor
        and s[clause_start - 1] in "（("
        and s.startswith(("）", ")"), token.end)
    ):
        # "甲产业园项目（3000亩）": a size in brackets right after the name of what it measures
        a_start, a_end = _strip(s, _clause_start(ctx, clause_start - 1, floor), clause_start - 1)
    if a_end - a_start > 2 and s.startswith("来自", a_start):
        a_start = _past_the_origin(s, a_start, a_end, b_end > b_start)
    spans = [(a_start, a_end), (b_start, b_end)]
    if (
        b_end > b_start
        and numbers.starts_at(s, token.end, "的")
        and (unit in numbers.MONEY_UNITS or (unit is None and token.multiplied))
        and (attr := _OWNED_AMOUNT_RE.search(s, a_start, a_end)) is not None
    ):
        # "引进总投资5亿元的甲项目，…": the amount is the thing's own, named "甲项目总投资" (all three
        # of the tenth round's annotators), without the verb before it or the stage after the name
        stage = _AFTER_NAME_RE.search(s, b_start + 2, b_end)
        spans = [(b_start, stage.start() if stage else b_end), (attr.start(), a_end)]
    metric = _metric_text(ctx, spans)
    if "讯" in metric and (lead := _NEWS_LEAD_RE.match(metric)) is not None:
        metric = metric[lead.end() :]  # "某某网讯(记者 李青)新建卫生院": the dispatch's lead names nothing
    if "全年" in metric[1:]:
        metric = metric[0] + metric[1:].replace("全年", "")  # "甲公司全年营收": the company's 营收
    if "月" in metric and (pm := _PERIOD_IN_METRIC_RE.search(metric)) is not None:
        metric = metric[: pm.start()] + metric[pm.end() :]  # "甲工程1-12月份完成投资额": the period told
    if from_pool >= 0 and b_end == b_start and previous is not None:
        metric += _POOL_VERB_RE.sub("", previous.metric)
    # "增加到2024年的126亿元", "同口径增长9.6%": a verb of arrival or a basis of comparison
    # names nothing measured; what grew is the subject before (inherited below)
    # (traditional reports alike: 增長到/增长到 are matched on the simplified form, 口徑 beside 口径)
    if (
        len(metric) <= 12
        and ("比" in metric or "较" in metric or "較" in metric)
        and _COMPARED_ONLY_RE.fullmatch(simplify(metric))
    ):
        metric = ""  # "较年初增加2.1亿元": the base and the verb, what grew is the subject before
    elif len(metric) > 2 and ("较" in metric or "比" in metric or "較" in metric):
        base = _TRAILING_BASE_RE.search(metric)
        if base is not None and base.start() >= 2:
            metric = metric[: base.start()]  # "产值较“十四五”末增长86%": what grew, not since when
    if (
        len(metric) <= 4
        and metric[:1] in _ARRIVAL_ONLY_FIRST
        and _ARRIVAL_ONLY_RE.fullmatch(simplify(metric))
    ):
        metric = ""
    elif "口径" in metric or "口徑" in metric or "可比" in metric or "除" in metric:
        metric = _cut(metric, _BASIS_RE)  # (剔除/扣除…因素后: what was left out is no metric either)
    if len(metric) <= 6 and metric[:1] in _BASIS_ONLY_FIRST and _BASIS_ONLY_RE.fullmatch(simplify(metric)):
        metric = ""  # "可比增长8.7%", "名义增长2.6%": how it was measured, not what
    if (
        previous is not None
        and metric.startswith("占")
        and not metric.startswith(("占地", "占用"))  # (占地60亩: land taken up, no share)
        and not previous.metric.endswith(metric)
    ):
        metric = previous.metric + metric  # "教育支出5.6亿元，占财政支出的21%": whose share it is
    if previous is not None and 2 <= len(metric) <= 3 and simplify(metric) in _BARE_HEADS:
        metric = previous.metric + metric  # "地区生产总值增长6.1%，总量跨过500亿元"
    if unit_text == "人" and metric.endswith("户") and len(metric) > 1:
        metric = metric[:-1] + "人口"  # 脱贫户 counted in people: 脱贫人口
    elif unit_text == "户" and (k := metric.rfind("人口")) > 0:
        metric = metric[:k] + "户" + metric[k + 2 :]  # "N户M万贫困人口": the households are 贫困户
    if metric.startswith(("该项目", "該項目")):
        named = _NAMED_ON_LINE_RE.match(s, s.rfind("\n", 0, token.start) + 1)
        if named is not None and named.end() <= token.start:
            # "（二）甲乙物流园项目：该项目总投资650万元": the project the line's entry names
            metric = ctx.text[named.start("name") : named.end("name")] + metric[3:]
    inherited = False
    if not metric and previous is not None:
        metric, inherited = previous.metric, True
        opened = _closed_aside(ctx, previous.end, token.start)
        if opened >= 0:
            # "收入7130万元（其中…减收600万元），同口径增长8%": what grew stands before the aside
            for it in reversed(in_sentence):
                if it.fact.end <= opened:
                    metric = it.fact.metric
                    break
        if unit_text != "个百分点" and simplify(metric).startswith(_GAP_WORDS):
            # "增长9.6%，高于全省1.8个百分点，是2019年的1.6倍": what grew, not the gap
            for it in reversed(in_sentence):
                if not simplify(it.fact.metric).startswith(_GAP_WORDS):
                    metric = it.fact.metric
                    break
        elif measure == "growth" and simplify(metric).endswith(_STEPS):
            # "总值达8000亿元，跨过2个千亿元台阶、年均增长6%": the steps passed do not grow
            for it in reversed(in_sentence):
                if not simplify(it.fact.metric).endswith(_STEPS) and it.fact.measure == "level":
                    metric = it.fact.metric
                    break
        if measure == "growth" and "年均" in a_raw and "年均" not in metric:
            metric += "年均增長" if "增長" in ctx.text[clause_start : token.start] else "年均增长"
        elif measure == "level" and (stage := _STAGE_VERB_RE.search(a_raw)) and stage.group() not in metric:
            # "建设项目36个，已完成12个": the things before, at the stage this clause names
            metric = stage.group() + metric
    if not metric:
        prev_clause_end = clause_start - 1
        if prev_clause_end > sent_start:
            pstart = _clause_start(ctx, prev_clause_end, sent_start)
            ps, pe = _strip(s, pstart, prev_clause_end)
            if s.find("除", ps, pe) >= 0 or s.find("口径", ps, pe) >= 0:
                # "工业增加值剔除价格因素，同比增长2%": what grew, without what was left out
                metric = _cut(_metric_text(ctx, [(ps, pe)]), _BASIS_RE)[-16:]
            else:
                metric = _metric_text(ctx, [(max(ps, pe - 16), pe)])
            # "地区生产总值XX亿元，增长6%": the anonymised amount is not part of what grew
            metric = _PLACEHOLDER_AMOUNT_RE.sub("", metric) or metric
    if not metric:
        metric = _metric_text(ctx, [(clause_start, token.start)]) or ctx.text[token.start : token.end]
    if (
        measure == "rate"
        and ("价格指数" in metric or "價格指數" in metric or "CPI" in metric)
        and abs(token.value) < 50  # (an index against 100 written in percent, 102.5%, is a level)
    ):
        measure = (
            "growth"  # "居民消费价格指数控制在3%": an index in percent is its rise (an index is no share)
        )

    # unit as written; money without 元 is 元 (人 when the phrase counts people)
    if token.unit_span:
        unit = ctx.text[token.unit_span[0] : token.unit_span[1]]
    elif token.multiplied:
        unit = "人" if ("人" in a_raw or "居民" in a_raw) and _POPULATION_RE.search(a_raw) else "元"
        if unit == "人" and "人次" in a_raw:
            unit = "人次"  # "观展人次突破120万": the metric names its own unit
        if (
            _PEOPLE_AFTER_RE.match(s, token.end)
            or _PEOPLE_MODIFIED_RE.match(s, token.end)
            or _people_named(s, token.end)
        ):
            unit = "人"  # "7.03万监测对象", "3万群众": people counted, not money
        elif unit == "元" and "主体" in a_raw and _ENTITIES_RE.search(a_raw):
            unit = "个"  # "市场主体总量突破80万": businesses counted (SCHEMA: a count without a measure word)

    approx, approx_span = token.approx_after, token.approx_span
    approx_before = False
    if approx is None:
        approx, approx_span = numbers.qualifier_before(s, token.start)
        if (
            approx in _BAD_APPROX_BEFORE
            and s[token.start - 2 : token.start - 1] in _BAD_APPROX_BEFORE[approx]
        ):
            approx = approx_span = None
        approx_before = approx is not None
        if approx is None and listed and in_sentence[-1].approx_before:
            # "分别达到33860元和15420元": a qualifier before the first of a list applies to each
            approx = in_sentence[-1].fact.approx
    if approx_span is not None:
        approx = ctx.text[approx_span[0] : approx_span[1]]  # as written (達, 餘 in traditional text)

    # part, kind, year
    part = _part(ctx, token.start)
    meta = ctx.meta
    kind = "target" if part == "plan" else "actual"
    commitment = None
    explicit = _explicit_year(ctx, sent_start, token.start)
    if part != "plan" and (
        (ctx.goals and any(a <= token.start < b for a, b in ctx.goals))
        or (0 <= ctx.plan_from <= token.start and _same_section(ctx, ctx.plan_from, token.start))
        or (numbers.starts_at(s, clause_start, "预期") and _EXPECTED_RE.match(s, clause_start))
    ):
        part, kind = "plan", "target"  # a target of the plan year, as in a plan part
    if part == "review":
        year = meta.review_year
        if year is None and explicit is None and ctx.review_lines:
            # "2030年，全县…。全县生产总值完成80亿元": the year its paragraph opens with
            para_year = _PARAGRAPH_YEAR_RE.match(s, s.rfind("\n", 0, token.start) + 1)
            if para_year is not None:
                year = int(para_year.group(1))
        if explicit is not None and (year is None or explicit <= year):
            year = explicit
        elif (
            explicit is not None
            and (
                _LOOKING_AHEAD_RE.search(s, sent_start, token.start)
                or (_works_counted(metric) and _YEARS_WORKS_RE.search(s, sent_start, token.start))
            )
            and _DONE_SO_FAR_RE.search(a_raw) is None
        ):
            # "2025年，全镇将力争…": a later year's plan told in a news story; "报告提出的2025年
            # 工作重点…，9个工作重点" : the works set for that later year
            kind, year = "target", explicit
        elif s.find("到20", sent_start, token.start) >= 0 or s.find("至20", sent_start, token.start) >= 0:
            for deadline in _DEADLINE_RE.finditer(s, sent_start, token.start):
                if s[deadline.start() - 1] != "截" and year is not None and int(deadline.group(1)) > year:
                    kind, year = "target", int(deadline.group(1))  # (截至2025年1月: up to now)
                    break
        elif (
            (nxt := s.find("明年", sent_start, token.start)) >= 0
            and _LOOKING_AHEAD_RE.search(s, nxt + 2, token.start)
            and _DONE_SO_FAR_RE.search(a_raw) is None
        ):
            # "明年，我们将力争…": a summary's closing plan for the year after the one reviewed
            kind, year = "target", (year + 1 if year is not None else None)
        elif (
            meta.plan_year is not None
            and year is not None
            and meta.plan_year > year
            and s.find("今年", sent_start, token.start) >= 0
            and _THIS_YEAR_AHEAD_RE.search(s, sent_start, token.start)
            and _DONE_SO_FAR_RE.search(a_raw) is None
        ):
            # "今年，全市将新增…" in a text that reviews last year: the plan year's target (a summary
            # given in the year it reviews, by its date, means that year: a prospect for it)
            said_in = (
                int(meta.delivered_on[:4]) if meta.delivered_on and meta.delivered_on[:4].isdigit() else None
            )
            kind, year = "target", (year if said_in == year else meta.plan_year)
        if (
            s[token.end : token.end + 1] in _TARGET_AFTER_FIRSTS and _TARGET_AFTER_RE.match(s, token.end)
        ) or (
            (
                "目标" in a_raw
                and (
                    _GOAL_VALUE_RE.search(a_raw)
                    or (not percent and a_raw.endswith("目标"))
                    or _GOAL_STATED_RE.search(a_raw)
                )
            )
            or (not percent and a_raw.endswith("年度指标"))
        ):
            # "…8%的目标", "…的预期目标为8%", "完成年初目标5亿元的", "超额完成年度指标3亿元": what was
            # set, not what was done
            kind = "target"
        planned = _PLANNED_INVEST_RE.search(a_raw) if "投资" in a_raw else None
        if planned is not None and _planned_as_measured(a_raw):
            planned = None  # "年度计划投资完成率122%": what was done of the plan, not the plan
        if planned is None and ("计划" in a_raw or "拟" in a_raw):
            work = _PLANNED_WORK_RE.search(a_raw)
            if work and (not work.start() or a_raw[work.start() - 1] not in _NOT_A_PLAN_BEFORE):
                planned = work
        if planned:
            kind, commitment = "target", planned.group("w")
        elif s.find("预计", sent_start, token.start) >= 0 or s.find("计划", sent_start, token.start) >= 0:
            # "签约企业2家，预计年产值可达5000万元": a prospect, not a result (SCHEMA: target)
            prospect = _PROSPECT_RE.search(s, sent_start, token.start)
            if prospect and prospect.end() >= token.start - 12 and not _finished_year(ctx, prospect, year):
                kind, commitment = "target", ctx.text[prospect.start("w") : prospect.end("w")]
        if (
            kind == "actual"
            and not ctx.sections
            and not ctx.to_deputies
            and (meta.plan_year is None or year is None or meta.plan_year <= year)
        ):
            # a news item without headings, taken for a review of the year it is dated in: what it
            # says is to come is a target all the same ("已开复工项目23个…预计6月份开复工项目2个")
            # (not a news item of a congress that reviews a year and plans the next: its 预计 is
            # an estimate of the year reviewed)
            told = _passage_kind(s, sent_start, token.start, token.end, limit, ctx.results)
            if told is not None and told[0] == "target":
                kind, commitment = "target", told[1] or None
    elif part == "plan":
        year = meta.plan_year
        if explicit is None and ctx.year_lists:
            for a, b, listed_in in ctx.year_lists:
                if a <= token.start < b and listed_in is not None:
                    year = listed_in  # the year of the list the fact is an entry of
        if explicit is not None:
            year = explicit
            if meta.plan_year and explicit < meta.plan_year:
                kind = "actual"
        said = s[clause_start : token.start]
        if (_past_word_in(said) and _PAST_IN_PLAN_RE.search(said)) or chosen:
            kind = "actual"  # 征集了23项, 从群众提出的46项建议中(票决10件): already there
        elif "在" in a_raw[-5:] and _AMONG_PEERS_RE.match(s, token.end):
            kind = "actual"  # "在全市32个镇街中脱颖而出": the peers it stands among are there already
        elif "了" in a_raw and _DONE_RE.search(a_raw):
            kind = "actual"  # "先后引进了企业45家": a verb with 了 tells what was done
        elif in_sentence and _part_of_a_total_done(s, sent_start, token.start, in_sentence):
            kind = "actual"  # "共提出建议15条，其中社会管理9条": the parts of a total told as done
        elif (
            s.find("年来", sent_start, token.start) >= 0
            or s.find("过去", sent_start, token.start) >= 0
            or s.find("这", sent_start, token.start) >= 0
            or s.find("年以来", sent_start, token.start) >= 0
        ) and _looks_back(s, sent_start, token.start):
            kind = "actual"  # "五年来，…实施项目62个": a look back, even under a plan's heading
    else:
        year = explicit
        if ctx.plan_account and not ctx.sections:
            year = explicit or meta.plan_year  # what was done so far of the plan's year
        if meta.review_year is None and meta.plan_year is not None and not ctx.done_lead:
            # a text that reviews no year but plans one (a news report of the plan's targets)
            kind, year = "target", explicit or meta.plan_year
        elif "目标" in a_raw and _GOAL_VALUE_RE.search(a_raw):
            kind = "target"  # a news lead: "今年…增长的预期目标为6%左右"
        else:
            told = _passage_kind(s, sent_start, token.start, token.end, limit, ctx.results)
            if told is not None and told[0] == "target":
                # a news item that tells of what is done and of what is to come: "已开复工项目435个"
                # is done, "计划实施重点项目521个", "还将开工项目66个" are to come (SCHEMA: target)
                kind, year = "target", explicit or meta.plan_year
                commitment = told[1] or None
    if not ctx.sections and (part != "review" or meta.plan_year is None):
        told = _passage_kind(s, sent_start, token.start, token.end, limit, ctx.results)
        if told is not None:
            kind = told[0]
            if kind == "target":
                commitment = commitment or told[1] or None
                if year is None:
                    year = meta.plan_year or meta.review_year
    if (
        kind == "actual"
        and ctx.plan_account
        and not ctx.sections
        and _task_of_an_account(ctx, sent_start, token.start)
    ):
        kind = "target"  # "全年新签约亿元项目4个以上" beside "一季度，签约…": the task, then its progress
        if year is None:
            year = meta.plan_year
    if (
        kind == "target"
        and explicit is not None
        and part != "review"
        and _year_past_told(ctx, explicit, sent_start, token.start)
    ):
        kind = "actual"  # "预计2029年生产总值增长5%左右" in a news item of the 2030 plan: what 2029 came to
    if explicit is None and ctx.year_lines and (under := _year_line(ctx, token.start)) is not None:
        year = under[3]  # the year written alone on the line over it
    start_value = _START_VALUE_RE.search(a_raw) if ("由" in a_raw or "从" in a_raw) else None
    if start_value:
        year = int(start_value.group(1)) if start_value.group(1) else None
    if (
        kind == "actual"
        and ctx.account
        and s[sent_start : sent_start + 2].lstrip()[:1] in ("(", "（")
        and _task_heading(s, token.start)
    ):
        kind = "target"  # "（三）新建口袋公园12个" over "新建口袋公园15个，超额完成全年任务": the task set
    if kind == "actual" and ctx.progress and _entry_states_task(s, token.start):
        kind = "target"  # "1.新建5G基站300个。上半年，已建成…": the entry's task, then its progress
    if (
        kind == "target"
        and _meeting_record(s, token, metric)
        and not _voted_list(s, token, a_raw, metric)  # (what the vote chose is to be done all the same)
    ):
        kind = "actual"
    elif kind == "actual" and (
        (voted := _voted_list(s, token, a_raw, metric)) or _among_voted_works(s, sent_start, token.start)
    ):
        # "从12件候选项目中差额票选出2031年9件民生实事": what the vote chose is the year's to do
        kind = "target"
        if year is None:
            year = meta.plan_year
        elif not voted and explicit is None and year == meta.review_year and part != "plan":
            year = meta.plan_year or year  # (a work of the list voted: the year voted for)
        elif voted and explicit is not None:
            year = explicit  # "选出2031年…十项民生实事": the year the list is for
    if kind == "target" and commitment is None:
        found = _commitment(ctx, sent_start, token.start)
        if found:
            commitment = ctx.text[found[0] : found[1]]  # as written (力爭, 確保)
    elif kind == "target" and commitment is not None and ctx.text is not s:
        commitment = _as_written(ctx, commitment, sent_start, token.start)

    value: int | float = -token.value if negative else token.value
    if isinstance(value, float) and _is_whole(value):
        value = int(value)
    q_start = max(clause_start, token.start - 40)
    while q_start < token.start and s[q_start] in " \n":
        q_start += 1
    q_end = token.end
    if b_end > b_start and not inherited:
        q_end = b_end
    fact = Fact(  # (positional, in the order of Fact's fields: a call with keywords costs twice as much)
        part,
        kind,
        measure,
        metric,
        value,
        unit,
        approx,
        commitment if kind == "target" else None,
        year,
        ctx.text[q_start:q_end],  # quote
        q_start,
        q_end,
    )
    return _Item(
        fact, sent_start, clause_start, a_raw, listed, not inherited, approx_before, (a_start, a_end)
    )


def _part_of_a_total_done(s: str, sent_start: int, pos: int, in_sentence: list[_Item]) -> bool:
    """A number after 其中 in a sentence whose total before it was read as done."""
    among = s.rfind("其中", sent_start, pos)
    if among < 0:
        return False
    for it in in_sentence:
        if it.fact.end <= among and it.fact.kind == "actual":
            return True
    return False


def _past_the_origin(s: str, a_start: int, a_end: int, noun_after: bool) -> int:
    """Where what is counted starts in words that open with where it comes from ("来自全镇各条战线的
    64名人大代表", "来自各行各业的人大代表110余人"): after the origin's 的, or, with no 的 and the noun
    after the number, past them all. The origin names nothing measured."""
    of = s.rfind("的", a_start, a_end)
    if of >= 0:
        return of + 1
    return a_end if noun_after else a_start


def _as_written(ctx: _Ctx, word: str, sent_start: int, pos: int) -> str:
    """A commitment word found in the simplified copy (a news item's 力争, 预计), as the text writes it
    (力爭, 預計): the nearest before the number in its sentence, else the word as found."""
    at = ctx.s.rfind(word, sent_start, pos)
    return ctx.text[at : at + len(word)] if at >= 0 else word


# the words of a task set for the whole year (全年), or of a commitment (确保, 力争, 争取)
_WHOLE_YEAR_TASK_RE: Final = re.compile(r"全年|确保|力争|争取(?![了到])")
# the marks of what has been done so far, in an account of a plan's progress
_PROGRESS_MARK_RE: Final = re.compile(r"已|完成|实现|开展|季度|上半年|截至|截止|累计|目前|了|月份|月底|月末")


def _task_of_an_account(ctx: _Ctx, sent_start: int, pos: int) -> bool:
    """A number of an account of a plan's progress (its title says so, ``_Ctx.plan_account``) in a
    paragraph that sets the year's task beside the progress told in the next ones: its sentence speaks
    of the whole year before the number (全年) or commits to it (确保, 力争), and the paragraph tells
    nothing done so far ("全年新签约亿元项目4个以上，落地飞地项目1个。" over "一季度，开展招商活动4次…")."""
    s = ctx.s
    line_start = s.rfind("\n", 0, pos) + 1
    line_end = s.find("\n", pos)
    line_end = len(s) if line_end < 0 else line_end
    sent_end = s.find("。", pos, line_end)
    sent_end = line_end if sent_end < 0 else sent_end
    found = _WHOLE_YEAR_TASK_RE.search(s, sent_start, sent_end)
    if found is None or (found.group() == "全年" and found.start() > pos):
        return False
    return _PROGRESS_MARK_RE.search(s, line_start, line_end) is None


# (a year that is a base of comparison, "比2029年增长", "较2029年", "与2029年相比": no year told of)
_BASE_BEFORE_YEAR: Final = frozenset("比较与同于")


def _year_past_told(ctx: _Ctx, explicit: int, sent_start: int, pos: int) -> bool:
    """A number of a headingless text (or of its plan part) in a sentence that names a year before the
    year planned, with no word of what is to come but an estimate (预计) before that year and none
    between it and the number: what that year came to, told before the plan ("预计2029年全省生产总值
    增长5%左右，一般公共预算收入增长6%"; "2029年某区完成投资增长20%"): actual (SCHEMA: an estimate of an
    already-finished year is actual)."""
    plan = ctx.meta.plan_year
    if plan is None or explicit >= plan or ctx.sections:
        return False
    k = _bisect_left(ctx.year_starts, pos) - 1
    if k < 0:
        return False
    ystart, yend, _ = ctx.years[k]
    s = ctx.s
    if ystart > 0 and s[ystart - 1] in _BASE_BEFORE_YEAR:
        return False
    if _LOOKING_AHEAD_RE.search(s, yend, pos) is not None:
        return False
    return all(m.group("w") == "预计" for m in _NEWS_AHEAD_RE.finditer(s, sent_start, ystart))


def _planned_as_measured(a_raw: str) -> bool:
    """A planned investment the clause measures what was done against ("完成年度计划投资的105%",
    "年度计划投资完成率122%"): the plan is the yardstick, the number what was done of it."""
    return a_raw.find("完成") >= 0


def _is_whole(x: float) -> bool:
    """``x.is_integer()`` (compiled, float arithmetic is native where the method is a call): inf and
    nan, for which x - x is nan, are not whole."""
    return x - x == 0.0 and x == int(x)


# a list's entry that opens with the name of a project and a colon: "（三）甲乙冷链物流项目："
_NAMED_ON_LINE_RE: Final = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)?\s*"
    r"(?P<name>[^，,。；;：:\n]{2,24}?(?:项目|工程))[：:]"
)
# an entry's heading of an account of a year's tasks, and what its paragraph says of the task
_TASK_HEAD_RE: Final = re.compile(r"[ \t]*[（(][一二三四五六七八九十0-9]{1,3}[)）][^。；;，,\n]{2,40}")
_BEYOND_TASK_RE: Final = re.compile(r"超额完成|完成(?:了)?年度(?:任务|目标)|超[过出]?年度(?:任务|目标)")
_BEYOND_TASK_WORDS: Final = ("超额完成", "年度任务", "年度目标")  # (each match of it holds one)


def _beyond_tasks(s: str) -> bool:
    """``len(_BEYOND_TASK_RE.findall(s)) >= 2``, with the scan spared where fewer than two of
    _BEYOND_TASK_WORDS stand in the text: each match holds one of them, and no two matches the same."""
    if sum(s.count(w) for w in _BEYOND_TASK_WORDS) < 2:
        return False
    return len(_BEYOND_TASK_RE.findall(s)) >= 2


# what a report on the progress of a report's tasks names as its subject: "报告确定的…完成情况"
_SET_TASKS_PROGRESS_RE: Final = lazy(
    r"(?:报告|计划)》?中?(?:确定|提出|部署)的[^。；;\n]{0,24}(?:完成|落实|推进|进展)情况"
)
_ENTRY_NUMBER_RE: Final = re.compile(r"[ \t]*[0-9]{1,2}[.、．](?![0-9])")
_ENTRY_DONE_RE: Final = lazy(
    r"已|了|截至|截止|以来|累计|上半年|前[一二三四五六七八九十]+个?月|[0-9]{1,2}[-—至][0-9]{1,2}月"
)


def _progress_report(s: str) -> bool:
    """``_SET_TASKS_PROGRESS_RE.search(s) is not None``, tried only at each 确定的/提出的/部署的 (the
    pattern, lazy, is compiled only for a text that holds one of them)."""
    for verb in ("确定的", "提出的", "部署的"):
        p = s.find(verb)
        while p >= 0:
            if _SET_TASKS_PROGRESS_RE.search(s, max(0, p - 8), p + 40) is not None:
                return True
            p = s.find(verb, p + 3)
    return False


def _entry_states_task(s: str, pos: int) -> bool:
    """The number at ``pos`` is in the first sentence of a numbered entry ("1.新建5G基站300个，…。"),
    which tells nothing done: in a report on the progress of a report's tasks, the entry's task."""
    start = s.rfind("\n", 0, pos) + 1
    number = _ENTRY_NUMBER_RE.match(s, start, pos)
    if number is None:
        return False
    return s.find("。", start, pos) < 0 and _ENTRY_DONE_RE.search(s, number.end(), pos) is None


def _task_heading(s: str, pos: int) -> bool:
    """In an account of a year's tasks (``_Ctx.account``), the number at ``pos`` stands in a line of
    its own that heads an entry ("（三）新建口袋公园12个") over a paragraph that tells what was done
    ("新建口袋公园15个，超额完成全年任务", or just "新建…11个"): the heading states the year's task (a
    target), its paragraph what was done."""
    start = s.rfind("\n", 0, pos) + 1
    end = s.find("\n", pos)
    end = len(s) if end < 0 else end
    if _TASK_HEAD_RE.fullmatch(s, start, end) is None:
        return False
    while end < len(s) and s[end] in "\n \t":
        end += 1
    nxt = s.find("\n", end)
    para = s[end : len(s) if nxt < 0 else nxt]
    return bool(para.strip()) and not _TASK_HEAD_RE.match(para)


# "与会的120名人大代表", "12个候选项目": who met and what they chose from
_DELEGATES_RE: Final = re.compile(
    r"[^，,。；;\n]{0,4}?代表|[^，,。；;\n]{0,12}?人大代表(?!之家|联络|工作)"  # ("344名青禾市青禾区人大代表")
)


# What a news item says is to come: a word of commitment or of the future (将近 is "nearly"; 按计划 and
# 超计划 measure what was done; "数量和计划投资" names a sum, a noun after a conjunction; "预计全年"
# estimates a year about to end) — and its marks of what was
# done or stands so far ("当天…集中开工", "截至目前已开复工…"), the later of the two before a
# number deciding its kind; or 将 just after the number in its clause ("其余86个项目也将全部开工");
# the year's programme told in the present ("今年确定建设重点项目90个"; not "今年实施的项目", a noun)
_NEWS_AHEAD_RE: Final = re.compile(
    r"(?<![按超原和与及、])(?P<w>计划|预计(?!全年)|力争|确保|争取(?![了到])|拟|谋划)|将(?![军近其之士])|今年(?:要|确定|安排|新?建设|实施)(?!的)|努力(?:实现|达到|實現|達到)(?!了)"
)
_NEWS_DONE_RE: Final = re.compile(r"截至|截止|目前|已|累计|以来")
# with an event's words ("当天…集中开工", "举行…"), which mark what was done only where no word of what
# is to come governs them ("今年将有32个项目集中开工")
_NEWS_MARK_RE: Final = re.compile(r"截至|截止|目前|已|累计|以来|当天|当日|本次|集中开(?:复)?工|举行|召开")
# 将 ahead in a clause: after a number ("其余86个项目也将全部开工"), or opening a sentence's part
_SENTENCE_WILL_RE: Final = re.compile(r"[^，,。；;!！?？\n]{0,12}?将(?![军近其之士])")


def _passage_kind(
    s: str, sent_start: int, start: int, end: int, limit: int, results: bool = False
) -> tuple[str, str] | None:
    """The kind of the number at ``start``–``end`` in a news item, and the commitment word that makes
    it a target ("" for 将): the later, in its sentence before it, of a word of what is to come and a
    mark of what was done; else 将 after it in its clause; else a mark of what was done before a ；
    that ends its sentence's part ("本次集中开工项目中，产业类项目17个；基础设施类项目5个"). None when its
    sentence says neither. ``results``: the text opens on a year's results (``_Ctx.results``), where
    预计 estimates one of them ("预计全省地区生产总值1.6万亿元，增长6%": SCHEMA, actual)."""
    ahead = None
    for m in _NEWS_AHEAD_RE.finditer(s, sent_start, start):
        ahead = m
    done = -1
    for m in (_NEWS_DONE_RE if ahead is not None else _NEWS_MARK_RE).finditer(s, sent_start, start):
        done = m.start()
    if ahead is not None:
        if ahead.group("w") == "预计" and (results or s.find("全年", ahead.end(), start) >= 0):
            return ("actual", "")  # "预计全年实现…": an estimate of a year about to end (SCHEMA: actual)
        return ("target", ahead.group("w") or "") if ahead.start() > done else ("actual", "")
    if done >= 0:
        return ("actual", "")
    if _SENTENCE_WILL_RE.match(s, end, limit):
        return ("target", "")
    if sent_start > 0 and s[sent_start - 1] in "；;":
        period = max(s.rfind(c, 0, sent_start) for c in "。！？!?\n") + 1
        if _NEWS_MARK_RE.search(s, period, sent_start):
            return ("actual", "")
        # "今年该市将实施重点项目120项，…；新开工项目100个以上": the 将 that opens the sentence governs
        # its parts after a ； too (not 计划, often a metric's own: "年度计划投资…；…")
        will = _SENTENCE_WILL_RE.match(s, period, sent_start)
        if will is not None:
            return ("target", "")
    return None


# a news dispatch's dateline: "新华社青禾3月2日电", "中新网青禾2月22日电 (记者 …)"
_DISPATCH_RE: Final = re.compile(r"[0-9一二三四五六七八九十]日电")


def _tells_done(s: str) -> bool:
    """A news dispatch whose lead (the sentence of its dateline) has a figure and no word that looks
    ahead: it reports an event ("…举行推进会，25个项目集中开工，总投资84.98亿元"), though the officials it
    quotes speak of what they will do."""
    m = _DISPATCH_RE.search(s, 0, 400)
    if m is None:
        return False
    end = s.find("。", m.end())
    lead = s[m.end() : end if end >= 0 else len(s)]
    return (
        any(c.isdigit() for c in lead)
        and _NEWS_AHEAD_RE.search(lead) is None
        and _LOOKING_AHEAD_RE.search(lead) is None
        and "预期" not in lead
    )


def _meeting_record(s: str, token: numbers.NumberToken, metric: str) -> bool:
    """A count of the meeting that voted a coming year's list (its delegates, the candidates):
    a record of the meeting, not a target of the plan it voted."""
    if "候选" in metric or "候選" in metric:  # (the metric in the text's characters)
        return True
    if (("票" in metric or "赞" in metric) and _BALLOT_RATE_RE.search(metric)) or (
        token.unit == "张" and s.find("票", max(0, token.start - 16), token.start) >= 0
    ):
        return True  # the ballots of the vote: "发出表决票45张，收回45张", "票决率93.3%"
    # "与会的120名人大代表", and the roll call "大会应到代表269人，实到代表258人", "实到65人，列席代表4人",
    # "共20人列席会议"
    if token.unit in ("名", "人", "位") and (
        _DELEGATES_RE.match(s, token.end) is not None
        or "到代表" in metric
        or metric.endswith("代表")  # "各界人大代表、居民代表共64人": who met
        or _ROLL_CALL_RE.match(s, max(0, token.start - 4), token.start) is not None
        or _ATTENDED_RE.match(s, token.end) is not None
    ):
        return True
    # what the meeting voted or elected, counted: "票决产生了今年的民生实事项目8项", "表决通过…议案3件"
    lo = max(0, token.start - 40)
    if s.find("决", lo, token.start) < 0 and s.find("举", lo, token.start) < 0:
        return False  # (every word of _VOTED_RE holds 决 or 举: most windows hold neither, no search)
    voted = _VOTED_RE.search(s, lo, token.start)
    return voted is not None and _CLAUSE_END_RE.search(s, voted.end(), token.start) is None


def _voted_list(s: str, token: numbers.NumberToken, said: str, metric: str) -> bool:
    """The count of a list a vote chose (票选出, 票决出, 票决产生…N项民生实事): the works to be done
    (SCHEMA: planned for the plan year), unless the clause tells them done."""
    if token.unit not in _ENUM_UNITS:
        return False
    if "票" not in said:
        # (each of _VOTED_LIST_RE's words holds 票) "…通过票决的方式，依法选出2031年…十项民生实事项目": the vote
        # told in the clause before, its list of 实事 after the count
        return (
            "选出" in said
            and s.find("票", max(0, token.start - 60), token.start) >= 0
            and _SELECTED_WORKS_RE.match(s, token.end) is not None
            and _DONE_SO_FAR_RE.search(said) is None
        )
    if ("候选" in metric or "候選" in metric) and _CANDIDATE_POOL_RE.search(said) is None:
        return False  # (the candidates counted; "候选项目中票决产生10件": chosen from them, the list)
    voted = _VOTED_LIST_RE.search(said)
    if voted is None or _DONE_SO_FAR_RE.search(said, voted.end()) is not None:
        return False
    if _LIST_NOUN_AFTER_RE.match(s, token.end) is None and _LIST_NOUN_BEFORE_RE.search(said) is None:
        return False  # (the list named before its count: "表决通过了2031年民生实事项目共5个", "票决出了民生实事一件")
    stop = _CLAUSE_END_RE.search(s, token.end, token.end + 40)
    return _DONE_SO_FAR_RE.search(s, token.end, stop.start() if stop else token.end + 40) is None


def _among_voted_works(s: str, sent_start: int, pos: int) -> bool:
    """A number among the works of a 民生实事 list a vote chose, told after 包括 in the same sentence
    ("会议票决了2031年民生实事项目，包括…新建公厕60座…"): the works to be done, not done."""
    if s.find("包括", sent_start, pos) < 0:
        return _after_voted_works(s, pos)
    if s.find("票", sent_start, pos) < 0:
        return _among_listed_works(s, sent_start, pos)
    works = _VOTED_WORKS_RE.search(s, sent_start, pos)
    if works is None:
        return False
    stop = _CLAUSE_END_RE.search(s, pos)  # (done before or after it: "…，已全部完成")
    return _DONE_SO_FAR_RE.search(s, works.end(), stop.start() if stop else len(s)) is None


def _among_listed_works(s: str, sent_start: int, pos: int) -> bool:
    """A number among the works a sentence lists as a 实事 programme, between 包括 and 等在内的…实事
    ("发布了包括新建公厕60座、改造路灯200盏等在内的实事项目安排"): the works to be done."""
    listed = s.rfind("包括", sent_start, pos)
    if _DONE_SO_FAR_RE.search(s, listed, pos) is not None:
        return False
    stop = _CLAUSE_END_RE.search(s, pos, pos + 300)
    return _WORKS_AFTER_LIST_RE.search(s, pos, stop.start() if stop else pos + 300) is not None


# the programme a list of works belongs to, after it: "…等在内的2031年实事项目"
_WORKS_AFTER_LIST_RE: Final = lazy(r"等在内的[^，,。；;！!？?\n]{0,12}?(?:实事|實事)")


def _after_voted_works(s: str, pos: int) -> bool:
    """A number of the paragraph whose earlier sentence tells the works a vote passed for a year and
    opens their list ("会议表决通过了2031年要办的实事项目。它们是：新建公厕60座…"): what is to be done."""
    line = s.rfind("\n", 0, pos) + 1
    if s.find("表决", line, pos) < 0 and s.find("票", line, pos) < 0:
        return False  # (every vote word of _VOTED_WORKS_LIST_RE holds 表决 or 票)
    works = _VOTED_WORKS_LIST_RE.search(s, line, pos)
    return works is not None and _DONE_SO_FAR_RE.search(s, works.end(), pos) is None


# a vote of a year's works, then the list opened: "表决通过了2031年要办的实事项目。它们是："
_VOTED_WORKS_LIST_RE: Final = lazy(
    r"(?:票决|票选|投票表决|表决通过)[^。；;！!？?\n]{0,40}?(?:实事|實事|项目|項目|工程)[。，,]?"
    r"(?:它们是|它們是|分别是|分別是|包括|具体是|具體是|具体为|具體為)[：:]"
)
_VOTED_WORKS_RE: Final = lazy(
    r"(?:票决|票选|投票表决)[^。；;！!？?\n]{0,30}?(?:实事|實事)(?:项目|項目)?[，,：:]?包括"
)
# the vote, in the clause before the count: "差额票选出", "票决出包括…在内的", "票决产生了"
_VOTED_LIST_RE: Final = lazy(r"(?:票选|票决|投票表决|投票确定)(?:出|产生|确定|通过)?")
# what it chose: works of the year (民生实事, 惠民工程, 重点项目), named after the count
_LIST_NOUN_AFTER_RE: Final = lazy(r"[^，,。；;：:\n]{0,16}?(?:实事|實事|工程|项目|項目)")
_SELECTED_WORKS_RE: Final = lazy(r"[^，,。；;：:\n]{0,12}?(?:民生|惠民)?(?:实事|實事)")
_LIST_NOUN_BEFORE_RE: Final = lazy(r"(?:实事|實事)(?:项目|項目)?(?:共计|合计|共)?$")


# the candidates a list was chosen from, named before the count: "(从15个)候选项目中票决产生"
_CANDIDATE_POOL_RE: Final = re.compile(r"候[选選][^，,。；;]{0,6}中")
_BALLOT_RATE_RE: Final = re.compile(r"票决率|得票率|赞成率|有效票")
_ATTENDED_RE: Final = re.compile(r"(?:人员)?(?:列席|出席)(?!率)")
_VOTED_RE: Final = re.compile(r"(?:票决|表决|选举)(?:产生|通过)")
_CLAUSE_END_RE: Final = re.compile(r"[。；;！!？?\n]")
# the roll call's words right before the number ("实到65人", "列席4人", "出席代表325名")
_ROLL_CALL_RE: Final = re.compile(r".{0,2}?(?:应到|实到|出席|列席)(?:代表|人员)?$")


def _measure_by_subject(group: list[_Item], subjects: list[str], verb: str) -> None:
    """Percents paired by 分别 with subjects that name their own measure, no verb of change after
    分别 ("失业率、价格涨幅分别控制在5%和3%以内"): a 率 is a rate, a 涨幅 or 增速 a change (growth)."""
    if _CHANGE_VERB_RE.search(verb) is not None:
        return  # ("甲、乙分别增长8%和10%": the verb makes each a growth)
    for item, subject in zip(group, subjects, strict=False):
        if item.fact.unit != "%":
            continue
        subject = subject.strip()
        if subject.endswith(tuple(_RATE_OF_CHANGE)):
            item.fact.measure = "growth"
        elif subject.endswith("率") and not subject.endswith(("增长率", "增速率")):
            item.fact.measure = "rate"


_CHANGE_VERB_RE: Final = re.compile(r"增长|增加|提高|提升|上升|上涨|下降|减少|降低|下滑|回落|增|降|减|涨")


def _town_and_country(group: list[_Item], whole: str, at: int) -> None:
    """The two values of a 城乡 subject (at ``at`` in ``whole``): the towns', then the countryside's,
    in the script of the text (城鎮, 農村 beside 城鄉)."""
    town, country = ("城鎮", "農村") if whole[at + 1 : at + 2] == "鄉" else ("城镇", "农村")
    group[0].fact.metric = whole[:at] + town + whole[at + 2 :]
    group[1].fact.metric = whole[:at] + country + whole[at + 2 :]


_SPLIT_RE: Final = re.compile(r"[和及与、]")
_GAPS_RE: Final = re.compile(r"分别(?P<verb>高于|高出|低于|快于|慢于)(?P<places>(?:全[国省市县区镇旗])+)$")
_PLACES_RE: Final = re.compile(r"全[国省市县区镇旗]")
_CONNECTOR_ONLY_RE: Final = re.compile(r"[\s、和及与,，\-~～—至到]*")  # (and the dash of a range: 6%-6.5%)
_CONNECTOR_CHARS: Final = frozenset("、和及与,，-~～—至到")


def _connectors_only(s: str) -> bool:
    """``_CONNECTOR_ONLY_RE.fullmatch(s) is not None``, character by character (\\s is str.isspace)."""
    for c in s:
        if c not in _CONNECTOR_CHARS and not c.isspace():
            return False
    return True


def _respectively(ctx: _Ctx, items: list[_Item]) -> None:
    """Give each member of a list its own metric.

    '城、乡居民人均可支配收入分别为22694元、9527元' names two subjects for two values; a
    following '增长8.5%、11%' (or '同比分别下降50%、42.9%' after two counts) pairs up with the
    list before it.
    """
    groups: list[list[_Item]] = []
    for item in items:
        if item.listed and groups and groups[-1][-1].sent_start == item.sent_start:
            groups[-1].append(item)
        else:
            groups.append([item])
    for g, group in enumerate(groups):
        n = len(group)
        head = group[0]
        gap = _GAPS_RE.search(head.a_raw) if n > 1 and "分别" in head.a_raw else None
        if gap and len(_PLACES_RE.findall(gap.group("places"))) == n:
            # "分别高于全国全省2.9和1.2个百分点": one gap to each place named
            at = head.clause_start + gap.start("places")
            places = [
                ctx.text[at + m.start() : at + m.end()] for m in _PLACES_RE.finditer(gap.group("places"))
            ]
            verb = ctx.text[head.clause_start + gap.start("verb") : head.clause_start + gap.end("verb")]
            for item, place in zip(group, places, strict=True):
                item.fact.metric = verb + place
            continue
        # (同步: "甲标准、乙标准同步提升至每人每月820元、760元", each subject moved with the other)
        marker = "分别" if "分别" in head.a_raw else ("同步" if n > 1 and "同步" in head.a_raw else "")
        if marker:
            cut = head.clause_start + head.a_raw.rfind(marker)
            floor = head.sent_start
            if floor >= 2 and ctx.s.startswith("、\n", floor - 2):
                floor = _sentence(ctx, floor - 2)[0]  # a list hard-wrapped after its 、 goes on
            left = max(ctx.s.rfind(c, floor, cut) for c in "，,；;：:")
            lo = max(left + 1, floor)
            subject = _QUOTE_CHARS_RE.sub("", ctx.text[lo:cut])
            s_subject = _QUOTE_CHARS_RE.sub("", ctx.s[lo:cut])
            parts, s_parts = _SPLIT_RE.split(subject), _SPLIT_RE.split(s_subject)
            if n > 1 and len(parts) == 1 and left > head.sent_start and cut - lo <= 4:
                # "A、B和C，预计分别增长…": the subjects are the clause before
                lo2 = max(
                    max(ctx.s.rfind(c, head.sent_start, left) for c in "，,；;：:") + 1, head.sent_start
                )
                if not _ARABIC_DIGIT_RE.search(ctx.s, lo2, left):
                    lo = lo2
                    subject = _QUOTE_CHARS_RE.sub("", ctx.text[lo:left])
                    s_subject = _QUOTE_CHARS_RE.sub("", ctx.s[lo:left])
                    parts, s_parts = _SPLIT_RE.split(subject), _SPLIT_RE.split(s_subject)
            if n > 1 and len(parts) != n and s_subject.count("、") == n - 1:
                # "光电、新材料和生物医药两大产业分别增长…": the list is cut at 、, 和 joins inside an item
                parts = [x.strip() for x in subject.split("、")]
                s_parts = [x.strip() for x in s_subject.split("、")]
            p0, p1 = _strip(s_subject, 0, len(s_parts[0]))
            if n == 2 and len(parts) == 1 and "城乡" in s_parts[0]:
                # "城乡居民人均可支配收入分别为…元和…元": the town's residents, then the countryside's
                whole = parts[0][p0:p1] or parts[0]
                at = s_parts[0][p0:p1].find("城乡") if p1 > p0 else s_parts[0].find("城乡")
                if at >= 0:
                    _town_and_country(group, whole, at)
                    continue
            if n > 1 and len(parts) == n and all(parts):
                parts[0] = parts[0][p0:p1] or parts[0]
                tail = parts[-1]
                for k, item in enumerate(group):
                    part = parts[k]
                    if len(part) <= 2 < len(tail):  # 城、乡居民收入 / 城镇和农村居民收入
                        part += tail[len(part) :]
                    item.fact.metric = part
                if head.fact.unit == "%" and marker == "分别":
                    _measure_by_subject(group, s_parts, head.a_raw[head.a_raw.rfind(marker) + 2 :])
                continue
        if (
            n == 2
            and head.own_subject
            and "分别" not in head.a_raw
            and "城乡" in (simple := simplify(head.fact.metric))
        ):
            # "城乡居民人均可支配收入3.2万元、1.8万元" (no 分别): two values of one subject in that order
            _town_and_country(group, head.fact.metric, simple.find("城乡"))
            continue
        if n > 1 and not head.own_subject and g > 0:
            # pair with the list or the facts just before, in the same sentence
            before = [it for grp in groups[:g] for it in grp if it.sent_start == head.sent_start]
            if len(before) >= n:
                for item, model in zip(group, before[-n:], strict=True):
                    metric = model.fact.metric
                    if (
                        item.fact.measure == "growth"
                        and "年均" in item.a_raw + head.a_raw
                        and "年均" not in metric
                    ):
                        said = ctx.text[head.clause_start : item.fact.end]
                        metric += "年均增長" if "增長" in said else "年均增长"
                    item.fact.metric = metric
